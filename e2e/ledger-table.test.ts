import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PledgeKind } from '../src/core/pledges/pledge.schema';
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
const PER_DONOR = 1000;
const KINDS: PledgeKind[] = ['donation', 'procurement', 'funding', 'training'];
const AREAS = ['air-defence', 'artillery-ammunition', 'armour', 'drones-ew'];

beforeAll(async () => {
  h = await startHarness();
  george = await h.addUser({ username: 'george.gbr', nation: 'GBR', roles: ['coordinator'] });
  const piotr = await h.addUser({ username: 'piotr.pol', nation: 'POL', roles: ['coordinator'] });
  // 2 000 pledges, as two delegations would record them.
  for (const [donor, user] of [
    ['GBR', george],
    ['POL', piotr],
  ] as const) {
    await seedPledges(
      h,
      user,
      Array.from({ length: PER_DONOR }, (_, i) => ({
        capabilityArea: AREAS[i % AREAS.length],
        item: `${donor} lot ${String(i + 1).padStart(4, '0')}`,
        quantity: 10 + i,
        unit: 'units',
        kind: KINDS[i % KINDS.length],
        value: { amount: `${1000 + i}.00`, currency: 'EUR' },
        announcedOn: `2024-${String((i % 12) + 1).padStart(2, '0')}-15`,
      })),
    );
  }
}, 240_000);
afterAll(async () => {
  await h.close();
});
afterEach(() => {
  expect(h.pageErrors).toEqual([]);
});

describe('the pledges ledger with many rows', () => {
  it('scrolls through 2 000 pledges, rendering only those in view', async () => {
    const page = await h.newPage();
    await signInAs(page, george);
    await page.goto('/');
    await page.getByRole('navigation').getByRole('link', { name: 'Pledges' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pledges' }).waitFor();
    await page.getByTestId('pledges-total').getByText('2,000 pledges').waitFor();
    const table = page.getByRole('table', { name: 'Pledges ledger' });
    await poll(() => table.getAttribute('aria-rowcount')).toBe('2001');
    const rows = page.getByTestId('ledger-row');
    await rows.first().getByRole('link').waitFor();
    // Only a window of rows is in the page, never all 2 000.
    expect(await rows.count()).toBeLessThan(80);
    expect(await rows.first().getAttribute('aria-rowindex')).toBe('2');
    await screenshot(page, 'ledger-pledges');
    await expectAccessible(page, 'ledger-pledges');

    // To the end: the last window is fetched and its rows carry their place in the whole.
    const scroller = page.getByTestId('ledger-scroller');
    await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    const last = page.locator('[data-testid="ledger-row"][aria-rowindex="2001"]');
    await last.getByRole('link').waitFor();
    expect(await rows.count()).toBeLessThan(80);
    // And to the middle, where a window in between is fetched.
    await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight / 2 }));
    await page
      .locator('[data-testid="ledger-row"][aria-rowindex="1001"]')
      .getByRole('link')
      .waitFor();
  });

  it('filters through the address, searches and sorts by a column', async () => {
    const page = await h.newPage();
    await signInAs(page, george);
    await page.goto('/pledges');
    await page.getByTestId('pledges-total').getByText('2,000 pledges').waitFor();

    await page.getByLabel('Donor').selectOption('POL');
    await page.getByLabel('Kind').selectOption('training');
    await page.getByTestId('pledges-total').getByText('250 pledges').waitFor();
    expect(new URL(page.url()).searchParams.get('donor')).toBe('POL');
    expect(new URL(page.url()).searchParams.get('kind')).toBe('training');
    await page.getByRole('searchbox', { name: 'Search' }).fill('lot 0004');
    await page.getByTestId('pledges-total').getByText('1 pledge').waitFor();
    await page.getByRole('link', { name: 'POL lot 0004' }).waitFor();
    await page.getByRole('searchbox', { name: 'Search' }).fill('');
    await page.getByTestId('pledges-total').getByText('250 pledges').waitFor();

    // Sorted by value, highest first: POL lot 1000 is worth the most of POL's training pledges.
    await page.getByRole('button', { name: /^Value/ }).click();
    await poll(() => page.getByTestId('ledger-row').first().getByRole('link').innerText()).toBe(
      'POL lot 1000',
    );
    await page
      .getByRole('columnheader', { name: /^Value/ })
      .and(page.locator('[aria-sort="descending"]'))
      .waitFor();
  });

  it('chooses columns, saves a view and exports what is shown', async () => {
    const page = await h.newPage();
    await signInAs(page, george);
    // Filters and order come from the address alone.
    await page.goto('/pledges?donor=POL&kind=training&sort=value&order=desc');
    await page.getByTestId('pledges-total').getByText('250 pledges').waitFor();
    await poll(() => page.getByLabel('Donor').inputValue()).toBe('POL');

    await page.getByRole('button', { name: /^Columns/ }).click();
    // The choice goes through the address, so the box ticks once the new address is read.
    await page.getByRole('checkbox', { name: 'Channel' }).click();
    await page.getByRole('columnheader', { name: 'Channel' }).waitFor();
    await page.getByRole('checkbox', { name: 'Marking' }).click();
    await poll(() => page.getByRole('columnheader', { name: 'Marking' }).count()).toBe(0);
    expect(await page.getByRole('checkbox', { name: 'Channel' }).isChecked()).toBe(true);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: /^Saved views/ }).click();
    await page.getByLabel('Save the current view as').fill('Polish training');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const apply = page.getByRole('button', { name: 'Apply the view “Polish training”' });
    await apply.waitFor();
    await page.keyboard.press('Escape');
    await apply.waitFor({ state: 'hidden' });

    const csv = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    expect(csv).toContain('/api/v1/groups/udcg/pledges/export.csv?');
    expect(csv).toContain('donor=POL');
    expect(csv).toContain('kind=training');
    const iati = await page.getByRole('link', { name: 'IATI XML' }).getAttribute('href');
    expect(iati).toContain('/pledges/iati.xml?');
    expect(iati).toContain('donor=POL');
    const table = await page.request.get(csv ?? '');
    expect(table.status()).toBe(200);
    const lines = (await table.text()).split(/\r?\n/).filter((l) => l.trim() !== '');
    expect(lines.length).toBe(251);
    // The file holds exactly what the table shows: POL's 250 training pledges.
    const exported = await page.request.get(iati ?? '');
    expect(exported.status()).toBe(200);
    expect((await exported.text()).match(/<iati-activity[\s>]/g)?.length).toBe(250);
    await screenshot(page, 'ledger-pledges-filtered');
    await expectAccessible(page, 'ledger-pledges-filtered');

    // The view comes back from this browser's storage, filters, order and columns together.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByTestId('pledges-total').getByText('2,000 pledges').waitFor();
    await page.getByRole('button', { name: /^Saved views/ }).click();
    await page.getByRole('button', { name: 'Apply the view “Polish training”' }).click();
    await page.getByTestId('pledges-total').getByText('250 pledges').waitFor();
    await page.getByRole('columnheader', { name: 'Channel' }).waitFor();
    expect(new URL(page.url()).searchParams.get('sort')).toBe('value');
  });
});
