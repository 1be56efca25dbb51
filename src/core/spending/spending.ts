import { type Decimal, divideHalfEven, formatDecimal, parseDecimal } from '../money';

/**
 * The arithmetic of defence spending against targets, with no I/O. Shares of GDP and amounts are exact
 * decimals (money.ts's Decimal); growth rates and projections are compound powers, worked out on
 * floating-point numbers and rounded at the end (rates to 0.01 %, projected shares to 0.001 % of GDP).
 * docs/spending.md writes out every formula.
 */

// ---------------------------------------------------------------------------------------------------
// Exact decimals

/** Parses decimal text that the loader has already checked; anything else is a programming error. */
export function decimal(text: string): Decimal {
  const value = parseDecimal(text);
  if (value === null) throw new RangeError(`not a decimal: ${text}`);
  return value;
}

const widen = (value: Decimal, scale: number): bigint =>
  value.coefficient * 10n ** BigInt(scale - value.scale);

export function subtractDecimal(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { coefficient: widen(a, scale) - widen(b, scale), scale };
}

export function multiplyDecimal(a: Decimal, b: Decimal): Decimal {
  return { coefficient: a.coefficient * b.coefficient, scale: a.scale + b.scale };
}

/** -1, 0 or 1 as a is less than, equal to or greater than b ('2.5' equals '2.50'). */
export function compareDecimal(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const difference = subtractDecimal(a, b).coefficient;
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

/** Rounds half to even at `scale` decimal places: 5.2951230904 → 5.295 at 3. */
export function roundDecimal(value: Decimal, scale: number): Decimal {
  if (value.scale <= scale) return value;
  return {
    coefficient: divideHalfEven(value.coefficient, 10n ** BigInt(value.scale - scale)),
    scale,
  };
}

/** a ÷ b rounded half to even at `scale` decimal places, exactly. */
export function divideDecimal(a: Decimal, b: Decimal, scale: number): Decimal {
  // a/b = (ca / 10^sa) / (cb / 10^sb); scaled by 10^scale: ca × 10^(sb + scale) / (cb × 10^sa).
  return {
    coefficient: divideHalfEven(
      a.coefficient * 10n ** BigInt(b.scale + scale),
      b.coefficient * 10n ** BigInt(a.scale),
    ),
    scale,
  };
}

/** Decimal text with trailing zeros dropped: '0.20' → '0.2'. */
export const decimalText = (value: Decimal): string => formatDecimal(value);

/** Decimal text at a fixed number of places, rounded half to even: 5.3 → '5.300' at 3. */
export function fixedText(value: Decimal, scale: number): string {
  const rounded = roundDecimal(value, scale);
  return formatDecimal({ coefficient: widen(rounded, scale), scale }, scale);
}

// ---------------------------------------------------------------------------------------------------
// Rules a figure or a target must satisfy (shared by the reference seed and the import)

/** Why text is not a share of GDP in per cent (0 to 100), or null when it is one. */
export function percentProblem(text: string): string | null {
  const value = parseDecimal(text);
  if (value === null) return `"${text}" is not a decimal number such as 2.33`;
  if (value.coefficient < 0n) return `${text} is negative: a share of GDP is between 0 and 100`;
  if (compareDecimal(value, { coefficient: 100n, scale: 0 }) > 0)
    return `${text} is over 100: a share of GDP is between 0 and 100`;
  return null;
}

/** Why text is not a non-negative amount, or null when it is one. */
export function amountProblem(text: string): string | null {
  const value = parseDecimal(text);
  if (value === null) return `"${text}" is not a decimal number such as 1437.5`;
  if (value.coefficient < 0n) return `${text} is negative`;
  return null;
}

/**
 * A figure for a year that has not happened yet can only be an estimate: a future year marked as
 * final is refused. `today` is YYYY-MM-DD.
 */
export function futureYearProblem(year: number, estimate: boolean, today: string): string | null {
  const thisYear = Number(today.slice(0, 4));
  return year > thisYear && !estimate
    ? `${year} is in the future (this is ${thisYear}) and cannot be a final figure: mark it as an estimate`
    : null;
}

const RELEASE_DATE = /(?<!\d)(\d{4})-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?(?!\d)/;

/**
 * The publication date a release name carries, YYYY-MM or YYYY-MM-DD: '2025-04 (NATO Secretary General
 * Annual Report 2024)' → '2025-04'; 'UK MOD bulletin 2024-04-11 citing NATO' → '2024-04-11'. Null when
 * the name has none: releases are ordered by this date, so every release must carry one.
 */
export function releaseDateOf(name: string): string | null {
  const match = RELEASE_DATE.exec(name);
  if (!match) return null;
  const [, year = '', month = '', day] = match;
  if (day !== undefined) {
    const date = new Date(`${year}-${month}-${day}T00:00:00Z`);
    if (date.getUTCDate() !== Number(day)) return null;
    return `${year}-${month}-${day}`;
  }
  return `${year}-${month}`;
}

/** Oldest release first: by publication date, then by name so the order is total. */
export function compareReleases(
  a: { release_date: string; release: string },
  b: { release_date: string; release: string },
): number {
  return a.release_date.localeCompare(b.release_date) || a.release.localeCompare(b.release);
}

// ---------------------------------------------------------------------------------------------------
// Which figure counts

export interface FigureKey {
  nation_code: string;
  year: number;
  release: string;
  release_date: string;
  pct_gdp: string | null;
}

/**
 * The figure shown by default for each nation and year: the latest release that states a share of
 * GDP, or, when none does, the latest release. Returns the chosen rows keyed `CODE|year`.
 */
export function currentFigures<T extends FigureKey>(rows: readonly T[]): Map<string, T> {
  const current = new Map<string, T>();
  for (const row of rows) {
    const key = `${row.nation_code}|${row.year}`;
    const held = current.get(key);
    if (held === undefined) {
      current.set(key, row);
      continue;
    }
    const rowHasShare = row.pct_gdp !== null;
    const heldHasShare = held.pct_gdp !== null;
    if (rowHasShare !== heldHasShare) {
      if (rowHasShare) current.set(key, row);
    } else if (compareReleases(row, held) > 0) current.set(key, row);
  }
  return current;
}

// ---------------------------------------------------------------------------------------------------
// Gap, growth needed, projection

/** Target minus figure, in percentage points: positive is short of the target, negative above it. */
export function gapPoints(targetPct: string, figurePct: string): Decimal {
  return subtractDecimal(decimal(targetPct), decimal(figurePct));
}

/** The figure meets the target when it is at or above it (exactly: 2.0 meets 2). */
export const meets = (figurePct: string, targetPct: string): boolean =>
  compareDecimal(decimal(figurePct), decimal(targetPct)) >= 0;

/** GDP × gap: what the gap is worth, in GDP's unit, rounded half to even at 3 places (millions of a billion). */
export function gapAmount(gdp: string, gap: Decimal): Decimal {
  // gap is in percentage points: divide by 100 by moving the decimal point, exactly.
  const shifted: Decimal = { coefficient: gap.coefficient, scale: gap.scale + 2 };
  return roundDecimal(multiplyDecimal(decimal(gdp), shifted), 3);
}

/** Rounds a rate or share to `places` decimals (half away from zero), dropping a negative zero. */
export function roundNumber(value: number, places: number): number {
  const factor = 10 ** places;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

export interface RequiredGrowth {
  /** Years from the latest figure to the deadline. */
  years: number;
  /** Compound annual growth of the share of GDP needed: (target / latest)^(1/years) − 1, in %. */
  sharePctPerYear: number;
  /** Compound annual growth of spending needed, given GDP growth g: (1 + share growth)(1 + g) − 1, in %. */
  spendingPctPerYear: number;
}

/**
 * The compound annual growth in spending that takes a share of GDP from `fromPct` in `fromYear` to
 * `targetPct` by `deadlineYear` while GDP grows by `gdpGrowthPct` a year. Null when the deadline is
 * not after the latest figure (nothing left to grow into) or a share is not positive.
 */
export function requiredGrowth(input: {
  fromYear: number;
  fromPct: string;
  targetPct: string;
  deadlineYear: number;
  gdpGrowthPct: number;
}): RequiredGrowth | null {
  const years = input.deadlineYear - input.fromYear;
  const from = Number(input.fromPct);
  const target = Number(input.targetPct);
  if (years <= 0 || !(from > 0) || !(target > 0)) return null;
  const shareFactor = (target / from) ** (1 / years);
  const spendingFactor = shareFactor * (1 + input.gdpGrowthPct / 100);
  return {
    years,
    sharePctPerYear: roundNumber((shareFactor - 1) * 100, 2),
    spendingPctPerYear: roundNumber((spendingFactor - 1) * 100, 2),
  };
}

/**
 * The spending growth that carries a nation's share of GDP along its own trend: the share's compound
 * annual change between two figures, combined with GDP growth. With one figure only, spending that
 * keeps pace with GDP (a flat share).
 */
export function trendSpendingGrowth(
  first: { year: number; pct: string } | null,
  last: { year: number; pct: string },
  gdpGrowthPct: number,
): number {
  const g = 1 + gdpGrowthPct / 100;
  if (first === null || first.year >= last.year || !(Number(first.pct) > 0)) return (g - 1) * 100;
  const shareFactor = (Number(last.pct) / Number(first.pct)) ** (1 / (last.year - first.year));
  return (shareFactor * g - 1) * 100;
}

export interface ProjectionPoint {
  year: number;
  /** Projected share of GDP in %, with spending growth of central − band, central, central + band. */
  low: number;
  central: number;
  high: number;
}

/**
 * The share of GDP year by year from the latest figure: p(t) = p0 × ((1 + s) / (1 + g))^(t − t0), for
 * spending growth s = central − band, central and central + band (the band), GDP growth g. Shares are
 * rounded to 0.001 % of GDP; the first point is the latest figure itself.
 */
export function projectShare(input: {
  fromYear: number;
  fromPct: string;
  toYear: number;
  gdpGrowthPct: number;
  spendingGrowthPct: number;
  bandPp: number;
}): ProjectionPoint[] {
  const p0 = Number(input.fromPct);
  const g = 1 + input.gdpGrowthPct / 100;
  const at = (spendingPct: number, t: number) =>
    roundNumber(p0 * ((1 + spendingPct / 100) / g) ** t, 3);
  const points: ProjectionPoint[] = [];
  for (let year = input.fromYear; year <= input.toYear; year += 1) {
    const t = year - input.fromYear;
    points.push({
      year,
      low: at(input.spendingGrowthPct - input.bandPp, t),
      central: at(input.spendingGrowthPct, t),
      high: at(input.spendingGrowthPct + input.bandPp, t),
    });
  }
  return points;
}

/** The first year whose projected share (on the chosen line) is at or above the target; null if none. */
export function firstYearReaching(
  points: readonly ProjectionPoint[],
  targetPct: string,
  line: 'low' | 'central' | 'high',
): number | null {
  const target = Number(targetPct);
  return points.find((p) => p[line] >= target)?.year ?? null;
}
