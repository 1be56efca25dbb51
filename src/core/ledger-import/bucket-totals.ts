import type { Db } from '../db/database';
import { type Contribution, contributionOf, type PledgeFigures } from '../pledges/pledge';
import { insertMany } from './bulk-insert';

/**
 * The bucketed totals of a whole import at once: every pledge's contribution (after − before) summed
 * per bucket in memory, then one upsert row per bucket. Adding the sums of many rows is the same as
 * adding each row in turn (applyToTotals), because every total is a plain sum over its bucket.
 */

type BucketRow = Record<string, string | number>;

/** The three bucket tables, their primary keys, and the columns that are sums. */
const tables = {
  requirement: {
    table: 'requirement_totals',
    key: ['requirement_id', 'marking', 'rel_to'],
    sums: ['pledge_count', 'pledged_quantity', 'contracted_quantity', 'delivered_quantity'],
  },
  donor: {
    table: 'donor_totals',
    key: ['group_id', 'donor_nation', 'capability_area_id', 'channel', 'marking', 'rel_to'],
    sums: [
      'pledge_count',
      'unvalued_count',
      'pledged_value_minor',
      'estimated_value_minor',
      'contracted_value_minor',
      'delivered_value_minor',
    ],
  },
  timeline: {
    table: 'timeline_totals',
    key: ['group_id', 'month', 'meeting_id', 'donor_nation', 'marking', 'rel_to'],
    sums: ['pledge_count', 'pledged_value_minor'],
  },
} as const;

type Kind = keyof typeof tables;
const KINDS = Object.keys(tables) as Kind[];

/** Buckets found key column by key column: a map per column, the last level holding the bucket. */
type BucketIndex = Map<unknown, BucketIndex | BucketRow>;

export class BucketSums {
  /** Every bucket of each table, in the order first met; `index` finds them. */
  readonly buckets: Record<Kind, BucketRow[]> = { requirement: [], donor: [], timeline: [] };
  private readonly index: Record<Kind, BucketIndex> = {
    requirement: new Map(),
    donor: new Map(),
    timeline: new Map(),
  };

  /** Adds what a pledge contributes as it is now, and takes away what it contributed before. */
  record(before: PledgeFigures | null, after: PledgeFigures | null): void {
    if (before !== null) this.addContribution(contributionOf(before), -1);
    if (after !== null) this.addContribution(contributionOf(after), 1);
  }

  private addContribution(contribution: Contribution, sign: 1 | -1): void {
    if (contribution.requirement !== null) {
      this.add('requirement', contribution.requirement as unknown as BucketRow, sign);
    }
    this.add('donor', contribution.donor as unknown as BucketRow, sign);
    this.add('timeline', contribution.timeline as unknown as BucketRow, sign);
  }

  private add(kind: Kind, bucket: BucketRow, sign: 1 | -1): void {
    const { key, sums } = tables[kind];
    // Nested maps rather than one map by the key columns joined: an import adds a contribution per
    // pledge and table, and a joined key is a new string of a hundred characters each time.
    let level = this.index[kind];
    const last = key.length - 1;
    for (let i = 0; i < last; i++) {
      const part = bucket[key[i] as string];
      let next = level.get(part) as BucketIndex | undefined;
      if (next === undefined) {
        next = new Map();
        level.set(part, next);
      }
      level = next;
    }
    const id = bucket[key[last] as string];
    const sum = level.get(id) as BucketRow | undefined;
    if (sum === undefined) {
      // The first contribution to a bucket is its sum so far: the row itself, negated when taken away.
      if (sign === -1) for (const s of sums) bucket[s] = -(bucket[s] as number);
      level.set(id, bucket);
      this.buckets[kind].push(bucket);
      return;
    }
    for (let i = 0; i < sums.length; i++) {
      const s = sums[i] as string;
      sum[s] = (sum[s] as number) + sign * (bucket[s] as number);
    }
  }

  /** The buckets that change, per table: those whose sums are not all zero. */
  changed(kind: Kind): BucketRow[] {
    const shape = tables[kind];
    return this.buckets[kind].filter((b) => shape.sums.some((s) => b[s] !== 0));
  }

  /** One upsert row per changed bucket: INSERT ... ON CONFLICT (key) DO UPDATE SET sum = sum + excluded.sum. */
  async write(db: Db): Promise<number> {
    let written = 0;
    for (const kind of KINDS) {
      const { table, key, sums } = tables[kind];
      const rows = this.changed(kind);
      await insertMany(db, table, rows as never, undefined, { key, add: sums });
      written += rows.length;
    }
    return written;
  }
}
