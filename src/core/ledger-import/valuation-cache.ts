import type { Db } from '../db/database';
import type { PriceListItemsTable } from '../db/tables/ledger';
import type { RateUsed } from '../currency/exchange-rate.schema';
import {
  type ConversionResult,
  convert,
  identityConversion,
} from '../currency/exchange-rate.service';
import {
  type Decimal,
  divideHalfEven,
  formatDecimal,
  minorUnitExponent,
  type Money,
  parseDecimal,
} from '../money';
import type { ValuationLookups } from '../pledges/pledge.service';

/**
 * The valuation's lookups for a whole file at once: the group's price list read once, and each
 * currency's euro rates read once (one query per currency rather than two per pledge). A conversion
 * uses the same fixing rule and the same exact integer arithmetic as `convert` — a test compares the
 * two over many amounts, days and currencies — and a day with no rate is handed to `convert` itself,
 * so the refusal reads exactly as it does for a single pledge.
 */
export function cachedLookups(db: Db, prices: readonly PriceListItemsTable[]): ValuationLookups {
  const byKey = new Map<string, PriceListItemsTable[]>();
  for (const price of [...prices].sort((a, b) => a.valid_from.localeCompare(b.valid_from))) {
    const key = priceKey(price.group_id, price);
    byKey.set(key, [...(byKey.get(key) ?? []), price]);
  }
  const rates = new Map<string, Promise<RateSeries>>();
  const loaded = new Map<string, RateSeries>();
  // The rate part of a conversion per pair and day: a file's rows share a few hundred days.
  const prepared = new Map<string, PreparedRate | null>();
  const conversion = (
    money: Money,
    to: string,
    onDate: string,
    quoted: readonly string[],
    series: readonly RateSeries[],
  ): ConversionResult | Promise<ConversionResult> => {
    const key = `${money.currency}>${to}@${onDate}`;
    let rate = prepared.get(key);
    if (rate === undefined) {
      const fixing = fixingOn(quoted, series, onDate);
      rate = fixing === undefined ? null : rateAt(money.currency, to, fixing);
      prepared.set(key, rate);
    }
    // No fixing: `convert` says why, in its own words.
    return rate === null ? convert(db, money, to, onDate) : applyRate(money, rate);
  };
  const seriesOf = (currency: string) => {
    let series = rates.get(currency);
    if (series === undefined) {
      series = db
        .selectFrom('exchange_rates')
        .select(['date', 'units_per_eur', 'source'])
        .where('currency', '=', currency)
        .orderBy('date')
        .execute()
        .then((rows) => {
          const read = {
            dates: rows.map((r) => r.date),
            byDate: new Map(rows.map((r) => [r.date, r])),
          };
          loaded.set(currency, read);
          return read;
        });
      rates.set(currency, series);
    }
    return series;
  };
  return {
    findPrice: (groupId, key, onDate) => {
      const list = byKey.get(priceKey(groupId, key)) ?? [];
      // The latest price valid on the day, as findPrice reads it.
      let found: PriceListItemsTable | undefined;
      for (const price of list) if (price.valid_from <= onDate) found = price;
      return (
        found && { unit_price_minor: Number(found.unit_price_minor), currency: found.currency }
      );
    },
    convert: (money, to, onDate) => {
      if (money.currency === to) return identityConversion(money, onDate);
      const quoted =
        money.currency === 'EUR' || to === 'EUR'
          ? [money.currency === 'EUR' ? to : money.currency]
          : [money.currency, to];
      // Answered at once when the rates are in memory; most rows of a file are.
      const ready = quoted.map((c) => loaded.get(c));
      if (ready.every((s) => s !== undefined)) return conversion(money, to, onDate, quoted, ready);
      return Promise.all(quoted.map(seriesOf)).then((series) =>
        conversion(money, to, onDate, quoted, series),
      );
    },
  };
}

interface RateSeries {
  dates: string[];
  byDate: Map<string, { date: string; units_per_eur: string; source: string }>;
}

