import type { Insertable, Updateable } from 'kysely';
import type { Viewer } from '../accounts/viewer';
import type { Db } from '../db/database';
import type { EventsTable } from '../db/tables/events';
import type { MeetingsTable } from '../db/tables/meetings';
import { releasableTo } from '../markings';
import type { MeetingListQuery } from './meeting.schema';

/** The markings filter on meetings, for every query that reads them (lists, details, feeds, records). */
export const meetingReleasableTo = (viewer: Viewer) => releasableTo(viewer, 'meetings');

/** Meetings releasable to the viewer, with chair, co-chair, people and venue country joined. */
function meetingsWithNames(db: Db, viewer: Viewer) {
  return db
    .selectFrom('meetings')
    .where(meetingReleasableTo(viewer))
    .innerJoin('groups', 'groups.id', 'meetings.group_id')
    .innerJoin('nations as chair', 'chair.code', 'meetings.chair_code')
    .leftJoin('nations as co', 'co.code', 'meetings.co_chair_code')
    .leftJoin('nations as venue', 'venue.code', 'meetings.venue_country_code')
    .leftJoin('persons as chair_person', 'chair_person.id', 'meetings.chair_person_id')
    .leftJoin('persons as co_person', 'co_person.id', 'meetings.co_chair_person_id')
    .selectAll('meetings')
    .select([
      'groups.slug as group_slug',
      'groups.short_name as group_short_name',
      'chair.name as chair_name',
      'chair.alpha2 as chair_alpha2',
      'co.name as co_chair_name',
      'co.alpha2 as co_chair_alpha2',
      'venue.name as venue_country_name',
      'venue.alpha2 as venue_country_alpha2',
      'chair_person.name as chair_person_name',
      'chair_person.title as chair_person_title',
      'co_person.name as co_person_name',
      'co_person.title as co_person_title',
    ]);
}

export type MeetingRow = Awaited<ReturnType<typeof findMeetingRowById>> & object;

export async function findMeetingRowById(db: Db, viewer: Viewer, id: string) {
  return meetingsWithNames(db, viewer).where('meetings.id', '=', id).executeTakeFirst();
}

export async function findMeetingRowByNumber(
  db: Db,
  viewer: Viewer,
  groupId: string,
  number: number,
) {
  return meetingsWithNames(db, viewer)
    .where('meetings.group_id', '=', groupId)
    .where('meetings.number', '=', number)
    .executeTakeFirst();
}

