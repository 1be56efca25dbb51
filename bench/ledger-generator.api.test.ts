import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { Connection } from '../src/core/db/connect';
import type { Db } from '../src/core/db/database';
import { describeOnEachDatabase, openTestDatabase } from '../src/core/db/testing/test-database';
import { generateLedger, type GenerateReport } from './ledger-generator';

/**
 * The generated ledger must look like one the platform wrote: every bucket the sum of its pledges (as
 * a full scan computes it, independently of contributionOf), deliveries within their pledges, and the
 * same rows on every run.
 */

const n = (value: unknown): number => Number(value);

/** Sorts rows by their JSON so two lists compare regardless of the order the database gave. */
const sorted = <T>(rows: T[]): T[] =>
  rows
    .map((row) => [JSON.stringify(row), row] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, row]) => row);

const numbers = <T extends Record<string, unknown>>(rows: T[], keys: string[]) =>
  rows.map((row) =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, keys.includes(k) ? v : n(v)])),
  );

/** Rounds numerator/denominator half to even, written out again here so the test checks the rule. */
function halfEven(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  const twice = 2n * (numerator % denominator);
  if (twice > denominator || (twice === denominator && quotient % 2n === 1n)) return quotient + 1n;
  return quotient;
}

const active = sql<number>`case when status <> 'withdrawn' then 1 else 0 end`;
const contracted = sql<number>`case when status in ('contracted', 'delivering', 'delivered') then 1 else 0 end`;
const relTo = sql<string>`coalesce(rel_to, '')`;

async function scanRequirements(db: Db) {
  const rows = await db
    .selectFrom('pledges')
    .select([
      'requirement_id',
      'marking',
      relTo.as('rel_to'),
      sql<number>`sum(${active})`.as('pledge_count'),
      sql<number>`sum(${active} * coalesce(quantity, 0))`.as('pledged_quantity'),
      sql<number>`sum(${contracted} * coalesce(quantity, 0))`.as('contracted_quantity'),
      sql<number>`sum(delivered_quantity)`.as('delivered_quantity'),
    ])
    .where('requirement_id', 'is not', null)
    .groupBy(['requirement_id', 'marking', relTo])
    .execute();
  return sorted(numbers(rows, ['requirement_id', 'marking', 'rel_to']));
}

async function storedRequirementTotals(db: Db) {
  const rows = await db
    .selectFrom('requirement_totals')
    .select([
      'requirement_id',
      'marking',
      'rel_to',
      'pledge_count',
      'pledged_quantity',
      'contracted_quantity',
      'delivered_quantity',
    ])
    .execute();
  return sorted(numbers(rows, ['requirement_id', 'marking', 'rel_to']));
}

const channel = sql<string>`case channel_kind
  when 'nation' then 'nation:' || channel_nation
  when 'coalition' then 'coalition:' || channel_coalition_id
  when 'fund' then 'fund:' || channel_name
  else 'direct' end`;

/** Per donor, area, channel and marking; the delivered value (pro rata, half even) summed in code. */
async function scanDonors(db: Db) {
  const pledges = await db
    .selectFrom('pledges')
    .select([
      'donor_nation',
      'capability_area_id',
      channel.as('channel'),
      'marking',
      relTo.as('rel_to'),
      'status',
      'quantity',
      'delivered_quantity',
      'reporting_value_minor',
      'valuation_method',
    ])
    .execute();
  const buckets = new Map<string, Record<string, string | number>>();
  for (const p of pledges) {
    const key = [p.donor_nation, p.capability_area_id, p.channel, p.marking, p.rel_to].join('|');
    const bucket = buckets.get(key) ?? {
      donor_nation: p.donor_nation,
      capability_area_id: p.capability_area_id,
      channel: p.channel,
      marking: p.marking,
      rel_to: p.rel_to,
      pledge_count: 0,
      unvalued_count: 0,
      pledged_value_minor: 0,
      estimated_value_minor: 0,
      contracted_value_minor: 0,
      delivered_value_minor: 0,
    };
    const value = p.reporting_value_minor === null ? null : n(p.reporting_value_minor);
    const add = (column: string, amount: number) => {
      bucket[column] = n(bucket[column]) + amount;
    };
    const isActive = p.status !== 'withdrawn';
    const isContracted = ['contracted', 'delivering', 'delivered'].includes(p.status);
    add('pledge_count', isActive ? 1 : 0);
    add('unvalued_count', isActive && value === null ? 1 : 0);
    add('pledged_value_minor', isActive ? (value ?? 0) : 0);
    add(
      'estimated_value_minor',
      isActive && ['price_list', 'estimated'].includes(p.valuation_method) ? (value ?? 0) : 0,
    );
    add('contracted_value_minor', isContracted ? (value ?? 0) : 0);
    const quantity = p.quantity === null ? null : n(p.quantity);
    add(
      'delivered_value_minor',
      value === null
        ? 0
        : quantity === null || quantity === 0
          ? p.status === 'delivered'
            ? value
            : 0
          : n(halfEven(BigInt(value) * BigInt(n(p.delivered_quantity)), BigInt(quantity))),
    );
    buckets.set(key, bucket);
  }
  return sorted([...buckets.values()]);
}

