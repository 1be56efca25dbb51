import type { Db } from '../db/database';
import type { MeetingListQuery } from './meeting.schema';

/** Meetings with their chair, co-chair, people and venue country joined in one query. */
function meetingsWithNames(db: Db) {
  return db
    .selectFrom('meetings')
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

export async function findMeetingRowById(db: Db, id: string) {
  return meetingsWithNames(db).where('meetings.id', '=', id).executeTakeFirst();
}

export async function findMeetingRowByNumber(db: Db, groupId: string, number: number) {
  return meetingsWithNames(db)
    .where('meetings.group_id', '=', groupId)
    .where('meetings.number', '=', number)
    .executeTakeFirst();
}

export async function listMeetingRows(db: Db, groupId: string, query: MeetingListQuery) {
  const filtered = db
    .selectFrom('meetings')
    .where('meetings.group_id', '=', groupId)
    .$if(query.status !== undefined, (qb) => qb.where('meetings.status', 'in', query.status ?? []))
    .$if(query.from !== undefined, (qb) => qb.where('meetings.date', '>=', query.from ?? ''))
    .$if(query.to !== undefined, (qb) => qb.where('meetings.date', '<=', query.to ?? ''))
    .$if(query.number !== undefined, (qb) => qb.where('meetings.number', '=', query.number ?? 0));

  const direction = query.sort.startsWith('-') ? 'desc' : 'asc';
  const column = query.sort.endsWith('number') ? 'meetings.number' : 'meetings.date';
  const ids = filtered.select('meetings.id');
  const [rows, count] = await Promise.all([
    meetingsWithNames(db)
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
