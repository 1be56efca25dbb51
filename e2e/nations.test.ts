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

describe('nations', () => {
  it('finds Germany by name and shows its UDCG membership', async () => {
    const page = await h.newPage();
    await page.goto('/');
    await page.getByRole('navigation').getByRole('link', { name: 'Nations' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nations' }).waitFor();
    const rows = page.getByRole('row');
    // Fifty to a page, with the header row.
    await page.getByRole('button', { name: 'Page 2' }).waitFor();
    const before = await rows.count();
    expect(before).toBe(51);
    await screenshot(page, 'nations');
    await expectAccessible(page, 'nations');

    await page.getByRole('searchbox', { name: 'Search' }).fill('Germany');
    await page.waitForURL(/q=Germany/);
    await page.getByTestId('nations-total').getByText('1 nation or organisation').waitFor();
    expect(await rows.count()).toBeLessThan(before);
    await page
      .getByRole('row', { name: /Germany/ })
      .getByText('NATO', { exact: true })
      .waitFor();

    await page.getByRole('link', { name: 'Germany' }).click();
    await page.getByRole('heading', { level: 1, name: 'Germany' }).waitFor();
    await page.getByText('NATO member', { exact: true }).waitFor();
    await page.getByText('EU member', { exact: true }).waitFor();
    const memberships = page.getByTestId('memberships');
    const udcg = memberships.getByRole('row', { name: /UDCG/ });
    await udcg.getByText('Member', { exact: true }).waitFor();
    await udcg.getByText('26 April 2022').waitFor();
    await udcg.getByText(/confidence/i).waitFor();
    await screenshot(page, 'nation-deu');
    await expectAccessible(page, 'nation-deu');
  });

  it('searches by code and narrows to the group’s participants', async () => {
    const page = await h.newPage();
    await page.goto('/nations?q=USA');
    await page.getByRole('link', { name: 'United States' }).waitFor();
    await page.goto('/nations?group=udcg');
    await page
      .getByTestId('nations-total')
      .getByText(/^\d+ nations and organisations$/)
      .waitFor();
    expect(await page.getByRole('checkbox', { name: 'Taking part in UDCG' }).isChecked()).toBe(
      true,
    );
    const total = await page.getByTestId('nations-total').innerText();
    expect(Number.parseInt(total, 10)).toBeGreaterThanOrEqual(50);
  });

  it('answers an unknown code with a not-found message', async () => {
    const page = await h.newPage();
    await page.goto('/nations/XYZ');
    await page.getByRole('heading', { level: 1, name: 'Nation not found' }).waitFor();
  });
});