async function storedDonorTotals(db: Db) {
  const rows = await db
    .selectFrom('donor_totals')
    .select([
      'donor_nation',
      'capability_area_id',
      'channel',
      'marking',
      'rel_to',
      'pledge_count',
      'unvalued_count',
      'pledged_value_minor',
      'estimated_value_minor',
      'contracted_value_minor',
      'delivered_value_minor',
    ])
    .execute();
  return sorted(
    numbers(rows, ['donor_nation', 'capability_area_id', 'channel', 'marking', 'rel_to']),
  );
}

const month = sql<string>`substr(announced_on, 1, 7)`;
const meeting = sql<string>`coalesce(meeting_id, '')`;

async function scanTimeline(db: Db) {
  const rows = await db
    .selectFrom('pledges')
    .select([
      month.as('month'),
      meeting.as('meeting_id'),
      'donor_nation',
      'marking',
      relTo.as('rel_to'),
      sql<number>`sum(${active})`.as('pledge_count'),
      sql<number>`sum(${active} * coalesce(reporting_value_minor, 0))`.as('pledged_value_minor'),
    ])
    .groupBy([month, meeting, 'donor_nation', 'marking', relTo])
    .execute();
  return sorted(numbers(rows, ['month', 'meeting_id', 'donor_nation', 'marking', 'rel_to']));
}

async function storedTimelineTotals(db: Db) {
  const rows = await db
    .selectFrom('timeline_totals')
    .select([
      'month',
      'meeting_id',
      'donor_nation',
      'marking',
      'rel_to',
      'pledge_count',
      'pledged_value_minor',
    ])
    .execute();
  return sorted(numbers(rows, ['month', 'meeting_id', 'donor_nation', 'marking', 'rel_to']));
}

/**
 * Everything the generator wrote, with the reference rows' ids (which each seed run draws afresh)
 * replaced by their natural keys, so two databases can be compared row for row.
 */
async function dump(db: Db): Promise<Record<string, unknown[]>> {
  const names = new Map<string, string>();
  for (const g of await db.selectFrom('groups').select(['id', 'slug']).execute())
    names.set(g.id, `group:${g.slug}`);
  for (const a of await db.selectFrom('capability_areas').select(['id', 'slug']).execute())
    names.set(a.id, `area:${a.slug}`);
  for (const c of await db.selectFrom('coalitions').select(['id', 'name']).execute())
    names.set(c.id, `coalition:${c.name}`);
  for (const m of await db.selectFrom('meetings').select(['id', 'number', 'date']).execute())
    names.set(m.id, `meeting:${m.number ?? m.date}`);
  const canonical = (rows: object[]) =>
    sorted(
      rows.map((row) =>
        Object.fromEntries(
          Object.entries(row).map(([k, v]) => [
            k,
            typeof v === 'string'
              ? v.replace(
                  /[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}/g,
                  (id) => names.get(id) ?? id,
                )
              : v === null
                ? null
                : n(v),
          ]),
        ),
      ),
    );
  const tables = [
    'requirements',
    'requirement_priority_changes',
    'price_list_items',
    'pledges',
    'pledge_status_changes',
    'pledge_tranches',
    'deliveries',
    'requirement_totals',
    'donor_totals',
    'timeline_totals',
  ] as const;
  const out: Record<string, unknown[]> = {};
  for (const table of tables)
    out[table] = canonical(await db.selectFrom(table).selectAll().execute());
  out.users = canonical(
    await db.selectFrom('users').selectAll().where('username', '=', 'bench-generator').execute(),
  );
  return out;
}

