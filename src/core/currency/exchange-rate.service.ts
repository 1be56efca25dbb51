import type { Transaction } from 'kysely';
import type { Actor } from '../audit/audit.service';
import { recordAudit } from '../audit/audit.service';
import type { Database, Db } from '../db/database';
import { AppError, type ErrorIssue } from '../errors';
import {
  type Decimal,
  divideHalfEven,
  formatDecimal,
  formatMoney,
  minorUnitExponent,
  type Money,
  parseDecimal,
  parseMoney,
} from '../money';
import { parseEcbFile } from './ecb-file';
import {
  type ExchangeRateRow,
  findFixingOnOrBefore,
  firstRateDate,
  insertRates,
  listExchangeRateRows,
  listRatesBetween,
  updateRate,
} from './exchange-rate.repository';
import type {
  Conversion,
  ConvertQuery,
  ExchangeRate,
  ExchangeRateListQuery,
  ExchangeRatePage,
  ImportReport,
  RateUsed,
} from './exchange-rate.schema';

/** The `source` of every rate read from an ECB file. */
export const ECB_SOURCE = 'ECB eurofxref';

const toExchangeRate = (row: ExchangeRateRow): ExchangeRate => ({
  currency: row.currency,
  date: row.date,
  unitsPerEur: row.units_per_eur,
  source: row.source,
  importedAt: row.imported_at,
});

/** Exchange rates are public reference data: every viewer may read them. */
export async function browseExchangeRates(
  db: Db,
  query: ExchangeRateListQuery,
): Promise<ExchangeRatePage> {
  const { rows, total } = await listExchangeRateRows(db, query);
  return { items: rows.map(toExchangeRate), total, limit: query.limit, offset: query.offset };
}

export interface ImportOptions {
  fileName: string;
  /** Check and count everything, write nothing. */
  dryRun?: boolean;
  /**
   * What to do with a rate that differs from the one stored for that currency and day: `fail` the
   * whole import (the default), `replace` the stored one (the old value goes into the audit entry), or
   * `keep` the stored one (what `ramstein seed` does: it never overwrites).
   */
  onConflict?: 'fail' | 'replace' | 'keep';
  now?: Date;
}

/**
 * Imports an ECB `eurofxref-hist.csv`. All or nothing: a bad cell, or (by default) a rate that differs
 * from the one already stored for that currency and day, fails the whole import with every problem
 * named as `file:line`, and writes nothing. Idempotent: rates already stored are left alone,
 * so a second run inserts nothing. A run that writes something appends one `rates.import` audit entry.
 */
export async function importEcbRates(
  trx: Transaction<Database>,
  actor: Actor,
  text: string,
  options: ImportOptions,
): Promise<ImportReport> {
  const file = parseEcbFile(text, options.fileName);
  if (file.problems.length > 0) {
    throw new AppError(
      'invalid',
      `Exchange rates not imported: ${file.problems.length} problem(s) in ${options.fileName}, nothing was written`,
      file.problems,
    );
  }
  const dates = file.rates.map((r) => r.date).sort();
  const firstDate = dates[0] ?? null;
  const lastDate = dates.at(-1) ?? null;
  const stored = new Map(
    firstDate === null || lastDate === null
      ? []
      : (await listRatesBetween(trx, firstDate, lastDate)).map((r) => [
          `${r.currency}|${r.date}`,
          r,
        ]),
  );

  const now = (options.now ?? new Date()).toISOString();
  const fresh: ExchangeRateRow[] = [];
  const changed: { before: ExchangeRateRow; after: ExchangeRateRow; line: number }[] = [];
  let unchanged = 0;
  for (const rate of file.rates) {
    const row = {
      currency: rate.currency,
      date: rate.date,
      units_per_eur: rate.unitsPerEur,
      source: ECB_SOURCE,
      imported_at: now,
    };
    const existing = stored.get(`${rate.currency}|${rate.date}`);
    if (!existing) fresh.push(row);
    else if (sameValue(existing.units_per_eur, rate.unitsPerEur)) unchanged += 1;
    else changed.push({ before: existing, after: row, line: rate.line });
  }
  const onConflict = options.onConflict ?? 'fail';
  if (changed.length > 0 && onConflict === 'fail') {
    const issues: ErrorIssue[] = changed.map(({ before, after, line }) => ({
      path: `${options.fileName}:${line}`,
      message: `${after.currency}: ${after.date} is stored as ${before.units_per_eur}, the file says ${after.units_per_eur}`,
    }));
    throw new AppError(
      'conflict',
      `Exchange rates not imported: ${changed.length} rate(s) differ from those stored; nothing was written (import with --replace to overwrite them)`,
      issues,
    );
  }

  const report: ImportReport = {
    file: options.fileName,
    dryRun: options.dryRun === true,
    days: file.days,
    firstDate,
    lastDate,
    rates: file.rates.length,
    inserted: fresh.length,
    unchanged,
    replaced: onConflict === 'replace' ? changed.length : 0,
    kept: onConflict === 'keep' ? changed.length : 0,
    ignored: file.ignored,
  };
  const replacing = onConflict === 'replace' ? changed : [];
  if (report.dryRun || (fresh.length === 0 && replacing.length === 0)) return report;

  await insertRates(trx, fresh);
  for (const { after } of replacing) await updateRate(trx, after);
  const { dryRun: _dryRun, ...summary } = report;
  await recordAudit(trx, actor, {
    action: 'rates.import',
    entity: 'exchange_rates',
    entityId: null,
    marking: { marking: 'PUBLIC', rel_to: null, group_id: null },
    // The overwritten values, so a replaced rate can always be traced back.
    before:
      replacing.length === 0
        ? undefined
        : replacing.map(({ before }) => ({
            currency: before.currency,
            date: before.date,
            unitsPerEur: before.units_per_eur,
            source: before.source,
          })),
    after: summary,
  });
  return report;
}

