import type { Viewer } from '../accounts/viewer';
import type { Db } from '../db/database';
import { meetingReleasableTo } from '../meetings/meeting.repository';
import type { EventListQuery } from './event.schema';

function eventsWithCountry(db: Db) {
  return db
    .selectFrom('events')
    .leftJoin('nations', 'nations.code', 'events.country_code')
    .selectAll('events')
    .select(['nations.name as country_name', 'nations.alpha2 as country_alpha2']);
}

export type EventRow = NonNullable<Awaited<ReturnType<typeof findEventRow>>>;

export async function findEventRow(db: Db, id: string) {
  return eventsWithCountry(db).where('events.id', '=', id).executeTakeFirst();
}

export async function listEventRows(db: Db, query: EventListQuery) {
  const filtered = db
    .selectFrom('events')
    .$if(query.from !== undefined, (qb) => qb.where('events.ends_on', '>=', query.from ?? ''))
    .$if(query.to !== undefined, (qb) => qb.where('events.starts_on', '<=', query.to ?? ''))
    .$if(query.kind !== undefined, (qb) => qb.where('events.kind', '=', query.kind ?? ''));
  const [rows, count] = await Promise.all([
    eventsWithCountry(db)
      .where('events.id', 'in', filtered.select('events.id'))
      .orderBy('events.starts_on')
      .orderBy('events.ref')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** The meetings linked to events, as far as the viewer may read them. */
export async function listEventMeetingRows(db: Db, viewer: Viewer, eventIds: string[]) {
  if (eventIds.length === 0) return [];
  return db
    .selectFrom('meeting_events')
    .innerJoin('meetings', 'meetings.id', 'meeting_events.meeting_id')
    .where(meetingReleasableTo(viewer))
    .innerJoin('groups', 'groups.id', 'meetings.group_id')
    .select([
      'meeting_events.event_id',
      'meeting_events.relation',
      'meetings.id',
      'meetings.number',
      'meetings.date',
      'groups.slug',
    ])
    .where('meeting_events.event_id', 'in', eventIds)
    .orderBy('meetings.date')
    .execute();
}
