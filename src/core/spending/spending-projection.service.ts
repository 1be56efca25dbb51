import type { Db } from '../db/database';
import { invalid, notFound } from '../errors';
import {
  firstYearReaching,
  projectShare,
  requiredGrowth,
  roundNumber,
  trendSpendingGrowth,
} from './spending';
import { listFigureRows } from './spending.repository';
import type { SpendingProjection, SpendingProjectionQuery } from './spending.schema';
import { BASE_YEAR, cite, comparableTarget, requireNation, shareSeries } from './spending.service';

// Public reference data: every viewer may read a projection, so there is no access check.

/**
 * A nation's share of GDP projected from its latest figure under the scenario (GDP growth, spending
 * growth and its band), with the years each line reaches the target when one is given.
 */
export async function getSpendingProjection(
  db: Db,
  query: SpendingProjectionQuery,
): Promise<SpendingProjection> {
  const nation = await requireNation(db, query.nation);
  const target =
    query.target === undefined ? null : await comparableTarget(db, query.target, 'query.target');
  const series = shareSeries(await listFigureRows(db, { nation: nation.code }));
  const latest = series.at(-1);
  if (latest === undefined) throw notFound(`A % of GDP figure for ${nation.code}`);
  const trendFrom =
    series.find((r) => r.year === BASE_YEAR && r.year < latest.year) ??
    series.find((r) => r.year < latest.year) ??
    null;
  const trend = trendSpendingGrowth(
    trendFrom ? { year: trendFrom.year, pct: trendFrom.pct_gdp } : null,
    { year: latest.year, pct: latest.pct_gdp },
    query.gdpGrowth,
  );
  const spendingGrowthPct = roundNumber(query.spendingGrowth ?? trend, 2);
  const deadline = target?.deadlineYear ?? null;
  const to =
    query.to ?? (deadline !== null && deadline > latest.year ? deadline : latest.year + 10);
  if (to <= latest.year)
    throw invalid('query.to', `must be after the year of the latest figure (${latest.year})`);
  if (to > latest.year + 50)
    throw invalid(
      'query.to',
      `must be at most 50 years after the latest figure (${latest.year + 50})`,
    );
  const points = projectShare({
    fromYear: latest.year,
    fromPct: latest.pct_gdp,
    toYear: to,
    gdpGrowthPct: query.gdpGrowth,
    spendingGrowthPct,
    bandPp: query.band,
  });
  return {
    nation: { code: nation.code, name: nation.name, alpha2: nation.alpha2 },
    from: cite(latest),
    target,
    assumptions: {
      gdpGrowthPct: query.gdpGrowth,
      spendingGrowthPct,
      spendingGrowthBasis:
        query.spendingGrowth !== undefined ? 'given' : trendFrom ? 'trend' : 'flat',
      trendFrom: query.spendingGrowth === undefined && trendFrom ? cite(trendFrom) : null,
      bandPp: query.band,
    },
    points,
    reachesTarget:
      target === null || target.pctGdp === null
        ? null
        : {
            earliest: firstYearReaching(points, target.pctGdp, 'high'),
            central: firstYearReaching(points, target.pctGdp, 'central'),
            latest: firstYearReaching(points, target.pctGdp, 'low'),
          },
    requiredGrowth:
      target === null || target.pctGdp === null || deadline === null
        ? null
        : requiredGrowth({
            fromYear: latest.year,
            fromPct: latest.pct_gdp,
            targetPct: target.pctGdp,
            deadlineYear: deadline,
            gdpGrowthPct: query.gdpGrowth,
          }),
  };
}
