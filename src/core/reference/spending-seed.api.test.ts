import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeOnEachConnection } from '../db/testing/test-database';
import { AppError } from '../errors';
import { seedReferenceData } from './seed';

/** A copy of the reference folder with some files' text changed. */
function referenceCopyWith(edits: Record<string, (text: string) => string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ramstein-spending-'));
  cpSync('data/reference', dir, { recursive: true });
  for (const [file, edit] of Object.entries(edits))
    writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
  return dir;
}

const figures = 'nato_defence_expenditure.csv';
const targets = 'spending_targets.csv';
const lines = (file: string) =>
  readFileSync(join('data/reference', file), 'utf8').trimEnd().split('\n');
/** A fixed "today", so which year is in the future does not depend on when the test runs. */
const now = new Date('2026-06-01T12:00:00Z');

describeOnEachConnection('defence spending reference data', (ctx) => {
  const count = async (table: 'spending_figures' | 'spending_targets') =>
    Number(
      (
        await ctx()
          .connection.db.selectFrom(table)
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('loads every figure of every release and every target, and adds nothing the second time', async () => {
    expect(await count('spending_figures')).toBe(lines(figures).length - 1);
    expect(await count('spending_targets')).toBe(lines(targets).length - 1);
    const report = await seedReferenceData(ctx().connection.db, { dir: 'data/reference', now });
    expect(report.inserted).toMatchObject({ spending_figures: 0, spending_targets: 0 });
    expect(report.kept).toMatchObject({ spending_figures: 222, spending_targets: 22 });
    const ukRevisions = await ctx()
      .connection.db.selectFrom('spending_figures')
      .select(['release', 'release_date', 'pct_gdp', 'usd_million', 'estimate', 'loaded_from'])
      .where('nation_code', '=', 'GBR')
      .where('year', '=', 2024)
      .orderBy('release_date')
      .execute();
    expect(ukRevisions).toEqual([
      {
        release: '2024-06 (Defence Expenditure of NATO Countries 2014-2024)',
        release_date: '2024-06',
        pct_gdp: '2.33',
        usd_million: '82000',
        estimate: 1,
        loaded_from: figures,
      },
      {
        release: '2025-04 (NATO Secretary General Annual Report 2024)',
        release_date: '2025-04',
        pct_gdp: '2.33',
        usd_million: null,
        estimate: 1,
        loaded_from: figures,
      },
    ]);
    const links = await ctx()
      .connection.db.selectFrom('spending_targets')
      .select(['id', 'kind', 'measure', 'supersedes_id', 'part_of_id', 'deadline_year', 'deadline'])
      .where('id', 'in', [
        'GBR_2_5_APR2027',
        'NATO_HAGUE_CORE_3_5',
        'GBR_3_NEXT_PARLIAMENT',
        'US_TRUMP_5PCT_CALL',
      ])
      .orderBy('id')
      .execute();
    expect(links).toEqual([
      {
        id: 'GBR_2_5_APR2027',
        kind: 'national',
        measure: 'defence',
        supersedes_id: 'GBR_LABOUR_2_5',
        part_of_id: null,
        deadline_year: 2027,
        deadline: '2027',
      },
      {
        id: 'GBR_3_NEXT_PARLIAMENT',
        kind: 'national',
        measure: 'defence',
        supersedes_id: null,
        part_of_id: null,
        deadline_year: null,
        deadline: 'next parliament (c.2029-2034)',
      },
      {
        id: 'NATO_HAGUE_CORE_3_5',
        kind: 'alliance',
        measure: 'defence',
        supersedes_id: null,
        part_of_id: 'NATO_HAGUE_5PCT_2035',
        deadline_year: 2035,
        deadline: '2035',
      },
      {
        id: 'US_TRUMP_5PCT_CALL',
        kind: 'call',
        measure: 'defence',
        supersedes_id: null,
        part_of_id: null,
        deadline_year: null,
        deadline: null,
      },
    ]);
  });

  it('never overwrites a figure completed since (by an import)', async () => {
    const db = ctx().connection.db;
    await db
      .updateTable('spending_figures')
      .set({ gdp_usd_billion: '3644.6' })
      .where('nation_code', '=', 'GBR')
      .where('release', '=', '2025-04 (NATO Secretary General Annual Report 2024)')
      .execute();
    await seedReferenceData(db, { dir: 'data/reference', now });
    const row = await db
      .selectFrom('spending_figures')
      .select(['gdp_usd_billion', 'pct_gdp'])
      .where('nation_code', '=', 'GBR')
      .where('release', '=', '2025-04 (NATO Secretary General Annual Report 2024)')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ gdp_usd_billion: '3644.6', pct_gdp: '2.33' });
  });

  it('refuses each bad figure and target with file, line and reason, and writes nothing', async () => {
    const db = ctx().connection.db;
    const dir = referenceCopyWith({
      [figures]: (text) =>
        `${text
          // line 2: a share of GDP out of range
          .replace('POL,Poland,2014,1.88,,false', 'POL,Poland,2014,188,,false')
          // line 4: a future year marked as final, not as an estimate
          .replace('EST,Estonia,2014,1.93,,false', 'EST,Estonia,2030,1.93,,false')
          // line 5: an unknown nation
          .replace('EST,Estonia,2024,3.43,1437,true', 'ESX,Estonia,2024,3.43,1437,true')
          .trimEnd()}\r\n` +
        // line 224: GBR 2014 of the June 2024 release a second time, with another value (the file
        // ends its lines with CRLF, and so must a line added to it)
        'GBR,United Kingdom,2014,2.2,,false,https://example.org/x,Duplicate,2024-06 (Defence Expenditure of NATO Countries 2014-2024),high,\r\n',
      // line 12: a deadline before the announcement
      [targets]: (text) =>
        text.replace(
          'GBR_2_5_APR2027,national,GBR,2025-02-25,2027,',
          'GBR_2_5_APR2027,national,GBR,2025-02-25,2020,',
        ),
    });
    await db.deleteFrom('spending_figures').execute();
    await db.deleteFrom('spending_targets').execute();
    const error = (await seedReferenceData(db, { dir, now }).catch((e: unknown) => e)) as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error.message).toMatch(/nothing was written/);
    expect(error.issues).toEqual(
      expect.arrayContaining([
        {
          path: `${figures}:2`,
          message: 'pct_gdp: 188 is over 100: a share of GDP is between 0 and 100',
        },
        {
          path: `${figures}:4`,
          message:
            'estimate: 2030 is in the future (this is 2026) and cannot be a final figure: mark it as an estimate',
        },
        { path: `${figures}:5`, message: 'nation_iso3: ESX is not a nation Ramstein knows' },
        {
          path: `${figures}:224`,
          message:
            'nato_release: GBR 2014 is already given for this release on line ' +
            String(lines(figures).findIndex((l) => l.startsWith('GBR,United Kingdom,2014,')) + 1),
        },
        {
          path: `${targets}:12`,
          message: 'target_year: the deadline 2020 is before the announcement (2025-02-25)',
        },
      ]),
    );
    expect(error.issues).toHaveLength(5);
    expect(await count('spending_figures')).toBe(0);
    expect(await count('spending_targets')).toBe(0);
    // The good files load again what is missing.
    const report = await seedReferenceData(db, { dir: 'data/reference', now });
    expect(report.inserted).toMatchObject({ spending_figures: 222, spending_targets: 22 });
  });

  it('refuses a release without a date and a figure with neither a share nor an amount', async () => {
    const dir = referenceCopyWith({
      [figures]: (text) =>
        text
          .replace('POL,Poland,2014,1.88,,false', 'POL,Poland,2014,,,false')
          .replace(
            'EST,Estonia,2014,1.93,,false,http://46.235.172.94/Archive/arch-46000-46499/GN46054T_words_EN.txt,"Graphic News: NATO allies urged to boost spending (chart, sources NATO/Reuters)",2024-06 (Defence Expenditure of NATO Countries 2014-2024)',
            'EST,Estonia,2014,1.93,,false,http://46.235.172.94/Archive/arch-46000-46499/GN46054T_words_EN.txt,"Graphic News: NATO allies urged to boost spending (chart, sources NATO/Reuters)",Defence Expenditure of NATO Countries',
          ),
    });
    const error = (await seedReferenceData(ctx().connection.db, { dir, now }).catch(
      (e: unknown) => e,
    )) as AppError;
    expect(error.issues).toEqual([
      { path: `${figures}:2`, message: 'pct_gdp: a figure needs a % of GDP or a USD amount' },
      {
        path: `${figures}:4`,
        message:
          'nato_release: must name its publication date (YYYY-MM or YYYY-MM-DD), e.g. "2025-04 (...)"',
      },
    ]);
  });
});