export async function listMeetingRows(
  db: Db,
  viewer: Viewer,
  groupId: string,
  query: MeetingListQuery,
) {
  const filtered = db
    .selectFrom('meetings')
    .where(meetingReleasableTo(viewer))
    .where('meetings.group_id', '=', groupId)
    .$if(query.status !== undefined, (qb) => qb.where('meetings.status', 'in', query.status ?? []))
    .$if(query.from !== undefined, (qb) => qb.where('meetings.date', '>=', query.from ?? ''))
    .$if(query.to !== undefined, (qb) => qb.where('meetings.date', '<=', query.to ?? ''))
    .$if(query.number !== undefined, (qb) => qb.where('meetings.number', '=', query.number ?? 0));

  const direction = query.sort.startsWith('-') ? 'desc' : 'asc';
  const column = query.sort.endsWith('number') ? 'meetings.number' : 'meetings.date';
  const ids = filtered.select('meetings.id');
  const [rows, count] = await Promise.all([
    meetingsWithNames(db, viewer)
      .where('meetings.id', 'in', ids)
      // Unnumbered meetings sort by date among the numbered ones; the id breaks ties stably.
      .orderBy(column, direction)
      .orderBy('meetings.date', direction)
      .orderBy('meetings.id', direction)
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/**
 * The meetings of a calendar feed, releasable to the feed's owner: a group's, or every meeting a
 * nation is invited to. Oldest first.
 */
export async function listFeedMeetingRows(
  db: Db,
  viewer: Viewer,
  filter: { groupId: string } | { nation: string },
) {
  const ids =
    'groupId' in filter
      ? db
          .selectFrom('meetings')
          .select('meetings.id')
          .where('meetings.group_id', '=', filter.groupId)
      : db
          .selectFrom('meeting_invitations')
          .select('meeting_invitations.meeting_id as id')
          .where('meeting_invitations.nation_code', '=', filter.nation);
  return meetingsWithNames(db, viewer)
    .select('groups.name as group_name')
    .where('meetings.id', 'in', ids)
    .orderBy('meetings.date')
    .orderBy('meetings.id')
    .execute();
}

/** Linked events for many meetings at once, so a page of meetings costs two queries, not N+1. */
export async function listMeetingEventRows(db: Db, meetingIds: string[]) {
  if (meetingIds.length === 0) return [];
  return db
    .selectFrom('meeting_events')
    .innerJoin('events', 'events.id', 'meeting_events.event_id')
    .select([
      'meeting_events.meeting_id',
      'meeting_events.relation',
      'events.id',
      'events.ref',
      'events.name',
      'events.kind',
      'events.starts_on',
      'events.ends_on',
    ])
    .where('meeting_events.meeting_id', 'in', meetingIds)
    .orderBy('events.starts_on')
    .orderBy('events.ref')
    .execute();
}

/**
 * Serialises numbering in a group: a no-op write to the group row takes PostgreSQL's row lock (and
 * SQLite's write lock) until the transaction ends, so two concurrent convenes cannot both take n + 1.
 */
export async function lockMeetingNumbers(db: Db, groupId: string): Promise<void> {
  await db
    .updateTable('groups')
    .set((eb) => ({ id: eb.ref('id') }))
    .where('id', '=', groupId)
    .execute();
}

/** The highest number given in the group, whoever may read the meeting that has it (0 when none). */
export async function maxMeetingNumber(db: Db, groupId: string): Promise<number> {
  const row = await db
    .selectFrom('meetings')
    .select((eb) => eb.fn.max<number | null>('number').as('max'))
    .where('group_id', '=', groupId)
    .executeTakeFirst();
  return Number(row?.max ?? 0);
}

export async function insertMeeting(db: Db, row: Insertable<MeetingsTable>): Promise<void> {
  await db.insertInto('meetings').values(row).execute();
}

/** Writes only if nobody changed the meeting since `version`; returns whether it did. */
export async function updateMeetingRow(
  db: Db,
  id: string,
  version: number,
  changes: Updateable<MeetingsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('meetings')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The latest meeting of the group chaired by this chair pairing: where its people are read from. */
export const findLastMeetingOfChair = (
  db: Db,
  groupId: string,
  chair: string,
  coChair: string | null,
) =>
  db
    .selectFrom('meetings')
    .select(['chair_person_id', 'co_chair_person_id'])
    .where('group_id', '=', groupId)
    .where('chair_code', '=', chair)
    .where((eb) =>
      coChair === null ? eb('co_chair_code', 'is', null) : eb('co_chair_code', '=', coChair),
    )
    .orderBy('date', 'desc')
    .limit(1)
    .executeTakeFirst();

export const findEventById = (db: Db, id: string) =>
  db
    .selectFrom('events')
    .select(['id', 'ref', 'starts_on'])
    .where('id', '=', id)
    .executeTakeFirst();

export async function insertEvent(db: Db, row: EventsTable): Promise<void> {
  await db.insertInto('events').values(row).execute();
}

export async function insertMeetingEvents(
  db: Db,
  rows: { meeting_id: string; event_id: string; relation: string }[],
): Promise<void> {
  if (rows.length > 0) await db.insertInto('meeting_events').values(rows).execute();
}

export const findNation = (db: Db, code: string) =>
  db.selectFrom('nations').select(['code', 'name']).where('code', '=', code).executeTakeFirst();

export const listNationNames = (db: Db, codes: readonly string[]) =>
  codes.length === 0
    ? Promise.resolve([])
    : db.selectFrom('nations').select(['code', 'name']).where('code', 'in', codes).execute();
