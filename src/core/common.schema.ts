import { z } from 'zod';
import { isIsoDate, isTimeZone } from './time';

/** Building blocks every feature's contract uses. Imports zod only, so the web app can use it. */

export const isoDate = z
  .string()
  .refine(isIsoDate, { message: 'must be a calendar date written YYYY-MM-DD' });

export const timeZone = z
  .string()
  .refine(isTimeZone, { message: 'must be an IANA time zone such as Europe/Brussels' });

export const nationCode = z
  .string()
  .regex(/^[A-Z]{3}$/, { message: 'must be an ISO 3166-1 alpha-3 code in capitals, such as GBR' });

export const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, {
  message: 'must be lower-case letters, digits and hyphens',
});

export const uuid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, {
    message: 'must be a UUID',
  });

export const confidenceSchema = z.enum(['high', 'medium', 'uncertain']);

/** Where a row comes from: every reference row carries it through the API. */
export const sourceSchema = z.object({
  url: z.string().nullable(),
  title: z.string().nullable(),
  confidence: confidenceSchema.nullable(),
});
export type Source = z.infer<typeof sourceSchema>;

export const nationRefSchema = z.object({
  code: z.string(),
  name: z.string(),
  alpha2: z.string().nullable(),
});
export type NationRef = z.infer<typeof nationRefSchema>;

/** `limit` and `offset` query parameters, with bounds so nobody asks for a million rows. */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });

export const errorSchema = z.object({
  error: z.string(),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })),
  current: z.unknown().optional().describe('For 409 on a stale version: the record as it is now'),
});
export type ErrorBody = z.infer<typeof errorSchema>;
