import type { Updateable } from 'kysely';
import type { Viewer } from '../accounts/viewer';
import { actorOf, recordAudit } from '../audit/audit.service';
import type { Db } from '../db/database';
import type { MeetingsTable } from '../db/tables/meetings';
import { AppError, invalid, staleVersion } from '../errors';
import { requireGroup } from '../groups/group.service';
import { isNarrowing, markingColumns, toMarking } from '../markings';
import { todayIso } from '../time';
import { listInvitationRows, listParticipantsOn } from './invitation.repository';
import { releasableToNation, requireSecretariat, type Writer } from './meeting-access';
import {
  calendarChanges,
  type CalendarFacts,
  futureProblem,
  instantsOf,
  openProblem,
  phaseOf,
  phaseProblem,
  reschedulingKeys,
} from './meeting-cycle';
import { findNation, type MeetingRow, updateMeetingRow } from './meeting.repository';
import type {
  CancelMeeting,
  Meeting,
  MeetingPhase,
  MeetingVersion,
  MeetingWriteResult,
  UpdateMeeting,
} from './meeting.schema';
import { codeOf, getMeeting, meetingAuditView, requireMeetingRow } from './meeting.service';

/**
 * A convened meeting's life: moved (with a reason, bumping its calendar SEQUENCE), edited, cancelled,
 * opened on its day and closed. The chair secretariat only; each change under the version read.
 */

export const NARROWING_WARNING =
  'The marking is now narrower: copies already seen or exported by nations no longer in it cannot be recalled.';

const pastTense: Record<string, string> = {
  change: 'changed',
  cancel: 'cancelled',
  open: 'opened',
  close: 'closed',
};

/** The meeting, its group, the secretariat's right, and the version the caller read. */
async function requireChange(
  db: Db,
  viewer: Viewer,
  id: string,
  version: number,
  allowed: readonly MeetingPhase[],
  action: string,
) {
  const row = await requireMeetingRow(db, viewer, id);
  const group = await requireGroup(db, row.group_slug);
  requireSecretariat(viewer, group, `${action} its meetings`);
  if (row.version !== version)
    throw staleVersion('meeting', version, await getMeeting(db, viewer, id));
  const problem = phaseProblem(
    codeOf(row),
    phaseOf(row),
    allowed,
    `it can be ${pastTense[action] ?? action}`,
  );
  if (problem !== null) throw new AppError('conflict', problem);
  return { row, group, writer: viewer };
}

/** Writes a change under the version read, and its audit entry; the audit keeps the wider marking. */
async function commit(
  db: Db,
  viewer: Writer,
  row: MeetingRow,
  version: number,
  changes: Updateable<MeetingsTable>,
  action: string,
  now: Date,
  extra: Record<string, unknown> = {},
): Promise<Meeting> {
  const before = await getMeeting(db, viewer, row.id);
  if (!(await updateMeetingRow(db, row.id, version, { ...changes, updated_at: now.toISOString() })))
    throw staleVersion('meeting', version, before);
  // The writer's nation is always in a REL TO it sets, so it reads the result.
  const after = await getMeeting(db, viewer, row.id);
  const narrowed = isNarrowing(before.marking, after.marking);
  await recordAudit(
    db,
    actorOf(viewer),
    {
      action,
      entity: 'meeting',
      entityId: row.id,
      // Every nation that could read the meeting before may read what happened to it.
      marking: narrowed ? row : markingOf(after, row.group_id),
      before: meetingAuditView(before),
      after: { ...meetingAuditView(after), ...extra },
    },
    now,
  );
  return after;
}

const markingOf = (meeting: Meeting, groupId: string) => ({
  marking: meeting.marking.classification,
  rel_to:
    meeting.marking.classification === 'RESTRICTED' ? `,${meeting.marking.relTo.join(',')},` : null,
  group_id: groupId,
});

/**
 * Reschedules or edits a planned meeting (an open one only in its level, note and marking). A new
 * date, time, zone or place needs a reason, must still be ahead, and bumps the calendar SEQUENCE.
 * A marking that would hide the meeting from an invited nation is refused.
 */