describeOnEachDatabase(
  'bench ledger generator, scale xs',
  async (kind) => {
    const opened = await openTestDatabase(kind);
    const report = await generateLedger(opened.connection, { scale: 'xs' });
    return { value: { connection: opened.connection, report }, close: opened.close };
  },
  (ctx: () => { connection: Connection; report: GenerateReport }) => {
    const db = () => ctx().connection.db;

    it('writes the scale it names', () => {
      expect(ctx().report).toMatchObject({ requirements: 40, pledges: 200, deliveries: 600 });
    });

    it('keeps every requirement bucket equal to the sum of its pledges', async () => {
      const scanned = await scanRequirements(db());
      expect(scanned.length).toBeGreaterThan(10);
      expect(await storedRequirementTotals(db())).toEqual(scanned);
    });

    it('keeps every donor bucket equal to the sum of its pledges', async () => {
      const scanned = await scanDonors(db());
      expect(scanned.some((b) => n(b.delivered_value_minor) > 0)).toBe(true);
      expect(await storedDonorTotals(db())).toEqual(scanned);
    });

    it('keeps every timeline bucket, and so every month, equal to the sum of its pledges', async () => {
      const scanned = await scanTimeline(db());
      expect(await storedTimelineTotals(db())).toEqual(scanned);
      const perMonth = (rows: Record<string, unknown>[]) => {
        const sums = new Map<string, number>();
        for (const r of rows) {
          sums.set(String(r.month), (sums.get(String(r.month)) ?? 0) + n(r.pledged_value_minor));
        }
        return [...sums].sort();
      };
      expect(perMonth(await storedTimelineTotals(db()))).toEqual(perMonth(scanned));
      expect(perMonth(scanned).length).toBeGreaterThan(12);
    });

    it('delivers no more than pledged, never before the pledge, and counts every delivery', async () => {
      const pledges = await db()
        .selectFrom('pledges')
        .leftJoin('deliveries', 'deliveries.pledge_id', 'pledges.id')
        .select([
          'pledges.id',
          'pledges.status',
          'pledges.quantity',
          'pledges.delivered_quantity',
          'pledges.announced_on',
          sql<number>`coalesce(sum(deliveries.quantity), 0)`.as('delivered'),
          sql<number>`count(deliveries.id)`.as('deliveries'),
          sql<string | null>`min(deliveries.delivered_on)`.as('first_delivery'),
        ])
        .groupBy([
          'pledges.id',
          'pledges.status',
          'pledges.quantity',
          'pledges.delivered_quantity',
          'pledges.announced_on',
        ])
        .execute();
      for (const p of pledges) {
        expect(n(p.delivered), p.id).toBe(n(p.delivered_quantity));
        if (p.quantity !== null) expect(n(p.delivered), p.id).toBeLessThanOrEqual(n(p.quantity));
        if (p.first_delivery !== null) expect(p.first_delivery >= p.announced_on, p.id).toBe(true);
        if (p.status === 'delivered' && p.quantity !== null)
          expect(n(p.delivered), p.id).toBe(n(p.quantity));
        if (p.status === 'delivering' && p.quantity !== null) {
          expect(n(p.delivered), p.id).toBeGreaterThan(0);
          expect(n(p.delivered), p.id).toBeLessThan(n(p.quantity));
        }
        if (!['delivering', 'delivered'].includes(p.status)) expect(n(p.deliveries), p.id).toBe(0);
      }
    });

    it('ends each status history at the pledge status, from announced', async () => {
      const changes = await db()
        .selectFrom('pledge_status_changes')
        .innerJoin('pledges', 'pledges.id', 'pledge_status_changes.pledge_id')
        .select([
          'pledges.id',
          'pledges.status',
          'pledges.status_on',
          'pledge_status_changes.from_status',
          'pledge_status_changes.to_status',
          'pledge_status_changes.effective_on',
        ])
        .orderBy('pledges.id')
        .orderBy('pledge_status_changes.changed_at')
        .orderBy('pledge_status_changes.id')
        .execute();
      const byPledge = new Map<string, typeof changes>();
      for (const c of changes) byPledge.set(c.id, [...(byPledge.get(c.id) ?? []), c]);
      expect(byPledge.size).toBe(200);
      for (const [id, history] of byPledge) {
        expect(history[0]?.from_status, id).toBeNull();
        expect(history[0]?.to_status, id).toBe('announced');
        history.slice(1).forEach((c, i) => expect(c.from_status, id).toBe(history[i]?.to_status));
        expect(history.at(-1)?.to_status, id).toBe(history[0]?.status);
        expect(history.at(-1)?.effective_on, id).toBe(history[0]?.status_on);
      }
    });

    it('spreads pledges over every status, area, channel kind and marking', async () => {
      const distinct = async (
        column: 'status' | 'capability_area_id' | 'channel_kind' | 'marking',
      ) => (await db().selectFrom('pledges').select(column).distinct().execute()).length;
      expect(await distinct('status')).toBe(6);
      expect(await distinct('capability_area_id')).toBe(12);
      expect(await distinct('channel_kind')).toBe(4);
      expect(await distinct('marking')).toBe(3);
      const relTo = await db()
        .selectFrom('pledges')
        .select('rel_to')
        .distinct()
        .where('marking', '=', 'RESTRICTED')
        .execute();
      expect(relTo.length).toBeGreaterThan(3);
      const currencies = await db().selectFrom('pledges').select('currency').distinct().execute();
      expect(new Set(currencies.map((c) => c.currency))).toEqual(
        new Set(['EUR', 'GBP', 'USD', null]),
      );
    });

    it('writes the same rows again into a fresh database, on SQLite as on this one', async () => {
      const other = await openTestDatabase('sqlite');
      try {
        await generateLedger(other.connection, { scale: 'xs' });
        expect(await dump(other.connection.db)).toEqual(await dump(db()));
      } finally {
        await other.close();
      }
    });

    it('refuses to add a second ledger on top of the first', async () => {
      await expect(generateLedger(ctx().connection, { scale: 'xs' })).rejects.toThrow(/not empty/);
    });
  },
);
