import { expect, it } from 'vitest';
import { errorSchema } from '../../core/common.schema';
import {
  publishedAidDonorTotalsSchema,
  publishedAidFigureListSchema,
  publishedAidMonthlySchema,
} from '../../core/published-aid/published-aid.schema';
import { describeApiOnEachDatabase } from '../test/test-app';

describeApiOnEachDatabase('published aid API', (ctx) => {
  const get = (url: string) => ctx().app.inject({ method: 'GET', url });
  const badFields = async (url: string) => {
    const response = await get(url);
    expect(response.statusCode, url).toBe(400);
    return errorSchema.parse(response.json()).issues.map((i) => i.path);
  };

  it('lists the headline figures as published, with their sources; totals over several donors have no donor', async () => {
    const response = await get('/api/v1/published-aid/figures');
    expect(response.statusCode).toBe(200);
    const figures = publishedAidFigureListSchema.parse(response.json());
    expect(figures).toHaveLength(25);
    const allDonors = figures.filter((f) => f.donorName === 'All donors');
    expect(allDonors.map((f) => [f.donor, f.amountBn, f.releaseDate])).toEqual([
      [null, '130.0', '2025-02-14'],
      [null, '32.5', '2025-12-10'],
    ]);
    expect(allDonors[0]?.source).toEqual({
      url: 'https://idw-online.de/de/news847499',
      title: 'Kiel Institute press release (idw) - 3 years of war',
      confidence: 'high',
    });
    // Oldest release first.
    const releases = figures.map((f) => f.releaseDate ?? '');
    expect(releases).toEqual([...releases].sort());
  });

  it('filters the figures by donor and by measure', async () => {
    const uk = publishedAidFigureListSchema.parse(
      (await get('/api/v1/published-aid/figures?donor=GBR')).json(),
    );
    expect(uk.map((f) => [f.measure, f.amountBn, f.currency])).toEqual([
      ['commitment', '5.1', 'USD'], // same release as the next, data to an earlier day
      ['commitment', '6.6', 'EUR'],
      ['allocation', '0.36', 'EUR'],
      ['allocation', '4.5', 'EUR'],
    ]);
    expect(uk[1]?.donor).toEqual({ code: 'GBR', name: 'United Kingdom', alpha2: 'GB' });
    const commitments = publishedAidFigureListSchema.parse(
      (await get('/api/v1/published-aid/figures?measure=commitment')).json(),
    );
    expect(commitments).toHaveLength(6);
    expect(new Set(commitments.map((f) => f.measure))).toEqual(new Set(['commitment']));
    const both = publishedAidFigureListSchema.parse(
      (await get('/api/v1/published-aid/figures?donor=DEU&measure=allocation')).json(),
    );
    expect(both.map((f) => f.amountBn)).toEqual(['0.45', '0.65', '5.0']);
  });

  it('sums each donor over all months exactly, largest military allocations first, with GDP and % of GDP', async () => {
    const response = await get('/api/v1/published-aid/donors');
    expect(response.statusCode).toBe(200);
    const totals = publishedAidDonorTotalsSchema.parse(response.json());
    expect(totals).toMatchObject({
      from: null,
      to: null,
      currency: 'EUR',
      unit: 'billion',
      releases: ['Kiel UST release 29 (2026-08-04)'],
    });
    expect(totals.donors).toHaveLength(42);
    // The leaders the data README names: USA 64.6, Germany 24.2, the UK 16.2, Denmark 9.9 ...
    expect(totals.donors.slice(0, 6).map((d) => [d.donor.code, d.militaryBn])).toEqual([
      ['USA', '64.616886'],
      ['DEU', '24.214109'],
      ['GBR', '16.18573'],
      ['DNK', '9.949754'],
      ['SWE', '9.149258'],
      ['NLD', '8.854608'],
    ]);
    const uk = totals.donors.find((d) => d.donor.code === 'GBR');
    expect(uk).toMatchObject({
      months: 45,
      firstMonth: '2022-02',
      lastMonth: '2026-04',
      totalBn: '21.298104',
      financialBn: '3.753204',
      humanitarianBn: '1.35917',
      commitmentsBn: '32.344415',
      toBeAllocatedBn: '11.046311',
      gdp: { amount: '2647.56154520574', currency: 'EUR', unit: 'billion' },
      totalPctGdp: '0.8044',
      militaryPctGdp: '0.6113',
      source: {
        url: 'https://github.com/UkraineSupportTrackerWebsite/ukraine-support-tracker',
        confidence: 'high',
      },
    });
    expect(totals.donors.find((d) => d.donor.code === 'USA')?.militaryPctGdp).toBe('0.3278');
    // The EU institutions have no GDP in the tracker: no share of it either.
    expect(totals.donors.find((d) => d.donor.code === 'XEU')).toMatchObject({
      donor: { name: 'European Union' },
      totalBn: '84.425291',
      gdp: null,
      totalPctGdp: null,
      militaryPctGdp: null,
    });
  });

  it('sums over the period asked, both months included', async () => {
    const totals = publishedAidDonorTotalsSchema.parse(
      (await get('/api/v1/published-aid/donors?from=2025-01&to=2025-12')).json(),
    );
    expect(totals).toMatchObject({ from: '2025-01', to: '2025-12' });
    expect(totals.donors.slice(0, 2).map((d) => [d.donor.code, d.militaryBn])).toEqual([
      ['DEU', '9.013513'],
      ['GBR', '5.440068'],
    ]);
    expect(totals.donors.find((d) => d.donor.code === 'GBR')).toMatchObject({
      months: 10,
      firstMonth: '2025-01',
      lastMonth: '2025-12',
      totalBn: '5.789258',
    });
    const march = publishedAidDonorTotalsSchema.parse(
      (await get('/api/v1/published-aid/donors?from=2025-03&to=2025-03')).json(),
    );
    expect(march.donors.find((d) => d.donor.code === 'GBR')?.militaryBn).toBe('2.809951');
    const none = publishedAidDonorTotalsSchema.parse(
      (await get('/api/v1/published-aid/donors?from=2030-01')).json(),
    );
    expect(none).toMatchObject({ donors: [], releases: [] });
  });

  it("gives one donor's months, oldest first, with its GDP; the EU under XEU", async () => {
    const response = await get('/api/v1/published-aid/monthly?donor=GBR');
    expect(response.statusCode).toBe(200);
    const uk = publishedAidMonthlySchema.parse(response.json());
    expect(uk.donor).toEqual({ code: 'GBR', name: 'United Kingdom', alpha2: 'GB' });
    expect(uk.months).toHaveLength(45);
    expect(uk.months[0]?.month).toBe('2022-02');
    expect(uk.months.at(-1)?.month).toBe('2026-04');
    expect(uk.gdp?.amount).toBe('2647.56154520574');
    expect(uk.source?.confidence).toBe('high');
    const jan2025 = uk.months.find((m) => m.month === '2025-01');
    expect(jan2025).toEqual({
      month: '2025-01',
      totalBn: '0.092363',
      financialBn: '0',
      humanitarianBn: '0.004171',
      militaryBn: '0.088192',
      commitmentsBn: '0.004171',
      toBeAllocatedBn: '-0.088192',
      release: 'Kiel UST release 29 (2026-08-04)',
    });

    const year = publishedAidMonthlySchema.parse(
      (await get('/api/v1/published-aid/monthly?donor=GBR&from=2025-01&to=2025-12')).json(),
    );
    expect(year.months.map((m) => m.month)).toEqual([
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-09',
      '2025-11',
      '2025-12',
    ]);

    const eu = publishedAidMonthlySchema.parse(
      (await get('/api/v1/published-aid/monthly?donor=XEU')).json(),
    );
    expect(eu.months).toHaveLength(47);
    expect(eu.gdp).toBeNull();
  });

  it('answers a known nation the tracker does not list with no months, and an unknown one 404', async () => {
    const ukraine = publishedAidMonthlySchema.parse(
      (await get('/api/v1/published-aid/monthly?donor=UKR')).json(),
    );
    expect(ukraine).toMatchObject({ months: [], gdp: null, source: null });
    const unknown = await get('/api/v1/published-aid/monthly?donor=ZZZ');
    expect(unknown.statusCode).toBe(404);
    expect(errorSchema.parse(unknown.json()).error).toBe('not_found');
  });

  it('is described in the OpenAPI document, query parameters included', async () => {
    const spec = (await get('/api/openapi.json')).json<{
      paths: Record<string, { get?: { parameters?: { name: string; in: string }[] } }>;
    }>();
    const parameters = (path: string) =>
      spec.paths[path]?.get?.parameters?.map((p) => `${p.in}.${p.name}`);
    expect(parameters('/api/v1/published-aid/figures')).toEqual(['query.donor', 'query.measure']);
    expect(parameters('/api/v1/published-aid/donors')).toEqual(['query.from', 'query.to']);
    expect(parameters('/api/v1/published-aid/monthly')).toEqual([
      'query.donor',
      'query.from',
      'query.to',
    ]);
  });

  it('refuses bad query input with 400 naming the field', async () => {
    expect(await badFields('/api/v1/published-aid/monthly')).toContain('query.donor');
    expect(await badFields('/api/v1/published-aid/monthly?donor=gb')).toContain('query.donor');
    expect(await badFields('/api/v1/published-aid/monthly?donor=GBR&from=2025-13')).toContain(
      'query.from',
    );
    expect(await badFields('/api/v1/published-aid/donors?to=2025-1')).toContain('query.to');
    expect(await badFields('/api/v1/published-aid/donors?from=2025-06&to=2025-01')).toContain(
      'query.to',
    );
    expect(await badFields('/api/v1/published-aid/figures?measure=pledge')).toContain(
      'query.measure',
    );
    expect(await badFields('/api/v1/published-aid/figures?donor=EU')).toContain('query.donor');
    expect(await badFields('/api/v1/published-aid/figures?year=2025')).toEqual(['query']);
  });
});
