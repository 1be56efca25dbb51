import type { NationRef } from '../common.schema';
import type { Db } from '../db/database';
import { notFound } from '../errors';
import { toSource } from '../source';
import { parseDecimal } from '../money';
import {
  type AidAmounts,
  compareDecimalText,
  monthNumber,
  percentOf,
  sumAmounts,
  yearMonth,
} from './published-aid';
import {
  findNationRef,
  listFigureRows,
  listLatestGdpRows,
  listMonthRows,
  type MonthRow,
} from './published-aid.repository';
import type {
  Gdp,
  PublishedAidDonorTotal,
  PublishedAidDonorTotals,
  PublishedAidFigure,
  PublishedAidFigureQuery,
  PublishedAidMonthly,
  PublishedAidMonthlyQuery,
  PublishedAidPeriodQuery,
} from './published-aid.schema';

// Published aid is public record (the Kiel Institute's own publication): every viewer may read it, so
// there is no access check. It is never added into the pledges' totals, which come from the ledger.

const amountsOf = (row: MonthRow): AidAmounts => ({
  totalBn: row.total_bn,
  financialBn: row.financial_bn,
  humanitarianBn: row.humanitarian_bn,
  militaryBn: row.military_bn,
  commitmentsBn: row.commitments_bn,
  toBeAllocatedBn: row.to_be_allocated_bn,
});

const nationOf = (row: MonthRow): NationRef => ({
  code: row.donor_nation,
  name: row.nation_name,
  alpha2: row.nation_alpha2,
});

const periodFilter = (query: PublishedAidPeriodQuery) => ({
  from: query.from === undefined ? undefined : monthNumber(query.from),
  to: query.to === undefined ? undefined : monthNumber(query.to),
});

/** The headline figures of the tracker's releases, as published, oldest release first. */
export async function listPublishedAidFigures(
  db: Db,
  query: PublishedAidFigureQuery,
): Promise<PublishedAidFigure[]> {
  const rows = await listFigureRows(db, query);
  return rows.map((row) => ({
    id: row.id,
    donor:
      row.donor_nation === null
        ? null
        : {
            code: row.donor_nation,
            name: row.nation_name ?? row.donor_name,
            alpha2: row.nation_alpha2,
          },
    donorName: row.donor_name,
    aidType: row.aid_type,
    measure: row.measure,
    amountBn: row.amount_bn,
    currency: row.currency,
    periodStart: row.period_start,
    dataCutoff: row.data_cutoff,
    releaseDate: row.release_date,
    notes: row.notes,
    source: toSource(row),
  }));
}

/**
 * Each donor's GDP in EUR billions, as the tracker's latest release present divides by for its % of
 * GDP figures. Nations the tracker has no GDP for (or a GDP of 0, as for the EU institutions) are absent.
 */
export async function gdpByNation(
  db: Db,
  nations: readonly string[],
): Promise<Map<string, { amount: string; currency: 'EUR'; unit: 'billion'; source: string }>> {
  const rows = await listLatestGdpRows(db, [...new Set(nations)]);
  const gdp = new Map<string, Gdp>();
  for (const row of rows) {
    const amount = parseDecimal(row.gdp_bn);
    if (amount === null || amount.coefficient === 0n) continue; // a GDP of zero is no GDP
    gdp.set(row.donor_nation, {
      amount: row.gdp_bn,
      currency: 'EUR',
      unit: 'billion',
      source: `${row.release}, the GDP of its % of GDP figures for ${yearMonth(row.year, row.month)}`,
    });
  }
  return gdp;
}

/**
 * What each donor allocated in the period (all months when no period is given), summed exactly, with its
 * GDP and the sums as % of it. Largest military allocations first.
 */
export async function listPublishedAidDonorTotals(
  db: Db,
  query: PublishedAidPeriodQuery,
): Promise<PublishedAidDonorTotals> {
  const rows = await listMonthRows(db, periodFilter(query));
  const byDonor = new Map<string, MonthRow[]>();
  for (const row of rows) {
    const months = byDonor.get(row.donor_nation);
    if (months) months.push(row);
    else byDonor.set(row.donor_nation, [row]);
  }
  const gdp = await gdpByNation(db, [...byDonor.keys()]);

  const donors: PublishedAidDonorTotal[] = [];
  for (const [code, months] of byDonor) {
    const first = months[0];
    const last = months.at(-1);
    if (first === undefined || last === undefined) continue;
    const sums = sumAmounts(months.map(amountsOf));
    const donorGdp = gdp.get(code) ?? null;
    donors.push({
      donor: nationOf(first),
      months: months.length,
      firstMonth: yearMonth(first.year, first.month),
      lastMonth: yearMonth(last.year, last.month),
      ...sums,
      gdp: donorGdp,
      totalPctGdp: donorGdp === null ? null : percentOf(sums.totalBn, donorGdp.amount),
      militaryPctGdp: donorGdp === null ? null : percentOf(sums.militaryBn, donorGdp.amount),
      source: toSource(last),
    });
  }
  donors.sort(
    (a, b) =>
      compareDecimalText(b.militaryBn, a.militaryBn) || a.donor.code.localeCompare(b.donor.code),
  );
  return {
    from: query.from ?? null,
    to: query.to ?? null,
    currency: 'EUR',
    unit: 'billion',
    releases: [...new Set(rows.map((r) => r.release))].sort(),
    donors,
  };
}

/** One donor's months in the period, oldest first; 404 for a nation Ramstein does not know. */
export async function getPublishedAidMonthly(
  db: Db,
  query: PublishedAidMonthlyQuery,
): Promise<PublishedAidMonthly> {
  const nation = await findNationRef(db, query.donor);
  if (!nation) throw notFound(`Nation ${query.donor}`);
  const [rows, gdp] = await Promise.all([
    listMonthRows(db, { donor: nation.code, ...periodFilter(query) }),
    gdpByNation(db, [nation.code]),
  ]);
  const last = rows.at(-1);
  return {
    donor: nation,
    from: query.from ?? null,
    to: query.to ?? null,
    currency: 'EUR',
    unit: 'billion',
    gdp: gdp.get(nation.code) ?? null,
    months: rows.map((row) => ({
      month: yearMonth(row.year, row.month),
      ...amountsOf(row),
      release: row.release,
    })),
    source: last === undefined ? null : toSource(last),
  };
}
