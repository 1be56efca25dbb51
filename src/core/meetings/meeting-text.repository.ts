import type { Db } from '../db/database';
import type { MeetingTextRevisionsTable, MeetingTextsTable } from '../db/tables/meeting-cycle';

/** The minutes and summary texts, read only through a meeting the service found releasable. */

export const findTextRow = (db: Db, meetingId: string, kind: string) =>
  db
    .selectFrom('meeting_texts')
    .innerJoin('users as updater', 'updater.id', 'meeting_texts.updated_by')
    .leftJoin('users as finalizer', 'finalizer.id', 'meeting_texts.finalized_by')
    .selectAll('meeting_texts')
    .select([
      'updater.username as updated_by_username',
      'finalizer.username as finalized_by_username',
    ])
    .where('meeting_texts.meeting_id', '=', meetingId)
    .where('meeting_texts.kind', '=', kind)
    .executeTakeFirst();

export type TextRow = NonNullable<Awaited<ReturnType<typeof findTextRow>>>;

export async function insertTextRow(db: Db, row: MeetingTextsTable): Promise<void> {
  await db.insertInto('meeting_texts').values(row).execute();
}

/** Writes only if nobody changed the text since `version`; returns whether it did. */
export async function updateTextRow(
  db: Db,
  meetingId: string,
  kind: string,
  version: number,
  changes: Partial<MeetingTextsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('meeting_texts')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('meeting_id', '=', meetingId)
    .where('kind', '=', kind)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertTextRevision(db: Db, row: MeetingTextRevisionsTable): Promise<void> {
  await db.insertInto('meeting_text_revisions').values(row).execute();
}

export const listTextRevisionRows = (db: Db, meetingId: string, kind: string) =>
  db
    .selectFrom('meeting_text_revisions')
    .innerJoin('users', 'users.id', 'meeting_text_revisions.changed_by')
    .selectAll('meeting_text_revisions')
    .select('users.username as changed_by_username')
    .where('meeting_text_revisions.meeting_id', '=', meetingId)
    .where('meeting_text_revisions.kind', '=', kind)
    .orderBy('meeting_text_revisions.version')
    .execute();
