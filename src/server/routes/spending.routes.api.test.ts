import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../core/audit/audit.service';
import { errorSchema } from '../../core/common.schema';
import { importEcbRates } from '../../core/currency/exchange-rate.service';
import {
  burdenSharingSchema,
  nationSpendingSchema,
  spendingFigurePageSchema,
  spendingLeagueSchema,
  spendingProjectionSchema,
  spendingReleaseListSchema,
  spendingTargetListSchema,
  spendingTargetSchema,
  type TargetAnalysis,
} from '../../core/spending/spending.schema';
import { addPrincipal, bearer, type Principal } from '../test/principals';
import { describeApiOnEachDatabase } from '../test/test-app';

/** The reference file's rows, read here independently of the loader. */
const referenceFigures: Record<string, string>[] = parse(
  readFileSync('data/reference/nato_defence_expenditure.csv', 'utf8'),
  { columns: true, skip_empty_lines: true },
);

describeApiOnEachDatabase('defence spending API', (ctx) => {
  const get = (url: string, who?: Principal) =>
    ctx().app.inject({
      method: 'GET',
      url: `/api/v1${url}`,
      headers: who ? bearer(who.token) : {},
    });
  const expectError = async (url: string, status: number, path?: string) => {
    const response = await get(url);
    expect(response.statusCode, response.body).toBe(status);
    const body = errorSchema.parse(response.json());
    if (path !== undefined) expect(body.issues.map((i) => i.path)).toContain(path);
    return body;
  };

  beforeAll(async () => {
    // The money gaps convert between EUR and USD at the ECB's rates, which `ramstein seed` loads.
    const file = 'ecb_eurofxref_2022_2024.csv';
    const text = readFileSync(`data/reference/${file}`, 'utf8');
    await ctx()
      .connection.db.transaction()
      .execute((trx) => importEcbRates(trx, systemActor, text, { fileName: file }));
  });

  describe('the UK against its 2.5 % pledge and the Hague 3.5 % core target (done when)', () => {
    /*
     * Hand calculation, from data/reference:
     * - latest UK figure: 2.3 % of GDP for 2025, an estimate, from the latest release that gives one,
     *   "2026-03 (NATO Secretary General Annual Report 2025)" (Politico's report, confidence medium);
     * - GDP: the Kiel Institute's 2647.56154520574 EUR bn; USD per EUR on 2024-10-11 (the last ECB
     *   fixing on or before 2025-12-31): 1.0938.
     * 2.5 % from April 2027 (GBR_2_5_APR2027): gap 2.5 − 2.3 = 0.2 points;
     *   money 2647.56154520574 × 0.2 / 100 = 5.29512309 → EUR 5.295 bn; × 1.0938 = 5.79180564 → USD 5.792 bn;
     *   2 years to 2027: share (2.5 / 2.3)^(1/2) = 1.04257207, +4.26 %/yr;
     *   spending with GDP +1.5 %/yr: 1.04257207 × 1.015 = 1.05821065, +5.82 %/yr.
     * Hague core 3.5 % by 2035 (NATO_HAGUE_CORE_3_5): gap 1.2 points;
     *   money 2647.56154520574 × 1.2 / 100 = 31.77073854 → EUR 31.771 bn; × 1.0938 = 34.75083382 → USD 34.751 bn;
     *   10 years: share (3.5 / 2.3)^(1/10) = 1.04287924, +4.29 %/yr; spending × 1.015 = 1.05852243, +5.85 %/yr;
     *   with GDP +3 %/yr: × 1.03 = 1.07416561, +7.42 %/yr.
     */
    const analysisOf = async (target: string, query = '') => {
      const response = await get(`/spending/nations/GBR${query}`);
      expect(response.statusCode, response.body).toBe(200);
      const page = nationSpendingSchema.parse(response.json());
      const analysis = page.targets.find((t) => t.target.id === target);
      if (!analysis) throw new Error(`${target} does not apply to GBR`);
      return analysis;
    };
    const latest = {
      year: 2025,
      pctGdp: '2.3',
      estimate: true,
      release: { name: '2026-03 (NATO Secretary General Annual Report 2025)', date: '2026-03' },
      source: {
        url: expect.stringMatching(/^https:\/\/dailyguardian\.eu\//) as string,
        title: expect.stringMatching(/Politico/) as string,
        confidence: 'medium',
      },
    };
    const money = (eur: string, usd: string): TargetAnalysis['gapMoney'] => ({
      eur: { amount: eur, currency: 'EUR', unit: 'billion' },
      usd: { amount: usd, currency: 'USD', unit: 'billion' },
      gdp: {
        amount: '2647.56154520574',
        currency: 'EUR',
        unit: 'billion',
        basis: 'published_aid',
        source: expect.stringMatching(/^Kiel UST release 29/) as string,
      },
      rateUsed: {
        from: 'EUR',
        to: 'USD',
        rate: '1.0938',
        date: '2024-10-11',
        source: 'ECB eurofxref',
        legs: [{ currency: 'USD', unitsPerEur: '1.0938', date: '2024-10-11' }],
      },
      note: null,
    });

    it('answers the 2.5 % pledge: latest figure with its source, gap, money gap, growth needed', async () => {
      const analysis = await analysisOf('GBR_2_5_APR2027');
      expect(analysis).toMatchObject({
        status: 'not_met',
        latest,
        gapPp: '0.2',
        met: false,
        gapMoney: money('5.295', '5.792'),
        deadlinePassed: false,
        requiredGrowth: { years: 2, sharePctPerYear: 4.26, spendingPctPerYear: 5.82 },
      });
      expect(analysis.target).toMatchObject({
        kind: 'national',
        nation: { code: 'GBR' },
        pctGdp: '2.5',
        deadlineYear: 2027,
        announcedOn: '2025-02-25',
        announcedBy: 'PM Keir Starmer (House of Commons)',
        supersedes: [expect.objectContaining({ id: 'GBR_LABOUR_2_5' }) as object],
      });
    });

    it('answers the Hague 3.5 % core target the same way, and follows the GDP assumption', async () => {
      expect(await analysisOf('NATO_HAGUE_CORE_3_5')).toMatchObject({
        status: 'not_met',
        latest,
        gapPp: '1.2',
        gapMoney: money('31.771', '34.751'),
        requiredGrowth: { years: 10, sharePctPerYear: 4.29, spendingPctPerYear: 5.85 },
      });
      const faster = await analysisOf('NATO_HAGUE_CORE_3_5', '?gdpGrowth=3');
      expect(faster.requiredGrowth).toEqual({
        years: 10,
        sharePctPerYear: 4.29,
        spendingPctPerYear: 7.42,
      });
    });
  });

  describe('a nation', () => {
    it('gives its series since 2014 from the current releases, and every target that applies', async () => {
      const page = nationSpendingSchema.parse((await get('/spending/nations/GBR')).json());
      expect(page.nation).toMatchObject({ code: 'GBR', natoMember: true });
      expect(page.series.map((f) => [f.year, f.pctGdp, f.release.date])).toEqual([
        [2014, '2.14', '2024-06'],
        [2021, '2.25', '2022-03'], // revised from the June 2021 estimate of 2.29
        [2022, '2.29', '2024-04-11'], // the UK MOD's revised figure, later than NATO's 2022 estimate of 2.12
        [2023, '2.28', '2024-03'],
        [2024, '2.33', '2025-04'],
        [2025, '2.3', '2026-03'],
      ]);
      expect(page.changeSinceBasePp).toBe('0.16');
      expect(page.assumptions).toEqual({ gdpGrowthPct: 1.5 });
      const ids = page.targets.map((t) => t.target.id);
      expect(ids).toEqual(
        expect.arrayContaining(['NATO_2PCT_2006', 'US_TRUMP_5PCT_CALL', 'GBR_HAGUE_3_5']),
      );
      expect(ids.some((id) => id.startsWith('DEU_') || id.startsWith('POL_4'))).toBe(false);
      const status = Object.fromEntries(page.targets.map((t) => [t.target.id, t.status]));
      expect(status).toMatchObject({
        NATO_VILNIUS_2023: 'met',
        NATO_HAGUE_5PCT_2035: 'not_comparable', // core plus related: the figures measure the core
        GBR_2_6_INTEL: 'not_comparable', // includes intelligence, outside NATO's definition
        NATO_WALES_EQUIP_20PCT: 'not_comparable',
      });
      const vilnius = page.targets.find((t) => t.target.id === 'NATO_VILNIUS_2023');
      expect(vilnius).toMatchObject({ gapPp: '-0.3', met: true, requiredGrowth: null });
      const nextParliament = page.targets.find((t) => t.target.id === 'GBR_3_NEXT_PARLIAMENT');
      expect(nextParliament).toMatchObject({
        gapPp: '0.7',
        deadlinePassed: null,
        requiredGrowth: null,
        target: { deadline: 'next parliament (c.2029-2034)', deadlineYear: null },
      });
    });

    it('answers 404 for an unknown nation and 400 for a malformed one or a wild assumption', async () => {
      await expectError('/spending/nations/XXX', 404);
      await expectError('/spending/nations/gbr', 400, 'params.code');
      await expectError('/spending/nations/GBR?gdpGrowth=25', 400, 'query.gdpGrowth');
      await expectError('/spending/nations/GBR?gdpGrowth=fast', 400, 'query.gdpGrowth');
      await expectError('/spending/nations/GBR?colour=red', 400);
    });
  });

  describe('figures and releases', () => {
    it('shows the current figure by default and the revision history on request', async () => {
      const current = spendingFigurePageSchema.parse(
        (await get('/spending/figures?nation=GBR&year=2024')).json(),
      );
      expect(current.items.map((f) => [f.pctGdp, f.release.date, f.current])).toEqual([
        ['2.33', '2025-04', true],
      ]);
      const history = spendingFigurePageSchema.parse(
        (await get('/spending/figures?nation=GBR&year=2024&history=true')).json(),
      );
      expect(
        history.items.map((f) => [f.pctGdp, f.usdMillion, f.estimate, f.release.date, f.current]),
      ).toEqual([
        ['2.33', null, true, '2025-04', true],
        ['2.33', '82000', true, '2024-06', false],
      ]);
      expect(history.items[1]?.source.confidence).toBe('uncertain');
      const usa2025 = spendingFigurePageSchema.parse(
        (await get('/spending/figures?nation=USA&year=2025&history=true')).json(),
      );
      expect(usa2025.items.map((f) => [f.release.name, f.pctGdp, f.usdMillion, f.current])).toEqual(
        [
          ['2026-03 (NATO Secretary General Annual Report 2025)', '3.2', null, true],
          [
            '2025-08 (Defence Expenditure of NATO Countries 2014-2025; data cut-off 2025-06-03)',
            '3.22',
            null,
            false,
          ],
          ['2025-08', null, '845000', false],
        ],
      );
    });

    it('lists one release as published, pages, and counts every figure once', async () => {
      const release = '2025-04 (NATO Secretary General Annual Report 2024)';
      const page = spendingFigurePageSchema.parse(
        (await get(`/spending/figures?release=${encodeURIComponent(release)}&limit=10`)).json(),
      );
      expect(page.total).toBe(31);
      expect(page.items).toHaveLength(10);
      expect(page.items.every((f) => f.release.name === release && f.year === 2024)).toBe(true);
      const all = spendingFigurePageSchema.parse(
        (await get('/spending/figures?history=true&limit=500')).json(),
      );
      expect(all.total).toBe(referenceFigures.length);
      const releases = spendingReleaseListSchema.parse((await get('/spending/releases')).json());
      expect(releases.reduce((sum, r) => sum + r.figures, 0)).toBe(referenceFigures.length);
      expect(releases[0]).toMatchObject({ date: '2026-03', firstYear: 2024, lastYear: 2025 });
    });

    it('refuses bad filters with the field named, and 404 for an unknown nation or release', async () => {
      await expectError('/spending/figures?year=1800', 400, 'query.year');
      await expectError('/spending/figures?history=maybe', 400, 'query.history');
      await expectError('/spending/figures?nation=XXX', 404);
      await expectError('/spending/figures?release=2099-01%20(nothing)', 404);
    });
  });

  describe('targets', () => {
    it('lists the targets with kind, announcer, deadline, components and what supersedes what', async () => {
      const targets = spendingTargetListSchema.parse((await get('/spending/targets')).json());
      expect(targets).toHaveLength(22);
      expect(targets.map((t) => t.kind)).toEqual(
        [...targets.map((t) => t.kind)].sort(
          (a, b) =>
            ['alliance', 'call', 'national'].indexOf(a) -
            ['alliance', 'call', 'national'].indexOf(b),
        ),
      );
      const hague = targets.find((t) => t.id === 'NATO_HAGUE_5PCT_2035');
      expect(hague?.components.map((c) => [c.id, c.pctGdp])).toEqual([
        ['NATO_HAGUE_CORE_3_5', '3.5'],
        ['NATO_HAGUE_RELATED_1_5', '1.5'],
      ]);
      expect(hague).toMatchObject({
        deadlineYear: 2035,
        measure: 'core_and_related',
        comparable: false,
      });
      expect(targets.find((t) => t.id === 'US_TRUMP_5PCT_CALL')).toMatchObject({
        kind: 'call',
        nation: { code: 'USA' },
        announcedBy: 'Donald J. Trump',
        pctGdp: '5.0',
        source: { confidence: 'high' },
      });
      expect(targets.find((t) => t.id === 'GBR_LABOUR_2_5')?.supersededBy.map((t) => t.id)).toEqual(
        ['GBR_2_5_APR2027'],
      );
      const forPoland = spendingTargetListSchema.parse(
        (await get('/spending/targets?nation=POL')).json(),
      );
      expect(forPoland.some((t) => t.id === 'POL_4_8_2026')).toBe(true);
      expect(forPoland.some((t) => t.nation?.code === 'GBR' && t.kind === 'national')).toBe(false);
      const calls = spendingTargetListSchema.parse(
        (await get('/spending/targets?kind=call')).json(),
      );
      expect(calls.map((t) => t.id).sort()).toEqual([
        'POL_DUDA_3PCT_PROPOSAL',
        'US_TRUMP_5PCT_CALL',
      ]);
    });

    it('shows one target, 404 for an unknown one and 400 for a malformed id', async () => {
      const core = spendingTargetSchema.parse(
        (await get('/spending/targets/NATO_HAGUE_CORE_3_5')).json(),
      );
      expect(core).toMatchObject({ partOf: { id: 'NATO_HAGUE_5PCT_2035' }, comparable: true });
      await expectError('/spending/targets/NO_SUCH_TARGET', 404);
      await expectError('/spending/targets/not-an-id', 400, 'params.id');
      await expectError('/spending/targets?kind=wish', 400, 'query.kind');
    });
  });

  describe('the league', () => {
    it('lists every ally in the reference data for 2024, ranked, with its change since 2014', async () => {
      const league = spendingLeagueSchema.parse((await get('/spending/league?year=2024')).json());
      const allies2024 = new Set(
        referenceFigures.filter((r) => r.year === '2024').map((r) => r.nation_iso3),
      );
      expect(allies2024.size).toBe(31);
      const withFigure = league.rows.filter((r) => r.figure !== null).map((r) => r.nation.code);
      expect(new Set(withFigure)).toEqual(allies2024);
      // Iceland is an ally with no armed forces and no figure: listed, last, unranked.
      expect(league.rows.at(-1)).toMatchObject({
        nation: { code: 'ISL' },
        figure: null,
        rank: null,
      });
      expect(league.target.id).toBe('NATO_VILNIUS_2023');
      expect(league.rows[0]).toMatchObject({
        rank: 1,
        nation: { code: 'POL' },
        figure: { pctGdp: '4.07', release: { date: '2025-04' }, estimate: true },
        changeSinceBasePp: '2.19', // 4.07 − 1.88
        gapPp: '-2.07',
        met: true,
      });
      const shares = league.rows.flatMap((r) => (r.figure ? [Number(r.figure.pctGdp)] : []));
      expect(shares).toEqual([...shares].sort((a, b) => b - a));
      // Albania and Bulgaria both at 2.04: one rank, and the next one skips.
      const ranks = Object.fromEntries(league.rows.map((r) => [r.nation.code, r.rank]));
      expect([ranks.ALB, ranks.BGR, ranks.FRA]).toEqual([18, 18, 20]);
      expect(league.summary).toMatchObject({
        nations: 32,
        withFigure: 31,
        meeting: 22, // POL … SVK at 2.0, counted by hand from the 2025-04 release
        notMeeting: 9,
        meetingInBaseYear: 3, // GBR 2.14, GRC, USA in 2014
        // The 31 changes since 2014 add up to 25.33 points: a mean of 0.81709… → 0.817; only the US fell.
        changeSinceBase: { nations: 31, meanPp: '0.817', rose: 30, fell: 1 },
      });
      const counts = Object.fromEntries(league.targets.map((t) => [t.target.id, t.meeting]));
      expect(counts).toMatchObject({
        NATO_VILNIUS_2023: 22,
        NATO_HAGUE_CORE_3_5: 1,
        US_TRUMP_5PCT_CALL: 0,
      });
    });

    it("adds up the allies' gaps exactly, naming those it cannot price", async () => {
      const league = spendingLeagueSchema.parse(
        (await get('/spending/league?year=2024&target=NATO_HAGUE_CORE_3_5')).json(),
      );
      const short = league.rows.filter((r) => r.met === false);
      expect(short).toHaveLength(30);
      const thousandths = (amount: string) => Math.round(Number(amount) * 1000);
      const eur = short.flatMap((r) =>
        r.gapMoney?.eur ? [thousandths(r.gapMoney.eur.amount)] : [],
      );
      expect(thousandths(league.summary.totalGap.eur.amount)).toBe(eur.reduce((a, b) => a + b, 0));
      expect(league.summary.totalGap.eur.nations).toBe(eur.length);
      expect(league.summary.totalGap.eur.missing).toEqual(
        short.filter((r) => r.gapMoney === null).map((r) => r.nation.code),
      );
    });

    it('sorts as asked, nations without a figure always last', async () => {
      const byName = spendingLeagueSchema.parse(
        (await get('/spending/league?year=2024&sort=nation')).json(),
      );
      const withFigure = byName.rows.filter((r) => r.figure !== null).map((r) => r.nation.name);
      expect(withFigure).toEqual([...withFigure].sort((a, b) => a.localeCompare(b)));
      const byGap = spendingLeagueSchema.parse(
        (await get('/spending/league?year=2024&sort=gap&order=desc')).json(),
      );
      expect(byGap.rows[0]?.nation.code).toBe('ESP'); // 1.24 %: furthest from 2 %
      expect(byGap.rows.at(-1)?.nation.code).toBe('ISL');
      const byChange = spendingLeagueSchema.parse(
        (await get('/spending/league?year=2024&sort=change')).json(),
      );
      expect(byChange.rows[0]?.nation.code).toBe('LVA'); // 3.39 − 0.94
    });

    it('refuses a target it cannot hold the figures against, and a bad sort', async () => {
      await expectError('/spending/league?target=NATO_HAGUE_5PCT_2035', 400, 'query.target');
      await expectError('/spending/league?target=DEU_DEBT_BRAKE_1PCT', 400, 'query.target');
      await expectError('/spending/league?target=NOPE', 404);
      await expectError('/spending/league?sort=size', 400, 'query.sort');
    });
  });

  describe('projection', () => {
    it('projects the share with its band under a given scenario, and says when it reaches the target', async () => {
      const response = await get(
        '/spending/projection?nation=GBR&target=NATO_HAGUE_CORE_3_5&gdpGrowth=1.5&spendingGrowth=6&band=1',
      );
      expect(response.statusCode, response.body).toBe(200);
      const projection = spendingProjectionSchema.parse(response.json());
      expect(projection.assumptions).toMatchObject({
        gdpGrowthPct: 1.5,
        spendingGrowthPct: 6,
        spendingGrowthBasis: 'given',
        bandPp: 1,
      });
      // 2.3 × (1 + s)^t / 1.015^t with s = 5 %, 6 %, 7 %: 2.379, 2.402, 2.425 in 2026. The high line
      // passes 3.5 in 2033 (3.508), the central one in 2035 (3.549), the low one not by 2035 (3.228).
      expect(projection.points[0]).toEqual({ year: 2025, low: 2.3, central: 2.3, high: 2.3 });
      expect(projection.points[1]).toEqual({ year: 2026, low: 2.379, central: 2.402, high: 2.425 });
      expect(projection.points.at(-1)).toEqual({
        year: 2035,
        low: 3.228,
        central: 3.549,
        high: 3.899,
      });
      expect(projection.points.at(-1)?.year).toBe(2035);
      expect(projection.reachesTarget).toEqual({ earliest: 2033, central: 2035, latest: null });
      expect(projection.requiredGrowth).toEqual({
        years: 10,
        sharePctPerYear: 4.29,
        spendingPctPerYear: 5.85,
      });
    });

    it("defaults to the nation's own trend since 2014", async () => {
      const projection = spendingProjectionSchema.parse(
        (await get('/spending/projection?nation=GBR')).json(),
      );
      // (2.3 / 2.14)^(1/11) × 1.015 − 1 = 2.1675 % → 2.17.
      expect(projection.assumptions).toMatchObject({
        spendingGrowthPct: 2.17,
        spendingGrowthBasis: 'trend',
        trendFrom: { year: 2014, pctGdp: '2.14' },
      });
      expect(projection.points.map((p) => p.year)).toEqual([
        2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035,
      ]);
      expect(projection.target).toBeNull();
    });

    it('refuses assumptions out of range with the field named', async () => {
      await expectError('/spending/projection?nation=GBR&gdpGrowth=-11', 400, 'query.gdpGrowth');
      await expectError(
        '/spending/projection?nation=GBR&spendingGrowth=101',
        400,
        'query.spendingGrowth',
      );
      await expectError('/spending/projection?nation=GBR&band=-1', 400, 'query.band');
      await expectError('/spending/projection?nation=GBR&to=2020', 400, 'query.to');
      await expectError('/spending/projection?nation=GBR&to=2090', 400, 'query.to');
      await expectError('/spending/projection', 400, 'query.nation');
      await expectError(
        '/spending/projection?nation=GBR&target=GBR_2_6_INTEL',
        400,
        'query.target',
      );
      await expectError('/spending/projection?nation=XXX', 404);
      await expectError('/spending/projection?nation=UKR', 404); // no figure
    });
  });

  it('documents every spending route and its scenario parameters in the OpenAPI description', async () => {
    const response = await ctx().app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const spec = response.json<{
      paths: Record<string, { get?: { parameters?: { name: string; in: string }[] } }>;
    }>();
    for (const path of [
      '/api/v1/spending/figures',
      '/api/v1/spending/releases',
      '/api/v1/spending/targets',
      '/api/v1/spending/targets/{id}',
      '/api/v1/spending/nations/{code}',
      '/api/v1/spending/league',
      '/api/v1/spending/projection',
      '/api/v1/groups/{slug}/burden-sharing',
    ])
      expect(spec.paths[path]?.get, path).toBeDefined();
    const names = (path: string) =>
      (spec.paths[path]?.get?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
    expect(names('/api/v1/spending/projection')).toEqual(
      expect.arrayContaining(['nation', 'target', 'gdpGrowth', 'spendingGrowth', 'band', 'to']),
    );
    expect(names('/api/v1/spending/figures')).toEqual(
      expect.arrayContaining(['nation', 'year', 'release', 'history']),
    );
  });

  describe('burden sharing', () => {
    let gbr: Principal;

    beforeAll(async () => {
      gbr = await addPrincipal(ctx(), 'spending.gbr', 'GBR', ['coordinator']);
      const pledge = async (body: object) => {
        const response = await ctx().app.inject({
          method: 'POST',
          url: '/api/v1/groups/udcg/pledges',
          headers: bearer(gbr.token),
          payload: body,
        });
        expect(response.statusCode, response.body).toBe(201);
        return response.json<{ id: string }>().id;
      };
      const delivered = await pledge({
        capabilityArea: 'air-defence',
        item: 'Air defence missiles',
        quantity: 10,
        unit: 'missiles',
        kind: 'donation',
        value: { amount: '1000000000.00', currency: 'EUR' },
        announcedOn: '2024-06-13',
        marking: { classification: 'PUBLIC' },
      });
      const delivery = await ctx().app.inject({
        method: 'POST',
        url: `/api/v1/pledges/${delivered}/deliveries`,
        headers: bearer(gbr.token),
        payload: { quantity: 10, deliveredOn: '2024-07-02' },
      });
      expect(delivery.statusCode, delivery.body).toBe(201);
      await pledge({
        capabilityArea: 'drones-ew',
        item: 'Electronic warfare kits',
        kind: 'funding',
        value: { amount: '500000000.00', currency: 'EUR' },
        announcedOn: '2024-09-06',
        marking: { classification: 'GROUP' },
      });
    });

    it("puts each member's support beside its defence spending, as % of GDP, over what the viewer may read", async () => {
      // GDP 2647.56154520574 EUR bn: 1 bn EUR is 100 / 2647.56154520574 = 0.03777 % → 0.038;
      // 1.5 bn (with the GROUP-marked pledge) is 0.05666 % → 0.057.
      const anonymous = burdenSharingSchema.parse(
        (await get('/groups/udcg/burden-sharing')).json(),
      );
      expect(anonymous.currency).toBe('EUR');
      expect(anonymous.rows[0]).toMatchObject({
        nation: { code: 'GBR' },
        pledged: '1000000000.00',
        delivered: '1000000000.00',
        pledgedPctGdp: '0.038',
        deliveredPctGdp: '0.038',
        gdp: { amount: '2647.56154520574', currency: 'EUR' },
        defence: { year: 2025, pctGdp: '2.3', estimate: true, release: { date: '2026-03' } },
      });
      expect(anonymous.total).toEqual({ pledged: '1000000000.00', delivered: '1000000000.00' });
      const member = burdenSharingSchema.parse(
        (await get('/groups/udcg/burden-sharing', gbr)).json(),
      );
      expect(member.rows[0]).toMatchObject({
        nation: { code: 'GBR' },
        pledged: '1500000000.00',
        delivered: '1000000000.00',
        pledgedPctGdp: '0.057',
        deliveredPctGdp: '0.038',
      });
      // Members with nothing in the ledger are there too, with their own defence spending.
      expect(member.rows.find((r) => r.nation.code === 'POL')).toMatchObject({
        pledged: '0.00',
        pledgedPctGdp: '0.000',
        defence: { year: 2025, pctGdp: '4.48' },
      });
      expect(member.rows.some((r) => r.nation.code === 'UKR')).toBe(false); // the recipient
    });

    it('takes the defence figures of the year asked, and refuses a bad year or group', async () => {
      const in2024 = burdenSharingSchema.parse(
        (await get('/groups/udcg/burden-sharing?year=2024')).json(),
      );
      expect(in2024.year).toBe(2024);
      expect(in2024.rows.find((r) => r.nation.code === 'GBR')?.defence).toMatchObject({
        year: 2024,
        pctGdp: '2.33',
      });
      await expectError('/groups/udcg/burden-sharing?year=20x4', 400, 'query.year');
      await expectError('/groups/nope/burden-sharing', 404);
    });
  });
});
