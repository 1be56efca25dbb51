import { type Kysely, sql } from 'kysely';
import type { Connection } from '../src/core/db/connect';
import type { Database, Db } from '../src/core/db/database';
import { AppError } from '../src/core/errors';
import {
  contributionOf,
  type DonorBucket,
  type RequirementBucket,
  type TimelineBucket,
} from '../src/core/pledges/pledge';
import { donorRanking } from './ledger-catalogue';
import { LEDGER_END, type LedgerReference, LedgerPlanner, type LedgerScale } from './ledger-plan';
import { Random, uuidV7 } from './random';
import { ledgerWriters, rowsOf } from './ledger-writers';

/**
 * `ramstein bench generate`: fills a migrated, seeded database with a synthetic but realistic support
 * ledger for the benchmarks — the same rows on every run (seeded), written with multi-row INSERTs in
 * batched transactions. The bucket tables are the sums of `contributionOf` over every pledge, exactly
 * what per-write maintenance would have left. Audit entries are not written: this is bench data.
 */

export const ledgerScales = {
  xs: { donors: 12, requirements: 40, pledges: 200, deliveriesPerPledge: 3 },
  m: { donors: 50, requirements: 5_000, pledges: 100_000, deliveriesPerPledge: 3 },
  l: { donors: 50, requirements: 5_000, pledges: 1_000_000, deliveriesPerPledge: 3 },
} as const satisfies Record<string, LedgerScale>;
export type LedgerScaleName = keyof typeof ledgerScales;

export const isLedgerScale = (value: string): value is LedgerScaleName =>
  Object.hasOwn(ledgerScales, value);

export const BENCH_USERNAME = 'bench-generator';
const DEFAULT_SEED = 'ramstein-bench-ledger-1';
/** When the bench user and the price list were "made": before the first meeting. */
const SETUP_AT = '2022-04-01T00:00:00.000Z';

export interface GenerateProgress {
  phase: 'requirements' | 'pledges' | 'totals';
  done: number;
  total: number;
}

export interface GenerateOptions {
  scale: LedgerScaleName;
  group?: string;
  seed?: string;
  /** Pledges per transaction. */
  chunkSize?: number;
  onProgress?: (progress: GenerateProgress) => void;
}

export interface GenerateReport {
  scale: LedgerScaleName;
  requirements: number;
  pledges: number;
  statusChanges: number;
  tranches: number;
  deliveries: number;
  priceListItems: number;
  buckets: { requirement: number; donor: number; timeline: number };
  seconds: number;
}

/** Sums of one bucket kind, keyed like the table's primary key. */
class BucketSums<B extends object> {
  readonly rows = new Map<string, B>();

  constructor(
    private readonly keys: readonly (keyof B & string)[],
    private readonly sums: readonly (keyof B & string)[],
  ) {}

  add(bucket: B): void {
    const key = this.keys.map((k) => String(bucket[k])).join('\u0000');
    const found = this.rows.get(key) as Record<string, number> | undefined;
    if (found === undefined) {
      this.rows.set(key, { ...bucket });
      return;
    }
    for (const s of this.sums) found[s] = (found[s] ?? 0) + (bucket[s] as number);
  }
}

/** The group, its areas, coalitions, held meetings and member nations; and the bench user. */
async function loadReference(
  db: Db,
  slug: string,
  donors: number,
  seed: string,
): Promise<LedgerReference> {
  const group = await db
    .selectFrom('groups')
    .select(['id', 'recipient_code', 'reporting_currency'])
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (!group)
    throw new AppError('not_found', `Group ${slug} not found: run \`ramstein seed\` first`);
  if (group.reporting_currency !== 'EUR') {
    throw new AppError(
      'invalid',
      `the bench's fixed rates are in EUR; ${slug} reports in ${group.reporting_currency}`,
    );
  }
  const areas = await db
    .selectFrom('capability_areas')
    .select(['id', 'slug'])
    .where('group_id', '=', group.id)
    .execute();
  const coalitions = await db
    .selectFrom('coalitions')
    .select(['id', 'capability_area_id'])
    .where('group_id', '=', group.id)
    .orderBy('name')
    .execute();
  const coalitionsByArea = new Map<string, string[]>();
  for (const c of coalitions) {
    coalitionsByArea.set(c.capability_area_id, [
      ...(coalitionsByArea.get(c.capability_area_id) ?? []),
      c.id,
    ]);
  }
  const meetings = await db
    .selectFrom('meetings')
    .select(['id', 'date'])
    .where('group_id', '=', group.id)
    .where('status', '=', 'held')
    .where('date', '<=', LEDGER_END)
    .orderBy('date')
    .orderBy('number')
    .execute();
  const members = await db
    .selectFrom('memberships')
    .innerJoin('nations', 'nations.code', 'memberships.nation_code')
    .select(['memberships.nation_code', 'memberships.valid_from'])
    .where('memberships.group_id', '=', group.id)
    .where('memberships.role', '=', 'member')
    .where('nations.kind', '=', 'state')
    .execute();
  const joined = new Map(members.map((m) => [m.nation_code, m.valid_from]));
  const ranked = [
    ...donorRanking.filter((code) => joined.has(code)),
    ...[...joined.keys()].filter((code) => !donorRanking.includes(code)).sort(),
  ].slice(0, donors);
  if (ranked.length < donors) {
    throw new AppError(
      'invalid',
      `${slug} has ${ranked.length} member nations; the scale needs ${donors} donors`,
    );
  }
  return {
    groupId: group.id,
    recipient: group.recipient_code,
    reportingCurrency: group.reporting_currency,
    areaIds: new Map(areas.map((a) => [a.slug, a.id])),
    coalitionsByArea,
    meetings,
    donors: ranked.map((code) => ({ code, validFrom: joined.get(code) ?? null })),
    userId: await benchUser(db, seed),
  };
}

