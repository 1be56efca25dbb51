import { ConfigError } from '../core/config';
import { isAppError } from '../core/errors';

/** Exit codes: 1 for a failure the user can act on (bad data, unreachable database), 2 for bad usage. */
export const EXIT_FAILURE = 1;

/** Prints an error the way a person at a terminal wants it: one line, then each problem indented. */
export function reportError(error: unknown): void {
  if (isAppError(error)) {
    process.stderr.write(`ramstein: ${error.message}\n`);
    for (const issue of error.issues.slice(0, 50)) {
      process.stderr.write(`  ${issue.path}: ${issue.message}\n`);
    }
    if (error.issues.length > 50)
      process.stderr.write(`  ... and ${error.issues.length - 50} more\n`);
    return;
  }
  if (error instanceof ConfigError) {
    process.stderr.write(`ramstein: ${error.message}\n`);
    return;
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`ramstein: unexpected error\n${message}\n`);
}
