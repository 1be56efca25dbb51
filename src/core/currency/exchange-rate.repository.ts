import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../db/database';
import type { ExchangeRatesTable } from '../db/tables/currency';
import type { ExchangeRateListQuery } from './exchange-rate.schema';

export type ExchangeRateRow = Selectable<ExchangeRatesTable>;

export async function listExchangeRateRows(
  db: Db,
  query: ExchangeRateListQuery,
): Promise<{ rows: ExchangeRateRow[]; total: number }> {
  const filtered = db
    .selectFrom('exchange_rates')
    .$if(query.currency !== undefined, (qb) => qb.where('currency', '=', query.currency ?? ''))
    .$if(query.from !== undefined, (qb) => qb.where('date', '>=', query.from ?? ''))
    .$if(query.to !== undefined, (qb) => qb.where('date', '<=', query.to ?? ''));
  const [rows, count] = await Promise.all([
    filtered
      .selectAll()
      .orderBy('date', 'desc')
      .orderBy('currency')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Stored rates of the given days, to compare an import against. */
export function listRatesBetween(db: Db, first: string, last: string): Promise<ExchangeRateRow[]> {
  return db
    .selectFrom('exchange_rates')
    .selectAll()
    .where('date', '>=', first)
    .where('date', '<=', last)
    .execute();
}

/**
 * The latest day on or before `onDate` with a rate for every one of `currencies` (one fixing for all
 * legs of a cross rate), and those rates; undefined when there is none.
 */
export async function findFixingOnOrBefore(
  db: Db,
  currencies: readonly string[],
  onDate: string,
): Promise<ExchangeRateRow[] | undefined> {
  const day = await db
    .selectFrom('exchange_rates')
    .select('date')
    .where('currency', 'in', currencies)
    .where('date', '<=', onDate)
    .groupBy('date')
    .having((eb) => eb.fn.count('currency'), '=', currencies.length)
    .orderBy('date', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!day) return undefined;
  return db
    .selectFrom('exchange_rates')
    .selectAll()
    .where('currency', 'in', currencies)
    .where('date', '=', day.date)
    .execute();
}

/** The first day `currency` has a rate (null for none), for error messages. */
export async function firstRateDate(db: Db, currency: string): Promise<string | null> {
  const row = await db
    .selectFrom('exchange_rates')
    .select((eb) => eb.fn.min('date').as('first'))
    .where('currency', '=', currency)
    .executeTakeFirst();
  return row?.first ?? null;
}

export async function insertRates(db: Db, rows: Insertable<ExchangeRatesTable>[]): Promise<void> {
  // Slices keep each statement under either database's limit on bound parameters.
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('exchange_rates')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

export async function updateRate(
  db: Db,
  row: Pick<ExchangeRatesTable, 'currency' | 'date' | 'units_per_eur' | 'source' | 'imported_at'>,
): Promise<void> {
  await db
    .updateTable('exchange_rates')
    .set({ units_per_eur: row.units_per_eur, source: row.source, imported_at: row.imported_at })
    .where('currency', '=', row.currency)
    .where('date', '=', row.date)
    .execute();
}