const priceKey = (groupId: string, key: { item: string; specification: string; unit: string }) =>
  JSON.stringify([groupId, key.item, key.specification, key.unit]);

/** The last date in a sorted list on or before `day`, by binary search. */
function lastOnOrBefore(dates: readonly string[], day: string): string | undefined {
  let lo = 0;
  let hi = dates.length - 1;
  let found: string | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const date = dates[mid] as string;
    if (date <= day) {
      found = date;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

export interface Fixing {
  date: string;
  source: string;
  legs: { currency: string; unitsPerEur: string; date: string }[];
}

/** The latest day on or before `onDate` with a rate for every quoted currency (findFixingOnOrBefore). */
function fixingOn(
  quoted: readonly string[],
  series: readonly RateSeries[],
  onDate: string,
): Fixing | undefined {
  let day: string | undefined = onDate;
  while (day !== undefined) {
    const candidates = series.map((s) => lastOnOrBefore(s.dates, day as string));
    if (candidates.some((c) => c === undefined)) return undefined;
    const earliest = (candidates as string[]).reduce((a, b) => (a < b ? a : b));
    if (candidates.every((c) => c === earliest)) {
      const rows = series.map((s) => s.byDate.get(earliest));
      return {
        date: earliest,
        source: rows[0]?.source ?? '',
        legs: quoted.map((currency, i) => ({
          currency,
          unitsPerEur: rows[i]?.units_per_eur ?? '',
          date: earliest,
        })),
      };
    }
    day = earliest;
  }
  return undefined;
}

const ONE: Decimal = { coefficient: 1n, scale: 0 };
const pow10 = (n: number) => 10n ** BigInt(n);

/**
 * money × (to per EUR) ÷ (from per EUR) in `to`'s minor units rounded half-even, and the cross rate to
 * ten places: `convert`'s exact integer arithmetic on a fixing already read.
 */
export function atFixing(money: Money, to: string, fixing: Fixing): ConversionResult {
  return applyRate(money, rateAt(money.currency, to, fixing));
}

/** What a conversion from one currency to another at one fixing needs, whatever the amount. */
interface PreparedRate {
  /** The amount in minor units is multiplied by this, then divided by `divisor`, rounded half-even. */
  multiplier: bigint;
  divisor: bigint;
  rateUsed: RateUsed;
}

function rateAt(fromCurrency: string, to: string, fixing: Fixing): PreparedRate {
  const rateOf = (currency: string): Decimal => {
    if (currency === 'EUR') return ONE;
    const value = parseDecimal(fixing.legs.find((l) => l.currency === currency)?.unitsPerEur ?? '');
    if (value === null) throw new Error(`the stored rate of ${currency} is unreadable`);
    return value;
  };
  const from = rateOf(fromCurrency);
  const target = rateOf(to);
  const cross = divideHalfEven(
    target.coefficient * pow10(from.scale + 10),
    from.coefficient * pow10(target.scale),
  );
  return {
    multiplier: target.coefficient * pow10(from.scale + minorUnitExponent(to)),
    divisor: from.coefficient * pow10(target.scale + minorUnitExponent(fromCurrency)),
    // Shared by every conversion at this rate: frozen, so none can change it for the others.
    rateUsed: Object.freeze({
      from: fromCurrency,
      to,
      rate: formatDecimal({ coefficient: cross, scale: 10 }),
      date: fixing.date,
      source: fixing.source,
      legs: [...fixing.legs].sort((a, b) =>
        a.currency === fromCurrency ? -1 : b.currency === fromCurrency ? 1 : 0,
      ),
    }),
  };
}

function applyRate(money: Money, rate: PreparedRate): ConversionResult {
  return {
    amount: {
      minor: divideHalfEven(money.minor * rate.multiplier, rate.divisor),
      currency: rate.rateUsed.to,
    },
    rateUsed: rate.rateUsed,
  };
}
