import { errorSchema } from '../../core/common.schema';

/**
 * The error answers a route may give, for its OpenAPI response schema. Every error body has one shape
 * (errorSchema); these name which statuses a read or a write can answer with.
 */

/** A read: bad parameters (400), or nothing there the caller may see (404). */
export const readErrors = { 400: errorSchema, 404: errorSchema };

/** A write: also not signed in (401), not allowed (403), and a conflict or stale version (409). */
export const writeErrors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
};
