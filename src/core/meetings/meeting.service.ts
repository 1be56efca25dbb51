import type { Viewer } from '../accounts/viewer';
import type { Db } from '../db/database';
import { AppError, notFound } from '../errors';
import { requireGroup } from '../groups/group.service';
import { toMarking } from '../markings';
import { toSource } from '../source';
import { phaseOf, phaseProblem } from './meeting-cycle';
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
  meetingLevelSchema,
  type MeetingListQuery,
  type MeetingPage,
  type MeetingPhase,
  meetingStatusSchema,
} from './meeting.schema';

type EventRow = Awaited<ReturnType<typeof listMeetingEventRows>>[number];

/** UDCG-26; an unnumbered meeting is known by its date (UDCG 2024-10-12). */
export const meetingCode = (shortName: string, number: number | null, date: string): string =>
  number === null ? `${shortName} ${date}` : `${shortName}-${number}`;

export function toMeeting(row: MeetingRow, events: EventRow[]): Meeting {
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
    marking: toMarking(row),
    level: row.level === null ? null : meetingLevelSchema.parse(row.level),
    durationMinutes: row.duration_minutes,
    endsAt:
      row.starts_at === null || row.duration_minutes === null
        ? null
        : new Date(Date.parse(row.starts_at) + row.duration_minutes * 60_000).toISOString(),
    phase: phaseOf(row),
    fromMeetingId: row.from_meeting_id,
    convenedAt: row.convened_at,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
    cancelledAt: row.cancelled_at,
    cancelReason: row.cancel_reason,
    rescheduleReason: row.reschedule_reason,
    sequence: row.sequence,
    agendaVersion: row.agenda_version,
    version: row.version,
  };
}

export async function withEvents(db: Db, rows: MeetingRow[]): Promise<Meeting[]> {
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

/** A group's meetings releasable to the viewer: reference meetings are PUBLIC, new ones as marked. */
export async function listMeetings(
  db: Db,
  viewer: Viewer,
  slug: string,
  query: MeetingListQuery,
): Promise<MeetingPage> {
  const group = await requireGroup(db, slug);
  const { rows, total } = await listMeetingRows(db, viewer, group.id, query);
  return { items: await withEvents(db, rows), total, limit: query.limit, offset: query.offset };
}

export async function getMeetingByNumber(
  db: Db,
  viewer: Viewer,
  slug: string,
  number: number,
): Promise<Meeting> {
  const group = await requireGroup(db, slug);
  const row = await findMeetingRowByNumber(db, viewer, group.id, number);
  if (!row) throw notFound(`Meeting ${group.short_name}-${number}`);
  const [meeting] = await withEvents(db, [row]);
  return meeting as Meeting;
}

/** The stored meeting row, releasable to the viewer; not releasable and not there answer alike. */
export async function requireMeetingRow(db: Db, viewer: Viewer, id: string): Promise<MeetingRow> {
  const row = await findMeetingRowById(db, viewer, id);
  if (!row) throw notFound(`Meeting ${id}`);
  return row;
}

export async function getMeeting(db: Db, viewer: Viewer, id: string): Promise<Meeting> {
  const row = await requireMeetingRow(db, viewer, id);
  const [meeting] = await withEvents(db, [row]);
  return meeting as Meeting;
}

/** UDCG-33 for a row. */
export const codeOf = (row: Pick<MeetingRow, 'group_short_name' | 'number' | 'date'>): string =>
  meetingCode(row.group_short_name, row.number, row.date);

/** Refuses with 409 unless the meeting is in one of the phases (`action` says what waits for it). */
export function requirePhase(
  meeting: MeetingRow,
  allowed: readonly MeetingPhase[],
  action: string,
): void {
  const problem = phaseProblem(codeOf(meeting), phaseOf(meeting), allowed, action);
  if (problem !== null) throw new AppError('conflict', problem);
}

/** What an audit entry keeps of a meeting, before and after a change. */
export const meetingAuditView = (m: Meeting) => ({
  code: m.code,
  date: m.date,
  startTime: m.startTime,
  timeZone: m.timeZone,
  startsAt: m.startsAt,
  durationMinutes: m.durationMinutes,
  venue: m.venue,
  virtualUrl: m.virtualUrl,
  format: m.format,
  level: m.level,
  status: m.status,
  marking: m.marking.label,
  sequence: m.sequence,
  version: m.version,
});
