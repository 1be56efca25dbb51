import type { SessionInfo } from '../../../core/accounts/account.schema';

/**
 * Who may record initiatives and positions, mirrored from the server only to decide which controls to
 * show; the server enforces it (and a refusal is shown at the form).
 */

type Session = SessionInfo | null | undefined;

/** Any signed-in author: a role beyond viewer and admin. */
export const isAuthor = (session: Session): boolean =>
  session?.user.roles.some((r) => r !== 'viewer' && r !== 'admin') ?? false;

/**
 * Whose position the user may record: any party's for the chair secretariat (from a statement, with
 * its source), its own nation's for another author, nobody's otherwise.
 */
export function positionScope(session: Session, group: string): 'any' | 'own' | null {
  if (!isAuthor(session)) return null;
  return session?.secretariatOf.includes(group) ? 'any' : 'own';
}
