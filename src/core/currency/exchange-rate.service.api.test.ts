import { expect, it } from 'vitest';
import { systemActor } from '../audit/audit.service';
import { describeOnEachConnection } from '../db/testing/test-database';
import { AppError } from '../errors';
import { parseMoney } from '../money';
import { convert, importEcbRates, type ImportOptions } from './exchange-rate.service';

const fileName = 'eurofxref-hist.csv';
const v1 = ['Date,USD,GBP,', '2024-03-15,1.0892,0.8541,', '2024-03-14,1.0925,N/A,', ''].join('\n');
// The same days and one more; GBP of the 15th differs, USD of the 14th is written with a trailing zero.
const v2 = [
  'Date,USD,GBP,',
  '2024-03-18,1.0892,0.8556,',
  '2024-03-15,1.0892,0.8600,',
  '2024-03-14,1.09250,N/A,',
  '',
].join('\n');

describeOnEachConnection('importing ECB rates', (ctx) => {
  const db = () => ctx().connection.db;
  const run = (text: string, options: Partial<ImportOptions> = {}) =>
    db()
      .transaction()
      .execute((trx) => importEcbRates(trx, systemActor, text, { fileName, ...options }));
  const stored = () =>
    db().selectFrom('exchange_rates').selectAll().orderBy('date').orderBy('currency').execute();
  const audits = () =>
    db()
      .selectFrom('audit_entries')
      .select('action')
      .where('action', '=', 'rates.import')
      .execute();

  it('writes nothing on a dry run, but reports what it would do', async () => {
    const report = await run(v1, { dryRun: true });
    expect(report).toMatchObject({ dryRun: true, days: 2, rates: 3, inserted: 3, unchanged: 0 });
    expect(await stored()).toEqual([]);
    expect(await audits()).toEqual([]);
  });

  it('imports once, with one audit entry, and a second import changes nothing', async () => {
    const first = await run(v1, { now: new Date('2024-10-12T08:00:00Z') });
    expect(first).toEqual({
      file: fileName,
      dryRun: false,
      days: 2,
      firstDate: '2024-03-14',
      lastDate: '2024-03-15',
      rates: 3,
      inserted: 3,
      unchanged: 0,
      replaced: 0,
      kept: 0,
      ignored: [],
    });
    expect(await stored()).toEqual([
      {
        currency: 'USD',
        date: '2024-03-14',
        units_per_eur: '1.0925',
        source: 'ECB eurofxref',
        imported_at: '2024-10-12T08:00:00.000Z',
      },
      expect.objectContaining({ currency: 'GBP', date: '2024-03-15', units_per_eur: '0.8541' }),
      expect.objectContaining({ currency: 'USD', date: '2024-03-15', units_per_eur: '1.0892' }),
    ]);
    const second = await run(v1);
    expect(second).toMatchObject({ inserted: 0, unchanged: 3 });
    expect(await audits()).toHaveLength(1);
  });

  it('refuses a file whose rate differs from a stored one, naming it, and writes nothing', async () => {
    const error = await run(v2).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'conflict',
      issues: [
        {
          path: `${fileName}:3`,
          message: 'GBP: 2024-03-15 is stored as 0.8541, the file says 0.86',
        },
      ],
    });
    // The new day of the same file was not written either: all or nothing.
    expect((await stored()).map((r) => r.date)).not.toContain('2024-03-18');
  });

  it('keeps the stored rate when told to (as the seed does), adding only what is new', async () => {
    const report = await run(v2, { onConflict: 'keep' });
    expect(report).toMatchObject({ inserted: 2, unchanged: 2, kept: 1, replaced: 0 });
    const gbp = (await stored()).find((r) => r.currency === 'GBP' && r.date === '2024-03-15');
    expect(gbp?.units_per_eur).toBe('0.8541');
  });

  it('replaces a differing rate only when told to, and audits the old value', async () => {
    const report = await run(v2, { onConflict: 'replace' });
    expect(report).toMatchObject({ inserted: 0, unchanged: 4, replaced: 1 });
    const gbp = (await stored()).find((r) => r.currency === 'GBP' && r.date === '2024-03-15');
    expect(gbp?.units_per_eur).toBe('0.86');
    const entry = await db()
      .selectFrom('audit_entries')
      .select('before')
      .where('action', '=', 'rates.import')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry.before).toContain('0.8541');
  });

  it('refuses a bad file whole, with every problem as file:line', async () => {
    const before = await stored();
    const error = await run('Date,USD,\n2024-04-01,1.08,\n2024-04-02,x,\n').catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      code: 'invalid',
      issues: [{ path: `${fileName}:3`, message: 'USD: "x" is not a positive decimal rate' }],
    });
    expect(await stored()).toEqual(before);
  });

  it('converts through the euro on the last fixing on or before the day', async () => {
    // Stored now: USD 1.0925 (14th), USD 1.0892 and GBP 0.86 (15th), USD 1.0892 and GBP 0.8556 (18th).
    const usd = parseMoney('1000.00', 'USD');
    // Sunday the 17th → Friday the 15th: 1000 × 0.86 / 1.0892 = 789.570…
    const sunday = await convert(db(), usd, 'GBP', '2024-03-17');
    expect(sunday.amount).toEqual({ minor: 78957n, currency: 'GBP' });
    expect(sunday.rateUsed).toMatchObject({ date: '2024-03-15', rate: '0.7895703268' });
    // GBP has no rate on the 14th: the cross rate needs both on one day, so it falls back no further.
    await expect(convert(db(), usd, 'GBP', '2024-03-14')).rejects.toMatchObject({
      code: 'not_found',
      message: 'No exchange rate for GBP on or before 2024-03-14 (the first is on 2024-03-15)',
    });
    await expect(convert(db(), usd, 'EUR', '2024-03-13')).rejects.toThrow(
      'No exchange rate for USD on or before 2024-03-13 (the first is on 2024-03-14)',
    );
    await expect(convert(db(), usd, 'JPY', '2024-03-15')).rejects.toThrow(
      'No exchange rate is known for JPY',
    );
  });
});
