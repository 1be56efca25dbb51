import { addDecimal, type Decimal, divideHalfEven, formatDecimal, parseDecimal } from '../money';

/**
 * Pure arithmetic over the tracker's figures. Every amount is exact decimal text and every sum is made
 * on BigInt: the tracker publishes six decimals of a billion, which floats would drift on.
 */

/** The six amounts of a donor-month (EUR billions), by their names in the contract. */
export const aidAmountKeys = [
  'totalBn',
  'financialBn',
  'humanitarianBn',
  'militaryBn',
  'commitmentsBn',
  'toBeAllocatedBn',
] as const;
export type AidAmounts = Record<(typeof aidAmountKeys)[number], string>;

const zero: Decimal = { coefficient: 0n, scale: 0 };

function decimal(text: string): Decimal {
  const value = parseDecimal(text);
  // The seed checked every amount; text that is not a decimal here means the table was edited by hand.
  if (value === null) throw new RangeError(`"${text}" is not a decimal number`);
  return value;
}

/** The exact sum of each amount over the given months ('0' for none). */
export function sumAmounts(months: readonly AidAmounts[]): AidAmounts {
  const sums = aidAmountKeys.map((key) =>
    months.reduce((sum, month) => addDecimal(sum, decimal(month[key])), zero),
  );
  return Object.fromEntries(
    aidAmountKeys.map((key, i) => [key, formatDecimal(sums[i] ?? zero)]),
  ) as AidAmounts;
}

/** Orders decimal texts by value, exactly: -1, 0 or 1. */
export function compareDecimalText(a: string, b: string): number {
  const right = decimal(b);
  const difference = addDecimal(decimal(a), { ...right, coefficient: -right.coefficient });
  return difference.coefficient === 0n ? 0 : difference.coefficient < 0n ? -1 : 1;
}

/**
 * `part` as a percentage of `whole`, rounded half to even to `places` decimals: ('21.298104',
 * '2647.56154520574') → '0.8044'. Null when `whole` is zero (the EU institutions have no GDP).
 */
export function percentOf(part: string, whole: string, places = 4): string | null {
  const p = decimal(part);
  const w = decimal(whole);
  if (w.coefficient === 0n) return null;
  // (p / 10^ps) / (w / 10^ws) × 100 × 10^places, as one integer division.
  const numerator = p.coefficient * 10n ** BigInt(w.scale + places) * 100n;
  const denominator = w.coefficient * 10n ** BigInt(p.scale);
  return formatDecimal({ coefficient: divideHalfEven(numerator, denominator), scale: places });
}

/** 'YYYY-MM' of a year and month: (2022, 3) → '2022-03'. */
export const yearMonth = (year: number, month: number): string =>
  `${year}-${String(month).padStart(2, '0')}`;

/** A month as one sortable number: '2022-03' → 202203. */
export function monthNumber(text: string): number {
  const [year = '', month = ''] = text.split('-');
  return Number(year) * 100 + Number(month);
}
