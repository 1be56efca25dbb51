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
  ) {
    super(message);
  }
}

export const notFound = (what: string): AppError => new AppError('not_found', `${what} not found`);

export const invalid = (path: string, message: string): AppError =>
  new AppError('invalid', `${path}: ${message}`, [{ path, message }]);

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;
