import type { SessionInfo } from '../../../core/accounts/account.schema';
import type { Handover } from '../../../core/chair/chair-handover.schema';
import type { ChairTerm } from '../../../core/chair/chair-term.schema';
import { hasRole } from '../../api/session';

/**
 * Who may do what in a handover, mirrored from the server only to decide which controls to show; the
 * server enforces every rule (a 403 is still shown at the form if these let something through).
 */

type Session = SessionInfo | null | undefined;

const secretariatOfNation = (session: Session, nation: string): boolean =>
  hasRole(session, 'secretariat') && session?.user.nation.code === nation;

/** The chair nation's secretariat (not the co-chair's), or an admin. */
export const mayPropose = (session: Session, current: ChairTerm | null): boolean =>
  hasRole(session, 'admin') ||
  (current !== null && secretariatOfNation(session, current.chair.code));

/** The incoming nation's secretariat, while the handover is only proposed. */
export const mayAccept = (session: Session, handover: Handover): boolean =>
  handover.status === 'proposed' && secretariatOfNation(session, handover.to.code);

/** Either side's secretariat, or an admin, before the handover takes effect. */
export const mayWithdraw = (session: Session, handover: Handover): boolean =>
  (handover.status === 'proposed' || handover.status === 'accepted') &&
  (hasRole(session, 'admin') ||
    secretariatOfNation(session, handover.from.code) ||
    secretariatOfNation(session, handover.to.code));

export const isOpen = (handover: Handover): boolean =>
  handover.status === 'proposed' || handover.status === 'accepted';
