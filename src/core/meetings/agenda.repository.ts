import type { Viewer } from '../accounts/viewer';
import type { Db } from '../db/database';
import type {
  MeetingAgendaItemsTable,
  MeetingAgendaLinksTable,
  MeetingAgendaRevisionsTable,
} from '../db/tables/meeting-cycle';
import { releasableTo } from '../markings';

/** Agenda items are read only through a meeting the service has found releasable to the viewer. */

export type AgendaItemRow = Awaited<ReturnType<typeof listAgendaItemRows>>[number];

export const listAgendaItemRows = (db: Db, meetingId: string) =>
  db
    .selectFrom('meeting_agenda_items')
    .leftJoin('nations', 'nations.code', 'meeting_agenda_items.presenter_nation')
    .selectAll('meeting_agenda_items')
    .select(['nations.name as presenter_name', 'nations.alpha2 as presenter_alpha2'])
    .where('meeting_agenda_items.meeting_id', '=', meetingId)
    .orderBy('meeting_agenda_items.position')
    .execute();

export const listAgendaLinkRows = (db: Db, itemIds: readonly string[]) =>
  itemIds.length === 0
    ? Promise.resolve([] as MeetingAgendaLinksTable[])
    : db
        .selectFrom('meeting_agenda_links')
        .selectAll()
        .where('agenda_item_id', 'in', itemIds)
        .orderBy('kind')
        .orderBy('ref')
        .execute();

export const findAgendaItemRow = (db: Db, id: string) =>
  db.selectFrom('meeting_agenda_items').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertAgendaItem(db: Db, row: MeetingAgendaItemsTable): Promise<void> {
  await db.insertInto('meeting_agenda_items').values(row).execute();
}

export async function replaceAgendaLinks(
  db: Db,
  itemId: string,
  links: readonly { kind: string; ref: string }[],
): Promise<void> {
  await db.deleteFrom('meeting_agenda_links').where('agenda_item_id', '=', itemId).execute();
  const unique = [...new Map(links.map((l) => [`${l.kind}|${l.ref}`, l])).values()];
  if (unique.length > 0) {
    await db
      .insertInto('meeting_agenda_links')
      .values(unique.map((l) => ({ agenda_item_id: itemId, kind: l.kind, ref: l.ref })))
      .execute();
  }
}

/** Writes only if nobody changed the item since `version`; returns whether it did. */
export async function updateAgendaItemRow(
  db: Db,
  id: string,
  version: number,
  changes: Partial<MeetingAgendaItemsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('meeting_agenda_items')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteAgendaItemRow(db: Db, id: string, version: number): Promise<boolean> {
  await db.deleteFrom('meeting_agenda_links').where('agenda_item_id', '=', id).execute();
  const result = await db
    .deleteFrom('meeting_agenda_items')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function setAgendaPosition(db: Db, id: string, position: number): Promise<void> {
  await db.updateTable('meeting_agenda_items').set({ position }).where('id', '=', id).execute();
}

/**
 * Bumps the meeting's agenda version and returns the new one. The update takes the meeting row's lock
 * first, so concurrent agenda changes queue up and each sees the positions the previous one left.
 */
export async function bumpAgendaVersion(db: Db, meetingId: string): Promise<number> {
  const row = await db
    .updateTable('meetings')
    .set((eb) => ({ agenda_version: eb('agenda_version', '+', 1) }))
    .where('id', '=', meetingId)
    .returning('agenda_version')
    .executeTakeFirstOrThrow();
  return Number(row.agenda_version);
}

export async function insertAgendaRevision(
  db: Db,
  row: MeetingAgendaRevisionsTable,
): Promise<void> {
  await db.insertInto('meeting_agenda_revisions').values(row).execute();
}

export const listAgendaRevisionRows = (db: Db, meetingId: string) =>
  db
    .selectFrom('meeting_agenda_revisions')
    .innerJoin('users', 'users.id', 'meeting_agenda_revisions.changed_by')
    .selectAll('meeting_agenda_revisions')
    .select('users.username as changed_by_username')
    .where('meeting_agenda_revisions.meeting_id', '=', meetingId)
    .orderBy('meeting_agenda_revisions.revision')
    .execute();

/** Whether outcomes or action items hang on an agenda item (it may not then be removed). */
export async function countAgendaItemRecords(db: Db, itemId: string): Promise<number> {
  const [outcomes, actions] = await Promise.all([
    db
      .selectFrom('meeting_outcomes')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('agenda_item_id', '=', itemId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('meeting_action_items')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('agenda_item_id', '=', itemId)
      .executeTakeFirstOrThrow(),
  ]);
  return Number(outcomes.n) + Number(actions.n);
}

/**
 * Of the requirement and initiative ids given, those releasable to the viewer, each with its group
 * (an initiative may have none): one query per kind, whatever the number of links. Capability areas
 * are the group's taxonomy, readable by all, and have no marking.
 */
export async function releasableLinkRefs(
  db: Db,
  viewer: Viewer,
  refs: { requirement: readonly string[]; initiative: readonly string[] },
): Promise<{ requirement: Map<string, string | null>; initiative: Map<string, string | null> }> {
  const releasable = async (table: 'requirements' | 'initiatives', ids: readonly string[]) =>
    new Map(
      ids.length === 0
        ? []
        : (
            await db
              .selectFrom(table)
              .select(['id', 'group_id'])
              .where(releasableTo(viewer, table))
              .where('id', 'in', [...ids])
              .execute()
          ).map((r) => [r.id, r.group_id] as const),
    );
  const [requirement, initiative] = await Promise.all([
    releasable('requirements', refs.requirement),
    releasable('initiatives', refs.initiative),
  ]);
  return { requirement, initiative };
}

/** Of the slugs given, those of the group's capability areas. */
export async function areaSlugsOf(
  db: Db,
  groupId: string,
  slugs: readonly string[],
): Promise<Set<string>> {
  if (slugs.length === 0) return new Set();
  const rows = await db
    .selectFrom('capability_areas')
    .select('slug')
    .where('group_id', '=', groupId)
    .where('slug', 'in', [...slugs])
    .execute();
  return new Set(rows.map((r) => r.slug));
}
