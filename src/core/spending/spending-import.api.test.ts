import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { systemActor } from '../audit/audit.service';
import { describeOnEachConnection } from '../db/testing/test-database';
import { AppError } from '../errors';
import type { Sheet } from './nato-table';
import { csvSheet, xlsxSheets } from './nato-table-file';
import { importSpendingTable, type SpendingImportOptions } from './spending-import.service';
import { getNationSpending } from './spending.service';

const now = new Date('2026-06-01T12:00:00Z');
const release = '2026-06 (Defence Expenditure of NATO Countries 2014-2026)';

function csv(lines: string[], file = 'table3.csv'): Sheet[] {
  const read = csvSheet(lines.join('\r\n'), file);
  if ('problems' in read) throw new Error(JSON.stringify(read.problems));
  return [read.sheet];
}

const table3 = csv([
  'Table 3: Defence expenditure as a share of GDP (%),,,',
  'Country,2024,2025e,2026e',
  'United Kingdom,2.33,2.4,2.5',
  'Türkiye,2.09,2.14,',
  'Czech Republic,2.08,2.01,2.2',
  'NATO Europe and Canada,2.02,2.1,2.3',
]);

describeOnEachConnection('importing NATO spending tables', (ctx) => {
  const run = (sheets: readonly Sheet[], options: Partial<SpendingImportOptions> = {}) =>
    ctx()
      .connection.db.transaction()
      .execute((trx) =>
        importSpendingTable(trx, systemActor, sheets, {
          file: 'table3.csv',
          release,
          now,
          ...options,
        }),
      );
  const failure = async (
    sheets: readonly Sheet[],
    options: Partial<SpendingImportOptions> = {},
  ) => {
    const error = await run(sheets, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  };
  const stored = () =>
    ctx()
      .connection.db.selectFrom('spending_figures')
      .select([
        'nation_code',
        'year',
        'pct_gdp',
        'usd_million',
        'estimate',
        'source_title',
        'confidence',
      ])
      .where('release', '=', release)
      .orderBy('nation_code')
      .orderBy('year')
      .execute();
  const audits = async () =>
    Number(
      (
        await ctx()
          .connection.db.selectFrom('audit_entries')
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .where('action', '=', 'spending.import')
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('checks a dry run without writing, then imports the table as one release with an audit entry', async () => {
    const dry = await run(table3, { dryRun: true });
    expect(dry).toMatchObject({
      dryRun: true,
      measure: 'pct-gdp',
      measureFrom: 'title',
      release: { name: release, date: '2026-06' },
      nations: 3,
      years: [2024, 2025, 2026],
      cells: 8,
      inserted: 8,
      skipped: [
        { line: 6, label: 'NATO Europe and Canada', reason: 'an aggregate of several nations' },
      ],
    });
    expect(await stored()).toEqual([]);
    expect(await audits()).toBe(0);

    const report = await run(table3);
    expect(report).toMatchObject({ dryRun: false, inserted: 8, filled: 0, unchanged: 0 });
    const rows = await stored();
    expect(rows.map((r) => [r.nation_code, r.year, r.pct_gdp, r.estimate])).toEqual([
      ['CZE', 2024, '2.08', 0],
      ['CZE', 2025, '2.01', 1],
      ['CZE', 2026, '2.2', 1],
      ['GBR', 2024, '2.33', 0],
      ['GBR', 2025, '2.4', 1],
      ['GBR', 2026, '2.5', 1],
      ['TUR', 2024, '2.09', 0],
      ['TUR', 2025, '2.14', 1],
    ]);
    expect(rows[0]).toMatchObject({ source_title: `${release}: table3.csv`, confidence: 'high' });
    expect(await audits()).toBe(1);

    // The newer release is now the UK's current figure, and its 2026 estimate the latest.
    const uk = await getNationSpending(ctx().connection.db, 'GBR', { gdpGrowth: 1.5 });
    expect(uk.series.at(-1)).toMatchObject({
      year: 2026,
      pctGdp: '2.5',
      estimate: true,
      release: { date: '2026-06' },
    });
    expect(uk.series.find((f) => f.year === 2025)?.pctGdp).toBe('2.4');
  });

  it('changes nothing when the same release is imported again', async () => {
    const before = await stored();
    const again = await run(table3);
    expect(again).toMatchObject({ inserted: 0, filled: 0, unchanged: 8 });
    expect(await stored()).toEqual(before);
    expect(await audits()).toBe(1);
  });

  it('refuses a different value for the same nation, year and release, and writes none of the file', async () => {
    const before = await stored();
    const revised = csv(['Country,2025e,2026e', 'United Kingdom,2.4,2.6', 'Poland,4.48,4.8']);
    const error = await failure(revised);
    expect(error.code).toBe('conflict');
    expect(error.issues).toEqual([
      {
        path: 'table3.csv:2:3',
        message: `GBR 2026 in ${release} is stored as 2.5, the table says 2.6: a release is imported once; a revision is a new release`,
      },
    ]);
    expect(await stored()).toEqual(before); // Poland was not added either
  });

  it('refuses every bad cell of a table at file:line:column, and writes nothing', async () => {
    const before = await stored();
    const bad = csv([
      'Country,2025,2027',
      'Poland,104.8,',
      'Atlantis,1.0,',
      'Poland,4.5,',
      'Latvia,,3.5',
    ]);
    const error = await failure(bad, { release: '2026-07 (bad)' });
    expect(error.code).toBe('invalid');
    expect(error.issues).toEqual([
      {
        path: 'table3.csv:2:2',
        message: 'B2: 104.8 is over 100: a share of GDP is between 0 and 100',
      },
      { path: 'table3.csv:3:1', message: 'A3: "Atlantis" is not a nation Ramstein knows' },
      {
        path: 'table3.csv:4:1',
        message: 'A4: POL is listed twice (also line 2): one figure per nation, year and release',
      },
      {
        path: 'table3.csv:1:3',
        message:
          'C1: 2027 is in the future (this is 2026) and cannot be a final figure: mark it as an estimate (write 2027e)',
      },
    ]);
    expect(await stored()).toEqual(before);
    const undated = await failure(table3, { release: 'the latest NATO table' });
    expect(undated.issues[0]?.path).toBe('release');
  });

  it('completes a release with its USD table from a workbook, picking the sheet by its title', async () => {
    const workbook = new ExcelJS.Workbook();
    const share = workbook.addWorksheet('Table 3');
    share.addRow(['Table 3: Defence expenditure as a share of GDP (%)']);
    share.addRow(['Country', 2024]);
    share.addRow(['United Kingdom', 0.0233]).getCell(2).numFmt = '0.00%';
    const usd = workbook.addWorksheet('Table 2');
    usd.addRow(['Table 2: Defence expenditure (million US dollars)']);
    usd.addRow([]);
    usd.addRow(['Country', 2024, '2025e']);
    usd.addRow(['United Kingdom', 81793.4, 89000]);
    usd.addRow(['Czechia', { formula: '3500+254.2', result: 3754.2 }, null]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const read = await xlsxSheets(bytes, 'def-exp.xlsx');
    if ('problems' in read) throw new Error(JSON.stringify(read.problems));

    const report = await run(read.sheets, { file: 'def-exp.xlsx', measure: 'usd-million' });
    expect(report).toMatchObject({ sheet: 'Table 2', filled: 3, inserted: 0, unchanged: 0 });
    const rows = await stored();
    expect(
      rows
        .filter((r) => r.usd_million !== null)
        .map((r) => [r.nation_code, r.year, r.pct_gdp, r.usd_million]),
    ).toEqual([
      ['CZE', 2024, '2.08', '3754.2'],
      ['GBR', 2024, '2.33', '81793.4'],
      ['GBR', 2025, '2.4', '89000'],
    ]);
    // The share sheet, percentage-formatted, agrees with what is stored: nothing to do.
    const shares = await run(read.sheets, { file: 'def-exp.xlsx', sheet: 'Table 3' });
    expect(shares).toMatchObject({ measure: 'pct-gdp', unchanged: 1, inserted: 0, filled: 0 });
    const missing = await failure(read.sheets, { file: 'def-exp.xlsx', sheet: 'Table 9' });
    expect(missing.issues).toEqual([
      { path: 'sheet', message: '"Table 9" is not a sheet of def-exp.xlsx ("Table 3", "Table 2")' },
    ]);
  });
});
