import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import SQLite from 'better-sqlite3';
import type { Viewer } from '../src/core/accounts/viewer';

/**
 * The DuckDB side of the coverage bench: the same requirements and pledges, copied from the SQLite
 * file into an in-memory DuckDB (its sqlite extension would have to be downloaded, so the rows go
 * through the appender), and the same questions answered by full scans of the pledges with the same
 * marking rule as src/core/markings.ts for the same viewer.
 */

type ColumnType = 'VARCHAR' | 'BIGINT';

const tables: Record<'requirements' | 'pledges', [string, ColumnType][]> = {
  requirements: [
    ['id', 'VARCHAR'],
    ['group_id', 'VARCHAR'],
    ['capability_area_id', 'VARCHAR'],
    ['quantity', 'BIGINT'],
    ['unit', 'VARCHAR'],
    ['priority', 'BIGINT'],
    ['needed_by', 'VARCHAR'],
    ['status', 'VARCHAR'],
    ['marking', 'VARCHAR'],
    ['rel_to', 'VARCHAR'],
  ],
  pledges: [
    ['id', 'VARCHAR'],
    ['group_id', 'VARCHAR'],
    ['requirement_id', 'VARCHAR'],
    ['capability_area_id', 'VARCHAR'],
    ['donor_nation', 'VARCHAR'],
    ['status', 'VARCHAR'],
    ['quantity', 'BIGINT'],
    ['delivered_quantity', 'BIGINT'],
    ['reporting_value_minor', 'BIGINT'],
    ['valuation_method', 'VARCHAR'],
    ['marking', 'VARCHAR'],
    ['rel_to', 'VARCHAR'],
  ],
};

export interface DuckLedger {
  connection: DuckDBConnection;
  rows: { requirements: number; pledges: number };
  loadSeconds: number;
  close(): void;
}

