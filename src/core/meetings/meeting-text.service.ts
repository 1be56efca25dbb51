import { isSecretariatOf, type Viewer } from '../accounts/viewer';
import { actorOf, recordAudit } from '../audit/audit.service';
import type { Db } from '../db/database';
import { AppError, notFound, staleVersion } from '../errors';
import { requireGroup } from '../groups/group.service';
import { newId } from '../ids';
import { toMarking } from '../markings';
import { requireSecretariat, type Writer } from './meeting-access';
import { phaseOf, phaseProblem } from './meeting-cycle';
import {
  findTextRow,
  insertTextRevision,
  insertTextRow,
  listTextRevisionRows,
  type TextRow,
  updateTextRow,
} from './meeting-text.repository';
import type {
  FinalizeMeetingText,
  MeetingText,
  MeetingTextKind,
  MeetingTextRevision,
  WriteMeetingText,
} from './meeting-text.schema';
import type { MeetingRow } from './meeting.repository';
import { codeOf, requireMeetingRow } from './meeting.service';

/**
 * Minutes and summary: texts the secretariat writes (the summary is first drafted from the record),
 * then approves (minutes) or publishes (summary), after which they no longer change. Every version is
 * kept. A draft is the secretariat's: others read the text once it is final.
 */

const finalWord: Record<MeetingTextKind, string> = { minutes: 'approved', summary: 'published' };
const finalAction: Record<MeetingTextKind, 'approve' | 'publish'> = {
  minutes: 'approve',
  summary: 'publish',
};

async function toMeetingText(db: Db, meeting: MeetingRow, row: TextRow): Promise<MeetingText> {
  const revisions = await listTextRevisionRows(db, meeting.id, row.kind);
  return {
    meetingId: meeting.id,
    kind: row.kind as MeetingTextKind,
    body: row.body,
    status: row.status === 'final' ? 'final' : 'draft',
    marking: toMarking(meeting),
    version: row.version,
    updatedBy: row.updated_by_username,
    updatedAt: row.updated_at,
    finalizedBy: row.finalized_by_username,
    finalizedAt: row.finalized_at,
    revisions: revisions.map((r) => ({
      version: r.version,
      action: r.action as MeetingTextRevision['action'],
      body: r.body,
      changedBy: r.changed_by_username,
      changedAt: r.changed_at,
    })),
  };
}

/** The text a viewer may read: a final one, or a draft for the chair secretariat. */
export async function readableText(
  db: Db,
  viewer: Viewer,
  meeting: MeetingRow,
  kind: MeetingTextKind,
) {
  const row = await findTextRow(db, meeting.id, kind);
  if (!row || (row.status !== 'final' && !isSecretariatOf(viewer, meeting.group_id)))
    throw notFound(`The ${kind} of ${codeOf(meeting)}`);
  return row;
}

export async function getMeetingText(
  db: Db,
  viewer: Viewer,
  meetingId: string,
  kind: MeetingTextKind,
): Promise<MeetingText> {
  const meeting = await requireMeetingRow(db, viewer, meetingId);
  return toMeetingText(db, meeting, await readableText(db, viewer, meeting, kind));
}

/** Minutes are written once the meeting opens; the summary once it is closed. */
const writablePhases = { minutes: ['open', 'closed'], summary: ['closed'] } as const;

export async function requireTextWriter(
  db: Db,
  viewer: Viewer,
  meetingId: string,
  kind: MeetingTextKind,
  action: string,
) {
  const meeting = await requireMeetingRow(db, viewer, meetingId);
  const group = await requireGroup(db, meeting.group_slug);
  requireSecretariat(viewer, group, `${action} the ${kind} of its meetings`);
  const problem = phaseProblem(
    codeOf(meeting),
    phaseOf(meeting),
    writablePhases[kind],
    `its ${kind} can be ${action === 'write' ? 'written' : `${action}d`}`,
  );
  if (problem !== null) throw new AppError('conflict', problem);
  return { meeting, writer: viewer, row: await findTextRow(db, meeting.id, kind) };
}

