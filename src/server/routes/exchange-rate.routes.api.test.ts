import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { systemActor } from '../../core/audit/audit.service';
import { conversionSchema, exchangeRatePageSchema } from '../../core/currency/exchange-rate.schema';
import { importEcbRates } from '../../core/currency/exchange-rate.service';
import { describeApiOnEachDatabase } from '../test/test-app';

const ratesFile = 'ecb_eurofxref_2022_2024.csv';

describeApiOnEachDatabase('exchange rates API', (ctx) => {
  const get = (url: string) => ctx().app.inject({ method: 'GET', url });
  const conversion = async (query: string) => {
    const response = await get(`/api/v1/exchange-rates/convert?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return conversionSchema.parse(response.json());
  };

  beforeAll(async () => {
    const text = readFileSync(`data/reference/${ratesFile}`, 'utf8');
    await ctx()
      .connection.db.transaction()
      .execute((trx) => importEcbRates(trx, systemActor, text, { fileName: ratesFile }));
  });

  it('lists a currency’s rates newest first, filtered by dates and paged', async () => {
    const page = exchangeRatePageSchema.parse(
      (
        await get('/api/v1/exchange-rates?currency=USD&from=2024-03-11&to=2024-03-17&limit=3')
      ).json(),
    );
    expect(page.total).toBe(5);
    expect(page.items.map((r) => [r.date, r.unitsPerEur])).toEqual([
      ['2024-03-15', '1.0892'],
      ['2024-03-14', '1.0925'],
      ['2024-03-13', '1.0939'],
    ]);
    expect(page.items[0]).toMatchObject({ currency: 'USD', source: 'ECB eurofxref' });
    const next = exchangeRatePageSchema.parse(
      (
        await get(
          '/api/v1/exchange-rates?currency=USD&from=2024-03-11&to=2024-03-17&limit=3&offset=3',
        )
      ).json(),
    );
    expect(next.items.map((r) => r.date)).toEqual(['2024-03-12', '2024-03-11']);
    const all = exchangeRatePageSchema.parse((await get('/api/v1/exchange-rates?limit=1')).json());
    expect(all.total).toBe(21_689);
  });

  it('converts USD to EUR at the day’s rate, saying the rate and date used', async () => {
    // 2024-03-15: 1 EUR = 1.0892 USD, so 1000.00 USD = 1000 / 1.0892 = 918.105… EUR.
    expect(await conversion('amount=1000.00&from=USD&to=EUR&date=2024-03-15')).toEqual({
      from: { amount: '1000.00', currency: 'USD' },
      to: { amount: '918.11', currency: 'EUR' },
      rateUsed: {
        from: 'USD',
        to: 'EUR',
        rate: '0.9181050312',
        date: '2024-03-15',
        source: 'ECB eurofxref',
        legs: [{ currency: 'USD', unitsPerEur: '1.0892', date: '2024-03-15' }],
      },
    });
  });

  it('uses Friday’s rate on a weekend, never Monday’s', async () => {
    for (const date of ['2024-03-16', '2024-03-17']) {
      const result = await conversion(`amount=1000&from=USD&to=EUR&date=${date}`);
      expect(result.rateUsed.date).toBe('2024-03-15');
      expect(result.to.amount).toBe('918.11');
    }
  });

  it('works out a cross rate through the euro: USD to GBP', async () => {
    // From the file, 2024-03-15: USD 1.0892 and GBP 0.8541 per EUR.
    // 1000 USD = 1000 / 1.0892 EUR = 1000 × 0.8541 / 1.0892 GBP = 784.1535… → 784.15 GBP.
    const result = await conversion('amount=1000.00&from=USD&to=GBP&date=2024-03-15');
    expect(result.to).toEqual({ amount: '784.15', currency: 'GBP' });
    expect(result.rateUsed).toMatchObject({ rate: '0.7841535072', date: '2024-03-15' });
    expect(result.rateUsed.legs).toEqual([
      { currency: 'USD', unitsPerEur: '1.0892', date: '2024-03-15' },
      { currency: 'GBP', unitsPerEur: '0.8541', date: '2024-03-15' },
    ]);
  });

  it('rounds to the target’s minor unit: EUR to JPY has no decimals', async () => {
    // 1 EUR = 162.03 JPY; 1234.56 × 162.03 = 200035.7568 → 200036.
    const result = await conversion('amount=1234.56&from=EUR&to=JPY&date=2024-03-15');
    expect(result.to).toEqual({ amount: '200036', currency: 'JPY' });
  });

  it('treats EUR to EUR as the identity', async () => {
    const result = await conversion('amount=1234.56&from=EUR&to=EUR&date=2021-01-01');
    expect(result.to).toEqual({ amount: '1234.56', currency: 'EUR' });
    expect(result.rateUsed).toMatchObject({ rate: '1', legs: [], source: 'identity' });
  });

  it('answers a clear 404 for a day before the first rate', async () => {
    const response = await get(
      '/api/v1/exchange-rates/convert?amount=1&from=USD&to=EUR&date=2021-12-31',
    );
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({
      error: 'not_found',
      message: 'No exchange rate for USD on or before 2021-12-31 (the first is on 2022-01-03)',
    });
  });

  it('refuses bad input with 400 naming the field', async () => {
    const cases: [string, string][] = [
      ['amount=1&from=XYZ&to=EUR&date=2024-03-15', 'query.from'],
      ['amount=1&from=USD&to=eur&date=2024-03-15', 'query.to'],
      ['amount=1&from=USD&to=EUR&date=2024-02-30', 'query.date'],
      ['amount=1.005&from=USD&to=EUR&date=2024-03-15', 'query.amount'],
      ['amount=100.5&from=JPY&to=EUR&date=2024-03-15', 'query.amount'],
      ['amount=ten&from=USD&to=EUR&date=2024-03-15', 'query.amount'],
      ['from=USD&to=EUR&date=2024-03-15', 'query.amount'],
    ];
    for (const [query, field] of cases) {
      const response = await get(`/api/v1/exchange-rates/convert?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(
        response.json<{ issues: { path: string }[] }>().issues.map((i) => i.path),
        query,
      ).toContain(field);
    }
    const list = await get('/api/v1/exchange-rates?currency=US&from=yesterday');
    expect(list.statusCode).toBe(400);
    expect(list.json<{ issues: { path: string }[] }>().issues.map((i) => i.path)).toEqual([
      'query.currency',
      'query.from',
    ]);
  });
});
