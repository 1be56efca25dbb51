/** Formatting of the ledger's figures: money arrives as exact decimal text, never as a float. */

/** An item with its specification, as the ledger names a requirement or pledge: `Shells — 155 mm NATO`. */
export const itemName = (r: { item: string; specification: string }): string =>
  r.specification ? `${r.item} — ${r.specification}` : r.item;

type Numeric = `${number}`;

const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(locale: string, currency: string, compact: boolean): Intl.NumberFormat {
  const key = `${locale}|${currency}|${compact}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      ...(compact ? { notation: 'compact', maximumFractionDigits: 1 } : {}),
    });
    moneyFormats.set(key, format);
  }
  return format;
}

/** An amount in its currency ('€1,234.50'), formatted from the decimal text without rounding it. */
export function formatMoney(
  money: { amount: string; currency: string },
  locale: string,
  compact = false,
): string {
  try {
    return moneyFormat(locale, money.currency, compact).format(money.amount as Numeric);
  } catch {
    return `${money.amount} ${money.currency}`;
  }
}

/** The amount as a number, for charts only: the exact figure stays in the tables. */
export const amountNumber = (amount: string): number => Number(amount) || 0;

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}

export function formatPercent(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(
    value / 100,
  );
}

/** A quantity with its unit ('1,200 rounds'), or a dash when the pledge counts none. */
export function formatQuantity(quantity: number | null, unit: string | null, locale: string) {
  if (quantity === null) return '—';
  return unit ? `${formatNumber(quantity, locale)} ${unit}` : formatNumber(quantity, locale);
}

/**
 * A whole number as typed, spaces allowed ('1 200'). Anything else becomes NaN, which travels as
 * null, so the server names what is wrong at the field rather than this page guessing.
 */
export const wholeNumber = (text: string): number =>
  Number(text.replace(/[\s\u00a0\u202f]/g, '') || Number.NaN);
