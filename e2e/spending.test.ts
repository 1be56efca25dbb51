import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SpendingLeague } from '../src/core/spending/spending.schema';
import {
  expectAccessible,
  type Harness,
  screenshot,
  signInAs,
  startHarness,
  type TestUser,
} from './harness';
import { poll, seedPledges } from './ledger-fixtures';

let h: Harness;
let george: TestUser;

beforeAll(async () => {
  h = await startHarness();
  george = await h.addUser({ username: 'george.gbr', nation: 'GBR', roles: ['coordinator'] });
  // Two British pledges in the ledger: markers on the UK's chart, support in burden sharing.
  await seedPledges(h, george, [
    {
      capabilityArea: 'air-defence',
      item: 'Starstreak launchers',
      quantity: 20,
      unit: 'launchers',
      value: { amount: '250000000.00', currency: 'EUR' },
      announcedOn: '2024-03-14',
    },
    {
      capabilityArea: 'artillery-ammunition',
      item: '155 mm shells',
      quantity: 100000,
      unit: 'rounds',
      value: { amount: '500000000.00', currency: 'EUR' },
      announcedOn: '2025-02-12',
    },
  ]);
});
afterAll(async () => {
  await h.close();
});
afterEach(() => {
  expect(h.pageErrors).toEqual([]);
});

const leagueCodes = (page: Page) =>
  page
    .getByTestId('league-row')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-nation')));

