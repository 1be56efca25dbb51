import { describe, expect, it } from 'vitest';
import {
  compareDecimal,
  currentFigures,
  decimal,
  decimalText,
  divideDecimal,
  firstYearReaching,
  fixedText,
  futureYearProblem,
  gapAmount,
  gapPoints,
  meets,
  percentProblem,
  projectShare,
  releaseDateOf,
  requiredGrowth,
  roundDecimal,
  trendSpendingGrowth,
} from './spending';

describe('exact decimals', () => {
  it('subtracts and compares shares without floating-point error', () => {
    // 2.5 − 2.3 is 0.19999999999999973 in floating point; here it is 0.2.
    expect(decimalText(gapPoints('2.5', '2.3'))).toBe('0.2');
    expect(decimalText(gapPoints('2', '2.33'))).toBe('-0.33');
    expect(compareDecimal(decimal('2.0'), decimal('2'))).toBe(0);
    expect(meets('2.0', '2')).toBe(true);
    expect(meets('1.99', '2')).toBe(false);
  });

  it('rounds half to even and divides exactly', () => {
    expect(decimalText(roundDecimal(decimal('5.2955'), 3))).toBe('5.296');
    expect(decimalText(roundDecimal(decimal('5.2965'), 3))).toBe('5.296');
    expect(fixedText(decimal('5.3'), 3)).toBe('5.300');
    expect(fixedText(divideDecimal(decimal('1'), decimal('3'), 4), 4)).toBe('0.3333');
    expect(fixedText(divideDecimal(decimal('2'), decimal('3'), 4), 4)).toBe('0.6667');
  });

  it('prices a gap as GDP × points / 100, rounded to the million', () => {
    // Hand calculation: 2647.56154520574 × 0.2 / 100 = 5.29512309041148 → 5.295 (billions).
    expect(fixedText(gapAmount('2647.56154520574', gapPoints('2.5', '2.3')), 3)).toBe('5.295');
    // 2647.56154520574 × 1.2 / 100 = 31.77073854246888 → 31.771.
    expect(fixedText(gapAmount('2647.56154520574', gapPoints('3.5', '2.3')), 3)).toBe('31.771');
  });
});

describe('rules for figures', () => {
  it('accepts shares from 0 to 100 and names anything else', () => {
    expect(percentProblem('2.33')).toBeNull();
    expect(percentProblem('0')).toBeNull();
    expect(percentProblem('100')).toBeNull();
    expect(percentProblem('100.01')).toMatch(/over 100/);
    expect(percentProblem('-0.5')).toMatch(/negative/);
    expect(percentProblem('2,33')).toMatch(/not a decimal/);
  });

  it('refuses a future year marked as final, not as an estimate', () => {
    expect(futureYearProblem(2027, false, '2026-11-26')).toMatch(/2027 is in the future/);
    expect(futureYearProblem(2027, true, '2026-11-26')).toBeNull();
    expect(futureYearProblem(2026, false, '2026-11-26')).toBeNull();
  });

  it("reads the publication date from a release's name", () => {
    expect(releaseDateOf('2025-04 (NATO Secretary General Annual Report 2024)')).toBe('2025-04');
    expect(releaseDateOf('UK MOD bulletin 2024-04-11 citing NATO')).toBe('2024-04-11');
    expect(
      releaseDateOf(
        '2025-08 (Defence Expenditure of NATO Countries 2014-2025; data cut-off 2025-06-03)',
      ),
    ).toBe('2025-08');
    expect(releaseDateOf('NATO annual report')).toBeNull();
    expect(releaseDateOf('2025-13')).toBeNull();
    expect(releaseDateOf('2025-02-30 bulletin')).toBeNull();
  });
});

describe('the current figure of a nation and year', () => {
  const row = (release: string, pct: string | null, year = 2024) => ({
    nation_code: 'GBR',
    year,
    release,
    release_date: releaseDateOf(release) ?? '',
    pct_gdp: pct,
  });

  it('is the latest release, whichever order the rows come in', () => {
    const rows = [row('2025-04 (annual report)', '2.33'), row('2024-06 (estimates)', '2.30')];
    expect(currentFigures(rows).get('GBR|2024')?.release).toBe('2025-04 (annual report)');
    expect(currentFigures([...rows].reverse()).get('GBR|2024')?.release).toBe(
      '2025-04 (annual report)',
    );
  });

  it('prefers the latest release that states a share over a later one that gives only USD', () => {
    const rows = [row('2021-06 (estimates)', '1.53', 2021), row('2022-03 (report)', null, 2021)];
    expect(currentFigures(rows).get('GBR|2021')?.pct_gdp).toBe('1.53');
    expect(
      currentFigures([row('2022-03 (report)', null, 2021)]).get('GBR|2021')?.pct_gdp,
    ).toBeNull();
  });

  it('orders releases of the same month by name', () => {
    const rows = [row('2025-08', '2.0', 2025), row('2025-08 (Defence Expenditure)', '2.4', 2025)];
    expect(currentFigures(rows).get('GBR|2025')?.pct_gdp).toBe('2.4');
  });
});