/** Creates (version 0) or replaces the text under the version read, and keeps the revision. */
export async function saveText(
  db: Db,
  writer: Writer,
  meeting: MeetingRow,
  kind: MeetingTextKind,
  row: TextRow | undefined,
  version: number,
  body: string,
  action: 'generate' | 'edit',
  now: Date,
): Promise<MeetingText> {
  const current = row ? await toMeetingText(db, meeting, row) : undefined;
  if ((row?.version ?? 0) !== version) throw staleVersion(kind, version, current ?? { version: 0 });
  if (row?.status === 'final')
    throw new AppError(
      'conflict',
      `The ${kind} of ${codeOf(meeting)} is ${finalWord[kind]}: it no longer changes`,
    );
  const at = now.toISOString();
  if (row) {
    if (
      !(await updateTextRow(db, meeting.id, kind, version, {
        body,
        updated_by: writer.userId,
        updated_at: at,
      }))
    )
      throw staleVersion(kind, version, current ?? { version: 0 });
  } else {
    await insertTextRow(db, {
      meeting_id: meeting.id,
      kind,
      body,
      status: 'draft',
      version: 1,
      updated_by: writer.userId,
      updated_at: at,
      finalized_by: null,
      finalized_at: null,
    });
  }
  await insertTextRevision(db, {
    id: newId(now.getTime()),
    meeting_id: meeting.id,
    kind,
    version: version + 1,
    action,
    body,
    changed_by: writer.userId,
    changed_at: at,
  });
  await recordAudit(
    db,
    actorOf(writer),
    {
      action: `meeting.${kind}_${action}`,
      entity: 'meeting',
      entityId: meeting.id,
      marking: meeting,
      before: current ? { body: current.body, version: current.version } : undefined,
      after: { body, version: version + 1 },
    },
    now,
  );
  const saved = await findTextRow(db, meeting.id, kind);
  if (!saved) throw notFound(`The ${kind} of ${codeOf(meeting)}`);
  return toMeetingText(db, meeting, saved);
}

export async function writeMeetingText(
  db: Db,
  viewer: Viewer,
  meetingId: string,
  kind: MeetingTextKind,
  input: WriteMeetingText,
  now: Date = new Date(),
): Promise<MeetingText> {
  const { meeting, writer, row } = await requireTextWriter(db, viewer, meetingId, kind, 'write');
  return saveText(db, writer, meeting, kind, row, input.version, input.body, 'edit', now);
}

/** Approves the minutes or publishes the summary: from then on the text is frozen. */
export async function finalizeMeetingText(
  db: Db,
  viewer: Viewer,
  meetingId: string,
  kind: MeetingTextKind,
  input: FinalizeMeetingText,
  now: Date = new Date(),
): Promise<MeetingText> {
  const action = finalAction[kind];
  const { meeting, writer, row } = await requireTextWriter(db, viewer, meetingId, kind, action);
  const closed = phaseProblem(
    codeOf(meeting),
    phaseOf(meeting),
    ['closed'],
    `its ${kind} can be ${finalWord[kind]}`,
  );
  if (closed !== null) throw new AppError('conflict', closed);
  if (!row) throw notFound(`The ${kind} of ${codeOf(meeting)}`);
  const current = await toMeetingText(db, meeting, row);
  if (row.version !== input.version) throw staleVersion(kind, input.version, current);
  if (row.status === 'final')
    throw new AppError(
      'conflict',
      `The ${kind} of ${codeOf(meeting)} is already ${finalWord[kind]}`,
    );
  const at = now.toISOString();
  const changes = { status: 'final', finalized_by: writer.userId, finalized_at: at };
  if (!(await updateTextRow(db, meeting.id, kind, input.version, changes)))
    throw staleVersion(kind, input.version, current);
  await insertTextRevision(db, {
    id: newId(now.getTime()),
    meeting_id: meeting.id,
    kind,
    version: input.version + 1,
    action,
    body: row.body,
    changed_by: writer.userId,
    changed_at: at,
  });
  await recordAudit(
    db,
    actorOf(writer),
    {
      action: `meeting.${kind}_${action}`,
      entity: 'meeting',
      entityId: meeting.id,
      marking: meeting,
      after: { version: input.version + 1, status: 'final' },
    },
    now,
  );
  return getMeetingText(db, viewer, meeting.id, kind);
}
