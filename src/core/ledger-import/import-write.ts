import type { Viewer } from '../accounts/viewer';
import { actorOf, recordAudit } from '../audit/audit.service';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { figuresOf } from '../pledges/pledge.service';
import type { SqliteWriter } from '../db/sqlite-writer';
import { BucketSums } from './bucket-totals';
import { insertMany, insertStatements } from './bulk-insert';
import type { DeliveryPlan } from './delivery-import';
import type { ImportContext } from './import-context';
import type { ImportKind } from './ledger-import.schema';
import type { PledgePlan, PledgeTarget } from './pledge-import';
import type { RequirementPlan } from './requirement-import';

/** What the checks decided to write; checked outside the write transaction, verified inside it. */
export interface WritePlan {
  requirements: RequirementPlan | null;
  pledges: PledgePlan | null;
  deliveries: DeliveryPlan | null;
}

export interface AuditFacts {
  kind: ImportKind;
  file: string;
  sha256: string;
  mapping: string;
  format: string;
  sheet: string | null;
  counts: Record<string, unknown>;
}

const changedMeanwhile = (what: string) =>
  new AppError(
    'conflict',
    `The ledger changed while the file was being checked (${what}); nothing was written: import the file again`,
    [{ path: 'file', message: `${what} changed since it was checked` }],
  );

/** The number of rows a plan inserts or updates: the writing phase's total. */
export function rowsToWrite(plan: WritePlan): number {
  const created = plan.pledges ? [...plan.pledges.created.values()].filter((t) => !t.refused) : [];
  return (
    (plan.requirements?.rows.length ?? 0) +
    created.length +
    (plan.deliveries?.deliveries.length ?? 0) +
    (plan.deliveries?.touched.length ?? 0)
  );
}

/**
 * Writes a checked plan inside the caller's transaction: first verifies that nothing it relied on moved
 * (ranks, requirement and pledge versions — the checks ran before the transaction, so a long check never
 * holds the write lock), then inserts in multi-row batches, applies the totals per bucket and records
 * one audit entry for the whole import. With `pledgesSent`, the new pledges and their status history
 * are already in the transaction (PledgeSender sent them during the check) and are not inserted again.
 */
export async function writePlan(
  trx: Db,
  ctx: ImportContext,
  plan: WritePlan,
  audit: AuditFacts,
  progress: (done: number) => void,
  pledgesSent = false,
): Promise<void> {
  const { group, viewer } = ctx;
  let done = 0;
  const wrote = (n: number) => {
    done += n;
    progress(done);
  };
  const markings: { marking: string; rel_to: string | null }[] = [];
  const totals = new BucketSums();
  const created = plan.pledges ? [...plan.pledges.created.values()].filter((t) => !t.refused) : [];
  // Summed before the first statement: when a writer thread is still inserting the pledges sent to
  // it, this runs while it catches up.
  for (const t of created) {
    totals.record(null, figuresOf(t.row));
    markings.push(t.row);
  }

  const requirements = plan.requirements;
  if (requirements && requirements.rows.length > 0) {
    const top = await trx
      .selectFrom('requirements')
      .select((eb) => eb.fn.max<number | null>('priority').as('max'))
      .where('group_id', '=', group.id)
      .executeTakeFirst();
    if (Number(top?.max ?? 0) !== requirements.lastPriority)
      throw changedMeanwhile('the ranks of requirements');
    for (const shift of requirements.shifts) {
      await trx
        .updateTable('requirements')
        .set({ priority: shift.priority })
        .where('id', '=', shift.id)
        .execute();
    }
    await insertMany(trx, 'requirements', requirements.rows, wrote);
    await insertMany(trx, 'requirement_priority_changes', requirements.priorityChanges);
    markings.push(...requirements.rows);
  }

  if (plan.pledges && plan.pledges.requirementVersions.size > 0) {
    const versions = plan.pledges.requirementVersions;
    const now = await trx
      .selectFrom('requirements')
      .select(['id', 'version'])
      .where('id', 'in', [...versions.keys()])
      .execute();
    for (const r of now) {
      if (r.version !== versions.get(r.id)) throw changedMeanwhile(`requirement ${r.id}`);
    }
  }
  if (created.length > 0) {
    if (pledgesSent) wrote(created.length);
    else {
      await insertMany(
        trx,
        'pledges',
        created.map((t) => t.row),
        wrote,
      );
      await insertMany(
        trx,
        'pledge_status_changes',
        created.flatMap((t) => t.changes),
      );
    }
  }
  if (plan.deliveries) {
    await insertMany(trx, 'deliveries', plan.deliveries.deliveries, wrote);
    for (const target of plan.deliveries.touched) {
      const stored = target.stored;
      if (stored === null) continue;
      const result = await trx
        .updateTable('pledges')
        .set({
          delivered_quantity: target.row.delivered_quantity,
          status: target.row.status,
          status_on: target.row.status_on,
          updated_at: ctx.at,
          version: stored.version + 1,
        })
        .where('id', '=', stored.id)
        .where('version', '=', stored.version)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw changedMeanwhile(`pledge ${stored.id}`);
      totals.record(figuresOf(stored), figuresOf(target.row));
      markings.push(stored);
      wrote(1);
    }
    await insertMany(
      trx,
      'pledge_status_changes',
      plan.deliveries.touched.flatMap((t) => t.changes),
    );
  }
  await totals.write(trx);
  await recordAudit(
    trx,
    actorOf(viewer),
    {
      action: `${audit.kind}.import`,
      entity: audit.kind,
      entityId: null,
      marking: auditMarking(markings, group.id, viewer),
      after: {
        file: audit.file,
        sha256: audit.sha256,
        kind: audit.kind,
        mapping: audit.mapping,
        format: audit.format,
        sheet: audit.sheet,
        counts: audit.counts,
      },
    },
    ctx.now,
  );
}

