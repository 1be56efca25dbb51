import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeOnEachConnection } from '../db/testing/test-database';
import { AppError } from '../errors';
import { seedReferenceData } from './seed';

/** A copy of the reference folder with one file's text changed by `edit`. */
function referenceCopyWith(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ramstein-kiel-'));
  cpSync('data/reference', dir, { recursive: true });
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
  return dir;
}

describeOnEachConnection('published aid seed', (ctx) => {
  const db = () => ctx().connection.db;
  const count = async (table: 'published_aid_figures' | 'published_aid_monthly') =>
    Number(
      (
        await db()
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('loads both Kiel files with the seed, amounts as exact text and the EU as XEU', async () => {
    expect(await count('published_aid_figures')).toBe(25);
    expect(await count('published_aid_monthly')).toBe(1079);
    const germany = await db()
      .selectFrom('published_aid_monthly')
      .selectAll()
      .where('donor_nation', '=', 'DEU')
      .orderBy('year')
      .orderBy('month')
      .executeTakeFirstOrThrow();
    expect(germany).toMatchObject({
      gdp_bn: '3601.74999999994',
      release: 'Kiel UST release 29 (2026-08-04)',
      source_url: 'https://github.com/UkraineSupportTrackerWebsite/ukraine-support-tracker',
      confidence: 'high',
    });
    const eu = await db()
      .selectFrom('published_aid_monthly')
      .select(['donor_nation', 'commitments_bn', 'gdp_bn'])
      .where('donor_nation', '=', 'XEU')
      .where('year', '=', 2022)
      .where('month', '=', 2)
      .executeTakeFirstOrThrow();
    expect(eu).toEqual({ donor_nation: 'XEU', commitments_bn: '1.2', gdp_bn: '0' });
    const totals = await db()
      .selectFrom('published_aid_figures')
      .select(['donor_name', 'amount_bn', 'currency', 'measure', 'source_title', 'confidence'])
      .where('donor_nation', 'is', null)
      .where('donor_name', '=', 'All donors')
      .orderBy('release_date')
      .execute();
    expect(totals).toEqual([
      {
        donor_name: 'All donors',
        amount_bn: '130.0',
        currency: 'EUR',
        measure: 'allocation',
        source_title: 'Kiel Institute press release (idw) - 3 years of war',
        confidence: 'high',
      },
      expect.objectContaining({ amount_bn: '32.5', confidence: 'medium' }),
    ]);
  });

  it('adds nothing on a second run, and keeps a row edited since as edited', async () => {
    await db()
      .updateTable('published_aid_monthly')
      .set({ military_bn: '0.5' })
      .where('donor_nation', '=', 'GBR')
      .where('year', '=', 2025)
      .where('month', '=', 3)
      .execute();
    await db()
      .updateTable('published_aid_figures')
      .set({ amount_bn: '131' })
      .where('donor_name', '=', 'All donors')
      .where('release_date', '=', '2025-02-14')
      .execute();
    const report = await seedReferenceData(db(), { dir: 'data/reference' });
    expect(report.inserted).toMatchObject({ published_aid_figures: 0, published_aid_monthly: 0 });
    expect(report.kept).toMatchObject({ published_aid_figures: 25, published_aid_monthly: 1079 });
    expect(await count('published_aid_figures')).toBe(25);
    expect(await count('published_aid_monthly')).toBe(1079);
    const edited = await db()
      .selectFrom('published_aid_monthly')
      .select('military_bn')
      .where('donor_nation', '=', 'GBR')
      .where('year', '=', 2025)
      .where('month', '=', 3)
      .executeTakeFirstOrThrow();
    expect(edited.military_bn).toBe('0.5');
    const figure = await db()
      .selectFrom('published_aid_figures')
      .select('amount_bn')
      .where('release_date', '=', '2025-02-14')
      .executeTakeFirstOrThrow();
    expect(figure.amount_bn).toBe('131');
  });

  it('reports a bad row as file:line and writes nothing, then a good run puts back what was missing', async () => {
    await db().deleteFrom('published_aid_monthly').where('donor_nation', '=', 'GBR').execute();
    await db().deleteFrom('published_aid_figures').where('donor_nation', '=', 'GBR').execute();
    const dir = referenceCopyWith('kiel_ust_r29_monthly_by_donor.csv', (text) =>
      text.replace('"Australia","AUS",2022,3,0.142911', '"Australia","AUS",2022,3,0.14.2911'),
    );
    const error = await seedReferenceData(db(), { dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).issues).toEqual([
      {
        path: 'kiel_ust_r29_monthly_by_donor.csv:3',
        message: 'total: must be a decimal number such as 12.5',
      },
    ]);
    expect(await count('published_aid_monthly')).toBe(1079 - 45);
    expect(await count('published_aid_figures')).toBe(25 - 4);

    const report = await seedReferenceData(db(), { dir: 'data/reference' });
    expect(report.inserted).toMatchObject({ published_aid_figures: 4, published_aid_monthly: 45 });
    expect(await count('published_aid_monthly')).toBe(1079);
    expect(await count('published_aid_figures')).toBe(25);
  });
});
