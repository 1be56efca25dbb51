import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorBody } from '../../core/common.schema';
import { type AppErrorCode, isAppError } from '../../core/errors';

const statusOf: Record<AppErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unavailable: 503,
};

const contextName: Record<string, string> = {
  querystring: 'query',
  params: 'params',
  body: 'body',
  headers: 'headers',
};

/**
 * One place turns every failure into `{ error, message, issues }`. Client mistakes keep their 4xx and
 * name the field; anything else is logged and answered 500 without internals.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = contextName[error.validationContext ?? ''] ?? 'request';
      const issues = error.validation.map((v) => {
        const field = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
        return { path: field ? `${where}.${field}` : where, message: v.message ?? 'is invalid' };
      });
      const body: ErrorBody = {
        error: 'invalid',
        message: issues.map((i) => `${i.path}: ${i.message}`).join('; '),
        issues,
      };
      return reply.code(400).send(body);
    }
    if (isAppError(error)) {
      const status = statusOf[error.code];
      if (status >= 500) request.log.warn({ err: error }, error.message);
      return reply.code(status).send({
        error: error.code,
        message: error.message,
        issues: error.issues,
        ...(error.current === undefined ? {} : { current: error.current }),
      });
    }
    const status = error.statusCode ?? 500;
    if (status === 429) {
      const body: ErrorBody = { error: 'rate_limited', message: error.message, issues: [] };
      return reply.code(429).send(body);
    }
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: malformed JSON, wrong content type, body too large, ...
      const body: ErrorBody = {
        error: status === 404 ? 'not_found' : status === 413 ? 'too_large' : 'invalid',
        message: error.message,
        issues: [
          { path: status === 415 ? 'headers.content-type' : 'body', message: error.message },
        ],
      };
      return reply.code(status).send(body);
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send({
      error: 'internal',
      message: 'Internal server error',
      issues: [],
    } satisfies ErrorBody);
  });
}

export function notFoundBody(method: string, url: string): ErrorBody {
  const path = url.split('?')[0] ?? url;
  return { error: 'not_found', message: `No route ${method} ${path}`, issues: [] };
}

/** Fastify's own errors before routing, such as a URL that is not valid percent-encoding: always a 400. */
export function answerFrameworkError(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  const body: ErrorBody = {
    error: 'invalid',
    message: error.message,
    issues: [{ path: 'url', message: error.message }],
  };
  void reply.code(400).send(body);
}
