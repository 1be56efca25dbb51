import type { Viewer } from '../accounts/viewer';
import { hasRole } from '../accounts/viewer';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { newId } from '../ids';
import { toMarking } from '../markings';
import {
  canonicalJson,
  type ChainBreak,
  checkChainSegment,
  entryHash,
  GENESIS_HASH,
  redactSecrets,
} from './audit-chain';
import {
  insertAuditEntry,
  listAuditRows,
  listChainSegment,
  lockHead,
  moveHead,
  readHead,
} from './audit.repository';
import type { AuditListQuery, AuditPage, AuditVerification } from './audit.schema';

export interface AuditRecord {
  action: string;
  entity: string;
  entityId: string | null;
  /** The marking of the record concerned, so the entry is no more readable than the record. */
  marking?: { marking: string; rel_to: string | null; group_id: string | null };
  before?: unknown;
  after?: unknown;
}

/** Who acted, for entries written before a viewer exists (a failed sign-in) or by the system. */
export interface Actor {
  userId: string | null;
  username: string | null;
  nationCode: string | null;
  via: Viewer['via'];
}

export const actorOf = (viewer: Viewer): Actor => ({
  userId: viewer.userId,
  username: viewer.username,
  nationCode: viewer.nationCode,
  via: viewer.via,
});

export const systemActor: Actor = {
  userId: null,
  username: 'system',
  nationCode: null,
  via: 'system',
};

/**
 * Appends one entry to the hash chain. Call it inside the transaction of the write it records, so the
 * write and its entry commit or roll back together. Platform-wide entries (accounts, sign-ins) are
 * GROUP-marked with no group: readable by any participant's admin, never by an anonymous caller.
 */
export async function recordAudit(
  trx: Db,
  actor: Actor,
  record: AuditRecord,
  now: Date = new Date(),
): Promise<void> {
  const head = await lockHead(trx);
  const encode = (value: unknown) =>
    value === undefined || value === null ? null : canonicalJson(redactSecrets(value));
  const fields = {
    seq: head.seq + 1,
    id: newId(now.getTime()),
    at: now.toISOString(),
    actor_user_id: actor.userId,
    actor: actor.username ?? 'anonymous',
    actor_nation: actor.nationCode,
    via: actor.via,
    action: record.action,
    entity: record.entity,
    entity_id: record.entityId,
    group_id: record.marking?.group_id ?? null,
    marking: record.marking?.marking ?? 'GROUP',
    rel_to: record.marking?.rel_to ?? null,
    before: encode(record.before),
    after: encode(record.after),
    prev_hash: head.hash,
  };
  const hash = entryHash(fields);
  await insertAuditEntry(trx, { ...fields, hash });
  await moveHead(trx, { seq: fields.seq, hash });
}

/**
 * Walks the whole chain from the first entry: every sequence number present, every link matching, every
 * entry matching its hash, and the head pointing at the last. Names the first broken entry.
 */
export async function verifyAuditChain(db: Db): Promise<AuditVerification> {
  const expected = { seq: 0, hash: GENESIS_HASH };
  let broken: ChainBreak | null = null;
  for (;;) {
    const segment = (await listChainSegment(db, expected.seq, 1000)).map((row) => ({
      ...row,
      seq: Number(row.seq),
    }));
    if (segment.length === 0) break;
    broken = checkChainSegment(segment, expected);
    if (broken) break;
  }
  if (!broken) {
    const head = await readHead(db);
    if (Number(head.seq) !== expected.seq || head.hash !== expected.hash) {
      broken = {
        seq: expected.seq + 1,
        id: null,
        reason: `the chain ends at entry ${expected.seq} but its head says ${Number(head.seq)}: entries were removed from the end`,
      };
    }
  }
  return { ok: broken === null, checked: expected.seq, firstBroken: broken };
}

const parseJson = (text: string | null): unknown =>
  text === null ? null : (JSON.parse(text) as unknown);

/** Pages through the audit trail: admins only, and only entries releasable to the admin's nation. */
export async function browseAudit(
  db: Db,
  viewer: Viewer,
  query: AuditListQuery,
): Promise<AuditPage> {
  if (!hasRole(viewer, 'admin'))
    throw new AppError('forbidden', 'Only an admin may read the audit trail');
  const { rows, total } = await listAuditRows(db, viewer, query);
  return {
    items: rows.map((row) => ({
      seq: Number(row.seq),
      id: row.id,
      at: row.at,
      actor: row.actor,
      actorNation: row.actor_nation,
      via: row.via,
      action: row.action,
      entity: row.entity,
      entityId: row.entity_id,
      marking: toMarking(row),
      before: parseJson(row.before),
      after: parseJson(row.after),
      hash: row.hash,
    })),
    total,
    limit: query.limit,
    offset: query.offset,
  };
}
