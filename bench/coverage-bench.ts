import { isDeepStrictEqual } from 'node:util';
import { nationStanding } from '../src/core/accounts/user.repository';
import { listAreaRows } from '../src/core/capabilities/capability.repository';
import { anonymousViewer, type Viewer } from '../src/core/accounts/viewer';
import type { AreaCoverageList, DonorTotalsList } from '../src/core/coverage/coverage.schema';
import {
  areaCoverage,
  donorTotals,
  requirementCoverage,
} from '../src/core/coverage/coverage.service';
import type { Db } from '../src/core/db/database';
import { requireGroup } from '../src/core/groups/group.service';
import { formatMoney } from '../src/core/money';
import { todayIso } from '../src/core/time';
import {
  type AreaFigures,
  duckAreaCoverage,
  duckDonorTotals,
  duckRequirementCoverage,
  type DuckLedger,
  type RequirementFigures,
} from './ledger-duckdb';

/**
 * Gap and coverage per viewer: Ramstein's coverage service (sums over the bucket tables and the
 * requirements) against DuckDB scanning every pledge, for the same viewer and the same day. Both
 * answers are reduced to their figures and must be equal, or the timing is worthless.
 */

export interface CoverageRow {
  question: string;
  viewer: string;
  ramsteinMs: number;
  duckdbMs: number;
  /** DuckDB ms ÷ Ramstein ms: above 1, Ramstein answers faster. */
  ratio: number;
}

export interface CoverageResult {
  rows: CoverageRow[];
  /** Questions whose figures differed, as "question, viewer: what differs". */
  mismatches: string[];
}

const GROUP = 'udcg';

/** The bench's viewers: delegates of two member nations (their groups as of `day`) and the public. */
export async function benchViewers(db: Db, day: string): Promise<Record<string, Viewer>> {
  const delegate = async (nation: string): Promise<Viewer> => ({
    userId: `bench-${nation}`,
    username: `bench-${nation.toLowerCase()}`,
    nationCode: nation,
    roles: ['coordinator'],
    groupIds: (await nationStanding(db, nation, day)).groupIds,
    chairGroupIds: [],
    via: 'token',
    scope: 'read',
  });
  return {
    'GBR delegate': await delegate('GBR'),
    'POL delegate': await delegate('POL'),
    anonymous: anonymousViewer,
  };
}

/** Median wall time of `runs` calls after one unmeasured call, and the last answer. */
async function timed<T>(runs: number, call: () => Promise<T>): Promise<{ ms: number; value: T }> {
  let value = await call();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    value = await call();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const middle = Math.floor(times.length / 2);
  const ms =
    times.length % 2 === 1
      ? (times[middle] ?? 0)
      : ((times[middle - 1] ?? 0) + (times[middle] ?? 0)) / 2;
  return { ms, value };
}

/** The first place two figure lists differ, for the report. */
function difference(ours: unknown[], theirs: unknown[]): string | null {
  if (isDeepStrictEqual(ours, theirs)) return null;
  if (ours.length !== theirs.length) return `${ours.length} rows against DuckDB's ${theirs.length}`;
  const i = ours.findIndex((row, k) => !isDeepStrictEqual(row, theirs[k]));
  return `row ${i}: Ramstein ${JSON.stringify(ours[i])}, DuckDB ${JSON.stringify(theirs[i])}`;
}

const requirementFigures = (
  r: Pick<
    RequirementFigures,
    'id' | 'needed' | 'pledged' | 'contracted' | 'delivered' | 'gap' | 'pledgeCount' | 'overdue'
  >,
) => ({
  id: r.id,
  needed: r.needed,
  pledged: r.pledged,
  contracted: r.contracted,
  delivered: r.delivered,
  gap: r.gap,
  pledgeCount: r.pledgeCount,
  overdue: r.overdue,
});

function areaFigures(list: AreaCoverageList) {
  return list.items.map((a) => ({
    area: a.capabilityArea.id,
    requirements: a.requirements,
    byUnit: a.byUnit.map(({ unit, needed, pledged, contracted, delivered, gap }) => ({
      unit,
      needed,
      pledged,
      contracted,
      delivered,
      gap,
    })),
    value: a.value,
    pledgeCount: a.pledgeCount,
  }));
}

/** DuckDB's areas in the service's order; an area with nothing releasable is all zeros there. */
function duckAreaFigures(areas: AreaFigures[], order: string[], currency: string) {
  const money = (minor: number) => formatMoney({ minor: BigInt(minor), currency });
  const zero = { count: 0, open: 0, partlyMet: 0, met: 0, overdue: 0 };
  const extra = areas.filter((a) => !order.includes(a.area)).map((a) => a.area);
  return [...order, ...extra].map((id) => {
    const a = areas.find((x) => x.area === id);
    const v = a?.values;
    return {
      area: id,
      requirements: a?.requirements ?? zero,
      byUnit: a?.byUnit ?? [],
      value: {
        pledged: money(v?.pledged ?? 0),
        contracted: money(v?.contracted ?? 0),
        delivered: money(v?.delivered ?? 0),
        estimated: money(v?.estimated ?? 0),
        unvaluedPledges: v?.unvalued ?? 0,
      },
      pledgeCount: v?.pledgeCount ?? 0,
    };
  });
}

