import type { Viewer } from '../accounts/viewer';
import { actorOf, recordAudit } from '../audit/audit.service';
import type { Db } from '../db/database';
import { invalid, notFound, staleVersion } from '../errors';
import { requireGroup } from '../groups/group.service';
import { newId } from '../ids';
import { findAgendaItemRow } from './agenda.repository';
import { requireSecretariat } from './meeting-access';
import {
  findOutcomeRow,
  insertOutcome,
  listOutcomeRows,
  type OutcomeRow,
  updateOutcomeRow,
} from './meeting-record.repository';
import type { Outcome, RecordOutcome, UpdateOutcome } from './meeting-record.schema';
import { findMeetingRowById } from './meeting.repository';
import { requireMeetingRow, requirePhase } from './meeting.service';

/** Outcomes and decisions, per agenda item, recorded by the chair secretariat while the meeting is open. */

const toOutcome = (row: OutcomeRow): Outcome => ({
  id: row.id,
  agendaItemId: row.agenda_item_id,
  kind: row.kind === 'decision' ? 'decision' : 'outcome',
  text: row.text,
  recordedBy: row.recorded_by_username,
  recordedAt: row.recorded_at,
  updatedAt: row.updated_at,
  version: row.version,
});

export async function listOutcomes(db: Db, viewer: Viewer, meetingId: string): Promise<Outcome[]> {
  const meeting = await requireMeetingRow(db, viewer, meetingId);
  return (await listOutcomeRows(db, meeting.id)).map(toOutcome);
}

/** An agenda item of this meeting, or a 400 on `body.agendaItemId`. */
export async function checkAgendaItem(
  db: Db,
  meetingId: string,
  itemId: string | null | undefined,
) {
  if (itemId === null || itemId === undefined) return;
  const item = await findAgendaItemRow(db, itemId);
  if (!item || item.meeting_id !== meetingId)
    throw invalid('body.agendaItemId', 'is not an item of this meeting');
}

export async function recordOutcome(
  db: Db,
  viewer: Viewer,
  meetingId: string,
  input: RecordOutcome,
  now: Date = new Date(),
): Promise<Outcome> {
  const meeting = await requireMeetingRow(db, viewer, meetingId);
  const group = await requireGroup(db, meeting.group_slug);
  requireSecretariat(viewer, group, 'record outcomes');
  requirePhase(meeting, ['open'], 'outcomes are recorded');
  await checkAgendaItem(db, meeting.id, input.agendaItemId);
  const id = newId(now.getTime());
  const at = now.toISOString();
  await insertOutcome(db, {
    id,
    meeting_id: meeting.id,
    agenda_item_id: input.agendaItemId ?? null,
    kind: input.kind,
    text: input.text,
    recorded_by: viewer.userId,
    recorded_at: at,
    updated_at: at,
    version: 1,
  });
  await recordAudit(
    db,
    actorOf(viewer),
    {
      action: `meeting.${input.kind}`,
      entity: 'meeting_outcome',
      entityId: id,
      marking: meeting,
      after: { meetingId: meeting.id, agendaItemId: input.agendaItemId ?? null, text: input.text },
    },
    now,
  );
  const row = await findOutcomeRow(db, id);
  if (!row) throw notFound(`Outcome ${id}`);
  return toOutcome(row);
}

export async function updateOutcome(
  db: Db,
  viewer: Viewer,
  outcomeId: string,
  input: UpdateOutcome,
  now: Date = new Date(),
): Promise<Outcome> {
  const row = await findOutcomeRow(db, outcomeId);
  const meeting = row && (await findMeetingRowById(db, viewer, row.meeting_id));
  if (!row || !meeting) throw notFound(`Outcome ${outcomeId}`);
  const group = await requireGroup(db, meeting.group_slug);
  requireSecretariat(viewer, group, 'change outcomes');
  requirePhase(
    meeting,
    ['open'],
    'outcomes change (after it closes, the minutes carry corrections)',
  );
  if (row.version !== input.version) throw staleVersion('outcome', input.version, toOutcome(row));
  await checkAgendaItem(db, meeting.id, input.agendaItemId);
  const changes = {
    ...(input.agendaItemId === undefined ? {} : { agenda_item_id: input.agendaItemId }),
    ...(input.kind === undefined ? {} : { kind: input.kind }),
    ...(input.text === undefined ? {} : { text: input.text }),
    updated_at: now.toISOString(),
  };
  if (!(await updateOutcomeRow(db, row.id, input.version, changes)))
    throw staleVersion('outcome', input.version, toOutcome(row));
  const after = await findOutcomeRow(db, row.id);
  if (!after) throw notFound(`Outcome ${outcomeId}`);
  await recordAudit(
    db,
    actorOf(viewer),
    {
      action: 'meeting.outcome_update',
      entity: 'meeting_outcome',
      entityId: row.id,
      marking: meeting,
      before: toOutcome(row),
      after: toOutcome(after),
    },
    now,
  );
  return toOutcome(after);
}
