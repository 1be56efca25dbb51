import type { Db } from '../db/database';
import { notFound } from '../errors';
import { addDecimal, type Decimal } from '../money';
import {
  compareDecimal,
  currentFigures,
  decimal,
  decimalText,
  divideDecimal,
  fixedText,
  gapPoints,
  meets,
  subtractDecimal,
} from './spending';
import { gapPricer } from './spending-gap.service';
import {
  latestFigureYear,
  listFigureRows,
  listNationRows,
  listTargetRows,
} from './spending.repository';
import type { SpendingLeague, SpendingLeagueQuery } from './spending.schema';
import { BASE_YEAR, cite, comparableTarget, hasShare, toTarget } from './spending.service';

// Public reference data: every viewer may read the league, so there is no access check.

type LeagueRow = SpendingLeague['rows'][number];

/** A number to sort by (a share or points), or null when the row has none. */
const sortKeys: Record<
  Exclude<SpendingLeagueQuery['sort'], 'nation'>,
  (row: LeagueRow) => Decimal | null
> = {
  pct: (row) => (row.figure ? decimal(row.figure.pctGdp) : null),
  change: (row) => (row.changeSinceBasePp === null ? null : decimal(row.changeSinceBasePp)),
  gap: (row) => (row.gapPp === null ? null : decimal(row.gapPp)),
};

/** Rows in the order asked; rows without a figure always last, by name. */
function sortLeague(rows: LeagueRow[], sort: SpendingLeagueQuery['sort'], order: 'asc' | 'desc') {
  const direction = order === 'asc' ? 1 : -1;
  const byName = (a: LeagueRow, b: LeagueRow) => a.nation.name.localeCompare(b.nation.name);
  rows.sort((a, b) => {
    if ((a.figure === null) !== (b.figure === null)) return a.figure === null ? 1 : -1;
    if (sort === 'nation') return direction * byName(a, b);
    const x = sortKeys[sort](a);
    const y = sortKeys[sort](b);
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return direction * compareDecimal(x, y) || byName(a, b);
  });
}

/**
 * The league of a year: every ally (and any other nation with a figure), its current share of GDP,
 * its change since 2014 and its gap to the chosen target; how many meet each alliance target; the
 * allies' total gap in money. Sorted as asked, nations without a figure last.
 */
export async function getSpendingLeague(
  db: Db,
  query: SpendingLeagueQuery,
): Promise<SpendingLeague> {
  const year = query.year ?? (await latestFigureYear(db));
  if (year === null) throw notFound('Spending figures');
  const target = await comparableTarget(db, query.target, 'query.target');
  const targetPct = target.pctGdp ?? '0';
  const rows = await listFigureRows(db, { years: [year, BASE_YEAR] });
  const current = currentFigures(rows);
  const codes = [...new Set(rows.filter((r) => r.year === year).map((r) => r.nation_code))];
  const nations = await listNationRows(db, codes);
  const [pricer, targetRows] = await Promise.all([
    gapPricer(
      db,
      nations.map((n) => n.code),
    ),
    listTargetRows(db),
  ]);

  const league: LeagueRow[] = [];
  for (const nation of nations) {
    const figure = current.get(`${nation.code}|${year}`);
    const base = current.get(`${nation.code}|${BASE_YEAR}`);
    const shown = hasShare(figure) ? figure : undefined;
    const gap = shown ? gapPoints(targetPct, shown.pct_gdp) : null;
    league.push({
      rank: null,
      nation: { code: nation.code, name: nation.name, alpha2: nation.alpha2 },
      figure: shown ? cite(shown) : null,
      changeSinceBasePp:
        shown && hasShare(base) && year !== BASE_YEAR
          ? decimalText(subtractDecimal(decimal(shown.pct_gdp), decimal(base.pct_gdp)))
          : null,
      gapPp: gap === null ? null : decimalText(gap),
      met: shown ? meets(shown.pct_gdp, targetPct) : null,
      gapMoney: shown && gap ? await pricer.price(shown, gap) : null,
    });
  }

  // Rank by share, highest first; equal shares share a rank (1, 2, 2, 4).
  const shareOf = (row: LeagueRow) => decimal(row.figure?.pctGdp ?? '0');
  const ranked = league
    .filter((r) => r.figure !== null)
    .sort((a, b) => compareDecimal(shareOf(b), shareOf(a)));
  ranked.forEach((row, index) => {
    const previous = ranked[index - 1];
    row.rank =
      previous !== undefined && compareDecimal(shareOf(previous), shareOf(row)) === 0
        ? previous.rank
        : index + 1;
  });

  sortLeague(league, query.sort, query.order ?? (query.sort === 'nation' ? 'asc' : 'desc'));

  // The total gap: what the nations short of the target would have to add, in each currency.
  const totalOf = (currency: 'eur' | 'usd') => {
    let amount: Decimal = { coefficient: 0n, scale: 3 };
    let nations = 0;
    const missing: string[] = [];
    for (const row of league) {
      if (row.met !== false) continue;
      const gap = row.gapMoney?.[currency];
      if (gap) {
        amount = addDecimal(amount, decimal(gap.amount));
        nations += 1;
      } else missing.push(row.nation.code);
    }
    return { amount: fixedText(amount, 3), nations, missing };
  };

  const withFigure = league.filter((r) => r.figure !== null);
  const changes = league.flatMap((r) =>
    r.changeSinceBasePp === null ? [] : [decimal(r.changeSinceBasePp)],
  );
  const changeTotal = changes.reduce<Decimal>((sum, c) => addDecimal(sum, c), {
    coefficient: 0n,
    scale: 0,
  });
  const alliance = targetRows
    .map((row) => toTarget(row, targetRows))
    .filter((t) => t.kind !== 'national' && t.comparable && t.pctGdp !== null);
  return {
    year,
    baseYear: BASE_YEAR,
    target,
    rows: league,
    summary: {
      nations: league.length,
      withFigure: withFigure.length,
      meeting: league.filter((r) => r.met === true).length,
      notMeeting: league.filter((r) => r.met === false).length,
      meetingInBaseYear: nations.filter((n) => {
        const base = current.get(`${n.code}|${BASE_YEAR}`);
        return hasShare(base) && meets(base.pct_gdp, targetPct);
      }).length,
      changeSinceBase: {
        nations: changes.length,
        meanPp:
          changes.length === 0
            ? null
            : decimalText(
                divideDecimal(changeTotal, { coefficient: BigInt(changes.length), scale: 0 }, 3),
              ),
        rose: changes.filter((c) => c.coefficient > 0n).length,
        fell: changes.filter((c) => c.coefficient < 0n).length,
      },
      totalGap: { eur: totalOf('eur'), usd: totalOf('usd') },
    },
    targets: alliance.map((t) => ({
      target: {
        id: t.id,
        kind: t.kind,
        pctGdp: t.pctGdp,
        deadlineYear: t.deadlineYear,
        description: t.description,
      },
      meeting: withFigure.filter((r) => meets(r.figure?.pctGdp ?? '0', t.pctGdp ?? '0')).length,
      notMeeting: withFigure.filter((r) => !meets(r.figure?.pctGdp ?? '0', t.pctGdp ?? '0')).length,
      noFigure: league.length - withFigure.length,
    })),
  };
}
