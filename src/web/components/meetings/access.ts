import type { SessionInfo } from '../../../core/accounts/account.schema';
import type { ActionItem } from '../../../core/meetings/meeting-record.schema';
import type { Meeting } from '../../../core/meetings/meeting.schema';
import { DEFAULT_GROUP } from '../../api/queries';

/**
 * Who may do what in the meeting cycle, mirrored from the server (meeting-access.ts) only to decide
 * which controls to show; the server enforces every rule and answers 403 to anything let through.
 */

type Session = SessionInfo | null | undefined;

/** The secretariat of the nation chairing or co-chairing the group today. */
export const isChairSecretariat = (session: Session, slug: string): boolean =>
  session?.secretariatOf.includes(slug) ?? false;

/** A delegation answers and checks in for its own nation; an admin-only account acts for none. */
export const delegationOf = (session: Session): string | null =>
  session && session.user.roles.some((role) => role !== 'admin') ? session.user.nation.code : null;

/** The secretariat, or a coordinator of the nation owning the action item. */
export const canEditActionItem = (session: Session, slug: string, owner: string): boolean =>
  isChairSecretariat(session, slug) ||
  (session?.user.roles.includes('coordinator') === true && session.user.nation.code === owner);

/** The meeting page's address: by number in its group when numbered (they all are once convened). */
export const meetingHref = (meeting: Pick<Meeting, 'number'>): string | null =>
  meeting.number === null ? null : `/meetings/${meeting.number}`;

/**
 * The page of the meeting an action item was raised at, or null when there is none to link: meeting
 * pages (/meetings/:number) are those of the default group's numbered meetings.
 */
export const actionItemMeetingHref = (
  item: Pick<ActionItem, 'meeting'>,
  slug: string,
): string | null => (slug === DEFAULT_GROUP ? meetingHref(item.meeting) : null);
