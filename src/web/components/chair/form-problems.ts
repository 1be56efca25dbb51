import { ApiError } from '../../api/client';
import { formProblems } from '../ledger/FormErrors';

/**
 * What to say above a handover form: the problems no field shows, and a conflict (409: already
 * accepted, withdrawn, or another handover open) in the server's own words, since these forms have
 * no record to reload.
 */
export function handoverProblems(
  error: unknown,
  shown: readonly string[],
  fallback: string,
): string[] {
  if (error instanceof ApiError && error.status === 409) {
    const onField = error.body.issues.some((i) => shown.includes(i.path.replace(/^body\./, '')));
    return onField ? [] : [error.body.message];
  }
  return formProblems(error, shown, fallback);
}
