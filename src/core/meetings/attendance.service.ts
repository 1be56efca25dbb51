import { isSecretariatOf, type Viewer } from '../accounts/viewer';
import { actorOf, recordAudit } from '../audit/audit.service';
import type { Db } from '../db/database';
import { AppError, invalid, notFound } from '../errors';
import { requireGroup } from '../groups/group.service';
import { newId } from '../ids';
import { publishLiveEvent } from '../live/live-event.service';
import { toMarking } from '../markings';
import type { PledgeDetail } from '../pledges/pledge.schema';
import { createPledge, requirePledgeWriter } from '../pledges/pledge.service';
import { todayIso } from '../time';
import { findInvitation } from './invitation.repository';
import { requireDelegationOf } from './meeting-access';
import { localDateIn } from './meeting-cycle';
import {
  type AttendanceRow,
  findAttendance,
  insertAttendance,
  listAttendanceRows,
} from './meeting-record.repository';
import type {
  Attendance,
  AttendanceList,
  MeetingPledge,
  RecordAttendance,
} from './meeting-record.schema';
import { meetingLevelSchema } from './meeting.schema';
import { codeOf, requireMeetingRow, requirePhase } from './meeting.service';

/**
 * While a meeting is open: who is there (proof of attendance, published on the live board) and the
 * pledges announced at it, which go into the ledger linked to the meeting.
 */

const toAttendance = (row: AttendanceRow): Attendance => ({
  nation: { code: row.nation_code, name: row.nation_name, alpha2: row.nation_alpha2 },
  headOfDelegation: row.head_of_delegation,
  level: row.delegation_level === null ? null : meetingLevelSchema.parse(row.delegation_level),
  mode: row.mode === 'virtual' ? 'virtual' : 'in_person',
  checkedInAt: row.checked_in_at,
  recordedBy: row.recorded_by_username,
  recordedByNation: row.recorded_by_nation,
  selfCheckIn: row.self_check_in === 1,
  note: row.note,
});

export async function listAttendance(
  db: Db,
  viewer: Viewer,
  meetingId: string,
): Promise<AttendanceList> {
  const meeting = await requireMeetingRow(db, viewer, meetingId);
  const items = (await listAttendanceRows(db, meeting.id)).map(toAttendance);
  return {
    meetingId: meeting.id,
    marking: toMarking(meeting),
    items,
    count: items.length,
    inPerson: items.filter((a) => a.mode === 'in_person').length,
    virtual: items.filter((a) => a.mode === 'virtual').length,
  };
}

/**
 * Records that a nation is there: the server's clock, who recorded it, and whether the delegation did
 * so itself. One check-in per nation, of an invited nation, while the meeting is open.
 */
export async function recordAttendance(
  db: Db,
  viewer: Viewer,
  meetingId: string,
  input: RecordAttendance,
  now: Date = new Date(),
): Promise<Attendance> {
  const meeting = await requireMeetingRow(db, viewer, meetingId);
  const group = await requireGroup(db, meeting.group_slug);
  requireDelegationOf(viewer, group, input.nation, 'body.nation');
  requirePhase(meeting, ['open'], 'attendance is recorded');
  const code = codeOf(meeting);
  const invitation = await findInvitation(db, meeting.id, input.nation);
  if (!invitation) throw invalid('body.nation', `${input.nation} is not invited to ${code}`);
  const already = await findAttendance(db, meeting.id, input.nation);
  if (already) {
    throw new AppError(
      'conflict',
      `${input.nation} already checked in to ${code} at ${already.checked_in_at}`,
      [{ path: 'body.nation', message: 'has already checked in' }],
    );
  }
  // A delegation checking itself in; the secretariat recording its own nation is not "self".
  const selfCheckIn = viewer.nationCode === input.nation && !isSecretariatOf(viewer, group.id);
  const at = now.toISOString();
  const mode = input.mode ?? (invitation.response === 'virtual' ? 'virtual' : 'in_person');
  await insertAttendance(db, {
    id: newId(now.getTime()),
    meeting_id: meeting.id,
    nation_code: input.nation,
    head_of_delegation: input.headOfDelegation ?? invitation.head_of_delegation,
    delegation_level: input.level ?? invitation.delegation_level,
    mode,
    checked_in_at: at,
    recorded_by: viewer.userId,
    recorded_by_nation: viewer.nationCode,
    self_check_in: selfCheckIn ? 1 : 0,
    note: input.note ?? null,
  });
  const attendance = (await listAttendanceRows(db, meeting.id))
    .map(toAttendance)
    .find((a) => a.nation.code === input.nation);
  if (!attendance) throw notFound(`Attendance of ${input.nation}`);
  await recordAudit(
    db,
    actorOf(viewer),
    {
      action: 'meeting.attendance',
      entity: 'meeting',
      entityId: meeting.id,
      marking: meeting,
      after: {
        nation: input.nation,
        mode,
        headOfDelegation: attendance.headOfDelegation,
        checkedInAt: at,
        selfCheckIn,
      },
    },
    now,
  );
  // The live board shows it to every subscriber the meeting is releasable to, once committed.
  await publishLiveEvent(
    db,
    {
      meetingId: meeting.id,
      kind: 'attendance.recorded',
      marking: { marking: meeting.marking, rel_to: meeting.rel_to, group_id: meeting.group_id },
      data: {
        nation: attendance.nation.code,
        nationName: attendance.nation.name,
        mode: attendance.mode,
        headOfDelegation: attendance.headOfDelegation,
        checkedInAt: attendance.checkedInAt,
        selfCheckIn: attendance.selfCheckIn,
      },
    },
    now,
  );
  return attendance;
}

// ---------------------------------------------------------------------------------------------------
// Pledges announced at the meeting

/**
 * Records a pledge announced at the meeting in the ledger, linked to it. The ledger's own rules apply
 * (the chair secretariat may record any donor's pledge; a coordinator its own nation's).
 */
export async function recordMeetingPledge(
  db: Db,
  viewer: Viewer,
  meetingId: string,
  input: MeetingPledge,
  now: Date = new Date(),
): Promise<PledgeDetail> {
  const meeting = await requireMeetingRow(db, viewer, meetingId);
  const group = await requireGroup(db, meeting.group_slug);
  requirePledgeWriter(viewer, group, input.donor ?? viewer.nationCode ?? '');
  requirePhase(meeting, ['open'], 'pledges are recorded at it');
  // The venue's today, unless it is already tomorrow there: a pledge is never dated after today (UTC).
  const venueToday = localDateIn(meeting.time_zone, now);
  const utcToday = todayIso(now);
  const announcedOn = input.announcedOn ?? (venueToday < utcToday ? venueToday : utcToday);
  return createPledge(
    db,
    viewer,
    group.slug,
    { ...input, announcedOn, meetingId: meeting.id },
    now,
  );
}