export async function updateMeeting(
  db: Db,
  viewer: Viewer,
  id: string,
  input: UpdateMeeting,
  now: Date = new Date(),
): Promise<MeetingWriteResult> {
  const { row, group, writer } = await requireChange(
    db,
    viewer,
    id,
    input.version,
    ['planned', 'open'],
    'change',
  );
  const after: CalendarFacts = {
    date: input.date ?? row.date,
    start_time: input.startTime ?? row.start_time,
    time_zone: input.timeZone ?? row.time_zone,
    duration_minutes: input.durationMinutes ?? row.duration_minutes,
    venue: input.venue === undefined ? row.venue : input.venue,
    virtual_url: input.virtualUrl === undefined ? row.virtual_url : input.virtualUrl,
    format: input.format ?? row.format,
    status: row.status,
  };
  const changed = calendarChanges(row, after);
  const moved = changed.filter((key) => reschedulingKeys.includes(key));
  if (moved.length > 0 || changed.includes('duration_minutes')) {
    const problem = phaseProblem(codeOf(row), phaseOf(row), ['planned'], 'it can be moved');
    if (problem !== null) throw new AppError('conflict', problem);
  }
  if (moved.length > 0 && input.reason === undefined)
    throw invalid(
      'body.reason',
      `is required when the ${moved.join(', ').replaceAll('_', ' ')} change`,
    );
  if (after.start_time === null) throw invalid('body.startTime', 'is required');
  const schedule = {
    date: after.date,
    startTime: after.start_time,
    timeZone: after.time_zone,
    durationMinutes: after.duration_minutes,
  };
  if (moved.some((k) => k === 'date' || k === 'start_time' || k === 'time_zone')) {
    const past = futureProblem(schedule, now);
    if (past !== null) throw invalid('body.date', past);
  }
  if ((after.format === 'in_person' || after.format === 'hybrid') && !after.venue)
    throw invalid('body.venue', `is required for a ${after.format} meeting`);
  if ((after.format === 'virtual' || after.format === 'hybrid') && !after.virtual_url)
    throw invalid('body.virtualUrl', `is required for a ${after.format} meeting`);
  if (input.venueCountry && !(await findNation(db, input.venueCountry)))
    throw invalid('body.venueCountry', `${input.venueCountry} is not a known nation`);
  const marking = input.marking ? markingColumns(input.marking, writer.nationCode) : undefined;
  if (marking) {
    const today = todayIso(now);
    const partOfGroupToday = new Set(
      (await listParticipantsOn(db, group.id, today))
        .filter((p) => p.role !== 'observer')
        .map((p) => p.nation_code),
    );
    const hidden = (await listInvitationRows(db, row.id))
      .map((i) => i.nation_code)
      .filter(
        (n) => !releasableToNation({ ...marking, group_id: group.id }, n, partOfGroupToday.has(n)),
      );
    if (hidden.length > 0)
      throw invalid(
        'body.marking',
        `would hide the meeting from invited nations: ${hidden.join(', ')}`,
      );
  }
  const before = toMarking(row);
  const meeting = await commit(
    db,
    writer,
    row,
    input.version,
    {
      date: after.date,
      start_time: after.start_time,
      time_zone: after.time_zone,
      starts_at: instantsOf(schedule).startsAt,
      duration_minutes: after.duration_minutes,
      venue: after.venue,
      virtual_url: after.virtual_url,
      format: after.format,
      ...(input.venueCountry === undefined ? {} : { venue_country_code: input.venueCountry }),
      ...(input.level === undefined ? {} : { level: input.level }),
      ...(input.note === undefined ? {} : { note: input.note }),
      ...(marking ?? {}),
      ...(moved.length > 0 ? { reschedule_reason: input.reason ?? null } : {}),
      ...(changed.length > 0 ? { sequence: row.sequence + 1 } : {}),
    },
    moved.length > 0 ? 'meeting.reschedule' : 'meeting.update',
    now,
    moved.length > 0 ? { reason: input.reason, changed: moved } : {},
  );
  const narrowed = marking !== undefined && isNarrowing(before, meeting.marking);
  return { meeting, warnings: narrowed ? [NARROWING_WARNING] : [] };
}

/** Cancels a planned meeting with a reason; calendars show it cancelled (the number stays taken). */
export async function cancelMeeting(
  db: Db,
  viewer: Viewer,
  id: string,
  input: CancelMeeting,
  now: Date = new Date(),
): Promise<MeetingWriteResult> {
  const { row, writer } = await requireChange(db, viewer, id, input.version, ['planned'], 'cancel');
  const meeting = await commit(
    db,
    writer,
    row,
    input.version,
    {
      status: 'cancelled',
      cancelled_at: now.toISOString(),
      cancel_reason: input.reason,
      sequence: row.sequence + 1,
    },
    'meeting.cancel',
    now,
    { reason: input.reason },
  );
  return { meeting, warnings: [] };
}

/** Opens the meeting (status held) on its day or the day before, so its record can be taken. */
export async function openMeeting(
  db: Db,
  viewer: Viewer,
  id: string,
  input: MeetingVersion,
  now: Date = new Date(),
): Promise<MeetingWriteResult> {
  const { row, writer } = await requireChange(db, viewer, id, input.version, ['planned'], 'open');
  const early = openProblem(row.date, row.time_zone, now);
  if (early !== null)
    throw new AppError('conflict', `${codeOf(row)} cannot be opened yet: ${early}`);
  const meeting = await commit(
    db,
    writer,
    row,
    input.version,
    { status: 'held', opened_at: now.toISOString(), opened_by: writer.userId },
    'meeting.open',
    now,
  );
  return { meeting, warnings: [] };
}

/** Closes an open meeting: its attendance, pledges, outcomes are then its record; minutes and summary follow. */
export async function closeMeeting(
  db: Db,
  viewer: Viewer,
  id: string,
  input: MeetingVersion,
  now: Date = new Date(),
): Promise<MeetingWriteResult> {
  const { row, writer } = await requireChange(db, viewer, id, input.version, ['open'], 'close');
  const meeting = await commit(
    db,
    writer,
    row,
    input.version,
    { closed_at: now.toISOString(), closed_by: writer.userId },
    'meeting.close',
    now,
  );
  return { meeting, warnings: [] };
}