async function apiLeague(page: Page, query: string): Promise<SpendingLeague> {
  const response = await page.request.get(`/api/v1/spending/league?${query}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as SpendingLeague;
}

describe('the league table', () => {
  it('lists every ally for 2024 with each figure’s source and estimate flag, and sorts', async () => {
    const allies = (
      await h.db.selectFrom('nations').select('code').where('nato_member', '=', 1).execute()
    ).map((n) => n.code);
    expect(allies.length).toBeGreaterThanOrEqual(32);

    const page = await h.newPage();
    await page.goto('/');
    await page.getByRole('navigation').getByRole('link', { name: 'Defence spending' }).click();
    await page.getByRole('heading', { level: 1, name: 'Defence spending' }).waitFor();
    await page.getByLabel('Year').selectOption('2024');
    await poll(() => page.url()).toContain('year=2024');
    // The table keeps the latest year's rows on screen until 2024's arrive: wait for its caption.
    await page
      .getByTestId('league-table')
      .getByText(/in 2024, against/)
      .waitFor({ state: 'attached' });
    await poll(async () => (await leagueCodes(page)).length).toBe(allies.length);
    expect([...(await leagueCodes(page))].sort()).toEqual([...allies].sort());

    // Ranked by share by default: Poland first at 4.07 % (an estimate of the 2025 report).
    const poland = page.locator('[data-testid="league-row"][data-nation="POL"]');
    expect(await leagueCodes(page).then((codes) => codes[0])).toBe('POL');
    expect(await poland.innerText()).toContain('4.07%');
    expect(await poland.innerText()).toContain(
      '2025-04 (NATO Secretary General Annual Report 2024)',
    );
    expect(await poland.getByRole('link', { name: /knews\.media/ }).count()).toBe(1);
    expect(await poland.locator('abbr[title="estimate"]').count()).toBeGreaterThan(0);
    // The hover says where the figure comes from.
    await poland.getByTestId('figure-value').hover();
    await page
      .getByRole('tooltip')
      .getByText(/NATO publishes a report for 2024/)
      .waitFor();

    // Sorting by share ascending puts Spain first and Iceland, with no figure, last.
    const share = page.getByRole('columnheader', { name: /% of GDP/ });
    await share.getByRole('button').click();
    await poll(() => share.getAttribute('aria-sort')).toBe('descending');
    await share.getByRole('button').click();
    await poll(() => share.getAttribute('aria-sort')).toBe('ascending');
    const ascending = await leagueCodes(page);
    expect(ascending[0]).toBe('ESP');
    expect(ascending.at(-1)).toBe('ISL');

    // By name, A to Z: Albania first.
    await page.getByRole('columnheader', { name: 'Nation' }).getByRole('button').click();
    await poll(async () => (await leagueCodes(page))[0]).toBe('ALB');

    // By change since 2014, largest first: the API's own figures decide who that is.
    const league = await apiLeague(page, 'year=2024');
    const biggest = [...league.rows]
      .filter((r) => r.changeSinceBasePp !== null)
      .sort((a, b) => Number(b.changeSinceBasePp) - Number(a.changeSinceBasePp))[0];
    await page
      .getByRole('columnheader', { name: /Change since 2014/ })
      .getByRole('button')
      .click();
    await poll(async () => (await leagueCodes(page))[0]).toBe(biggest?.nation.code);

    // The summary: how many meet the 2 % floor, and the group's gap.
    const summary = page.getByTestId('league-summary');
    expect(await summary.innerText()).toContain(
      `${league.summary.meeting} of ${league.summary.withFigure} allies`,
    );
    // How many meet each target: the Hague 3.5 % core, as the API counts it.
    const hague = league.targets.find((c) => c.target.id === 'NATO_HAGUE_CORE_3_5');
    const hagueRow = page.getByTestId('target-counts').getByRole('row', { name: /core defence/ });
    expect((await hagueRow.innerText()).split('\t').slice(1)).toEqual([
      '3.5%',
      String(hague?.meeting),
      String(hague?.notMeeting),
      String(hague?.noFigure),
    ]);
    await screenshot(page, 'spending-league');
    await expectAccessible(page, 'spending-league');
  });

  it('filters by target and by who meets it', async () => {
    const page = await h.newPage();
    await page.goto('/spending?year=2024');
    await page.getByTestId('league-table').waitFor();
    await page.getByLabel('Target', { exact: true }).selectOption('NATO_HAGUE_CORE_3_5');
    await poll(() => page.url()).toContain('target=NATO_HAGUE_CORE_3_5');
    const league = await apiLeague(page, 'year=2024&target=NATO_HAGUE_CORE_3_5');
    const meeting = league.rows.filter((r) => r.met === true).map((r) => r.nation.code);
    expect(meeting).toEqual(['POL']);
    await poll(async () => page.getByTestId('summary-meeting').innerText()).toContain(
      `1 of ${league.summary.withFigure} allies`,
    );

    await page.getByLabel('Show', { exact: true }).selectOption('met');
    await poll(() => leagueCodes(page)).toEqual(meeting);
    await page.getByLabel('Show', { exact: true }).selectOption('notMet');
    await poll(async () => (await leagueCodes(page)).length).toBe(league.summary.notMeeting);
    expect(await leagueCodes(page)).not.toContain('POL');
    await expectAccessible(page, 'spending-league-filtered');
  });
});

describe('a nation’s spending', () => {
  it('draws the UK’s series with its targets and pledges, with the same as tables', async () => {
    const page = await h.newPage();
    await signInAs(page, george);
    await page.goto('/nations/GBR');
    await page.getByRole('link', { name: 'Defence spending against targets' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Defence spending: United Kingdom' })
      .waitFor();

    const chart = page.getByRole('img', { name: /Line chart of United Kingdom/ });
    await chart.locator('svg').waitFor();
    // The 2.5 % by April 2027 is drawn (the legend names it) and so are the pledges.
    await chart.getByText('Own pledge 2.5% (2027)').waitFor();
    await chart.getByText('Pledges to the recipient').waitFor();

    // Let the lines finish drawing (300 ms) before the picture is taken.
    await page.waitForTimeout(800);
    await screenshot(page, 'spending-nation-chart');
    await page.getByRole('button', { name: 'Show as table' }).click();
    const series = page.getByTestId('series-table');
    const row2024 = series.getByRole('row', { name: /^2024/ });
    expect(await row2024.innerText()).toContain('2.33%');
    expect(await row2024.innerText()).toContain('estimate');
    expect(await row2024.innerText()).toContain(
      '2025-04 (NATO Secretary General Annual Report 2024)',
    );
    expect(await row2024.getByRole('link').count()).toBe(1);
    const row2014 = series.getByRole('row', { name: /^2014/ });
    expect(await row2014.innerText()).toContain('final');

    const lines = page.getByTestId('target-lines-table');
    const aprilTarget = lines.getByRole('row', { name: /from April 2027/ });
    expect(await aprilTarget.innerText()).toContain('2.5%');
    expect(await aprilTarget.innerText()).toContain('2027');
    expect(await lines.getByRole('row', { name: /Vilnius/ }).innerText()).toContain('2.0%');

    const pledges = page.getByTestId('pledge-markers-table');
    expect(await pledges.innerText()).toContain('Starstreak launchers');
    expect(await pledges.innerText()).toContain('€500,000,000.00');

    // Every target that applies, the gap against the 2.5 %: 0.2 points, +5.82 % a year.
    const april = page.locator(
      '[data-testid="target-analysis-row"][data-target="GBR_2_5_APR2027"]',
    );
    expect(await april.innerText()).toContain('+0.2 pp');
    expect(await april.innerText()).toContain('+5.82% a year');
    const wider = page.locator('[data-testid="target-analysis-row"][data-target="GBR_2_6_INTEL"]');
    expect(await wider.innerText()).toContain('Not comparable');

    // The revision history, on request: NATO's 2.12 % for 2022 and the MOD's later 2.29 %.
    await page.getByRole('button', { name: 'Show revision history' }).click();
    const history = page.getByTestId('revision-history');
    await history.waitFor();
    const rows2022 = history.getByRole('row', { name: /^2022/ });
    await poll(() => rows2022.count()).toBeGreaterThanOrEqual(2);
    const texts = await rows2022.allInnerTexts();
    expect(texts.some((t) => t.includes('2.12%'))).toBe(true);
    expect(texts.some((t) => t.includes('2.29%'))).toBe(true);
    expect(await rows2022.filter({ hasText: '2.29%' }).getAttribute('data-current')).toBe('true');
    expect(await rows2022.filter({ hasText: '2.12%' }).getAttribute('data-current')).toBe('false');
    await screenshot(page, 'spending-nation');
    await expectAccessible(page, 'spending-nation');
  });
});

describe('a target', () => {
  it('shows who meets the Hague 3.5 % core, who does not, and the total gap', async () => {
    const page = await h.newPage();
    await page.goto('/spending?year=2024');
    await page
      .getByTestId('target-counts')
      .getByRole('link', { name: /3.5% of GDP/ })
      .click();
    await page.getByRole('heading', { level: 1, name: /At least 3.5% of GDP/ }).waitFor();
    const league = await apiLeague(page, 'target=NATO_HAGUE_CORE_3_5');
    const meeting = league.rows.filter((r) => r.met === true).length;
    const short = league.rows.filter((r) => r.met === false).length;
    await page
      .getByTestId('target-count')
      .getByText(`${meeting} meet it, ${short} short of it, of ${league.rows.length} nations`)
      .waitFor();
    const eur = Number(league.summary.totalGap.eur.amount);
    expect(eur).toBeGreaterThan(0);
    const expected = new Intl.NumberFormat('en-GB', {
      style: 'currency',
      currency: 'EUR',
      notation: 'compact',
      maximumFractionDigits: 3,
    }).format(eur * 1e9);
    expect(await page.getByTestId('summary-gap-eur').innerText()).toContain(expected);
    expect(await page.getByTestId('target-short').getByTestId('league-row').count()).toBe(short);
    expect(await page.getByTestId('target-meeting').getByTestId('league-row').count()).toBe(
      meeting,
    );
    await screenshot(page, 'spending-target');
    await expectAccessible(page, 'spending-target');
  });

  it('says why a target on another measure has no gap', async () => {
    const page = await h.newPage();
    await page.goto('/spending/targets/NATO_HAGUE_RELATED_1_5');
    await page.getByText("Not held against NATO's figures").waitFor();
    expect(await page.getByTestId('target-count').count()).toBe(0);
  });
});

describe('the projection', () => {
  it('follows the assumptions, and shows the API’s refusal at the field', async () => {
    const page = await h.newPage();
    await page.goto('/spending/nations/GBR');
    await page
      .locator('[data-testid="target-analysis-row"][data-target="GBR_2_5_APR2027"]')
      .getByRole('link', { name: 'Project' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Spending projection' }).waitFor();
    const headline = page.getByTestId('projection-headline');
    await headline.getByText(/^United Kingdom in 2027:/).waitFor();
    const before = await headline.innerText();
    // On its trend since 2014 the UK does not reach 2.5 % by 2027.
    expect(await page.getByTestId('projection-reaches').innerText()).toContain(
      'not within the horizon on the central line',
    );
    await page
      .getByRole('img', { name: /projected defence spending/ })
      .locator('svg')
      .waitFor();

    await page.getByLabel(/^Spending growth/).fill('7');
    await page.getByRole('button', { name: 'Update projection' }).click();
    await poll(() => page.url()).toContain('spendingGrowth=7');
    await poll(() => headline.innerText()).not.toBe(before);
    await poll(() => page.getByTestId('projection-reaches').innerText()).toContain(
      '2027 on the central line',
    );
    await page.waitForTimeout(800);
    await screenshot(page, 'spending-projection');
    await page.getByRole('button', { name: 'Show as table' }).click();
    expect(await page.getByTestId('projection-table').innerText()).toContain('2027');
    await expectAccessible(page, 'spending-projection');

    // GDP growth of 99 % a year is refused by the API, and the message lands at the field.
    const gdp = page.getByLabel(/^GDP growth/);
    await gdp.fill('99');
    await page.getByRole('button', { name: 'Update projection' }).click();
    await page.getByText('Too big: expected number to be <=20').waitFor();
    expect(await gdp.getAttribute('aria-invalid')).toBe('true');
    await poll(() => gdp.evaluate((el) => el === document.activeElement)).toBe(true);
    await screenshot(page, 'spending-projection-error');
    await expectAccessible(page, 'spending-projection-error');

    await gdp.fill('3');
    await page.getByRole('button', { name: 'Update projection' }).click();
    await headline.waitFor();
    expect(await gdp.getAttribute('aria-invalid')).not.toBe('true');
  });
});

describe('burden sharing', () => {
  it('puts the support pledged beside defence spending, both as % of GDP', async () => {
    const page = await h.newPage();
    await signInAs(page, george);
    await page.goto('/spending');
    await page.getByRole('link', { name: 'Burden sharing' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Burden sharing' }).waitFor();
    await page.getByTestId('burden-total').getByText('Pledged in all: €750,000,000.00').waitFor();
    const uk = page.locator('[data-testid="burden-row"][data-nation="GBR"]');
    const response = await page.request.get('/api/v1/groups/udcg/burden-sharing');
    const body = (await response.json()) as {
      rows: { nation: { code: string }; pledgedPctGdp: string | null }[];
    };
    const pledged = body.rows.find((r) => r.nation.code === 'GBR')?.pledgedPctGdp;
    expect(Number(pledged)).toBeGreaterThan(0);
    expect(await uk.innerText()).toContain(`${pledged}%`);
    expect(await uk.innerText()).toContain('2.3%');
    await page
      .getByRole('img', { name: /Bar chart of support/ })
      .locator('svg')
      .waitFor();
    await screenshot(page, 'spending-burden-sharing');
    await expectAccessible(page, 'spending-burden-sharing');
  });
});
