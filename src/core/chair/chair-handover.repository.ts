import type { Selectable } from 'kysely';
import type { Viewer } from '../accounts/viewer';
import type { Db } from '../db/database';
import type { ChairHandoversTable } from '../db/tables/chair-handovers';
import type { ChairTermsTable } from '../db/tables/chair';
import { releasableTo } from '../markings';
import { meetingReleasableTo } from '../meetings/meeting.repository';
import { openStatuses } from './chair-handover';

/** Every read of handovers for a viewer starts here, so none can skip the markings filter. */
function releasableHandovers(db: Db, viewer: Viewer) {
  return (
    db
      .selectFrom('chair_handovers')
      .innerJoin('groups', 'groups.id', 'chair_handovers.group_id')
      .innerJoin('nations as from_n', 'from_n.code', 'chair_handovers.from_nation')
      .innerJoin('nations as to_n', 'to_n.code', 'chair_handovers.to_nation')
      .leftJoin('nations as co_n', 'co_n.code', 'chair_handovers.to_co_chair')
      // The effective meeting's number, where the viewer may read that meeting.
      .leftJoin('meetings', (join) =>
        join
          .onRef('meetings.id', '=', 'chair_handovers.effective_meeting_id')
          .on(meetingReleasableTo(viewer)),
      )
      .innerJoin('users as proposer', 'proposer.id', 'chair_handovers.proposed_by')
      .leftJoin('users as accepter', 'accepter.id', 'chair_handovers.accepted_by')
      .leftJoin('users as withdrawer', 'withdrawer.id', 'chair_handovers.withdrawn_by')
      .where(releasableTo(viewer, 'chair_handovers'))
      .selectAll('chair_handovers')
      .select([
        'groups.slug as group_slug',
        'from_n.name as from_name',
        'from_n.alpha2 as from_alpha2',
        'to_n.name as to_name',
        'to_n.alpha2 as to_alpha2',
        'co_n.name as co_name',
        'co_n.alpha2 as co_alpha2',
        'meetings.number as meeting_number',
        'proposer.username as proposer_username',
        'accepter.username as accepter_username',
        'accepter.nation_code as accepter_nation',
        'withdrawer.username as withdrawer_username',
        'withdrawer.nation_code as withdrawer_nation',
      ])
  );
}

export type HandoverRow = NonNullable<Awaited<ReturnType<typeof findHandover>>>;

export const findHandover = (db: Db, viewer: Viewer, id: string) =>
  releasableHandovers(db, viewer).where('chair_handovers.id', '=', id).executeTakeFirst();

export const listHandoverRows = (db: Db, viewer: Viewer, groupId: string) =>
  releasableHandovers(db, viewer)
    .where('chair_handovers.group_id', '=', groupId)
    .orderBy('chair_handovers.proposed_at', 'desc')
    .orderBy('chair_handovers.id', 'desc')
    .execute();

/** The group's open (proposed or accepted) handover, if any: there is at most one. */
export const findOpenHandover = (db: Db, groupId: string) =>
  db
    .selectFrom('chair_handovers')
    .select(['id', 'status', 'to_nation', 'effective_on'])
    .where('group_id', '=', groupId)
    .where('status', 'in', openStatuses)
    .executeTakeFirst();

export async function insertHandover(db: Db, row: ChairHandoversTable): Promise<void> {
  await db.insertInto('chair_handovers').values(row).execute();
}

/** Writes only if nobody changed the handover since `version`; returns whether it did. */
export async function updateHandoverRow(
  db: Db,
  id: string,
  version: number,
  changes: Partial<ChairHandoversTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('chair_handovers')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Reads a handover and locks it for this transaction (the no-op UPDATE holds PostgreSQL's row lock
 * until commit; SQLite has one writer), so two nodes applying it at once apply it once.
 */
export const lockHandover = (db: Db, id: string): Promise<Selectable<ChairHandoversTable>> =>
  db
    .updateTable('chair_handovers')
    .set((eb) => ({ version: eb.ref('version') }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();

/** Accepted handovers whose day has come, oldest first. */
export const listDueHandoverIds = async (db: Db, today: string): Promise<string[]> =>
  (
    await db
      .selectFrom('chair_handovers')
      .select('id')
      .where('status', '=', 'accepted')
      .where('effective_on', '<=', today)
      .orderBy('effective_on')
      .execute()
  ).map((r) => r.id);

/** The group's open term (no end day): the one a handover ends. */
export const findOpenTerm = (db: Db, groupId: string) =>
  db
    .selectFrom('chair_terms')
    .selectAll()
    .where('group_id', '=', groupId)
    .where('ends_on', 'is', null)
    .orderBy('starts_on', 'desc')
    .executeTakeFirst();

export const listTermDates = (db: Db, groupId: string) =>
  db
    .selectFrom('chair_terms')
    .select(['starts_on as startsOn', 'ends_on as endsOn'])
    .where('group_id', '=', groupId)
    .execute();

/** Ends the open term on `endsOn` (exclusive); false if it is no longer open. */
export async function endTerm(db: Db, termId: string, endsOn: string): Promise<boolean> {
  const result = await db
    .updateTable('chair_terms')
    .set({ ends_on: endsOn })
    .where('id', '=', termId)
    .where('ends_on', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertTerm(db: Db, row: ChairTermsTable): Promise<void> {
  await db.insertInto('chair_terms').values(row).execute();
}

/** The group's members on `day` (observers and the recipient do not chair). */
export async function memberCodesOn(db: Db, groupId: string, day: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('memberships')
    .select('nation_code')
    .where('group_id', '=', groupId)
    .where('role', '=', 'member')
    .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', day)]))
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', day)]))
    .execute();
  return new Set(rows.map((r) => r.nation_code));
}

/** The group's meeting with that number, if the viewer may read it. */
export const findMeetingByNumber = (db: Db, viewer: Viewer, groupId: string, number: number) =>
  db
    .selectFrom('meetings')
    .select(['id', 'number', 'date', 'status'])
    .where('group_id', '=', groupId)
    .where('number', '=', number)
    .where(meetingReleasableTo(viewer))
    .executeTakeFirst();

export const findMeetingNumber = (db: Db, meetingId: string) =>
  db.selectFrom('meetings').select('number').where('id', '=', meetingId).executeTakeFirst();

/** Open action items (open or in progress) of the group owned by a nation. */
export const listOpenActionItems = (db: Db, groupId: string, ownerNation: string) =>
  db
    .selectFrom('meeting_action_items')
    .select(['id', 'note', 'version'])
    .where('group_id', '=', groupId)
    .where('owner_nation', '=', ownerNation)
    .where('status', 'in', ['open', 'in_progress'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();

/** Passes one action item to a new owner with a note; false if it changed meanwhile. */
export async function passActionItem(
  db: Db,
  item: { id: string; version: number },
  change: { owner_nation: string; note: string; updated_at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('meeting_action_items')
    .set((eb) => ({ ...change, version: eb('version', '+', 1) }))
    .where('id', '=', item.id)
    .where('version', '=', item.version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
