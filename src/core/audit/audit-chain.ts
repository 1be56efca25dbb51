import { createHash } from 'node:crypto';
import type { AuditEntriesTable } from '../db/tables/audit';

/** The hash that precedes the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level: one text per value, so a hash is reproducible. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The fields of an entry that its hash covers: everything but the hash itself. */
export type ChainedFields = Omit<AuditEntriesTable, 'hash'>;

/** SHA-256 over the previous hash and the canonical encoding of the entry. */
export function entryHash(fields: ChainedFields): string {
  return createHash('sha256')
    .update(`${fields.prev_hash}\n${canonicalJson(fields)}`)
    .digest('hex');
}

export interface ChainBreak {
  seq: number;
  id: string | null;
  reason: string;
}

/**
 * Checks entries in chain order, carrying the expected previous hash and sequence from one call to the
 * next so a long chain can be verified page by page. Returns the first break, or null.
 */
export function checkChainSegment(
  entries: readonly (ChainedFields & { hash: string })[],
  expected: { seq: number; hash: string },
): ChainBreak | null {
  for (const entry of entries) {
    if (entry.seq !== expected.seq + 1) {
      return {
        seq: expected.seq + 1,
        id: null,
        reason: `entry ${expected.seq + 1} is missing (the next one found is ${entry.seq})`,
      };
    }
    if (entry.prev_hash !== expected.hash) {
      return {
        seq: entry.seq,
        id: entry.id,
        reason: 'its previous-hash does not match the entry before it',
      };
    }
    const { hash, ...fields } = entry;
    if (entryHash(fields) !== hash) {
      return {
        seq: entry.seq,
        id: entry.id,
        reason: 'its content does not match its hash (it was edited)',
      };
    }
    expected.seq = entry.seq;
    expected.hash = hash;
  }
  return null;
}

const secretKey = /password|secret|token|hash|csrf/i;

/** A copy of a record with every secret-looking field replaced, for the before/after of an entry. */
export function redactSecrets(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(redactSecrets);
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [
      k,
      secretKey.test(k) && v !== null && v !== undefined ? '[redacted]' : redactSecrets(v),
    ]),
  );
}
