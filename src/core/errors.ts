/**
 * Typed application errors. Services throw these; only the HTTP and CLI adapters decide how they look.
 * "not_found" is also what a caller sees for a record that is not releasable to them.
 */
export type AppErrorCode =
  'invalid' | 'not_found' | 'forbidden' | 'unauthenticated' | 'conflict' | 'unavailable';

export interface ErrorIssue {
  /** Dotted path of the offending field, e.g. `query.status` or `file:line:column`. */
  path: string;
  message: string;
}

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly issues: ErrorIssue[] = [],
    /** For a stale version (409): the record as it is now, so the client can show what changed. */
    readonly current?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string): AppError => new AppError('not_found', `${what} not found`);

export const invalid = (path: string, message: string): AppError =>
  new AppError('invalid', `${path}: ${message}`, [{ path, message }]);

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

/** A write based on an old version: 409, naming the field and carrying the current record. */
export const staleVersion = (what: string, sent: number, current: { version: number }): AppError =>
  new AppError(
    'conflict',
    `The ${what} has changed since version ${sent}; the current one is version ${current.version}`,
    [{ path: 'body.version', message: `is ${sent}, the current version is ${current.version}` }],
    current,
  );
