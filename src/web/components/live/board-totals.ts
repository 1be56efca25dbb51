import { addDecimal, type Decimal, formatDecimal, parseDecimal } from '../../../core/money';
import type { LivePledge } from '../../api/live';

/** One line of a board's breakdown: how many pledges and their exact sum in the reporting currency. */
export interface BoardFigure {
  key: string;
  count: number;
  /** Decimal text in the reporting currency, e.g. '1250000.5'. */
  amount: string;
  /** Pledges with no value in the reporting currency (none given, or no rate yet). */
  withoutValue: number;
}

export interface BoardTotals {
  total: BoardFigure;
  byNation: BoardFigure[];
  byArea: BoardFigure[];
}

const ZERO: Decimal = { coefficient: 0n, scale: 0 };

interface Running {
  count: number;
  sum: Decimal;
  withoutValue: number;
}

function add(running: Running | undefined, value: Decimal | null): Running {
  const r = running ?? { count: 0, sum: ZERO, withoutValue: 0 };
  return {
    count: r.count + 1,
    sum: value === null ? r.sum : addDecimal(r.sum, value),
    withoutValue: r.withoutValue + (value === null ? 1 : 0),
  };
}

const figure = (key: string, r: Running): BoardFigure => ({
  key,
  count: r.count,
  amount: formatDecimal(r.sum),
  withoutValue: r.withoutValue,
});

/** Largest first, then by key, so the order on screen does not jump between equal totals. */
function ranked(map: Map<string, Running>): BoardFigure[] {
  return [...map.entries()]
    .map(([key, r]) => ({ figure: figure(key, r), sum: r.sum }))
    .sort((a, b) => {
      const scale = Math.max(a.sum.scale, b.sum.scale);
      const widen = (d: Decimal) => d.coefficient * 10n ** BigInt(scale - d.scale);
      const diff = widen(b.sum) - widen(a.sum);
      if (diff !== 0n) return diff > 0n ? 1 : -1;
      return a.figure.key.localeCompare(b.figure.key);
    })
    .map((r) => r.figure);
}

/**
 * The running totals of the pledges on the board, summed exactly (decimal text, never floats) in the
 * group's reporting currency; a pledge valued in nothing else counts, without a value.
 */
export function boardTotals(pledges: readonly LivePledge[], currency: string): BoardTotals {
  let total: Running = { count: 0, sum: ZERO, withoutValue: 0 };
  const byNation = new Map<string, Running>();
  const byArea = new Map<string, Running>();
  for (const pledge of pledges) {
    const reporting = pledge.reportingValue;
    const value =
      reporting !== null && reporting.currency === currency ? parseDecimal(reporting.amount) : null;
    total = add(total, value);
    byNation.set(pledge.donor, add(byNation.get(pledge.donor), value));
    byArea.set(pledge.capabilityArea, add(byArea.get(pledge.capabilityArea), value));
  }
  return {
    total: figure('total', total),
    byNation: ranked(byNation),
    byArea: ranked(byArea),
  };
}
