import type { DeliveriesTable } from '../db/tables/ledger';
import { isAppError } from '../errors';
import { afterDelivery, type DeliveryTarget, deliveryProblems } from '../pledges/pledge-rules';
import { createDeliverySchema } from '../pledges/pledge.schema';
import { requirePledgeWriter } from '../pledges/pledge.service';
import {
  columnFinder,
  differences,
  type ImportContext,
  inChunks,
  reportIssues,
} from './import-context';
import { CellReader, type ImportRow } from './ledger-columns';
import type { ImportCounts, ImportProblem } from './ledger-import.schema';
import { findPledgesByKey, type PledgeTarget } from './pledge-import';

const columnOf = columnFinder(
  {
    '': 'pledge_external_id',
    quantity: 'quantity',
    deliveredOn: 'delivered_on',
    place: 'place',
    note: 'note',
    externalId: 'external_id',
  },
  'pledge_external_id',
);

export interface DeliveryPlan {
  counts: ImportCounts;
  problems: ImportProblem[];
  deliveries: DeliveriesTable[];
  /** Stored pledges this import's deliveries move (their running state is the one to write). */
  touched: PledgeTarget[];
}

/**
 * Checks every delivery row as recordDelivery would — the donor's coordinators or the secretariat, never
 * more than is left of the pledge, never before it or after today, never to a withdrawn or delivered
 * pledge — in file order, each against the pledge as the rows before it left it. `created`: pledges
 * this import creates (a pledges workbook's own), found by external id before the stored ones.
 */
export async function checkDeliveries(
  ctx: ImportContext,
  rows: readonly ImportRow[],
  created: ReadonlyMap<string, PledgeTarget>,
  progress: (done: number) => void,
): Promise<DeliveryPlan> {
  const { db, group, viewer } = ctx;
  const readers = rows.map((r) => new CellReader(r));
  const pledgeKeys = [
    ...new Set(
      readers
        .map((r) => r.text('pledge_external_id'))
        .filter((k): k is string => k !== undefined && !created.has(k)),
    ),
  ];
  const stored = await findPledgesByKey(ctx, pledgeKeys);
  const targets = new Map<string, PledgeTarget>();
  for (const [key, { area_slug: _area, ...row }] of stored) {
    targets.set(key, {
      row: { ...row },
      stored: row,
      line: null,
      refused: false,
      expected: null,
      changes: [],
    });
  }
  const known = await inChunks(
    [...stored.values()].map((p) => p.id),
    (chunk) => db.selectFrom('deliveries').selectAll().where('pledge_id', 'in', chunk).execute(),
  );
  const existing = new Map(known.map((d) => [`${d.pledge_id}|${d.external_id ?? d.id}`, d]));

  const plan: DeliveryPlan = {
    counts: { rows: rows.length, created: 0, unchanged: 0, skipped: 0, refused: 0 },
    problems: [],
    deliveries: [],
    touched: [],
  };
  const touched = new Set<PledgeTarget>();
  const seen = new Map<string, number>();
  readers.forEach((reader, index) => {
    const row = reader.row;
    const parsed = createDeliverySchema.safeParse({
      quantity: reader.integer('quantity'),
      deliveredOn: reader.date('delivered_on'),
      place: reader.text('place'),
      note: reader.text('note'),
      externalId: reader.text('external_id'),
    });
    if (!parsed.success) reportIssues(reader, parsed.error, columnOf);
    const input = parsed.success ? parsed.data : null;
    const key = reader.text('external_id');
    if (key === undefined && input) {
      reader.problem(
        'external_id',
        'is required: it is what makes importing the file again change nothing',
      );
    }
    const pledgeKey = reader.text('pledge_external_id');
    const target =
      pledgeKey === undefined ? undefined : (created.get(pledgeKey) ?? targets.get(pledgeKey));
    if (pledgeKey === undefined) {
      reader.problem('pledge_external_id', 'is required: it names the pledge delivered against');
    } else if (!target) {
      reader.problem(
        'pledge_external_id',
        `no pledge of ${group.short_name} you may read has the external id ${pledgeKey}`,
      );
    } else if (target.refused) {
      reader.problem(
        'pledge_external_id',
        `cannot be checked: its pledge (line ${target.line ?? '?'}) is refused`,
      );
    } else {
      try {
        requirePledgeWriter(viewer, group, target.row.donor_nation);
      } catch (error) {
        if (!isAppError(error)) throw error;
        reader.problem('pledge_external_id', error.message);
      }
    }
    if (pledgeKey !== undefined && key !== undefined) {
      const pair = `${pledgeKey}|${key}`;
      const first = seen.get(pair);
      if (first !== undefined) {
        reader.problem(
          'external_id',
          `appears again for pledge ${pledgeKey} (first on line ${first})`,
        );
      } else seen.set(pair, row.line);
    }
    const previous =
      target && key !== undefined ? existing.get(`${target.row.id}|${key}`) : undefined;
    if (input && target && !target.refused && previous) {
      const diff = differences(
        [
          ['quantity', input.quantity, Number(previous.quantity)],
          ['delivered_on', input.deliveredOn, previous.delivered_on],
          ['place', input.place ?? null, previous.place],
          ['note', input.note ?? null, previous.note],
        ],
        row.label,
      );
      if (diff.length > 0 && reader.problems.length === 0) {
        reader.problem(
          'external_id',
          `${key} exists with other content; it differs in ${diff.join(', ')}`,
        );
      }
    } else if (
      input &&
      target &&
      !target.refused &&
      key !== undefined &&
      reader.problems.length === 0
    ) {
      const pledge = target.row;
      const before: DeliveryTarget = {
        status: pledge.status,
        status_on: pledge.status_on,
        quantity: pledge.quantity,
        delivered_quantity: pledge.delivered_quantity,
        announced_on: pledge.announced_on,
      };
      for (const p of deliveryProblems(before, input, ctx.today)) {
        reader.problem(columnOf(p.field), p.message);
      }
      if (reader.problems.length === 0) {
        const after = afterDelivery(before, input.quantity, input.deliveredOn);
        if (after.changed) {
          target.changes.push({
            id: ctx.ids.next(),
            pledge_id: pledge.id,
            from_status: pledge.status,
            to_status: after.status,
            effective_on: after.status_on,
            note: 'by delivery',
            changed_by: viewer.userId ?? '',
            changed_at: ctx.at,
          });
        }
        target.row = {
          ...pledge,
          delivered_quantity: after.delivered_quantity,
          status: after.status,
          status_on: after.status_on,
          updated_at: ctx.at,
        };
        if (target.stored) touched.add(target);
        plan.deliveries.push({
          id: ctx.ids.next(),
          pledge_id: pledge.id,
          quantity: input.quantity,
          delivered_on: input.deliveredOn,
          place: input.place ?? null,
          note: input.note ?? null,
          external_id: key,
          recorded_by: viewer.userId ?? '',
          recorded_at: ctx.at,
          confirmed_by: null,
          confirmed_at: null,
        });
      }
    }
    if (reader.problems.length > 0) {
      plan.problems.push(...reader.problems);
      plan.counts.refused += 1;
    } else if (previous) plan.counts.unchanged += 1;
    else plan.counts.created += 1;
    if (index % 500 === 0) progress(index);
  });
  plan.touched = [...touched];
  progress(rows.length);
  return plan;
}
