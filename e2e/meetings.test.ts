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

describe('meetings', () => {
  it('reaches the list from the navigation, filters by status in the URL, and pages', async () => {
    const page = await h.newPage();
    await page.goto('/');
    await page.getByRole('navigation').getByRole('link', { name: 'Meetings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor();
    const total = page.getByTestId('meetings-total');
    await total.getByText('33 meetings').waitFor();
    // 33 meetings at 20 a page: two pages, newest first.
    await page.getByRole('button', { name: 'Page 2' }).waitFor();
    await screenshot(page, 'meetings');
    await expectAccessible(page, 'meetings');

    // The filters navigate (a transition), so click and wait for the result rather than check().
    await page.getByRole('checkbox', { name: 'Cancelled' }).click();
    await total.getByText('1 meeting').waitFor();
    expect(new URL(page.url()).searchParams.get('status')).toBe('cancelled');
    await page.getByRole('cell', { name: '2024-10-12' }).waitFor();

    await page.getByRole('checkbox', { name: 'Held' }).click();
    await total.getByText('32 meetings').waitFor();
    expect(new URL(page.url()).searchParams.get('status')).toBe('cancelled,held');

    // The filters survive a reload: they live in the address.
    await page.reload();
    await total.getByText('32 meetings').waitFor();
    expect(await page.getByRole('checkbox', { name: 'Held' }).isChecked()).toBe(true);

    await page.getByLabel('From').fill('2025-01-01');
    await total.getByText('7 meetings').waitFor();
    expect(new URL(page.url()).searchParams.get('from')).toBe('2025-01-01');

    await page.getByLabel('Sort by').selectOption('number');
    // Row 0 is the header; the earliest number from 2025 on is UDCG-25 (9 January 2025).
    await page.getByRole('row').nth(1).getByRole('link', { name: 'UDCG-25' }).waitFor();
    expect(new URL(page.url()).searchParams.get('sort')).toBe('number');
    await page.getByRole('link', { name: 'UDCG-26' }).click();
    await page.getByRole('heading', { level: 1, name: 'UDCG-26' }).waitFor();
  });

  it('shows meeting 26 in Brussels with its date, zone, chair and source', async () => {
    const page = await h.newPage();
    await page.goto('/meetings/26');
    await page.getByRole('heading', { level: 1, name: 'UDCG-26' }).waitFor();
    const main = page.getByRole('main');
    await main.getByText('NATO Headquarters, Brussels').waitFor();
    await main
      .getByText(/12 February 2025/)
      .first()
      .waitFor();
    await main.getByText('Europe/Brussels').waitFor();
    await main.getByText('The time was not announced').waitFor();
    await main.getByRole('link', { name: 'United Kingdom (GBR)' }).waitFor();
    await main.getByText('John Healey', { exact: true }).waitFor();
    await main.getByText('Held', { exact: true }).waitFor();
    const source = main.getByRole('link', { name: /UK to host 26th Ramstein meeting/ });
    await expect(source.getAttribute('href')).resolves.toBe(
      'https://www.pravda.com.ua/eng/news/2025/02/6/7497012/',
    );
    await main.getByText('High confidence').waitFor();
    await expect(page.title()).resolves.toBe('Meeting UDCG-26 · Ramstein');
    await screenshot(page, 'meeting-26');
    await expectAccessible(page, 'meeting-26');
  });

  it('shows a meeting with a known start in its own zone and in the viewer’s', async () => {
    const page = await h.newPage({ timezoneId: 'America/New_York' });
    // The reference data announces no start times, so give meeting 31 the 15:00 of its programme.
    await page.route('**/api/v1/groups/udcg/meetings/31', async (route) => {
      const response = await route.fetch();
      const meeting = (await response.json()) as Record<string, unknown>;
      await route.fulfill({
        response,
        json: { ...meeting, startTime: '15:00', startsAt: '2025-10-15T13:00:00.000Z' },
      });
    });
    await page.goto('/meetings/31');
    await page.getByRole('heading', { level: 1, name: 'UDCG-31' }).waitFor();
    const main = page.getByRole('main');
    await main.getByText('Local time (Europe/Brussels)').waitFor();
    await main.getByText('Your time (America/New_York)').waitFor();
    // 15:00 in Brussels (CEST) is 09:00 in New York (EDT) on 15 October 2025.
    await main.getByText(/15 October 2025 at 15:00/).waitFor();
    await main.getByText(/15 October 2025 at 09:00/).waitFor();
    await main.getByText('Medium confidence').waitFor();
    await screenshot(page, 'meeting-31');
    await expectAccessible(page, 'meeting-31');
  });

  it('lists the events linked to a meeting with their relation', async () => {
    const page = await h.newPage();
    await page.goto('/meetings/26');
    const events = page.getByRole('region', { name: 'Linked events' });
    await events.getByRole('link', { name: 'Munich Security Conference 2025' }).waitFor();
    expect(await events.getByRole('row').count()).toBeGreaterThan(1);
  });

  it('answers an unknown meeting number with a not-found message', async () => {
    const page = await h.newPage();
    await page.goto('/meetings/999');
    await page.getByRole('heading', { level: 1, name: 'Meeting not found' }).waitFor();
    await page.getByText('There is no meeting number 999').waitFor();
    await page.getByRole('link', { name: 'All meetings' }).waitFor();
    await screenshot(page, 'meeting-not-found');
    await expectAccessible(page, 'meeting-not-found');

    await page.goto('/meetings/abc');
    await page.getByRole('heading', { level: 1, name: 'Meeting not found' }).waitFor();
  });
});
