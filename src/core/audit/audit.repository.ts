import type { Db } from '../db/database';
import type { AuditEntriesTable } from '../db/tables/audit';
import type { Viewer } from '../accounts/viewer';
import { releasableTo } from '../markings';
import type { AuditListQuery } from './audit.schema';

/**
 * Reads the chain's head and locks it for this transaction: the no-op UPDATE holds the row lock on
 * PostgreSQL until commit, so concurrent writers append one after another and never fork the chain.
 * (SQLite has a single writer already.)
 */
export async function lockHead(db: Db): Promise<{ seq: number; hash: string }> {
  const head = await db
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb.ref('seq') }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  return { seq: Number(head.seq), hash: head.hash };
}

export async function moveHead(db: Db, head: { seq: number; hash: string }): Promise<void> {
  await db.updateTable('audit_head').set(head).where('id', '=', 1).execute();
}

export async function insertAuditEntry(db: Db, entry: AuditEntriesTable): Promise<void> {
  await db.insertInto('audit_entries').values(entry).execute();
}

export async function readHead(db: Db) {
  return db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
}

/** A run of the chain in order, for verification page by page. */
export async function listChainSegment(db: Db, afterSeq: number, limit: number) {
  return db
    .selectFrom('audit_entries')
    .selectAll()
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

/** Entries the viewer may read, newest first: audit rows are filtered by marking like any record. */
export async function listAuditRows(db: Db, viewer: Viewer, query: AuditListQuery) {
  const filtered = db
    .selectFrom('audit_entries')
    .where(releasableTo(viewer, 'audit_entries'))
    .$if(query.entity !== undefined, (qb) => qb.where('entity', '=', query.entity ?? ''))
    .$if(query.entityId !== undefined, (qb) => qb.where('entity_id', '=', query.entityId ?? ''))
    .$if(query.action !== undefined, (qb) => qb.where('action', '=', query.action ?? ''))
    .$if(query.actor !== undefined, (qb) => qb.where('actor', '=', query.actor ?? ''));
  const [rows, count] = await Promise.all([
    filtered.selectAll().orderBy('seq', 'desc').limit(query.limit).offset(query.offset).execute(),
    filtered.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
