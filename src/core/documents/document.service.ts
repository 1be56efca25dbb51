import { canWrite, isSecretariatOf, type Viewer } from '../accounts/viewer';
import { actorOf, recordAudit } from '../audit/audit.service';
import type { Db } from '../db/database';
import { AppError, invalid, notFound } from '../errors';
import { requireGroup } from '../groups/group.service';
import { newId } from '../ids';
import { isNarrowing, markingColumns, toMarking } from '../markings';
import { meetingReleasableTo } from '../meetings/meeting.repository';
import {
  countDocuments,
  deleteDocumentRow,
  type DocumentRow,
  findDocument,
  insertDocument,
  listDocumentRows,
  updateDocumentRow,
} from './document.repository';
import type {
  CreateDocument,
  Document,
  DocumentListQuery,
  DocumentPage,
  DocumentStats,
  DocumentWriteResult,
  UpdateDocument,
} from './document.schema';

export const NARROWING_WARNING =
  'The marking is now narrower: copies already seen or exported by nations no longer in it cannot be recalled.';

function toDocument(row: DocumentRow): Document {
  return {
    id: row.id,
    group: row.group_slug,
    meetingId: row.meeting_id,
    title: row.title,
    body: row.body,
    scope: row.scope === 'group' ? 'group' : 'nation',
    originNation: row.origin_nation,
    marking: toMarking(row),
    createdBy: row.created_by_username,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

const auditView = (d: Document) => ({
  title: d.title,
  body: d.body,
  scope: d.scope,
  meetingId: d.meetingId,
  marking: d.marking.label,
  version: d.version,
});

/** Only a write-capable signed-in user with a role beyond viewer records documents. */
function requireAuthor(
  viewer: Viewer,
): asserts viewer is Viewer & { userId: string; nationCode: string } {
  if (viewer.userId === null || viewer.nationCode === null)
    throw new AppError('unauthenticated', 'Sign in first');
  if (!canWrite(viewer)) throw new AppError('forbidden', 'This token is read-only');
  if (!viewer.roles.some((r) => r !== 'viewer' && r !== 'admin')) {
    throw new AppError('forbidden', 'Viewers and admins do not record documents');
  }
}

/** Who may change a document: its originating nation, or for a group-level one the chair secretariat. */
function requireEditor(viewer: Viewer, row: DocumentRow): void {
  requireAuthor(viewer);
  const allowed =
    row.scope === 'group'
      ? isSecretariatOf(viewer, row.group_id)
      : viewer.nationCode === row.origin_nation;
  if (!allowed) {
    throw new AppError(
      'forbidden',
      row.scope === 'group'
        ? 'Only the chair secretariat may change a group document'
        : `Only ${row.origin_nation} may change this document`,
    );
  }
}

export async function listDocuments(
  db: Db,
  viewer: Viewer,
  slug: string,
  query: DocumentListQuery,
): Promise<DocumentPage> {
  const group = await requireGroup(db, slug);
  const { rows, total } = await listDocumentRows(db, viewer, group.id, query);
  return { items: rows.map(toDocument), total, limit: query.limit, offset: query.offset };
}

/** Every releasable document of a group, for export: the same filter as the list, without paging. */
export async function exportDocuments(db: Db, viewer: Viewer, slug: string): Promise<Document[]> {
  const group = await requireGroup(db, slug);
  const { rows } = await listDocumentRows(db, viewer, group.id, { limit: 100_000, offset: 0 });
  return rows.map(toDocument);
}

export async function documentStats(db: Db, viewer: Viewer, slug: string): Promise<DocumentStats> {
  const group = await requireGroup(db, slug);
  const rows = await countDocuments(db, viewer, group.id);
  const byClassification = { PUBLIC: 0, GROUP: 0, RESTRICTED: 0 };
  const byNation = new Map<string, number>();
  for (const row of rows) {
    const n = Number(row.n);
    byClassification[toMarking({ marking: row.marking, rel_to: null }).classification] += n;
    byNation.set(row.origin_nation, (byNation.get(row.origin_nation) ?? 0) + n);
  }
  return {
    total: [...byNation.values()].reduce((a, b) => a + b, 0),
    byClassification,
    byNation: [...byNation]
      .map(([nation, count]) => ({ nation, count }))
      .sort((a, b) => a.nation.localeCompare(b.nation)),
  };
}

/** Not releasable and not there answer alike: not_found. */
export async function getDocument(db: Db, viewer: Viewer, id: string): Promise<Document> {
  const row = await findDocument(db, viewer, id);
  if (!row) throw notFound(`Document ${id}`);
  return toDocument(row);
}

export async function createDocument(
  db: Db,
  viewer: Viewer,
  slug: string,
  input: CreateDocument,
  now: Date = new Date(),
): Promise<DocumentWriteResult> {
  requireAuthor(viewer);
  const group = await requireGroup(db, slug);
  if (input.scope === 'group' && !isSecretariatOf(viewer, group.id)) {
    throw new AppError('forbidden', 'Only the chair secretariat records group documents', [
      { path: 'body.scope', message: 'group needs the chair secretariat' },
    ]);
  }
  if (input.meetingId !== undefined) {
    const meeting = await db
      .selectFrom('meetings')
      .select('id')
      .where('id', '=', input.meetingId)
      .where('group_id', '=', group.id)
      .where(meetingReleasableTo(viewer))
      .executeTakeFirst();
    if (!meeting) throw invalid('body.meetingId', `is not a meeting of ${group.short_name}`);
  }
  const at = now.toISOString();
  const id = newId(now.getTime());
  const marking = markingColumns(input.marking, viewer.nationCode);
  await insertDocument(db, {
    id,
    group_id: group.id,
    meeting_id: input.meetingId ?? null,
    title: input.title,
    body: input.body,
    scope: input.scope,
    origin_nation: viewer.nationCode,
    ...marking,
    created_by: viewer.userId,
    created_at: at,
    updated_at: at,
    version: 1,
  });
  const document = await getDocument(db, viewer, id);
  await recordAudit(
    db,
    actorOf(viewer),
    {
      action: 'document.create',
      entity: 'document',
      entityId: id,
      marking: { ...marking, group_id: group.id },
      after: auditView(document),
    },
    now,
  );
  return { document, warnings: [] };
}

function staleVersion(row: DocumentRow, version: number): AppError {
  return new AppError(
    'conflict',
    `The document has changed since version ${version}; the current one is version ${row.version}`,
    [{ path: 'body.version', message: `is ${version}, the current version is ${row.version}` }],
  );
}

/**
 * Edits a document or its marking. A stale version is refused (409) so two delegates never overwrite each
 * other. The audit entry carries the wider of the two markings, so every nation that could read the
 * record before can read what happened to it.
 */
export async function updateDocument(
  db: Db,
  viewer: Viewer,
  id: string,
  input: UpdateDocument,
  now: Date = new Date(),
): Promise<DocumentWriteResult> {
  const row = await findDocument(db, viewer, id);
  if (!row) throw notFound(`Document ${id}`);
  requireEditor(viewer, row);
  if (row.version !== input.version) throw staleVersion(row, input.version);
  const before = toDocument(row);
  const marking = input.marking ? markingColumns(input.marking, row.origin_nation) : undefined;
  const changed = await updateDocumentRow(db, id, input.version, {
    ...(input.title === undefined ? {} : { title: input.title }),
    ...(input.body === undefined ? {} : { body: input.body }),
    ...(marking ?? {}),
    updated_at: now.toISOString(),
  });
  if (!changed) throw staleVersion(row, input.version);
  const after = toDocument({
    ...row,
    ...(input.title === undefined ? {} : { title: input.title }),
    ...(input.body === undefined ? {} : { body: input.body }),
    ...(marking ?? {}),
    version: row.version + 1,
    updated_at: now.toISOString(),
  });
  const narrowed = isNarrowing(before.marking, after.marking);
  const markingChanged = before.marking.label !== after.marking.label;
  await recordAudit(
    db,
    actorOf(viewer),
    {
      action: markingChanged
        ? narrowed
          ? 'document.marking_narrowed'
          : 'document.marking_changed'
        : 'document.update',
      entity: 'document',
      entityId: id,
      marking: { ...(narrowed ? row : (marking ?? row)), group_id: row.group_id },
      before: auditView(before),
      after: auditView(after),
    },
    now,
  );
  return { document: after, warnings: narrowed ? [NARROWING_WARNING] : [] };
}

export async function deleteDocument(
  db: Db,
  viewer: Viewer,
  id: string,
  version: number,
  now: Date = new Date(),
): Promise<void> {
  const row = await findDocument(db, viewer, id);
  if (!row) throw notFound(`Document ${id}`);
  requireEditor(viewer, row);
  if (row.version !== version) throw staleVersion(row, version);
  if (!(await deleteDocumentRow(db, id, version))) throw staleVersion(row, version);
  await recordAudit(
    db,
    actorOf(viewer),
    {
      action: 'document.delete',
      entity: 'document',
      entityId: id,
      marking: row,
      before: auditView(toDocument(row)),
    },
    now,
  );
}