/** Pledges per batch sent: about one INSERT statement's worth (rowsPerStatement). */
const SEND_BATCH = 100;

/**
 * New pledges sent to a writer thread as they are checked, a statement's worth at a time, each batch's
 * status history after its pledges: the inserts run on the other core while the check goes on. Used
 * inside the writer's transaction, so a refused file rolls back whatever was sent; writePlan then
 * writes the rest (totals, audit) with `pledgesSent`.
 */
export class PledgeSender {
  private pending: PledgeTarget[] = [];

  constructor(
    private readonly writer: SqliteWriter,
    private readonly trx: Db,
  ) {}

  readonly add = (target: PledgeTarget): void => {
    this.pending.push(target);
    if (this.pending.length >= SEND_BATCH) this.flush();
  };

  /** Sends what is pending; call once the check is over, before writePlan. */
  flush(): void {
    const targets = this.pending;
    if (targets.length === 0) return;
    this.pending = [];
    const pledges = targets.map((t) => t.row);
    for (const s of insertStatements(this.trx, 'pledges', pledges)) this.writer.send(s.query);
    const changes = targets.flatMap((t) => t.changes);
    for (const s of insertStatements(this.trx, 'pledge_status_changes', changes)) {
      this.writer.send(s.query);
    }
  }
}

/**
 * The audit entry of an import must be no more readable than the rows it wrote, so its marking is the
 * meet of theirs: PUBLIC only when every row is PUBLIC; GROUP (of this group) when the narrowest is
 * GROUP; RESTRICTED to the nations every RESTRICTED row is released to when there is one. The entry
 * holds only the file's name, hash and counts, but even that says what a nation imported. The
 * importer's nation is always among them: a row it could not read is refused.
 */
export function auditMarking(
  rows: readonly { marking: string; rel_to: string | null }[],
  groupId: string,
  viewer: Pick<Viewer, 'nationCode'>,
): { marking: string; rel_to: string | null; group_id: string } {
  const restricted = rows.filter((r) => r.marking === 'RESTRICTED');
  if (restricted.length > 0) {
    const sets = restricted.map((r) => new Set((r.rel_to ?? '').split(',').filter(Boolean)));
    const [first, ...others] = sets;
    const common = [...(first ?? [])].filter((n) => others.every((s) => s.has(n)));
    if (viewer.nationCode !== null && !common.includes(viewer.nationCode))
      common.push(viewer.nationCode);
    return { marking: 'RESTRICTED', rel_to: `,${common.sort().join(',')},`, group_id: groupId };
  }
  if (rows.length > 0 && rows.every((r) => r.marking === 'PUBLIC')) {
    return { marking: 'PUBLIC', rel_to: null, group_id: groupId };
  }
  return { marking: 'GROUP', rel_to: null, group_id: groupId };
}
