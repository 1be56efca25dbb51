import type { SessionInfo } from '../../../core/accounts/account.schema';
import type { Initiative } from '../../../core/initiatives/initiative.schema';

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

/**
 * Whether the user may edit the initiative and add where it was raised: an author of the nation that
 * recorded it, or the chair secretariat of its group (the only one for reference initiatives).
 */
export function canEditInitiative(
  session: Session,
  initiative: Pick<Initiative, 'group' | 'originNation'>,
): boolean {
  if (!isAuthor(session)) return false;
  return (
    (initiative.originNation !== null && session?.user.nation.code === initiative.originNation) ||
    (session?.secretariatOf.includes(initiative.group) ?? false)
  );
}