const donorFigures = (list: DonorTotalsList) => [
  { total: list.total },
  ...list.items.map((d) => ({
    donor: d.donor.code,
    pledged: d.pledged,
    contracted: d.contracted,
    delivered: d.delivered,
    estimated: d.estimated,
    pledgeCount: d.pledgeCount,
    unvalued: d.unvaluedPledges,
  })),
];

function duckDonorFigures(donors: Awaited<ReturnType<typeof duckDonorTotals>>, currency: string) {
  const money = (minor: number) => formatMoney({ minor: BigInt(minor), currency });
  // The service lists donors with something to show, largest first, as the API does.
  const shown = donors
    .filter((d) => d.pledgeCount > 0 || d.delivered > 0)
    .sort((a, b) => b.pledged - a.pledged || a.donor.localeCompare(b.donor));
  return [
    { total: money(shown.reduce((sum, d) => sum + d.pledged, 0)) },
    ...shown.map((d) => ({
      donor: d.donor,
      pledged: money(d.pledged),
      contracted: money(d.contracted),
      delivered: money(d.delivered),
      estimated: money(d.estimated),
      pledgeCount: d.pledgeCount,
      unvalued: d.unvalued,
    })),
  ];
}

/** Runs every question for every viewer on both sides; `runs` timed calls each (median). */
export async function runCoverageBench(
  db: Db,
  duck: DuckLedger,
  options: { runs: number; now: Date; onQuestion?: (label: string) => void },
): Promise<CoverageResult> {
  const { runs, now } = options;
  const today = todayIso(now);
  const group = await requireGroup(db, GROUP);
  const currency = group.reporting_currency;
  const viewers = await benchViewers(db, today);
  // The order the service lists areas in (reference data, not the ledger): read once, untimed.
  const areaOrder = (await listAreaRows(db, group.id)).map((a) => a.id);
  const rows: CoverageRow[] = [];
  const mismatches: string[] = [];
  const check = (question: string, viewer: string, problem: string | null) => {
    if (problem !== null) mismatches.push(`${question}, ${viewer}: ${problem}`);
  };

  for (const [name, viewer] of Object.entries(viewers)) {
    // Every releasable requirement, compared in full once (untimed): the timed gap list is a page.
    const all = await requirementCoverage(
      db,
      viewer,
      GROUP,
      { sort: 'priority', limit: Number.MAX_SAFE_INTEGER, offset: 0 },
      now,
    );
    const duckAll = await duckRequirementCoverage(duck.connection, viewer, group.id, today, {
      by: 'priority',
    });
    check(
      'coverage of every requirement',
      name,
      difference(
        all.items.map((c) => requirementFigures({ ...c, id: c.requirement.id })),
        duckAll.map(requirementFigures),
      ),
    );

    const questions: {
      question: string;
      ramstein: () => Promise<unknown[]>;
      duckdb: () => Promise<unknown[]>;
    }[] = [
      {
        question: 'gap: the 100 largest',
        ramstein: async () => {
          const page = await requirementCoverage(
            db,
            viewer,
            GROUP,
            { sort: 'gap', limit: 100, offset: 0 },
            now,
          );
          return page.items.map((c) => ({ id: c.requirement.id, gap: c.gap, needed: c.needed }));
        },
        duckdb: async () =>
          (
            await duckRequirementCoverage(duck.connection, viewer, group.id, today, {
              by: 'gap',
              limit: 100,
            })
          ).map((r) => ({ id: r.id, gap: r.gap, needed: r.needed })),
      },
      {
        question: 'coverage per capability area',
        ramstein: async () => areaFigures(await areaCoverage(db, viewer, GROUP, now)),
        duckdb: async () =>
          duckAreaFigures(
            await duckAreaCoverage(duck.connection, viewer, group.id, today),
            areaOrder,
            currency,
          ),
      },
      {
        question: 'totals per donor',
        ramstein: async () => donorFigures(await donorTotals(db, viewer, GROUP)),
        duckdb: async () =>
          duckDonorFigures(await duckDonorTotals(duck.connection, viewer, group.id), currency),
      },
    ];
    for (const q of questions) {
      options.onQuestion?.(`${q.question}, ${name}`);
      const ours = await timed(runs, q.ramstein);
      const theirs = await timed(runs, q.duckdb);
      check(q.question, name, difference(ours.value, theirs.value));
      rows.push({
        question: q.question,
        viewer: name,
        ramsteinMs: ours.ms,
        duckdbMs: theirs.ms,
        ratio: theirs.ms / ours.ms,
      });
    }
  }
  return { rows, mismatches };
}
