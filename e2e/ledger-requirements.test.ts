import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Requirement } from '../src/core/requirements/requirement.schema';
import {
  expectAccessible,
  type Harness,
  screenshot,
  signInAs,
  startHarness,
  type TestUser,
} from './harness';
import { createRequirement, expectAnnounced, poll, writerFor } from './ledger-fixtures';

let h: Harness;
let olena: TestUser;
let george: TestUser;

beforeAll(async () => {
  h = await startHarness();
  olena = await h.addUser({
    username: 'olena.ukr',
    displayName: 'Olena Shevchuk',
    nation: 'UKR',
    roles: ['recipient'],
  });
  george = await h.addUser({ username: 'george.gbr', nation: 'GBR', roles: ['coordinator'] });
});
afterAll(async () => {
  await h.close();
});
afterEach(() => {
  expect(h.pageErrors).toEqual([]);
});

const rowTexts = async (page: import('playwright-core').Page) =>
  (await page.getByTestId('requirement-row').allInnerTexts()).map((t) =>
    // The handle's grip glyph is decoration: leave it out.
    t.replace('⠿', '').replace(/\s+/g, ' ').trim(),
  );

describe('requirements, as the recipient publishes and re-orders them', () => {
  it('publishes a requirement through the form, with the errors shown at their fields', async () => {
    const page = await h.newPage();
    await signInAs(page, olena);
    await page.goto('/');
    await page.getByRole('navigation').getByRole('link', { name: 'Requirements' }).click();
    await page.getByRole('heading', { level: 1, name: 'Requirements' }).waitFor();
    await page.getByRole('link', { name: 'New requirement' }).click();
    await page.getByRole('heading', { level: 1, name: 'New requirement' }).waitFor();

    await page.getByLabel(/^Capability area/).selectOption({ label: 'Air defence' });
    await page.getByLabel(/^Item/).fill('Patriot interceptors');
    await page.getByLabel(/^Specification/).fill('PAC-3 MSE');
    await page.getByLabel(/^Quantity/).fill('12.5');
    await page.getByLabel(/^Unit/).fill('missiles');
    await page.getByRole('button', { name: 'Publish requirement' }).click();
    // The server's message lands at the field, which takes the focus.
    const quantity = page.getByLabel(/^Quantity/);
    await page.getByText('must be a whole number').waitFor();
    await poll(() => quantity.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await quantity.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'ledger-requirement-form-error');
    await expectAccessible(page, 'ledger-requirement-form-error');

    await quantity.fill('120');
    await page.getByLabel('Needed by').fill('2025-12-31');
    await page.getByRole('button', { name: 'Publish requirement' }).click();
    await page.getByRole('heading', { level: 1, name: 'Patriot interceptors' }).waitFor();
    await page.getByRole('status').getByText('Requirement published.').waitFor();
    const banners = page.getByTestId('marking-banner');
    await poll(() => banners.count()).toBe(2);
    await page.getByText('Published at priority 1').waitFor();
    await expectAccessible(page, 'ledger-requirement');
  });

  it('re-orders by keyboard, says so aloud, and keeps the move in the history', async () => {
    const writer = await writerFor(h, olena);
    await createRequirement(writer, {
      item: '155 mm shells',
      capabilityArea: 'artillery-ammunition',
      quantity: 200000,
      unit: 'rounds',
    });
    await createRequirement(writer, { item: 'Demining vehicles', capabilityArea: 'demining' });

    const page = await h.newPage();
    await signInAs(page, olena);
    await page.goto('/requirements');
    await page.getByTestId('requirements-total').getByText('3 requirements').waitFor();
    expect((await rowTexts(page)).map((r) => r.slice(0, 40))).toEqual([
      expect.stringContaining('1 Patriot interceptors') as string,
      expect.stringContaining('2 155 mm shells') as string,
      expect.stringContaining('3 Demining vehicles') as string,
    ]);

    const handle = page.getByRole('button', { name: 'Move “Demining vehicles”, priority 3' });
    await handle.focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expectAnnounced(page, 'move-status', '“Demining vehicles” moved from priority 3 to 2.');
    await page.getByRole('button', { name: 'Move “Demining vehicles”, priority 2' }).waitFor();
    // Focus stays on the handle of the moved row, so a second press moves it on.
    await poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Move “Demining vehicles”, priority 2',
    );
    await page.keyboard.press('Alt+ArrowUp');
    await expectAnnounced(page, 'move-status', '“Demining vehicles” moved from priority 2 to 1.');
    await poll(async () =>
      (await rowTexts(page)).map((r) => r.split(' ').slice(0, 3).join(' ')),
    ).toEqual(['1 Demining vehicles', '2 Patriot interceptors', '3 155 mm']);

    // "Move to" with a reason, from the dialog the handle opens.
    await page.getByRole('button', { name: 'Move “155 mm shells”, priority 3' }).press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Move “155 mm shells”' });
    await dialog.getByLabel('New priority').fill('1');
    await dialog.getByLabel('Reason (optional)').fill('Winter offensive expected');
    await screenshot(page, 'ledger-requirements-move-dialog');
    await dialog.getByRole('button', { name: 'Move' }).click();
    await expectAnnounced(page, 'move-status', '“155 mm shells” moved from priority 3 to 1.');
    await poll(async () =>
      (await rowTexts(page)).map((r) => r.split(' ').slice(0, 3).join(' ')),
    ).toEqual(['1 155 mm', '2 Demining vehicles', '3 Patriot interceptors']);
    await screenshot(page, 'ledger-requirements');
    await expectAccessible(page, 'ledger-requirements');

    await page.getByRole('link', { name: 'Demining vehicles' }).click();
    const history = page.getByTestId('priority-history');
    await history.getByText('From 3 to 2').waitFor();
    await history.getByText('From 2 to 1').waitFor();
    await history.getByText('Published at priority 3').waitFor();
    await screenshot(page, 'ledger-requirement-history');
  });

  it('re-orders by dragging a handle onto another row', async () => {
    const page = await h.newPage();
    await signInAs(page, olena);
    await page.goto('/requirements');
    await page.getByTestId('requirements-total').getByText('3 requirements').waitFor();
    await page
      .getByRole('button', { name: 'Move “Patriot interceptors”, priority 3' })
      .dragTo(page.getByTestId('requirement-row').first());
    await expectAnnounced(
      page,
      'move-status',
      '“Patriot interceptors” moved from priority 3 to 1.',
    );
    await poll(async () => (await rowTexts(page))[0]?.split(' ').slice(0, 3).join(' ')).toBe(
      '1 Patriot interceptors',
    );
  });

  it('edits a requirement, and offers the latest version when someone saved in between', async () => {
    const page = await h.newPage();
    await signInAs(page, olena);
    await page.goto('/requirements');
    await page.getByRole('link', { name: 'Demining vehicles' }).click();
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByRole('heading', { level: 1, name: 'Edit “Demining vehicles”' }).waitFor();
    await poll(() => page.getByLabel(/^Quantity/).inputValue()).toBe('10');
    const id = new URL(page.url()).pathname.split('/')[2] ?? '';

    // A colleague saves first.
    const writer = await writerFor(h, olena);
    const before = (await (
      await writer.request.get(`/api/v1/requirements/${id}`)
    ).json()) as Requirement;
    await writer.patch(`/requirements/${id}`, { version: before.version, quantity: 14 });

    await page.getByLabel(/^Quantity/).fill('12');
    await page.getByRole('button', { name: 'Save' }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'Changed meanwhile' });
    await conflict.waitFor();
    await expectAccessible(page, 'ledger-requirement-conflict');
    await conflict
      .getByRole('button', { name: 'Discard my changes and load the latest version' })
      .click();
    await poll(() => page.getByLabel(/^Quantity/).inputValue()).toBe('14');
    await page.getByLabel(/^Quantity/).fill('12');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Requirement saved.').waitFor();
    await page.getByText('12 systems').waitFor();
  });

  it('shows a coordinator the list without any way to re-order it', async () => {
    const page = await h.newPage();
    await signInAs(page, george);
    await page.goto('/requirements');
    await page.getByTestId('requirements-total').getByText('3 requirements').waitFor();
    expect(await page.getByTestId('move-handle').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'New requirement' }).count()).toBe(0);
    await page.goto('/requirements/new');
    await page.getByRole('heading', { level: 1, name: 'Not allowed' }).waitFor();
  });

  it('speaks Ukrainian to a browser set to Ukrainian', async () => {
    const page = await h.newPage({ locale: 'uk-UA' });
    await signInAs(page, olena);
    await page.goto('/requirements');
    await page.getByRole('heading', { level: 1, name: 'Потреби' }).waitFor();
    await page.getByTestId('requirements-total').getByText('3 потреби').waitFor();
    await page.getByRole('button', { name: 'Перемістити «155 mm shells», пріоритет 2' }).waitFor();
  });
});