/** The account every generated row is created by: the chair's secretariat, unable to sign in. */
async function benchUser(db: Db, seed: string): Promise<string> {
  const found = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', BENCH_USERNAME)
    .executeTakeFirst();
  if (found) return found.id;
  const id = uuidV7(new Random(`${seed}:user`), Date.parse(SETUP_AT));
  await db
    .insertInto('users')
    .values({
      id,
      username: BENCH_USERNAME,
      display_name: 'Bench data generator',
      email: null,
      nation_code: 'GBR',
      roles: 'secretariat',
      password_hash: null,
      oidc_issuer: null,
      oidc_subject: null,
      disabled_at: null,
      failed_sign_ins: 0,
      locked_until: null,
      last_sign_in_at: null,
      password_changed_at: null,
      calendar_token_hash: null,
      created_at: SETUP_AT,
      updated_at: SETUP_AT,
      version: 1,
    })
    .execute();
  return id;
}

/** Generation adds to an empty ledger only: run twice, it would double every total. */
async function refuseFilledLedger(db: Db, groupId: string, slug: string): Promise<void> {
  const count = async (table: 'requirements' | 'pledges' | 'price_list_items') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .where('group_id', '=', groupId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const [requirements, pledges, prices] = await Promise.all([
    count('requirements'),
    count('pledges'),
    count('price_list_items'),
  ]);
  if (requirements + pledges + prices > 0) {
    throw new AppError(
      'conflict',
      `The ledger of ${slug} is not empty (${requirements} requirements, ${pledges} pledges, ` +
        `${prices} prices): generate into a freshly migrated and seeded database`,
    );
  }
}

/** Generates the ledger of `options.scale` into the database (migrated and seeded); says what it wrote. */
export async function generateLedger(
  connection: Pick<Connection, 'db' | 'kind'>,
  options: GenerateOptions,
): Promise<GenerateReport> {
  if (connection.kind !== 'sqlite') return generate(connection.db, options);
  // Bench data need not survive a power cut between batches, so SQLite syncs the log only at
  // checkpoints meanwhile (a crash still leaves a consistent file), and gets a larger page cache.
  const db = connection.db;
  const read = async (name: string) =>
    Number(Object.values((await sql.raw(`pragma ${name}`).execute(db)).rows[0] ?? {})[0]);
  const before = { synchronous: await read('synchronous'), cache_size: await read('cache_size') };
  await sql`pragma synchronous = normal`.execute(db);
  await sql`pragma cache_size = -262144`.execute(db);
  try {
    return await generate(db, options);
  } finally {
    for (const [name, value] of Object.entries(before)) {
      await sql.raw(`pragma ${name} = ${value}`).execute(db);
    }
  }
}

async function generate(db: Kysely<Database>, options: GenerateOptions): Promise<GenerateReport> {
  const started = performance.now();
  const scale = ledgerScales[options.scale];
  const slug = options.group ?? 'udcg';
  const seed = options.seed ?? DEFAULT_SEED;
  const chunkSize = options.chunkSize ?? 5_000;
  const progress = options.onProgress ?? (() => undefined);

  const reference = await db
    .transaction()
    .execute((trx) => loadReference(trx, slug, scale.donors, seed));
  await refuseFilledLedger(db, reference.groupId, slug);
  const planner = new LedgerPlanner(reference, scale, seed);

  progress({ phase: 'requirements', done: 0, total: scale.requirements });
  const requirements = planner.requirements();
  const prices = planner.priceList(SETUP_AT);
  await db.transaction().execute(async (trx) => {
    await ledgerWriters.priceList.write(trx, rowsOf(ledgerWriters.priceList, prices));
    await ledgerWriters.requirements.write(
      trx,
      rowsOf(ledgerWriters.requirements, requirements.rows),
    );
    await ledgerWriters.priorityChanges.write(
      trx,
      rowsOf(ledgerWriters.priorityChanges, requirements.priorityChanges),
    );
  });
  progress({ phase: 'requirements', done: scale.requirements, total: scale.requirements });

  const requirementSums = new BucketSums<RequirementBucket>(
    ['requirement_id', 'marking', 'rel_to'],
    ['pledge_count', 'pledged_quantity', 'contracted_quantity', 'delivered_quantity'],
  );
  const donorSums = new BucketSums<DonorBucket>(
    ['group_id', 'donor_nation', 'capability_area_id', 'channel', 'marking', 'rel_to'],
    [
      'pledge_count',
      'unvalued_count',
      'pledged_value_minor',
      'estimated_value_minor',
      'contracted_value_minor',
      'delivered_value_minor',
    ],
  );
  const timelineSums = new BucketSums<TimelineBucket>(
    ['group_id', 'month', 'meeting_id', 'donor_nation', 'marking', 'rel_to'],
    ['pledge_count', 'pledged_value_minor'],
  );
  const counts = { statusChanges: 0, tranches: 0, deliveries: 0 };
  progress({ phase: 'pledges', done: 0, total: scale.pledges });
  for (let done = 0; done < scale.pledges;) {
    const size = Math.min(chunkSize, scale.pledges - done);
    const chunk = planner.pledgeChunk(size);
    await db.transaction().execute(async (trx) => {
      await ledgerWriters.pledges.write(trx, rowsOf(ledgerWriters.pledges, chunk.pledges));
      await ledgerWriters.statusChanges.write(
        trx,
        rowsOf(ledgerWriters.statusChanges, chunk.statusChanges),
      );
      await ledgerWriters.tranches.write(trx, rowsOf(ledgerWriters.tranches, chunk.tranches));
      await ledgerWriters.deliveries.write(trx, rowsOf(ledgerWriters.deliveries, chunk.deliveries));
    });
    for (const figures of chunk.figures) {
      const contribution = contributionOf(figures);
      if (contribution.requirement) requirementSums.add(contribution.requirement);
      donorSums.add(contribution.donor);
      timelineSums.add(contribution.timeline);
    }
    counts.statusChanges += chunk.statusChanges.length;
    counts.tranches += chunk.tranches.length;
    counts.deliveries += chunk.deliveries.length;
    done += size;
    progress({ phase: 'pledges', done, total: scale.pledges });
  }

  const buckets = [requirementSums.rows, donorSums.rows, timelineSums.rows];
  const bucketTotal = buckets.reduce((sum, rows) => sum + rows.size, 0);
  progress({ phase: 'totals', done: 0, total: bucketTotal });
  await db.transaction().execute(async (trx) => {
    await ledgerWriters.requirementTotals.write(
      trx,
      rowsOf(ledgerWriters.requirementTotals, [...requirementSums.rows.values()]),
    );
    await ledgerWriters.donorTotals.write(
      trx,
      rowsOf(ledgerWriters.donorTotals, [...donorSums.rows.values()]),
    );
    await ledgerWriters.timelineTotals.write(
      trx,
      rowsOf(ledgerWriters.timelineTotals, [...timelineSums.rows.values()]),
    );
    await settleRequirementStatuses(trx, planner.requirementStatuses());
  });
  progress({ phase: 'totals', done: bucketTotal, total: bucketTotal });

  return {
    scale: options.scale,
    requirements: requirements.rows.length,
    pledges: scale.pledges,
    ...counts,
    priceListItems: prices.length,
    buckets: {
      requirement: requirementSums.rows.size,
      donor: donorSums.rows.size,
      timeline: timelineSums.rows.size,
    },
    seconds: (performance.now() - started) / 1000,
  };
}

/** The recipient's view of each requirement once the pledges are in: one edit each, at the end. */
async function settleRequirementStatuses(db: Db, statuses: Map<string, string>): Promise<void> {
  const byStatus = new Map<string, string[]>();
  for (const [id, status] of statuses) {
    const ids = byStatus.get(status) ?? [];
    ids.push(id);
    byStatus.set(status, ids);
  }
  for (const [status, ids] of [...byStatus].sort(([a], [b]) => a.localeCompare(b))) {
    for (let i = 0; i < ids.length; i += 500) {
      await db
        .updateTable('requirements')
        .set((eb) => ({
          status,
          version: eb('version', '+', 1),
          updated_at: `${LEDGER_END}T12:00:00.000Z`,
        }))
        .where('id', 'in', ids.slice(i, i + 500))
        .execute();
    }
  }
}
