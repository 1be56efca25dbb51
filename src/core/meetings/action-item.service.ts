import type { Viewer } from '../accounts/viewer';
import { actorOf, recordAudit } from '../audit/audit.service';
import type { Db } from '../db/database';
import { invalid, notFound, staleVersion } from '../errors';
import { requireGroup } from '../groups/group.service';
import { newId } from '../ids';
import { todayIso } from '../time';
import { listParticipantsOn } from './invitation.repository';
import { requireActionItemEditor, requireSecretariat } from './meeting-access';
import { isClosedActionItem, isOverdueActionItem } from './meeting-cycle';
import {
  type ActionItemRow,
  findActionItemRow,
  insertActionItem,
  listActionItemRows,
  updateActionItemRow,
} from './meeting-record.repository';
import type {
  ActionItem,
  ActionItemListQuery,
  CreateActionItem,
  MeetingActionItems,
  UpdateActionItem,
} from './meeting-record.schema';
import { meetingCode, requireMeetingRow, requirePhase } from './meeting.service';
import { checkAgendaItem } from './outcome.service';

/**
 * Action items: raised at an open meeting with an owner nation and a due day; every later meeting of
 * the group sees them until they are done or dropped.
 */

export function toActionItem(row: ActionItemRow, today: string): ActionItem {
  return {
    id: row.id,
    meeting: {
      id: row.meeting_id,
      number: row.meeting_number === null ? null : Number(row.meeting_number),
      code: meetingCode(row.group_short_name, row.meeting_number, row.meeting_date),
      date: row.meeting_date,
    },
    agendaItemId: row.agenda_item_id,
    title: row.title,
    owner: { code: row.owner_nation, name: row.owner_name, alpha2: row.owner_alpha2 },
    dueOn: row.due_on,
    status: row.status as ActionItem['status'],
    overdue: isOverdueActionItem(row.status, row.due_on, today),
    note: row.note,
    closedAt: row.closed_at,
    createdBy: row.created_by_username,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** Raised at this meeting, and still open from earlier ones: what the meeting has to follow up. */
export async function listMeetingActionItems(
  db: Db,
  viewer: Viewer,
  meetingId: string,
  now: Date = new Date(),
): Promise<MeetingActionItems> {
  const meeting = await requireMeetingRow(db, viewer, meetingId);
  const today = todayIso(now);
  const [here, carried] = await Promise.all([
    listActionItemRows(db, viewer, meeting.group_id, { meetingId: meeting.id }),
    listActionItemRows(db, viewer, meeting.group_id, {
      openOnly: true,
      raisedBefore: meeting.date,
    }),
  ]);
  return {
    raisedHere: here.map((r) => toActionItem(r, today)),
    carried: carried.map((r) => toActionItem(r, today)),
  };
}

export async function listGroupActionItems(
  db: Db,
  viewer: Viewer,
  slug: string,
  query: ActionItemListQuery,
  now: Date = new Date(),
): Promise<ActionItem[]> {
  const group = await requireGroup(db, slug);
  const rows = await listActionItemRows(db, viewer, group.id, {
    openOnly: query.status === 'open',
    ...(query.owner === undefined ? {} : { owner: query.owner }),
  });
  return rows.map((r) => toActionItem(r, todayIso(now)));
}

async function checkOwner(db: Db, groupId: string, owner: string, path: string, day: string) {
  const participants = await listParticipantsOn(db, groupId, day);
  if (!participants.some((p) => p.nation_code === owner))
    throw invalid(path, `${owner} does not take part in the group`);
}

export async function createActionItem(
  db: Db,
  viewer: Viewer,
  meetingId: string,
  input: CreateActionItem,
  now: Date = new Date(),
): Promise<ActionItem> {
  const meeting = await requireMeetingRow(db, viewer, meetingId);
  const group = await requireGroup(db, meeting.group_slug);
  requireSecretariat(viewer, group, 'record action items');
  requirePhase(meeting, ['open'], 'action items are raised');
  await checkOwner(db, group.id, input.ownerNation, 'body.ownerNation', meeting.date);
  await checkAgendaItem(db, meeting.id, input.agendaItemId);
  if (input.dueOn !== undefined && input.dueOn < meeting.date)
    throw invalid('body.dueOn', `is before the meeting (${meeting.date})`);
  const id = newId(now.getTime());
  const at = now.toISOString();
  await insertActionItem(db, {
    id,
    group_id: group.id,
    meeting_id: meeting.id,
    agenda_item_id: input.agendaItemId ?? null,
    title: input.title,
    owner_nation: input.ownerNation,
    due_on: input.dueOn ?? null,
    status: 'open',
    note: input.note ?? null,
    closed_at: null,
    created_by: viewer.userId,
    created_at: at,
    updated_at: at,
    version: 1,
  });
  const row = await findActionItemRow(db, viewer, id);
  if (!row) throw notFound(`Action item ${id}`);
  const item = toActionItem(row, todayIso(now));
  await recordAudit(
    db,
    actorOf(viewer),
    {
      action: 'meeting.action_item',
      entity: 'meeting_action_item',
      entityId: id,
      marking: meeting,
      after: { title: item.title, owner: item.owner.code, dueOn: item.dueOn, status: item.status },
    },
    now,
  );
  return item;
}

/** Progress on an action item, by the secretariat or its owner's coordinators; closing stamps it. */
export async function updateActionItem(
  db: Db,
  viewer: Viewer,
  id: string,
  input: UpdateActionItem,
  now: Date = new Date(),
): Promise<ActionItem> {
  const row = await findActionItemRow(db, viewer, id);
  if (!row) throw notFound(`Action item ${id}`);
  const group = await requireGroup(db, row.group_slug);
  requireActionItemEditor(viewer, group, row.owner_nation);
  const today = todayIso(now);
  if (row.version !== input.version)
    throw staleVersion('action item', input.version, toActionItem(row, today));
  if (input.ownerNation !== undefined && input.ownerNation !== row.owner_nation) {
    requireSecretariat(viewer, group, 'give an action item to another nation');
    await checkOwner(db, group.id, input.ownerNation, 'body.ownerNation', today);
  }
  const status = input.status ?? row.status;
  const closedAt = isClosedActionItem(status) ? (row.closed_at ?? now.toISOString()) : null;
  const changes = {
    ...(input.title === undefined ? {} : { title: input.title }),
    ...(input.ownerNation === undefined ? {} : { owner_nation: input.ownerNation }),
    ...(input.dueOn === undefined ? {} : { due_on: input.dueOn }),
    ...(input.note === undefined ? {} : { note: input.note }),
    status,
    closed_at: closedAt,
    updated_at: now.toISOString(),
  };
  if (!(await updateActionItemRow(db, row.id, input.version, changes)))
    throw staleVersion('action item', input.version, toActionItem(row, today));
  const after = await findActionItemRow(db, viewer, row.id);
  if (!after) throw notFound(`Action item ${id}`);
  const item = toActionItem(after, today);
  await recordAudit(
    db,
    actorOf(viewer),
    {
      action: 'meeting.action_item_update',
      entity: 'meeting_action_item',
      entityId: row.id,
      marking: { marking: row.marking, rel_to: row.rel_to, group_id: row.group_id },
      before: { title: row.title, owner: row.owner_nation, dueOn: row.due_on, status: row.status },
      after: { title: item.title, owner: item.owner.code, dueOn: item.dueOn, status: item.status },
    },
    now,
  );
  return item;
}
