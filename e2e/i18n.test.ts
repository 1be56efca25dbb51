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

describe('languages', () => {
  it('switches the interface to French, keeps it after a reload, and localises dates and names', async () => {
    const page = await h.newPage();
    await page.goto('/meetings/26');
    await page.getByRole('heading', { level: 1, name: 'UDCG-26' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Meetings' }).waitFor();

    await page.getByLabel('Language').selectOption('fr');
    const navFr = page.getByRole('navigation', { name: 'Navigation principale' });
    await navFr.getByRole('link', { name: 'Réunions' }).waitFor();
    await navFr.getByRole('link', { name: 'Événements' }).waitFor();
    await navFr.getByRole('link', { name: 'Groupe' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fr');
    // Dates and nation names follow the language.
    await page
      .getByText(/mercredi 12 février 2025/)
      .first()
      .waitFor();
    await page.getByRole('link', { name: 'Royaume-Uni (GBR)' }).waitFor();
    await page.getByText('Tenue', { exact: true }).waitFor();

    await page.reload();
    await navFr.getByRole('link', { name: 'Réunions' }).waitFor();
    await screenshot(page, 'meeting-26-fr');
    await expectAccessible(page, 'meeting-26-fr');
  });

  it('starts in Ukrainian for a Ukrainian browser and never shows a raw translation key', async () => {
    const page = await h.newPage({ locale: 'uk-UA' });
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Головна навігація' });
    await nav.getByRole('link', { name: 'Засідання' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('uk');
    await page.getByRole('heading', { level: 2, name: 'Наступне засідання' }).waitFor();
    await page.getByRole('link', { name: 'Велика Британія (GBR)' }).first().waitFor();
    // Keys missing from uk.json fall back to English, never to the key itself.
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(
      /\b(app|nav|common|errors|source|group|meetings?|nations?|events?|language)\.[a-zA-Z]/,
    );
    await screenshot(page, 'group-uk');
    await expectAccessible(page, 'group-uk');
  });
});
