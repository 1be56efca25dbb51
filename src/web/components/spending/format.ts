/**
 * Formatting of spending figures. Shares and gaps arrive as exact decimal text ('2.10'): they are
 * shown with as many decimals as published, never re-rounded, so a table says what NATO said.
 */

type Numeric = `${number}`;

const decimalsOf = (text: string): number => text.split('.')[1]?.length ?? 0;

/** A decimal text in the viewer's locale, keeping its published decimals ('2.10' → '2,10'). */
export function formatDecimal(text: string, locale: string, signed = false): string {
  const digits = decimalsOf(text);
  try {
    return new Intl.NumberFormat(locale, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      signDisplay: signed ? 'exceptZero' : 'auto',
    }).format(text as Numeric);
  } catch {
    return text;
  }
}

/** A floating-point figure (a growth rate, a projected share) to `digits` decimals. */
export function formatRounded(value: number, locale: string, digits: number, signed = false) {
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: signed ? 'exceptZero' : 'auto',
  }).format(value);
}

/**
 * Billions in their currency, written the locale's short way ('€11.891B', '11,891 Md €'), to the
 * million as the API rounds them.
 */
export function formatBillions(
  money: { amount: string; currency: string },
  locale: string,
): string {
  const value = Number(money.amount) * 1e9;
  if (!Number.isFinite(value)) return `${money.amount} bn ${money.currency}`;
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: money.currency,
    notation: 'compact',
    maximumFractionDigits: 3,
  }).format(value);
}

/** A calendar year and its fraction, for placing a dated event on a chart's axis of years. */
export function yearFraction(isoDate: string): number {
  const [y = '0', m = '1', d = '1'] = isoDate.split('-');
  const year = Number(y);
  const start = Date.UTC(year, 0, 1);
  const day = Date.UTC(year, Number(m) - 1, Number(d));
  return year + (day - start) / (Date.UTC(year + 1, 0, 1) - start);
}
