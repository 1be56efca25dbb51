import type { Db } from '../db/database';
import { type Contribution, contributionOf, type PledgeFigures } from '../pledges/pledge';
import { MAX_BOUND_VALUES } from './bulk-insert';

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

export class BucketSums {
  readonly buckets: Record<Kind, Map<string, BucketRow>> = {
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
    for (const kind of Object.keys(tables) as Kind[]) {
      const bucket = contribution[kind] as unknown as BucketRow | null;
      if (bucket === null) continue;
      const shape = tables[kind];
      let id = '';
      for (const k of shape.key) id += `${bucket[k]}\u0000`;
      let sum = this.buckets[kind].get(id);
      if (sum === undefined) {
        sum = { ...bucket };
        for (const s of shape.sums) sum[s] = 0;
        this.buckets[kind].set(id, sum);
      }
      for (const s of shape.sums) sum[s] = (sum[s] as number) + sign * (bucket[s] as number);
    }
  }

  /** The buckets that change, per table: those whose sums are not all zero. */
  changed(kind: Kind): BucketRow[] {
    const shape = tables[kind];
    return [...this.buckets[kind].values()].filter((b) => shape.sums.some((s) => b[s] !== 0));
  }

  /** One upsert row per changed bucket: INSERT ... ON CONFLICT (key) DO UPDATE SET sum = sum + excluded.sum. */
  async write(db: Db): Promise<number> {
    let written = 0;
    for (const kind of Object.keys(tables) as Kind[]) {
      const shape = tables[kind];
      const rows = this.changed(kind);
      if (rows.length === 0) continue;
      const width = Object.keys(rows[0] ?? {}).length;
      const perStatement = Math.max(1, Math.floor(MAX_BOUND_VALUES / width));
      for (let i = 0; i < rows.length; i += perStatement) {
        await db
          .insertInto(shape.table)
          .values(rows.slice(i, i + perStatement) as never)
          .onConflict((oc) =>
            oc.columns([...shape.key] as never).doUpdateSet((eb) => {
              const set: Record<string, unknown> = {};
              for (const s of shape.sums) {
                set[s] = eb(
                  eb.ref(`${shape.table}.${s}` as never),
                  '+',
                  eb.ref(`excluded.${s}` as never),
                );
              }
              return set;
            }),
          )
          .execute();
      }
      written += rows.length;
    }
    return written;
  }
}
