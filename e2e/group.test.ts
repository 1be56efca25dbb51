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

describe('group page', () => {
  it('shows the UK chairing with Germany as co-chair, and the US term in the timeline', async () => {
    const page = await h.newPage();
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Ukraine Defence Contact Group' }).waitFor();

    await expect(page.getByTestId('current-chair').innerText()).resolves.toContain(
      'United Kingdom (GBR)',
    );
    await expect(page.getByTestId('current-co-chair').innerText()).resolves.toContain(
      'Germany (DEU)',
    );
    const chair = page.getByRole('region', { name: 'Chair', exact: true });
    await chair.getByText('United States', { exact: true }).waitFor();
    await chair.getByText('From 26 April 2022 until 12 February 2025').waitFor();
    await chair.getByRole('link', { name: 'Meeting 26' }).waitFor();
    // Every term carries its source.
    const termSources = chair.getByRole('listitem').or(chair.locator('.mantine-Timeline-item'));
    const terms = await termSources.count();
    expect(terms).toBeGreaterThanOrEqual(3);
    expect(await chair.getByText(/confidence|Uncertain/).count()).toBeGreaterThanOrEqual(terms);
    await expect(page.title()).resolves.toBe('Ukraine Defence Contact Group · Ramstein');
    await page.getByText('Ukraine (UKR)').waitFor();
    await page
      .getByText('EUR', { exact: true })
      .or(page.getByText('USD', { exact: true }))
      .waitFor();

    await screenshot(page, 'group');
    await expectAccessible(page, 'group');
  });

  it('says no meeting is scheduled once the last planned date has passed', async () => {
    const page = await h.newPage();
    await page.clock.setFixedTime(new Date('2026-03-01T09:00:00Z'));
    await page.goto('/groups/udcg');
    const next = page.getByRole('region', { name: 'Next meeting' });
    await next.getByText('No meeting is scheduled from today on.').waitFor();
    const cards = next.getByTestId('meeting-card');
    await cards.first().getByRole('link', { name: 'UDCG-32' }).waitFor();
    await cards.first().getByText('Date passed, not confirmed held').waitFor();
    await cards.nth(1).getByRole('link', { name: 'UDCG-31' }).waitFor();
    await expectAccessible(page, 'group-no-meeting');
  });

  it('shows the next planned meeting while it is still ahead', async () => {
    const page = await h.newPage();
    await page.clock.setFixedTime(new Date('2025-11-20T09:00:00Z'));
    await page.goto('/');
    const next = page.getByRole('region', { name: 'Next meeting' });
    const card = next.getByTestId('meeting-card');
    await card.getByRole('link', { name: 'UDCG-32' }).waitFor();
    await card.getByText(/Wednesday,? 3 December 2025/).waitFor();
    expect(await next.getByText('No meeting is scheduled').count()).toBe(0);
    expect(await next.getByTestId('date-passed').count()).toBe(0);
    await screenshot(page, 'group-next-meeting');
  });

  it('offers a skip link as the first stop of the keyboard, leading to the main content', async () => {
    const page = await h.newPage();
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    await expect(focused.innerText()).resolves.toBe('Skip to main content');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
  });

  it('works on a phone: the navigation folds behind a menu button', async () => {
    const page = await h.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    const meetings = page.getByRole('navigation').getByRole('link', { name: 'Meetings' });
    expect(await meetings.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Show or hide navigation' }).click();
    await meetings.click();
    await page.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor();
    await screenshot(page, 'meetings-phone');
    await expectAccessible(page, 'meetings-phone');
  });

  it('answers an unknown group with a not-found page', async () => {
    const page = await h.newPage();
    await page.goto('/groups/nope');
    await page.getByRole('heading', { level: 1, name: 'Group not found' }).waitFor();
  });
});
