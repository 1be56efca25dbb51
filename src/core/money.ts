import { invalid } from './errors';

/**
 * Money is an integer count of the currency's minor units (cents, or yen for JPY) with its ISO 4217
 * code. Amounts travel as decimal strings ('1234.56') and are never held as floating-point numbers.
 */
export interface Money {
  /** Minor units: 123456 for EUR 1234.56. */
  minor: bigint;
  currency: string;
}

/** An exact decimal number: `coefficient / 10^scale`. */
export interface Decimal {
  coefficient: bigint;
  scale: number;
}

let currencies: ReadonlySet<string> | undefined;

/** True for an ISO 4217 code this runtime's ICU data lists as current (EUR, USD, JPY; not CYP or DEM). */
export function isCurrencyCode(code: string): boolean {
  currencies ??= new Set(Intl.supportedValuesOf('currency'));
  return currencies.has(code);
}

const exponents = new Map<string, number>();

/** The number of decimal places of the currency's minor unit: 2 for EUR, 0 for JPY, 3 for KWD. */
export function minorUnitExponent(currency: string): number {
  let exponent = exponents.get(currency);
  if (exponent === undefined) {
    // ICU always resolves the digits for style 'currency'; 2 is ISO 4217's default if it ever did not.
    exponent =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2;
    exponents.set(currency, exponent);
  }
  return exponent;
}

// At most 30 digits: far beyond any real amount, and it keeps a hostile input from costing anything.
const DECIMAL_PATTERN = /^(-?)(\d{1,30})(?:\.(\d{1,30}))?$/;

/** Parses a plain decimal string ('-12.50', '1', '0.001') exactly; null for anything else. */
export function parseDecimal(text: string): Decimal | null {
  const match = DECIMAL_PATTERN.exec(text);
  if (!match) return null;
  const [, sign = '', whole = '', fraction = ''] = match;
  const coefficient = BigInt(whole + fraction);
  return { coefficient: sign === '-' ? -coefficient : coefficient, scale: fraction.length };
}

/** Writes a decimal with trailing fractional zeros removed: {148500, 3} → '148.5'. */
export function formatDecimal(value: Decimal, minScale = 0): string {
  let { coefficient, scale } = value;
  while (scale > minScale && coefficient % 10n === 0n) {
    coefficient /= 10n;
    scale -= 1;
  }
  return formatScaled(coefficient, scale);
}

/** The exact sum of two decimals, at the larger of their scales: 0.1 + 0.25 = 0.35, never 0.35000000000000003. */
export function addDecimal(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  const widen = (value: Decimal) => value.coefficient * 10n ** BigInt(scale - value.scale);
  return { coefficient: widen(a) + widen(b), scale };
}

function formatScaled(coefficient: bigint, scale: number): string {
  const negative = coefficient < 0n;
  const digits = (negative ? -coefficient : coefficient).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale > 0 ? `.${digits.slice(digits.length - scale)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** Why a decimal string is not an amount of this currency, or null when it is one. */
export function amountProblem(text: string, currency: string): string | null {
  const parts = amountParts(text, currency);
  return typeof parts === 'string' ? parts : null;
}

/**
 * Parses '1234.56' as EUR 123456 minor units, exactly. A value with more decimals than the currency
 * has (or not a number at all) throws, naming `field`, so a caller's mistake is never rounded away.
 */
export function parseMoney(text: string, currency: string, field = 'amount'): Money {
  const parts = amountParts(text, currency);
  if (typeof parts === 'string') throw invalid(field, parts);
  const [, sign = '', whole = '', fraction = ''] = parts;
  const minor = BigInt(whole + fraction.padEnd(minorUnitExponent(currency), '0'));
  return { minor: sign === '-' ? -minor : minor, currency };
}

/**
 * The sign, whole and fraction digits of an amount of `currency`, or why it is not one. Read from
 * its shape alone (an import checks every row's amount; no BigInt is made to be thrown away).
 */
function amountParts(text: string, currency: string): RegExpExecArray | string {
  const match = DECIMAL_PATTERN.exec(text);
  if (match === null) return `"${text}" is not a decimal number such as 1234.56`;
  const exponent = minorUnitExponent(currency);
  if ((match[3]?.length ?? 0) > exponent) {
    return exponent === 0
      ? `${currency} has no minor unit: write whole units`
      : `${currency} allows at most ${exponent} decimal places`;
  }
  return match;
}

/** Writes money back as a plain decimal string with the currency's decimals: EUR 123450 → '1234.50'. */
export function formatMoney(money: Money): string {
  return formatScaled(money.minor, minorUnitExponent(money.currency));
}

/** Rounds `numerator / denominator` to an integer, half to even (banker's rounding). */
export function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  let quotient = n / d;
  const twiceRemainder = (n % d) * 2n;
  if (twiceRemainder > d || (twiceRemainder === d && quotient % 2n === 1n)) quotient += 1n;
  return negative ? -quotient : quotient;
}