describe('growth needed to meet a target by its deadline', () => {
  it('matches the hand calculation for the UK: 2.3 % in 2025 to 2.5 % by 2027, GDP +1.5 %', () => {
    // share factor = (2.5 / 2.3)^(1/2) = 1.0425720703; spending = 1.0425720703 × 1.015 = 1.0582106513.
    expect(
      requiredGrowth({
        fromYear: 2025,
        fromPct: '2.3',
        targetPct: '2.5',
        deadlineYear: 2027,
        gdpGrowthPct: 1.5,
      }),
    ).toEqual({ years: 2, sharePctPerYear: 4.26, spendingPctPerYear: 5.82 });
  });

  it('matches the hand calculation for the Hague 3.5 % by 2035 from 2.3 % in 2025', () => {
    // (3.5 / 2.3)^(1/10) = 1.0428792365; × 1.015 = 1.0585224250; with GDP +3 %: × 1.03 = 1.0741656136.
    expect(
      requiredGrowth({
        fromYear: 2025,
        fromPct: '2.3',
        targetPct: '3.5',
        deadlineYear: 2035,
        gdpGrowthPct: 1.5,
      }),
    ).toEqual({ years: 10, sharePctPerYear: 4.29, spendingPctPerYear: 5.85 });
    expect(
      requiredGrowth({
        fromYear: 2025,
        fromPct: '2.3',
        targetPct: '3.5',
        deadlineYear: 2035,
        gdpGrowthPct: 3,
      })?.spendingPctPerYear,
    ).toBe(7.42);
  });

  it('says a nation above the target may let its share fall, and gives nothing once the deadline is reached', () => {
    // (2 / 2.5)^(1/5) = 0.9563525 → the share may fall 4.36 % a year; with GDP flat, so may spending.
    expect(
      requiredGrowth({
        fromYear: 2025,
        fromPct: '2.5',
        targetPct: '2',
        deadlineYear: 2030,
        gdpGrowthPct: 0,
      }),
    ).toEqual({ years: 5, sharePctPerYear: -4.36, spendingPctPerYear: -4.36 });
    expect(
      requiredGrowth({
        fromYear: 2025,
        fromPct: '2.3',
        targetPct: '2.5',
        deadlineYear: 2025,
        gdpGrowthPct: 1.5,
      }),
    ).toBeNull();
  });
});

describe('projection with a band', () => {
  it('grows the share by (1 + s) / (1 + g) a year on each line', () => {
    const points = projectShare({
      fromYear: 2025,
      fromPct: '2.3',
      toYear: 2028,
      gdpGrowthPct: 1.5,
      spendingGrowthPct: 3,
      bandPp: 1,
    });
    // Hand calculation: 2.3 × (1.03 / 1.015)^t = 2.3, 2.33399, 2.36848, 2.40348; low at 2 %, high at 4 %.
    expect(points).toEqual([
      { year: 2025, low: 2.3, central: 2.3, high: 2.3 },
      { year: 2026, low: 2.311, central: 2.334, high: 2.357 },
      { year: 2027, low: 2.323, central: 2.368, high: 2.415 },
      { year: 2028, low: 2.334, central: 2.403, high: 2.474 },
    ]);
    expect(firstYearReaching(points, '2.4', 'high')).toBe(2027);
    expect(firstYearReaching(points, '2.4', 'central')).toBe(2028);
    expect(firstYearReaching(points, '2.4', 'low')).toBeNull();
    expect(firstYearReaching(points, '2.3', 'low')).toBe(2025);
  });

  it("takes a nation's trend: the share's own compound change, with GDP growth on top", () => {
    // (2.3 / 2.14)^(1/11) = 1.0065764; × 1.015 = 1.0216750 → 2.1675 % a year.
    expect(
      trendSpendingGrowth({ year: 2014, pct: '2.14' }, { year: 2025, pct: '2.3' }, 1.5),
    ).toBeCloseTo(2.1675, 4);
    // One figure only: spending keeps pace with GDP, the share stays flat.
    expect(trendSpendingGrowth(null, { year: 2025, pct: '2.3' }, 1.5)).toBeCloseTo(1.5, 10);
  });
});