/** Copies the ledger's requirements and pledges from the SQLite file into an in-memory DuckDB. */
export async function loadDuckLedger(sqliteFile: string): Promise<DuckLedger> {
  const started = performance.now();
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const source = new SQLite(sqliteFile, { readonly: true, fileMustExist: true });
  const rows = { requirements: 0, pledges: 0 };
  try {
    for (const [table, columns] of Object.entries(tables) as [
      keyof typeof tables,
      [string, ColumnType][],
    ][]) {
      await connection.run(
        `create table ${table} (${columns.map(([name, type]) => `${name} ${type}`).join(', ')})`,
      );
      const appender = await connection.createAppender(table);
      const read = source
        .prepare(`select ${columns.map(([name]) => name).join(', ')} from ${table}`)
        .raw(true)
        .safeIntegers(true);
      for (const row of read.iterate() as Iterable<unknown[]>) {
        columns.forEach(([, type], i) => {
          const value = row[i];
          if (value === null || value === undefined) appender.appendNull();
          else if (type === 'BIGINT') appender.appendBigInt(BigInt(value as bigint));
          else appender.appendVarchar(typeof value === 'string' ? value : JSON.stringify(value));
        });
        appender.endRow();
        rows[table] += 1;
      }
      appender.flushSync();
      appender.closeSync();
    }
  } finally {
    source.close();
  }
  return {
    connection,
    rows,
    loadSeconds: (performance.now() - started) / 1000,
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

const NATION = /^[A-Z]{3}$/;
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The rule of releasableTo (src/core/markings.ts), written for DuckDB; values checked, then inlined. */
function releasable(viewer: Viewer, alias: string): string {
  const rules = [`${alias}.marking = 'PUBLIC'`];
  if (viewer.groupIds.length > 0) {
    if (!viewer.groupIds.every((id) => ID.test(id))) throw new Error('unexpected group id');
    const ids = viewer.groupIds.map((id) => `'${id}'`).join(', ');
    rules.push(
      `(${alias}.marking = 'GROUP' and (${alias}.group_id in (${ids}) or ${alias}.group_id is null))`,
    );
  }
  if (viewer.nationCode !== null) {
    if (!NATION.test(viewer.nationCode)) throw new Error('unexpected nation code');
    rules.push(
      `(${alias}.marking = 'RESTRICTED' and ${alias}.rel_to like '%,${viewer.nationCode},%')`,
    );
  }
  return `(${rules.join(' or ')})`;
}

/** What each pledge adds, worked out during the scan: the same rules as contributionOf. */
const pledgeScan = (viewer: Viewer) => `
  p as (
    select requirement_id, capability_area_id, donor_nation, status, quantity, delivered_quantity,
           valuation_method, reporting_value_minor as v,
           status <> 'withdrawn' as active,
           status in ('contracted', 'delivering', 'delivered') as is_contracted,
           -- BIGINT, not HUGEINT (ten times slower): DuckDB raises an error on overflow, never wraps.
           reporting_value_minor * delivered_quantity as dv
      from pledges pl
     where pl.group_id = $group and ${releasable(viewer, 'pl')}
  )`;

/** The value delivered: pro rata of the quantity, rounded half to even (as deliveredValue). */
const deliveredValue = `
  case when v is null then 0
       when quantity is null or quantity = 0 then (case when status = 'delivered' then v else 0 end)
       else dv // quantity
            + (case when 2 * (dv % quantity) > quantity
                      or (2 * (dv % quantity) = quantity and (dv // quantity) % 2 = 1)
                    then 1 else 0 end)
  end`;

const valueSums = `
  count(*) filter (where active) as pledge_count,
  count(*) filter (where active and v is null) as unvalued,
  coalesce(sum(v) filter (where active), 0) as pledged,
  coalesce(sum(v) filter (where active and valuation_method in ('price_list', 'estimated')), 0) as estimated,
  coalesce(sum(v) filter (where is_contracted), 0) as contracted,
  coalesce(sum(${deliveredValue}), 0) as delivered`;

/** Every requirement the viewer may see, with the pledges it may see summed by a scan. */
const requirementScan = (viewer: Viewer) => `
  with ${pledgeScan(viewer)},
  s as (
    select requirement_id,
           count(*) filter (where active) as pledge_count,
           coalesce(sum(quantity) filter (where active), 0) as pledged,
           coalesce(sum(quantity) filter (where is_contracted), 0) as contracted,
           coalesce(sum(delivered_quantity), 0) as delivered
      from p where requirement_id is not null group by requirement_id
  ),
  rc as (
    select r.id, r.priority, r.capability_area_id as area, r.unit, r.status, r.quantity as needed,
           coalesce(s.pledge_count, 0) as pledge_count, coalesce(s.pledged, 0) as pledged,
           coalesce(s.contracted, 0) as contracted, coalesce(s.delivered, 0) as delivered,
           greatest(r.quantity - coalesce(s.pledged, 0), 0) as gap,
           (r.status <> 'withdrawn' and r.needed_by is not null and r.needed_by < $today
             and coalesce(s.delivered, 0) < r.quantity) as overdue
      from requirements r left join s on s.requirement_id = r.id
     where r.group_id = $group and ${releasable(viewer, 'r')}
  )`;

type Values = Record<string, string>;

async function rows(
  connection: DuckDBConnection,
  text: string,
  values: Values,
): Promise<Record<string, unknown>[]> {
  const reader = await connection.runAndReadAll(text, values);
  return reader
    .getRowObjectsJS()
    .map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]),
      ),
    );
}

export interface RequirementFigures {
  id: string;
  priority: number;
  area: string;
  unit: string;
  status: string;
  needed: number;
  pledgeCount: number;
  pledged: number;
  contracted: number;
  delivered: number;
  gap: number;
  overdue: boolean;
}

const toRequirement = (r: Record<string, unknown>): RequirementFigures => ({
  id: String(r.id),
  priority: Number(r.priority),
  area: String(r.area),
  unit: String(r.unit),
  status: String(r.status),
  needed: Number(r.needed),
  pledgeCount: Number(r.pledge_count),
  pledged: Number(r.pledged),
  contracted: Number(r.contracted),
  delivered: Number(r.delivered),
  gap: Number(r.gap),
  overdue: r.overdue === true,
});

/** Every releasable requirement with its coverage, by priority, or the `limit` largest gaps. */
export async function duckRequirementCoverage(
  connection: DuckDBConnection,
  viewer: Viewer,
  groupId: string,
  today: string,
  order: { by: 'priority' } | { by: 'gap'; limit: number },
): Promise<RequirementFigures[]> {
  const tail =
    order.by === 'gap' ? `order by gap desc, priority limit ${order.limit}` : 'order by priority';
  const found = await rows(connection, `${requirementScan(viewer)} select * from rc ${tail}`, {
    group: groupId,
    today,
  });
  return found.map(toRequirement);
}

