import type { Db } from '../db/database';
import { notFound } from '../errors';
import { requireGroup } from '../groups/group.service';
import { toSource } from '../source';
import {
  findMeetingRowById,
  findMeetingRowByNumber,
  listMeetingEventRows,
  listMeetingRows,
  type MeetingRow,
} from './meeting.repository';
import {
  eventRelationSchema,
  type Meeting,
  meetingFormatSchema,
  type MeetingListQuery,
  type MeetingPage,
  meetingStatusSchema,
} from './meeting.schema';

type EventRow = Awaited<ReturnType<typeof listMeetingEventRows>>[number];

/** UDCG-26; an unnumbered meeting is known by its date (UDCG 2024-10-12). */
export const meetingCode = (shortName: string, number: number | null, date: string): string =>
  number === null ? `${shortName} ${date}` : `${shortName}-${number}`;

function toMeeting(row: MeetingRow, events: EventRow[]): Meeting {
  const ref = (code: string | null, name: string | null, alpha2: string | null) =>
    code === null ? null : { code, name: name ?? code, alpha2 };
  const person = (id: string | null, name: string | null, title: string | null) =>
    id === null || name === null ? null : { id, name, title };
  return {
    id: row.id,
    group: { slug: row.group_slug, shortName: row.group_short_name },
    number: row.number,
    code: meetingCode(row.group_short_name, row.number, row.date),
    date: row.date,
    startTime: row.start_time,
    timeZone: row.time_zone,
    startsAt: row.starts_at,
    venue: row.venue,
    venueCountry: ref(row.venue_country_code, row.venue_country_name, row.venue_country_alpha2),
    virtualUrl: row.virtual_url,
    format: row.format === null ? null : meetingFormatSchema.parse(row.format),
    status: meetingStatusSchema.parse(row.status),
    chair: { code: row.chair_code, name: row.chair_name, alpha2: row.chair_alpha2 },
    chairPerson: person(row.chair_person_id, row.chair_person_name, row.chair_person_title),
    coChair: ref(row.co_chair_code, row.co_chair_name, row.co_chair_alpha2),
    coChairPerson: person(row.co_chair_person_id, row.co_person_name, row.co_person_title),
    events: events.map((e) => ({
      id: e.id,
      ref: e.ref,
      name: e.name,
      kind: e.kind,
      startsOn: e.starts_on,
      endsOn: e.ends_on,
      relation: eventRelationSchema.parse(e.relation),
    })),
    note: row.note,
    source: toSource(row),
  };
}

async function withEvents(db: Db, rows: MeetingRow[]): Promise<Meeting[]> {
  const events = await listMeetingEventRows(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) =>
    toMeeting(
      row,
      events.filter((e) => e.meeting_id === row.id),
    ),
  );
}

export async function listMeetings(
  db: Db,
  slug: string,
  query: MeetingListQuery,
): Promise<MeetingPage> {
  const group = await requireGroup(db, slug);
  const { rows, total } = await listMeetingRows(db, group.id, query);
  return { items: await withEvents(db, rows), total, limit: query.limit, offset: query.offset };
}

export async function getMeetingByNumber(db: Db, slug: string, number: number): Promise<Meeting> {
  const group = await requireGroup(db, slug);
  const row = await findMeetingRowByNumber(db, group.id, number);
  if (!row) throw notFound(`Meeting ${group.short_name}-${number}`);
  const [meeting] = await withEvents(db, [row]);
  return meeting as Meeting;
}

export async function getMeeting(db: Db, id: string): Promise<Meeting> {
  const row = await findMeetingRowById(db, id);
  if (!row) throw notFound(`Meeting ${id}`);
  const [meeting] = await withEvents(db, [row]);
  return meeting as Meeting;
}
