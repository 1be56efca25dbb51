import type { MarkingColumns } from './markings';

/** One append-only, hash-chained entry per write. */
export interface AuditEntriesTable extends MarkingColumns {
  /** Position in the chain, 1, 2, 3, ... without gaps: a missing number is a deleted entry. */
  seq: number;
  id: string;
  at: string;
  actor_user_id: string | null;
  /** Username, or `system` / `anonymous`. */
  actor: string;
  actor_nation: string | null;
  /** session, token, cli, system. */
  via: string;
  action: string;
  entity: string;
  entity_id: string | null;
  /** The group the record belongs to; null for platform-wide entries (accounts, sign-ins). */
  group_id: string | null;
  /** Canonical JSON of the record before and after, secrets redacted. */
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}
