import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, type Harness, screenshot, startHarness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});
afterEach(() => {
  expect(h.pageErrors).toEqual([]);
});

describe('events', () => {
  it('lists the Munich Security Conference 2025 with its place, linked meeting and source', async () => {
    const page = await h.newPage();
    await page.goto('/');
    await page.getByRole('navigation').getByRole('link', { name: 'Events' }).click();
    await page.getByRole('heading', { level: 1, name: 'Events' }).waitFor();
    const msc = page.getByRole('row', { name: /Munich Security Conference 2025/ });
    await msc.getByText(/14\s?–\s?16 Feb 2025/).waitFor();
    await msc.getByText('Munich, Germany').waitFor();
    await msc.getByText('Conference', { exact: true }).waitFor();
    await msc.getByRole('link', { name: 'Meeting 26' }).waitFor();
    await msc.getByRole('link', { name: /dw\.com/ }).waitFor();
    await screenshot(page, 'events');
    await expectAccessible(page, 'events');

    await msc.getByRole('link', { name: 'Munich Security Conference 2025' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Munich Security Conference 2025' })
      .waitFor();
    await page.getByText(/JD Vance/).waitFor();
    await screenshot(page, 'event-msc');
    await expectAccessible(page, 'event-msc');
  });

  it('filters by dates, kept in the address', async () => {
    const page = await h.newPage();
    await page.goto('/events');
    const total = page.getByTestId('events-total');
    await total.getByText(/^\d+ events$/).waitFor();
    const all = Number.parseInt(await total.innerText(), 10);
    await page.getByLabel('From').fill('2025-02-14');
    await page.getByLabel('To').fill('2025-02-16');
    await page.waitForFunction(() => location.search.includes('to=2025-02-16'));
    expect(new URL(page.url()).searchParams.get('from')).toBe('2025-02-14');
    await page.getByRole('row', { name: /Munich Security Conference 2025/ }).waitFor();
    await page.waitForFunction((expected) => {
      const text = document.querySelector('[data-testid="events-total"]')?.textContent ?? '';
      return Number.parseInt(text, 10) < expected;
    }, all);
    expect(await page.getByRole('row', { name: /Trump calls for NATO allies/ }).count()).toBe(0);
  });
});
