import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isoNations } from './nation-list';
import { planPublishedAid, publishedAidFiles } from './published-aid-plan';
import { planReferenceData } from './reference-plan';

const nations = new Set(isoNations().map((n) => n.code));

/** A copy of the reference folder with one file's text changed by `edit`. */
function referenceCopyWith(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ramstein-kiel-'));
  cpSync('data/reference', dir, { recursive: true });
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  const edited = edit(text);
  if (edited === text) throw new Error(`the edit changed nothing in ${file}`);
  writeFileSync(path, edited);
  return dir;
}

describe('planPublishedAid on the shipped files', () => {
  const plan = planPublishedAid('data/reference', nations);

  it('plans every row without a problem', () => {
    expect(plan.problems).toEqual([]);
    expect(plan.figures).toHaveLength(25);
    expect(plan.monthly).toHaveLength(1079);
  });

  it('keeps amounts as the exact text published, never as floats', () => {
    const australia = plan.monthly.find(
      (m) => m.donorNation === 'AUS' && m.year === 2022 && m.month === 2,
    );
    expect(australia).toMatchObject({
      totalBn: '0.002645',
      militaryBn: '0.002645',
      gdpBn: '1312.77115526256',
      release: 'Kiel UST release 29 (2026-08-04)',
    });
    expect(plan.figures.find((f) => f.donorName === 'All donors')?.amountBn).toBe('130.0');
    const uk = plan.monthly.find(
      (m) => m.donorNation === 'GBR' && m.year === 2025 && m.month === 1,
    );
    expect(uk?.toBeAllocatedBn).toBe('-0.088192');
  });

  it("files the tracker's EU under XEU, and the source of the release on every monthly row", () => {
    const eu = plan.monthly.filter((m) => m.donorNation === 'XEU');
    expect(eu).toHaveLength(47);
    expect(plan.monthly.some((m) => m.donorNation === 'EU')).toBe(false);
    for (const row of plan.monthly) {
      expect(row).toMatchObject({
        source_url: 'https://github.com/UkraineSupportTrackerWebsite/ukraine-support-tracker',
        confidence: 'high',
      });
      expect(row.source_title).toContain('release 29 (2026-08-04)');
      expect(row.source_title).toContain('data/data_explorer.csv');
    }
    expect(new Set(plan.monthly.map((m) => m.donorNation)).size).toBe(42);
  });

  it('gives totals over several donors no nation, and keeps them', () => {
    const totals = plan.figures.filter((f) => f.donorNation === null);
    expect(totals.map((f) => [f.donorName, f.amountBn, f.releaseDate])).toEqual([
      ['Europe (all European donors incl. EU)', '42.0', '2024-04-25'],
      ['All donors', '130.0', '2025-02-14'],
      ['Europe (all European donors incl. EU)', '64.0', '2025-03'],
      ['Europe (incl. UK)', '80.5', '2025-08-12'],
      ['Europe', '4.24', '2025-12-10'],
      ['All donors', '32.5', '2025-12-10'],
    ]);
    expect(plan.figures.filter((f) => f.donorNation === 'GBR').map((f) => f.amountBn)).toEqual([
      '6.6',
      '5.1',
      '0.36',
      '4.5',
    ]);
    // Notes left empty in the file are null, never ''.
    expect(plan.figures.find((f) => f.donorName === 'Europe (incl. UK)')?.notes).toBeNull();
  });

  it('is part of the whole reference plan', () => {
    const planned = planReferenceData('data/reference');
    expect('plan' in planned && planned.plan.publishedAidMonthly).toHaveLength(1079);
    expect('plan' in planned && planned.plan.publishedAidFigures).toHaveLength(25);
  });
});

describe('planPublishedAid on bad rows', () => {
  it('names file, line and field of every bad figure', () => {
    const dir = referenceCopyWith(publishedAidFiles.figures, (text) =>
      text
        .replace(
          'USA,United States,military,commitment,43.2,EUR',
          'USX,United States,military,commitment,43.2,EUR',
        )
        .replace(
          'GBR,United Kingdom,military,commitment,6.6,EUR',
          'GBR,United Kingdom,military,pledge,6,6,EUR',
        )
        .replace(
          'DEU,Germany,military,commitment,3.6,EUR',
          'DEU,Germany,military,commitment,3.6e0,EUR',
        )
        .replace(',0.69,EUR,2025-01-01,2025-02-28,', ',0.69,EUR,2025-03-01,2025-02-28,')
        .replace(
          ',0.61,EUR,2025-01-01,2025-02-28,2025-03,',
          ',0.61,EUR,2025-01-01,2025-02-28,2025-02-30,',
        ),
    );
    const { problems } = planPublishedAid(dir, nations);
    expect(problems).toEqual(
      expect.arrayContaining([
        {
          path: 'kiel_military_aid.csv:2',
          message: 'donor_iso3: USX is not an ISO 3166-1 alpha-3 code',
        },
        { path: 'kiel_military_aid.csv:3', message: 'has 14 cells where the header has 13' },
        {
          path: 'kiel_military_aid.csv:4',
          message: 'amount_bn: must be a decimal number such as 12.5',
        },
        {
          path: 'kiel_military_aid.csv:14',
          message: 'data_cutoff: must not be before data_period_start',
        },
        { path: 'kiel_military_aid.csv:15', message: 'release_date: is not a calendar date' },
      ]),
    );
    expect(problems).toHaveLength(5);
  });

  it('names file, line and field of every bad donor-month, and a month listed twice', () => {
    const dir = referenceCopyWith(publishedAidFiles.monthly, (text) =>
      text
        .replace('"Australia","AUS",2022,3,0.142911', '"Australia","AUS",2022,13,0.142911')
        .replace('"Australia","AUS",2022,4,0.069697', '"Australia","AUX",2022,4,0.069697')
        .replace('"Australia","AUS",2022,5,0.040613', '"Australia","AUS",2022,5,"0,040613"')
        .replace(
          '"United Kingdom","GBR",2025,2,0.267241',
          '"United Kingdom","GBR",2025,1,0.267241',
        ),
    );
    const { problems } = planPublishedAid(dir, nations);
    expect(problems).toEqual([
      {
        path: 'kiel_ust_r29_monthly_by_donor.csv:3',
        message: 'month: Too big: expected number to be <=12',
      },
      {
        path: 'kiel_ust_r29_monthly_by_donor.csv:5',
        message: 'total: must be a decimal number such as 12.5',
      },
      {
        path: 'kiel_ust_r29_monthly_by_donor.csv:4',
        message: 'iso: AUX is not an ISO 3166-1 alpha-3 code',
      },
      { path: 'kiel_ust_r29_monthly_by_donor.csv:1033', message: 'iso: GBR has 2025-01 twice' },
    ]);
  });

  it('names a missing column, and the whole reference plan refuses to load', () => {
    const dir = referenceCopyWith(publishedAidFiles.monthly, (text) =>
      text.replace('"to_be_allocated","gdp"', '"to_be_allocated","gdp_eur"'),
    );
    const planned = planReferenceData(dir);
    expect('problems' in planned && planned.problems).toEqual([
      { path: 'kiel_ust_r29_monthly_by_donor.csv:1', message: 'missing column(s): gdp' },
    ]);
  });
});
