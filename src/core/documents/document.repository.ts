import type { Selectable } from 'kysely';
import type { Viewer } from '../accounts/viewer';
import type { Db } from '../db/database';
import type { DocumentsTable } from '../db/tables/documents';
import { releasableTo } from '../markings';
import type { DocumentListQuery } from './document.schema';

export type DocumentRow = Selectable<DocumentsTable> & {
  group_slug: string;
  created_by_username: string;
};

/** Every read of documents starts here, so none can skip the markings filter. */
function releasableDocuments(db: Db, viewer: Viewer) {
  return db
    .selectFrom('documents')
    .innerJoin('groups', 'groups.id', 'documents.group_id')
    .innerJoin('users', 'users.id', 'documents.created_by')
    .where(releasableTo(viewer, 'documents'));
}

const columns = ['groups.slug as group_slug', 'users.username as created_by_username'] as const;

export const findDocument = (
  db: Db,
  viewer: Viewer,
  id: string,
): Promise<DocumentRow | undefined> =>
  releasableDocuments(db, viewer)
    .selectAll('documents')
    .select(columns)
    .where('documents.id', '=', id)
    .executeTakeFirst();

export async function listDocumentRows(
  db: Db,
  viewer: Viewer,
  groupId: string,
  query: DocumentListQuery,
) {
  const filtered = releasableDocuments(db, viewer)
    .where('documents.group_id', '=', groupId)
    .$if(query.meetingId !== undefined, (qb) =>
      qb.where('documents.meeting_id', '=', query.meetingId ?? ''),
    )
    .$if(query.classification !== undefined, (qb) =>
      qb.where('documents.marking', '=', query.classification ?? ''),
    )
    .$if(query.q !== undefined, (qb) => {
      const pattern = `%${(query.q ?? '').toLowerCase()}%`;
      return qb.where((eb) =>
        eb.or([
          eb(eb.fn('lower', ['documents.title']), 'like', pattern),
          eb(eb.fn('lower', ['documents.body']), 'like', pattern),
        ]),
      );
    });
  const [rows, count] = await Promise.all([
    filtered
      .selectAll('documents')
      .select(columns)
      .orderBy('documents.created_at', 'desc')
      .orderBy('documents.id', 'desc')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Counts per classification and originating nation, over releasable rows only, or totals leak. */
export async function countDocuments(db: Db, viewer: Viewer, groupId: string) {
  return releasableDocuments(db, viewer)
    .where('documents.group_id', '=', groupId)
    .select([
      'documents.marking',
      'documents.origin_nation',
      (eb) => eb.fn.countAll<number | string>().as('n'),
    ])
    .groupBy(['documents.marking', 'documents.origin_nation'])
    .execute();
}

export async function insertDocument(db: Db, row: DocumentsTable): Promise<void> {
  await db.insertInto('documents').values(row).execute();
}

/** Writes only if nobody changed the row since `version`; returns whether it did. */
export async function updateDocumentRow(
  db: Db,
  id: string,
  version: number,
  changes: Partial<DocumentsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('documents')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteDocumentRow(db: Db, id: string, version: number): Promise<boolean> {
  const result = await db
    .deleteFrom('documents')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
