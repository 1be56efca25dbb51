import type { Viewer } from '../accounts/viewer';
import type { Db } from '../db/database';
import type {
  MeetingActionItemsTable,
  MeetingAttendanceTable,
  MeetingOutcomesTable,
} from '../db/tables/meeting-cycle';
import { meetingReleasableTo } from './meeting.repository';

/**
 * What is recorded at a meeting: attendance, outcomes, action items. Attendance and outcomes are read
 * through a meeting the service has found releasable; action items, which later meetings see, are
 * read joined to the meeting that raised them and filtered by its marking.
 */

export type AttendanceRow = Awaited<ReturnType<typeof listAttendanceRows>>[number];

export const listAttendanceRows = (db: Db, meetingId: string) =>
  db
    .selectFrom('meeting_attendance')
    .innerJoin('nations', 'nations.code', 'meeting_attendance.nation_code')
    .innerJoin('users', 'users.id', 'meeting_attendance.recorded_by')
    .selectAll('meeting_attendance')
    .select([
      'nations.name as nation_name',
      'nations.alpha2 as nation_alpha2',
      'users.username as recorded_by_username',
    ])
    .where('meeting_attendance.meeting_id', '=', meetingId)
    .orderBy('meeting_attendance.checked_in_at')
    .orderBy('nations.name')
    .execute();

export const findAttendance = (db: Db, meetingId: string, nation: string) =>
  db
    .selectFrom('meeting_attendance')
    .select(['id', 'checked_in_at'])
    .where('meeting_id', '=', meetingId)
    .where('nation_code', '=', nation)
    .executeTakeFirst();

export async function insertAttendance(db: Db, row: MeetingAttendanceTable): Promise<void> {
  await db.insertInto('meeting_attendance').values(row).execute();
}

export type OutcomeRow = Awaited<ReturnType<typeof listOutcomeRows>>[number];

function outcomes(db: Db) {
  return db
    .selectFrom('meeting_outcomes')
    .innerJoin('users', 'users.id', 'meeting_outcomes.recorded_by')
    .selectAll('meeting_outcomes')
    .select('users.username as recorded_by_username');
}

export const listOutcomeRows = (db: Db, meetingId: string) =>
  outcomes(db)
    .where('meeting_outcomes.meeting_id', '=', meetingId)
    .orderBy('meeting_outcomes.recorded_at')
    .orderBy('meeting_outcomes.id')
    .execute();

export const findOutcomeRow = (db: Db, id: string) =>
  outcomes(db).where('meeting_outcomes.id', '=', id).executeTakeFirst();

export async function insertOutcome(db: Db, row: MeetingOutcomesTable): Promise<void> {
  await db.insertInto('meeting_outcomes').values(row).execute();
}

export async function updateOutcomeRow(
  db: Db,
  id: string,
  version: number,
  changes: Partial<MeetingOutcomesTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('meeting_outcomes')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export type ActionItemRow = Awaited<ReturnType<typeof findActionItemRow>> & object;

/** Action items joined to the meeting that raised them, releasable to the viewer through it. */
function releasableActionItems(db: Db, viewer: Viewer) {
  return db
    .selectFrom('meeting_action_items')
    .innerJoin('meetings', 'meetings.id', 'meeting_action_items.meeting_id')
    .innerJoin('groups', 'groups.id', 'meeting_action_items.group_id')
    .innerJoin('nations', 'nations.code', 'meeting_action_items.owner_nation')
    .innerJoin('users', 'users.id', 'meeting_action_items.created_by')
    .where(meetingReleasableTo(viewer))
    .selectAll('meeting_action_items')
    .select([
      'meetings.number as meeting_number',
      'meetings.date as meeting_date',
      'meetings.marking',
      'meetings.rel_to',
      'groups.short_name as group_short_name',
      'groups.slug as group_slug',
      'nations.name as owner_name',
      'nations.alpha2 as owner_alpha2',
      'users.username as created_by_username',
    ]);
}

export const findActionItemRow = (db: Db, viewer: Viewer, id: string) =>
  releasableActionItems(db, viewer).where('meeting_action_items.id', '=', id).executeTakeFirst();

/**
 * The action items a meeting sees: those raised at it, and those raised at an earlier meeting of the
 * group that are still open. `open` keeps only open ones; `before` keeps earlier meetings only;
 * `owner` one nation's.
 */
export const listActionItemRows = (
  db: Db,
  viewer: Viewer,
  groupId: string,
  filter: { meetingId?: string; openOnly?: boolean; raisedBefore?: string; owner?: string },
) =>
  releasableActionItems(db, viewer)
    .where('meeting_action_items.group_id', '=', groupId)
    .$if(filter.meetingId !== undefined, (qb) =>
      qb.where('meeting_action_items.meeting_id', '=', filter.meetingId ?? ''),
    )
    .$if(filter.openOnly === true, (qb) =>
      qb.where('meeting_action_items.status', 'in', ['open', 'in_progress']),
    )
    .$if(filter.raisedBefore !== undefined, (qb) =>
      qb.where('meetings.date', '<', filter.raisedBefore ?? ''),
    )
    .$if(filter.owner !== undefined, (qb) =>
      qb.where('meeting_action_items.owner_nation', '=', filter.owner ?? ''),
    )
    .orderBy('meetings.date')
    .orderBy('meeting_action_items.created_at')
    .orderBy('meeting_action_items.id')
    .execute();

export async function insertActionItem(db: Db, row: MeetingActionItemsTable): Promise<void> {
  await db.insertInto('meeting_action_items').values(row).execute();
}

export async function updateActionItemRow(
  db: Db,
  id: string,
  version: number,
  changes: Partial<MeetingActionItemsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('meeting_action_items')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
