import type { z } from 'zod';
import { type ErrorBody, errorSchema } from '../../core/common.schema';

/** A non-2xx answer from the API, carrying the server's `{ error, message, issues }` body. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(`${status} ${body.error}: ${body.message}`);
  }

  get notFound(): boolean {
    return this.status === 404;
  }
}

/** The server answered 2xx with a body that does not match the contract: fail loudly, never guess. */
export class ContractError extends Error {
  override readonly name = 'ContractError';

  constructor(
    readonly path: string,
    readonly issues: readonly { path: string; message: string }[],
  ) {
    super(
      `Response of ${path} does not match its schema: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    );
  }
}

export type QueryValue = string | number | readonly string[] | undefined | null;

/** Builds `/api/v1/...?a=b`, leaving out empty values and joining lists with commas. */
export function apiPath(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.join(','));
    } else {
      params.set(key, String(value));
    }
  }
  const search = params.toString();
  return `/api/v1${path}${search ? `?${search}` : ''}`;
}

/** The session's CSRF token, sent with every write; set whenever a session answer arrives. */
let csrfToken: string | null = null;
let unauthorizedListener: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the server answers 401 to a request other than the session look-up itself. */
export function onUnauthorized(listener: (() => void) | null): void {
  unauthorizedListener = listener;
}

export const SESSION_PATH = '/api/v1/auth/session';

async function failure(response: Response, path: string): Promise<ApiError> {
  const payload: unknown = await response.json().catch(() => null);
  // A 401 means the session ended (expired, signed out elsewhere): let the app notice.
  if (response.status === 401 && path !== SESSION_PATH) unauthorizedListener?.();
  const parsed = errorSchema.safeParse(payload);
  return new ApiError(
    response.status,
    parsed.success
      ? parsed.data
      : { error: `http_${response.status}`, message: response.statusText, issues: [] },
  );
}

/** GETs a JSON resource and parses it with its schema; non-2xx becomes an ApiError. */
export async function getJson<S extends z.ZodType>(
  path: string,
  schema: S,
  signal?: AbortSignal,
): Promise<z.infer<S>> {
  const response = await fetch(path, { headers: { accept: 'application/json' }, signal });
  if (!response.ok) throw await failure(response, path);
  const payload: unknown = await response.json().catch(() => null);
  return parseWith(path, schema, payload);
}

type Method = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Sends a write with the CSRF token; parses the answer with `schema`, or expects 204 without one. */
async function sendJson<S extends z.ZodType>(
  method: Method,
  path: string,
  body: unknown,
  schema: S | null,
): Promise<z.infer<S>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (!response.ok) throw await failure(response, path);
  if (schema === null) return undefined as z.infer<S>;
  const payload: unknown = await response.json().catch(() => null);
  return parseWith(path, schema, payload);
}

export function postJson<S extends z.ZodType>(path: string, body: unknown, schema: S) {
  return sendJson('POST', path, body, schema);
}

/** POST expecting 204 No Content. */
export async function postNoContent(path: string, body?: unknown): Promise<void> {
  await sendJson('POST', path, body, null);
}

export function patchJson<S extends z.ZodType>(path: string, body: unknown, schema: S) {
  return sendJson('PATCH', path, body, schema);
}

/** PUT answered with a body (`schema`). */
export function sendPut<S extends z.ZodType>(path: string, body: unknown, schema: S) {
  return sendJson('PUT', path, body, schema);
}

/** PUT expecting 204 No Content. */
export async function putJson(path: string, body: unknown): Promise<void> {
  await sendJson('PUT', path, body, null);
}

/** DELETE answered with a body (`schema`) or with 204 (`null`). */
export function deleteJson<S extends z.ZodType>(path: string, schema: S | null = null) {
  return sendJson('DELETE', path, undefined, schema);
}

/** The server's messages per field (`body.newPassword` → `newPassword`), to show at each input. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const issue of error.body.issues) {
    const key = issue.path.replace(/^(body|query|params)\./, '');
    out[key] ??= issue.message;
  }
  return out;
}

function parseWith<S extends z.ZodType>(path: string, schema: S, payload: unknown): z.infer<S> {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    throw new ContractError(
      path,
      parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: issue.message,
      })),
    );
  }
  return parsed.data;
}
