import type { NationRef } from '../common.schema';
import type { Db } from '../db/database';
import { invalid, notFound } from '../errors';
import { toSource } from '../source';
import {
  currentFigures,
  decimal,
  decimalText,
  gapPoints,
  meets,
  requiredGrowth,
  subtractDecimal,
} from './spending';
import { type GapPricer, gapPricer } from './spending-gap.service';
import {
  appliesTo,
  isComparable,
  measureDescriptions,
  type TargetKind,
  type TargetMeasure,
} from './spending-target';
import {
  type FigureRow,
  findNationRow,
  listFigureRows,
  listReleaseRows,
  listTargetRows,
  type TargetRow,
} from './spending.repository';
import type {
  FigureCitation,
  NationSpending,
  NationSpendingQuery,
  SpendingFigure,
  SpendingFigurePage,
  SpendingFigureQuery,
  SpendingReleaseSummary,
  SpendingTarget,
  SpendingTargetQuery,
  TargetAnalysis,
  TargetRef,
} from './spending.schema';

// Spending figures and targets are public reference data: every viewer may read them, so there is no
// access check here. The league and the projection are in their own files; burden sharing, which
// reads the ledger, is in burden-sharing.service.ts.

/** The Wales pledge's year: series start there and changes are measured from it. */
export const BASE_YEAR = 2014;

const nationOf = (row: FigureRow): NationRef => ({
  code: row.nation_code,
  name: row.nation_name,
  alpha2: row.nation_alpha2,
});

const releaseOf = (row: FigureRow) => ({ name: row.release, date: row.release_date });

function toFigure(row: FigureRow, current: boolean): SpendingFigure {
  return {
    id: row.id,
    nation: nationOf(row),
    year: row.year,
    pctGdp: row.pct_gdp,
    usdMillion: row.usd_million,
    nationalMillion: row.national_million,
    nationalCurrency: row.national_currency,
    gdpUsdBillion: row.gdp_usd_billion,
    estimate: row.estimate === 1,
    release: releaseOf(row),
    current,
    notes: row.notes,
    source: toSource(row),
  };
}

/** A figure with a share of GDP, as an analysis cites it. */
export type ShareRow = FigureRow & { pct_gdp: string };
export const hasShare = (row: FigureRow | undefined): row is ShareRow =>
  row !== undefined && row.pct_gdp !== null;

export const cite = (row: ShareRow): FigureCitation => ({
  year: row.year,
  pctGdp: row.pct_gdp,
  estimate: row.estimate === 1,
  release: releaseOf(row),
  source: toSource(row),
});

export async function requireNation(db: Db, code: string) {
  const nation = await findNationRow(db, code);
  if (!nation) throw notFound(`Nation ${code}`);
  return nation;
}

/**
 * Figures, by default the current one of each nation and year (latest release stating a share of
 * GDP); with `history`, every release; with `release`, that release's figures. Newest year first.
 */
export async function listSpendingFigures(
  db: Db,
  query: SpendingFigureQuery,
): Promise<SpendingFigurePage> {
  if (query.nation !== undefined) await requireNation(db, query.nation);
  if (query.release !== undefined) {
    const releases = await listReleaseRows(db);
    if (!releases.some((r) => r.release === query.release))
      throw notFound(`Release "${query.release}"`);
  }
  const rows = await listFigureRows(db, { nation: query.nation, year: query.year });
  const current = new Set([...currentFigures(rows).values()].map((r) => r.id));
  const chosen = rows.filter((row) =>
    query.release !== undefined
      ? row.release === query.release
      : query.history === true || current.has(row.id),
  );
  return {
    items: chosen
      .slice(query.offset, query.offset + query.limit)
      .map((row) => toFigure(row, current.has(row.id))),
    total: chosen.length,
    limit: query.limit,
    offset: query.offset,
  };
}

/** Every release with how many figures it gave, newest first. */
export async function listSpendingReleases(db: Db): Promise<SpendingReleaseSummary[]> {
  return (await listReleaseRows(db)).map((row) => ({
    name: row.release,
    date: row.release_date,
    figures: Number(row.figures),
    nations: Number(row.nations),
    firstYear: Number(row.first_year),
    lastYear: Number(row.last_year),
  }));
}

// ---------------------------------------------------------------------------------------------------
// Targets

const refOf = (row: TargetRow): TargetRef => ({
  id: row.id,
  kind: row.kind as TargetKind,
  pctGdp: row.pct_gdp,
  deadlineYear: row.deadline_year,
  description: row.description,
});

export function toTarget(row: TargetRow, all: readonly TargetRow[]): SpendingTarget {
  const measure = row.measure as TargetMeasure;
  const byId = (id: string | null) => all.find((t) => t.id === id);
  const partOf = byId(row.part_of_id);
  const supersedes = byId(row.supersedes_id);
  return {
    ...refOf(row),
    nation:
      row.nation_code === null
        ? null
        : {
            code: row.nation_code,
            name: row.nation_name ?? row.nation_code,
            alpha2: row.nation_alpha2,
          },
    announcedBy: row.announced_by,
    announcedOn: row.announced_on,
    deadline: row.deadline,
    measure,
    measureDescription: measureDescriptions[measure],
    comparable: isComparable(measure),
    supersedes: supersedes ? [refOf(supersedes)] : [],
    supersededBy: all.filter((t) => t.supersedes_id === row.id).map(refOf),
    partOf: partOf ? refOf(partOf) : null,
    components: all.filter((t) => t.part_of_id === row.id).map(refOf),
    source: toSource(row),
  };
}

