import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { systemActor } from '../audit/audit.service';
import { convert, importEcbRates } from '../currency/exchange-rate.service';
import { describeOnEachConnection } from '../db/testing/test-database';
import { cachedLookups } from './valuation-cache';

/** The import's cached conversions must be `convert`'s, to the minor unit and the rate's last digit. */
describeOnEachConnection('the import’s cached conversions', (ctx) => {
  beforeAll(async () => {
    const rates = 'ecb_eurofxref_2022_2024.csv';
    const text = readFileSync(`data/reference/${rates}`, 'utf8');
    await ctx()
      .connection.db.transaction()
      .execute((trx) =>
        importEcbRates(trx, systemActor, text, { fileName: rates, onConflict: 'keep' }),
      );
  });

  it('equal convert() exactly, across currencies, amounts, weekends and cross rates', async () => {
    const db = ctx().connection.db;
    const lookups = cachedLookups(db, []);
    const pairs = [
      ['USD', 'EUR'],
      ['EUR', 'GBP'],
      ['JPY', 'EUR'],
      ['USD', 'GBP'],
      ['NOK', 'PLN'],
      ['EUR', 'EUR'],
    ] as const;
    const days = [
      '2022-01-03',
      '2022-06-18',
      '2023-02-14',
      '2023-12-25',
      '2024-05-04',
      '2024-10-11',
      '2025-03-01',
    ];
    let compared = 0;
    for (const [from, to] of pairs) {
      for (const day of days) {
        for (const minor of [1n, 99n, 12_345n, 1_000_000_007n, 987_654_321_012n]) {
          const money = { minor, currency: from };
          const expected = await convert(db, money, to, day);
          expect(await lookups.convert(money, to, day), `${from}→${to} ${day} ${minor}`).toEqual(
            expected,
          );
          compared += 1;
        }
      }
    }
    expect(compared).toBe(pairs.length * days.length * 5);
  });

  it('refuse a day with no rate in convert()’s own words', async () => {
    const db = ctx().connection.db;
    const money = { minor: 100n, currency: 'USD' };
    const expected = await convert(db, money, 'EUR', '2021-06-01').catch((e: unknown) => e);
    const cached = await Promise.resolve()
      .then(() => cachedLookups(db, []).convert(money, 'EUR', '2021-06-01'))
      .catch((e: unknown) => e);
    expect(cached).toEqual(expected);
    expect(String(cached)).toMatch(/No exchange rate for USD on or before 2021-06-01/);
  });
});