/** '148.5' and '148.50' are the same rate. */
function sameValue(a: string, b: string): boolean {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  return x !== null && y !== null && formatDecimal(x) === formatDecimal(y);
}

export interface ConversionResult {
  amount: Money;
  rateUsed: RateUsed;
}

const ONE: Decimal = { coefficient: 1n, scale: 0 };
const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** Money already in the currency asked for: itself, at rate 1 on the day. */
export function identityConversion(money: Money, onDate: string): ConversionResult {
  return {
    amount: { minor: money.minor, currency: money.currency },
    rateUsed: {
      from: money.currency,
      to: money.currency,
      rate: '1',
      date: onDate,
      source: 'identity',
      legs: [],
    },
  };
}

/**
 * Converts money into `to` at the euro reference rates of `onDate`, or of the last business day before
 * it (never after), through the euro: amount ÷ (from per EUR) × (to per EUR), worked out exactly on
 * integers and rounded half-even to `to`'s minor unit. Both legs come from the same fixing day.
 */
export async function convert(
  db: Db,
  money: Money,
  to: string,
  onDate: string,
): Promise<ConversionResult> {
  if (money.currency === to) return identityConversion(money, onDate);
  const quoted = [money.currency, to].filter((c) => c !== 'EUR');
  const fixing = await findFixingOnOrBefore(db, quoted, onDate);
  if (!fixing) throw await noRate(db, quoted, onDate);
  const rateOf = (currency: string): Decimal => {
    if (currency === 'EUR') return ONE;
    const row = fixing.find((r) => r.currency === currency);
    const value = row && parseDecimal(row.units_per_eur);
    // Rows are written only after parseDecimal accepted them; a bad one means a corrupt table.
    if (!value) throw new AppError('unavailable', `The stored rate of ${currency} is unreadable`);
    return value;
  };
  const rFrom = rateOf(money.currency);
  const rTo = rateOf(to);
  const eFrom = minorUnitExponent(money.currency);
  const eTo = minorUnitExponent(to);
  // target minor = minor / 10^eFrom / (cFrom / 10^sFrom) × (cTo / 10^sTo) × 10^eTo
  const numerator = money.minor * rTo.coefficient * pow10(rFrom.scale + eTo);
  const denominator = rFrom.coefficient * pow10(rTo.scale + eFrom);
  const cross = divideHalfEven(
    rTo.coefficient * pow10(rFrom.scale + 10),
    rFrom.coefficient * pow10(rTo.scale),
  );
  const date = fixing[0]?.date ?? onDate;
  return {
    amount: { minor: divideHalfEven(numerator, denominator), currency: to },
    rateUsed: {
      from: money.currency,
      to,
      rate: formatDecimal({ coefficient: cross, scale: 10 }),
      date,
      source: fixing[0]?.source ?? ECB_SOURCE,
      legs: fixing
        .map((r) => ({ currency: r.currency, unitsPerEur: r.units_per_eur, date: r.date }))
        .sort((a, b) =>
          a.currency === money.currency ? -1 : b.currency === money.currency ? 1 : 0,
        ),
    },
  };
}

/** The API's conversion: decimal text in, decimal text out, with the rate and day used. */
export async function convertAmount(db: Db, query: ConvertQuery): Promise<Conversion> {
  const money = parseMoney(query.amount, query.from, 'query.amount');
  const { amount, rateUsed } = await convert(db, money, query.to, query.date);
  return {
    from: { amount: formatMoney(money), currency: money.currency },
    to: { amount: formatMoney(amount), currency: amount.currency },
    rateUsed,
  };
}

async function noRate(db: Db, currencies: string[], onDate: string): Promise<AppError> {
  for (const currency of currencies) {
    const first = await firstRateDate(db, currency);
    if (first === null)
      return new AppError('not_found', `No exchange rate is known for ${currency}`);
    if (first > onDate) {
      return new AppError(
        'not_found',
        `No exchange rate for ${currency} on or before ${onDate} (the first is on ${first})`,
      );
    }
  }
  return new AppError(
    'not_found',
    `No day on or before ${onDate} has rates for both ${currencies.join(' and ')}`,
  );
}
