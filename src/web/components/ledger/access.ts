import type { SessionInfo } from '../../../core/accounts/account.schema';
import type { Group } from '../../../core/groups/group.schema';
import type { Pledge } from '../../../core/pledges/pledge.schema';
import { hasRole } from '../../api/session';

/**
 * Who may do what in the ledger, mirrored from the server only to decide which controls to show; the
 * server enforces every rule and answers 403 to anything these let through by mistake.
 */

type Session = SessionInfo | null | undefined;

/** A planner of the group's recipient nation: publishes, re-orders and edits requirements. */
export const isRecipientPlanner = (session: Session, group: Group | undefined): boolean =>
  hasRole(session, 'recipient') &&
  group !== undefined &&
  session?.user.nation.code === group.recipient.code;

const isSecretariat = (session: Session, slug: string): boolean =>
  session?.secretariatOf.includes(slug) ?? false;

/** Coordinators record their own nation's pledges; the chair's secretariat records anyone's. */
export const canCreatePledge = (session: Session, slug: string): boolean =>
  hasRole(session, 'coordinator') || isSecretariat(session, slug);

/** Whether the user may change this pledge, its schedule and its deliveries. */
export const canWritePledge = (
  session: Session,
  pledge: Pick<Pledge, 'group' | 'donor'>,
): boolean =>
  isSecretariat(session, pledge.group) ||
  (hasRole(session, 'coordinator') && session?.user.nation.code === pledge.donor);

/** Whether the user may record pledges for another nation than its own. */
export const mayChooseDonor = (session: Session, slug: string): boolean =>
  isSecretariat(session, slug);