const targetOrder: Record<TargetKind, number> = { alliance: 0, call: 1, national: 2 };

/** Targets, alliance first, then calls, then national pledges; each kind oldest first. */
export async function listSpendingTargets(
  db: Db,
  query: SpendingTargetQuery,
): Promise<SpendingTarget[]> {
  const nation = query.nation === undefined ? undefined : await requireNation(db, query.nation);
  const rows = await listTargetRows(db);
  return rows
    .map((row) => toTarget(row, rows))
    .filter((t) => query.kind === undefined || t.kind === query.kind)
    .filter(
      (t) =>
        nation === undefined ||
        appliesTo(
          { kind: t.kind, nationCode: t.nation?.code ?? null },
          { code: nation.code, natoMember: nation.nato_member === 1 },
        ),
    )
    .sort((a, b) => targetOrder[a.kind] - targetOrder[b.kind]);
}

export async function getSpendingTarget(db: Db, id: string): Promise<SpendingTarget> {
  const rows = await listTargetRows(db);
  const row = rows.find((t) => t.id === id);
  if (!row) throw notFound(`Spending target ${id}`);
  return toTarget(row, rows);
}

// ---------------------------------------------------------------------------------------------------
// Analysis

/** A nation's current figures that state a share of GDP, oldest year first. */
export function shareSeries(rows: readonly FigureRow[]): ShareRow[] {
  return [...currentFigures(rows).values()].filter(hasShare).sort((a, b) => a.year - b.year);
}

async function analyse(
  target: SpendingTarget,
  latest: ShareRow | undefined,
  pricer: GapPricer,
  gdpGrowthPct: number,
): Promise<TargetAnalysis> {
  const none = {
    target,
    latest: latest ? cite(latest) : null,
    gapPp: null,
    met: null,
    gapMoney: null,
    deadlinePassed: null,
    requiredGrowth: null,
  };
  if (!target.comparable) return { ...none, status: 'not_comparable' };
  if (target.pctGdp === null) return { ...none, status: 'no_level' };
  if (latest === undefined) return { ...none, status: 'no_figure' };
  const gap = gapPoints(target.pctGdp, latest.pct_gdp);
  const met = meets(latest.pct_gdp, target.pctGdp);
  const deadline = target.deadlineYear;
  return {
    ...none,
    status: met ? 'met' : 'not_met',
    gapPp: decimalText(gap),
    met,
    gapMoney: await pricer.price(latest, gap),
    deadlinePassed: deadline === null ? null : deadline <= latest.year,
    requiredGrowth:
      deadline === null
        ? null
        : requiredGrowth({
            fromYear: latest.year,
            fromPct: latest.pct_gdp,
            targetPct: target.pctGdp,
            deadlineYear: deadline,
            gdpGrowthPct,
          }),
  };
}

/**
 * A nation's series since 2014 and every target that applies to it, each with the latest figure, the
 * gap in points and money, and the spending growth needed by the deadline under the GDP assumption.
 */
export async function getNationSpending(
  db: Db,
  code: string,
  query: NationSpendingQuery,
): Promise<NationSpending> {
  const nation = await requireNation(db, code);
  const [rows, targetRows, pricer] = await Promise.all([
    listFigureRows(db, { nation: code }),
    listTargetRows(db),
    gapPricer(db, [code]),
  ]);
  const series = shareSeries(rows);
  const latest = series.at(-1);
  const base = series.find((r) => r.year === BASE_YEAR);
  const subject = { code, natoMember: nation.nato_member === 1 };
  const targets = targetRows
    .map((row) => toTarget(row, targetRows))
    .filter((t) => appliesTo({ kind: t.kind, nationCode: t.nation?.code ?? null }, subject))
    .sort((a, b) => targetOrder[a.kind] - targetOrder[b.kind]);
  return {
    nation: {
      code: nation.code,
      name: nation.name,
      alpha2: nation.alpha2,
      natoMember: nation.nato_member === 1,
    },
    baseYear: BASE_YEAR,
    series: series.filter((r) => r.year >= BASE_YEAR).map(cite),
    changeSinceBasePp:
      latest && base && latest !== base
        ? decimalText(subtractDecimal(decimal(latest.pct_gdp), decimal(base.pct_gdp)))
        : null,
    targets: await Promise.all(targets.map((t) => analyse(t, latest, pricer, query.gdpGrowth))),
    assumptions: { gdpGrowthPct: query.gdpGrowth },
  };
}

/** A target the figures can be held against, or a 400 naming the parameter; 404 when unknown. */
export async function comparableTarget(db: Db, id: string, field: string): Promise<SpendingTarget> {
  const target = await getSpendingTarget(db, id);
  if (!target.comparable)
    throw invalid(field, `${id} measures ${measureDescriptions[target.measure]}`);
  if (target.pctGdp === null) throw invalid(field, `${id} states no level of spending`);
  return target;
}
