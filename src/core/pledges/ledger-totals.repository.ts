import type { Db } from '../db/database';
import {
  type Contribution,
  contributionOf,
  type DonorBucket,
  type PledgeFigures,
  type RequirementBucket,
  type TimelineBucket,
} from './pledge';

/**
 * Keeps the bucketed totals in step with the ledger. Called in the same transaction as every write that
 * changes a pledge or its deliveries, with the pledge as it was and as it is, so an acknowledged write
 * and its totals commit or fail together.
 */
export async function applyToTotals(
  db: Db,
  before: PledgeFigures | null,
  after: PledgeFigures | null,
): Promise<void> {
  const old = before === null ? null : contributionOf(before);
  const now = after === null ? null : contributionOf(after);
  await applyRequirement(db, old?.requirement ?? null, now?.requirement ?? null);
  await applyDonor(db, old?.donor ?? null, now?.donor ?? null);
  await applyTimeline(db, old?.timeline ?? null, now?.timeline ?? null);
}

type Bucket = RequirementBucket | DonorBucket | TimelineBucket;

/** Each bucket kind: its table, key columns and summed columns. */
const shapes = {
  requirement: {
    table: 'requirement_totals',
    keys: ['requirement_id', 'marking', 'rel_to'],
    sums: ['pledge_count', 'pledged_quantity', 'contracted_quantity', 'delivered_quantity'],
  },
  donor: {
    table: 'donor_totals',
    keys: ['group_id', 'donor_nation', 'capability_area_id', 'channel', 'marking', 'rel_to'],
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
    keys: ['group_id', 'month', 'meeting_id', 'donor_nation', 'marking', 'rel_to'],
    sums: ['pledge_count', 'pledged_value_minor'],
  },
} as const;

type Shape = (typeof shapes)[keyof typeof shapes];

const sameKey = (shape: Shape, a: Bucket, b: Bucket): boolean =>
  shape.keys.every(
    (k) =>
      (a as unknown as Record<string, unknown>)[k] === (b as unknown as Record<string, unknown>)[k],
  );

/** The rows to add: one difference when the key stayed, a removal and an addition when it moved. */
function deltas(shape: Shape, before: Bucket | null, after: Bucket | null): Bucket[] {
  const negate = (b: Bucket): Bucket => {
    const copy: Record<string, unknown> = { ...b };
    for (const s of shape.sums) copy[s] = -(b as unknown as Record<string, number>)[s]!;
    return copy as unknown as Bucket;
  };
  if (before === null) return after === null ? [] : [after];
  if (after === null) return [negate(before)];
  if (!sameKey(shape, before, after)) return [negate(before), after];
  const diff: Record<string, unknown> = { ...after };
  for (const s of shape.sums) {
    diff[s] =
      (after as unknown as Record<string, number>)[s]! -
      (before as unknown as Record<string, number>)[s]!;
  }
  return [diff as unknown as Bucket];
}

const isZero = (shape: Shape, bucket: Bucket): boolean =>
  shape.sums.every((s) => (bucket as unknown as Record<string, number>)[s] === 0);

async function upsert(db: Db, shape: Shape, bucket: Bucket): Promise<void> {
  if (isZero(shape, bucket)) return;
  // The same statement on both databases: INSERT ... ON CONFLICT (key) DO UPDATE SET sum = sum + excluded.sum.
  await db
    .insertInto(shape.table)
    .values(bucket)
    .onConflict((oc) =>
      oc.columns([...shape.keys] as never).doUpdateSet((eb) => {
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

async function apply(db: Db, shape: Shape, before: Bucket | null, after: Bucket | null) {
  for (const bucket of deltas(shape, before, after)) await upsert(db, shape, bucket);
}

const applyRequirement = (db: Db, b: Contribution['requirement'], a: Contribution['requirement']) =>
  apply(db, shapes.requirement, b, a);
const applyDonor = (db: Db, b: DonorBucket | null, a: DonorBucket | null) =>
  apply(db, shapes.donor, b, a);
const applyTimeline = (db: Db, b: TimelineBucket | null, a: TimelineBucket | null) =>
  apply(db, shapes.timeline, b, a);