export interface ValueFigures {
  pledgeCount: number;
  unvalued: number;
  pledged: number;
  estimated: number;
  contracted: number;
  delivered: number;
}

const toValues = (r: Record<string, unknown>): ValueFigures => ({
  pledgeCount: Number(r.pledge_count),
  unvalued: Number(r.unvalued),
  pledged: Number(r.pledged),
  estimated: Number(r.estimated),
  contracted: Number(r.contracted),
  delivered: Number(r.delivered),
});

export interface AreaFigures {
  area: string;
  requirements: { count: number; open: number; partlyMet: number; met: number; overdue: number };
  byUnit: {
    unit: string;
    needed: number;
    pledged: number;
    contracted: number;
    delivered: number;
    gap: number;
  }[];
  values: ValueFigures;
}

/** Per capability area: its requirements by status, quantities per unit, and the value of its pledges. */
export async function duckAreaCoverage(
  connection: DuckDBConnection,
  viewer: Viewer,
  groupId: string,
  today: string,
): Promise<AreaFigures[]> {
  const values = { group: groupId, today };
  // One query for the requirements (per area, and per area and unit), one for the pledges' value;
  // a connection runs one query at a time, so they are timed together, one after the other.
  const grouped = await rows(
    connection,
    `${requirementScan(viewer)}
     select area, unit, grouping(unit) as per_area, count(*) as n,
            count(*) filter (where status = 'open') as open,
            count(*) filter (where status = 'partly_met') as partly_met,
            count(*) filter (where status = 'met') as met,
            count(*) filter (where overdue) as overdue,
            count(*) filter (where status <> 'withdrawn') as live,
            coalesce(sum(needed) filter (where status <> 'withdrawn'), 0) as needed,
            coalesce(sum(pledged) filter (where status <> 'withdrawn'), 0) as pledged,
            coalesce(sum(contracted) filter (where status <> 'withdrawn'), 0) as contracted,
            coalesce(sum(delivered) filter (where status <> 'withdrawn'), 0) as delivered
       from rc group by grouping sets ((area), (area, unit)) order by area, unit`,
    values,
  );
  const counts = grouped.filter((r) => Number(r.per_area) === 1);
  const units = grouped.filter((r) => Number(r.per_area) === 0 && Number(r.live) > 0);
  const sums = await rows(
    connection,
    `with ${pledgeScan(viewer)} select capability_area_id as area, ${valueSums} from p group by area`,
    { group: groupId },
  );
  const areas = new Set([...counts, ...units, ...sums].map((r) => String(r.area)));
  return [...areas].sort().map((area) => {
    const c = counts.find((r) => r.area === area);
    const v = sums.find((r) => r.area === area);
    return {
      area,
      requirements: {
        count: Number(c?.n ?? 0),
        open: Number(c?.open ?? 0),
        partlyMet: Number(c?.partly_met ?? 0),
        met: Number(c?.met ?? 0),
        overdue: Number(c?.overdue ?? 0),
      },
      byUnit: units
        .filter((u) => u.area === area)
        .sort((a, b) => String(a.unit).localeCompare(String(b.unit)))
        .map((u) => ({
          unit: String(u.unit),
          needed: Number(u.needed),
          pledged: Number(u.pledged),
          contracted: Number(u.contracted),
          delivered: Number(u.delivered),
          gap: Math.max(0, Number(u.needed) - Number(u.pledged)),
        })),
      values: v
        ? toValues(v)
        : { pledgeCount: 0, unvalued: 0, pledged: 0, estimated: 0, contracted: 0, delivered: 0 },
    };
  });
}

/** Per donor nation: the value of the pledges the viewer may see. */
export async function duckDonorTotals(
  connection: DuckDBConnection,
  viewer: Viewer,
  groupId: string,
): Promise<({ donor: string } & ValueFigures)[]> {
  const found = await rows(
    connection,
    `with ${pledgeScan(viewer)} select donor_nation, ${valueSums} from p group by donor_nation`,
    { group: groupId },
  );
  return found.map((r) => ({ donor: String(r.donor_nation), ...toValues(r) }));
}
