import { expect, it } from 'vitest';
import { describeOnEachConnection } from '../db/testing/test-database';
import { gdpByNation, listPublishedAidDonorTotals } from './published-aid.service';

describeOnEachConnection('published aid service', (ctx) => {
  const db = () => ctx().connection.db;

  it("gives each donor's GDP in EUR billions from the tracker's latest month, for the nations asked", async () => {
    const gdp = await gdpByNation(db(), ['GBR', 'DEU', 'USA', 'GBR']);
    expect([...gdp.keys()].sort()).toEqual(['DEU', 'GBR', 'USA']);
    expect(gdp.get('GBR')).toEqual({
      amount: '2647.56154520574',
      currency: 'EUR',
      unit: 'billion',
      source: expect.stringContaining('Kiel UST release 29 (2026-08-04)') as string,
    });
    // The USA's last month in release 29 is January 2025: the latest present, not a month it lacks.
    expect(gdp.get('USA')?.amount).toBe('19712.7639612384');
    expect(gdp.get('USA')?.source).toBe(
      'Kiel UST release 29 (2026-08-04), the GDP of its % of GDP figures for 2025-01',
    );
    expect(gdp.get('DEU')?.source).toMatch(/ for 2026-04$/);
  });

  it('leaves out nations without a GDP: the EU institutions (0), a non-donor, an unknown code', async () => {
    expect(await gdpByNation(db(), ['XEU', 'UKR', 'ZZZ'])).toEqual(new Map());
    expect(await gdpByNation(db(), [])).toEqual(new Map());
  });

  it('uses the newest month when a later release adds months', async () => {
    await db()
      .insertInto('published_aid_monthly')
      .values({
        donor_nation: 'USA',
        year: 2026,
        month: 9,
        total_bn: '0',
        financial_bn: '0',
        humanitarian_bn: '0',
        military_bn: '0',
        commitments_bn: '0',
        to_be_allocated_bn: '0',
        gdp_bn: '25000.5',
        release: 'Kiel UST release 30 (2026-12-01)',
        source_url: null,
        source_title: null,
        confidence: null,
      })
      .execute();
    const gdp = await gdpByNation(db(), ['USA']);
    expect(gdp.get('USA')?.amount).toBe('25000.5');
    expect(gdp.get('USA')?.source).toMatch(/^Kiel UST release 30 \(2026-12-01\)/);
    const totals = await listPublishedAidDonorTotals(db(), { from: '2026-09', to: '2026-09' });
    expect(totals.releases).toEqual(['Kiel UST release 30 (2026-12-01)']);
    expect(totals.donors.map((d) => [d.donor.code, d.gdp?.amount, d.totalPctGdp])).toEqual([
      ['USA', '25000.5', '0'],
    ]);
    await db()
      .deleteFrom('published_aid_monthly')
      .where('donor_nation', '=', 'USA')
      .where('year', '=', 2026)
      .execute();
  });
});
