import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  type Harness,
  screenshot,
  signInAs,
  startHarness,
  type TestUser,
} from './harness';

let h: Harness;
let gbr: TestUser;
let ukr: TestUser;
let pol: TestUser;
const TITLE = 'Air defence interceptor delivery schedule';
let documentUrl = '';

beforeAll(async () => {
  h = await startHarness();
  gbr = await h.addUser({
    username: 'george.gbr',
    displayName: 'George Hale',
    nation: 'GBR',
    roles: ['coordinator'],
  });
  ukr = await h.addUser({
    username: 'olena.ukr',
    displayName: 'Olena Shevchuk',
    nation: 'UKR',
    roles: ['recipient'],
  });
  pol = await h.addUser({
    username: 'piotr.pol',
    displayName: 'Piotr Zielinski',
    nation: 'POL',
    roles: ['coordinator'],
  });
});
afterAll(async () => {
  await h.close();
});
afterEach(() => {
  expect(h.pageErrors).toEqual([]);
});

describe('releasability, as a new user meets it', () => {
  it('lets a GBR coordinator record a RESTRICTED REL TO UKR document', async () => {
    const page = await h.newPage();
    await signInAs(page, gbr);
    await page.goto('/');
    await page.getByRole('navigation').getByRole('link', { name: 'Documents' }).click();
    await page.getByRole('heading', { level: 1, name: 'Documents' }).waitFor();
    await page.getByRole('link', { name: 'New document' }).click();
    await page.getByRole('heading', { level: 1, name: 'New document' }).waitFor();
    await page.getByLabel(/^Title/).fill(TITLE);
    await page
      .getByLabel('Text')
      .fill('Batch 3 leaves on 14 November; batch 4 follows in December.');
    await page.getByRole('radio', { name: 'Restricted' }).check();
    const relTo = page.getByRole('textbox', { name: 'Releasable to (REL TO)' });
    await page.getByText('The originating nation (United Kingdom) is always included').waitFor();
    await relTo.click();
    await relTo.fill('Ukr');
    await page.getByRole('option', { name: 'Ukraine (UKR)' }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('marking-preview').getByText('RESTRICTED REL TO GBR, UKR').waitFor();
    await screenshot(page, 'document-new');
    await expectAccessible(page, 'document-new');
    await page.getByRole('button', { name: 'Record document' }).click();

    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    documentUrl = new URL(page.url()).pathname;
    const banners = page.getByTestId('marking-banner');
    await expect.poll(() => banners.count()).toBe(2);
    await banners.first().getByText('RESTRICTED REL TO GBR, UKR').waitFor();
    await page.getByRole('button', { name: 'Delete' }).waitFor();
  });

  it('shows the document to a UKR recipient with its banner, top and bottom', async () => {
    const page = await h.newPage();
    await signInAs(page, ukr);
    await page.goto('/documents');
    const row = page.getByRole('row').filter({ hasText: TITLE });
    await row.getByTestId('marking-badge').getByText('RESTRICTED REL TO GBR, UKR').waitFor();
    await page.getByTestId('document-stats').getByText('Restricted: 1').waitFor();
    await screenshot(page, 'documents-ukr');
    await expectAccessible(page, 'documents-ukr');

    await row.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const top = page.getByRole('note', { name: 'Marking, top of the document' });
    await top.getByText('RESTRICTED REL TO GBR, UKR').waitFor();
    // Screen readers hear the nations by name.
    await top.getByText('Releasable to United Kingdom and Ukraine.').waitFor();
    await page
      .getByRole('note', { name: 'Marking, end of the document' })
      .getByText('RESTRICTED REL TO GBR, UKR')
      .waitFor();
    // A recipient of another nation may read it, not change it.
    expect(await page.getByRole('link', { name: 'Edit' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Delete' }).count()).toBe(0);
    await screenshot(page, 'document-ukr');
    await expectAccessible(page, 'document-ukr');
  });

  it('hides it from a POL coordinator, in the list and at its address', async () => {
    const page = await h.newPage();
    await signInAs(page, pol);
    await page.goto('/documents');
    await page.getByTestId('documents-total').waitFor();
    expect(await page.getByText(TITLE).count()).toBe(0);
    await page.goto(documentUrl);
    await page.getByRole('heading', { level: 1, name: 'Document not found' }).waitFor();
    await page.getByText('There is no such document, or it is not released to you.').waitFor();
    expect(await page.getByText(TITLE).count()).toBe(0);
    await screenshot(page, 'document-not-found-pol');
    await expectAccessible(page, 'document-not-found-pol');
  });

  it('warns the GBR coordinator when narrowing a GROUP document', async () => {
    const page = await h.newPage();
    await signInAs(page, gbr);
    await page.goto('/documents/new');
    await page.getByLabel(/^Title/).fill('Training slots for winter');
    await page.getByRole('radio', { name: 'Group' }).check();
    await page.getByRole('button', { name: 'Record document' }).click();
    await page.getByRole('heading', { level: 1, name: 'Training slots for winter' }).waitFor();
    await page.getByTestId('marking-banner').first().getByText('GROUP', { exact: true }).waitFor();

    await page.getByRole('link', { name: 'Edit' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Edit “Training slots for winter”' })
      .waitFor();
    await page.getByRole('radio', { name: 'Restricted' }).check();
    await page.getByRole('button', { name: 'Save' }).click();

    await page.getByRole('heading', { level: 1, name: 'Training slots for winter' }).waitFor();
    const warning = page.getByRole('alert').filter({ hasText: 'Please note' });
    await warning.getByText(/copies already seen or exported .* cannot be recalled/).waitFor();
    await page.getByTestId('marking-banner').first().getByText('RESTRICTED REL TO GBR').waitFor();
    await screenshot(page, 'document-narrowed');
    await expectAccessible(page, 'document-narrowed');

    // Deleting asks first, then the document is gone from the list.
    await page.getByRole('button', { name: 'Delete' }).click();
    await page
      .getByRole('dialog', { name: 'Delete this document?' })
      .getByRole('button', { name: 'Delete document' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Documents' }).waitFor();
    await page.getByRole('link', { name: TITLE }).waitFor();
    expect(await page.getByText('Training slots for winter').count()).toBe(0);
  });
});
