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

/** GETs a JSON resource and parses it with its schema; non-2xx becomes an ApiError. */
export async function getJson<S extends z.ZodType>(
  path: string,
  schema: S,
  signal?: AbortSignal,
): Promise<z.infer<S>> {
  const response = await fetch(path, { headers: { accept: 'application/json' }, signal });
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = errorSchema.safeParse(payload);
    throw new ApiError(
      response.status,
      parsed.success
        ? parsed.data
        : { error: `http_${response.status}`, message: response.statusText, issues: [] },
    );
  }
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
