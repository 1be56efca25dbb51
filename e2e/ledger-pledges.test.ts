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
import { createPledge, createRequirement, poll, writerFor } from './ledger-fixtures';

let h: Harness;
let olena: TestUser;
let george: TestUser;
let shells: Requirement;
let pledgeUrl = '';

beforeAll(async () => {
  h = await startHarness();
  olena = await h.addUser({ username: 'olena.ukr', nation: 'UKR', roles: ['recipient'] });
  george = await h.addUser({
    username: 'george.gbr',
    displayName: 'George Hale',
    nation: 'GBR',
    roles: ['coordinator'],
  });
  const recipient = await writerFor(h, olena);
  shells = await createRequirement(recipient, {
    item: '155 mm shells',
    specification: '155 mm NATO',
    capabilityArea: 'artillery-ammunition',
    quantity: 100000,
    unit: 'rounds',
  });
});
afterAll(async () => {
  await h.close();
});
afterEach(() => {
  expect(h.pageErrors).toEqual([]);
});

describe('pledges, from announcement to a confirmed delivery', () => {
  it('lets a coordinator record a pledge against a requirement, fixing a bad amount first', async () => {
    const page = await h.newPage();
    await signInAs(page, george);
    await page.goto('/requirements');
    await page.getByRole('link', { name: '155 mm shells' }).click();
    await page.getByRole('heading', { level: 1, name: '155 mm shells' }).waitFor();
    await page.getByRole('link', { name: 'Record a pledge for it' }).click();
    await page.getByRole('heading', { level: 1, name: 'Record a pledge' }).waitFor();

    await poll(() => page.getByRole('textbox', { name: 'Requirement met' }).inputValue()).toContain(
      '155 mm shells',
    );
    await page.getByText('Donor: United Kingdom (GBR)').waitFor();
    // The requirement's words and unit are filled in.
    await poll(() => page.getByLabel('Specification').inputValue()).toBe('155 mm NATO');
    await poll(() => page.getByLabel('Unit').inputValue()).toBe('rounds');
    await page.getByRole('radio', { name: 'Through a fund' }).check();
    await page.getByLabel(/^Fund/).fill('International Fund for Ukraine');
    await page.getByLabel('Quantity').fill('20 000');
    await page.getByRole('textbox', { name: 'Value' }).fill('1250000.555');
    await page.getByRole('button', { name: 'Record pledge' }).click();

    const value = page.getByRole('textbox', { name: 'Value' });
    await page.getByText('EUR allows at most 2 decimal places').waitFor();
    await poll(() => value.evaluate((el) => el === document.activeElement)).toBe(true);
    await screenshot(page, 'ledger-pledge-form-error');
    await expectAccessible(page, 'ledger-pledge-form-error');

    await value.fill('1250000.50');
    await page.getByRole('button', { name: 'Record pledge' }).click();
    await page.getByRole('heading', { level: 1, name: '155 mm shells' }).waitFor();
    await page.getByRole('status').getByText('Pledge recorded.').waitFor();
    pledgeUrl = new URL(page.url()).pathname;
    const banners = page.getByTestId('marking-banner');
    await poll(() => banners.count()).toBe(2);
    await page.getByText('Through the fund International Fund for Ukraine').waitFor();
    await page.getByText('€1,250,000.50').first().waitFor();
    await page.getByTestId('status-history').getByText('Recorded as Announced').waitFor();

    await page.getByRole('button', { name: 'Mark committed' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change the status to Committed' });
    await dialog.getByLabel(/^Effective on/).waitFor();
    await dialog.getByRole('button', { name: 'Mark committed' }).click();
    await page.getByTestId('status-history').getByText('From Announced to Committed').waitFor();
    expect(await page.getByRole('button', { name: 'Mark committed' }).count()).toBe(0);
    await screenshot(page, 'ledger-pledge');
    await expectAccessible(page, 'ledger-pledge');
  });

  it('shows the pledge in the coverage, and drills down from an area to its gaps', async () => {
    const page = await h.newPage();
    await signInAs(page, george);
    await page.goto('/');
    await page.getByRole('navigation').getByRole('link', { name: 'Coverage' }).click();
    await page.getByRole('heading', { level: 1, name: 'Coverage and gaps' }).waitFor();
    await page.getByTestId('coverage-headline').getByText('€1,250,000.50').waitFor();
    // Charts are drawn; each switches to a table of the same figures.
    await page.getByRole('img', { name: /Bar chart of the share of need/ }).waitFor();
    const figure = page.getByRole('figure', {
      name: 'Quantities against requirements, by area and unit',
    });
    await figure.getByRole('button', { name: 'Show as table' }).click();
    const row = figure.getByRole('row', { name: /Artillery and ammunition/ });
    await row.getByRole('cell', { name: '100,000' }).waitFor();
    await row.getByRole('cell', { name: '20,000', exact: true }).waitFor();
    await row.getByRole('cell', { name: '80,000' }).waitFor();
    await screenshot(page, 'ledger-coverage');
    await expectAccessible(page, 'ledger-coverage');

    // The ledger search finds requirements and pledges by their words.
    await page.getByRole('searchbox', { name: 'Search the ledger' }).fill('155 mm');
    const results = page.getByRole('search', { name: 'Search the ledger' });
    await poll(() => results.getByRole('link', { name: /155 mm shells/ }).count()).toBe(2);

    // Drill-down from the chart: the widest "pledged" bar is artillery's, the only area with value.
    const valueChart = page.getByRole('figure', { name: 'Value by capability area (EUR)' });
    const bars = valueChart.locator('svg path[fill="#1864ab"]');
    await poll(() => bars.count()).toBeGreaterThan(1);
    const widths = await bars.evaluateAll((paths) =>
      paths.map((p) => (p as SVGGraphicsElement).getBBox().width),
    );
    await bars.nth(widths.indexOf(Math.max(...widths))).click({ force: true });
    await page
      .getByRole('heading', { level: 1, name: 'Requirements and gaps: Artillery and ammunition' })
      .waitFor();
    expect(new URL(page.url()).searchParams.get('area')).toBe('artillery-ammunition');
    await page.goBack();

    await figure.getByRole('button', { name: 'Show as table' }).click();
    await row.getByRole('link', { name: 'Artillery and ammunition' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Requirements and gaps: Artillery and ammunition' })
      .waitFor();
    const gap = page.getByTestId('coverage-row').filter({ hasText: '155 mm shells' });
    await gap.getByText('20% pledged, 0% delivered').waitFor();
    await expectAccessible(page, 'ledger-gaps');
  });

  it('lists the capability coalitions with their leads, and shows one of them', async () => {
    const page = await h.newPage();
    await signInAs(page, george);
    await page.goto('/coverage');
    await page.getByRole('link', { name: 'Capability coalitions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Capability coalitions' }).waitFor();
    const coalitions = page.getByTestId('coalitions-table');
    await coalitions
      .getByRole('row', { name: /Artillery and ammunition/ })
      .first()
      .waitFor();
    await expectAccessible(page, 'ledger-coalitions');
    await coalitions.getByRole('link').first().click();
    await page.getByRole('heading', { level: 2, name: 'Lead nations' }).waitFor();
    await screenshot(page, 'ledger-coalition');
    await expectAccessible(page, 'ledger-coalition');
  });

  it('records a delivery, which the recipient then confirms', async () => {
    const page = await h.newPage();
    await signInAs(page, george);
    await page.goto(pledgeUrl);
    const form = page.getByRole('form', { name: 'Record a delivery' });
    await form.getByLabel(/^Quantity/).fill('0');
    await form.getByRole('button', { name: 'Record delivery' }).click();
    await form.getByText('must be more than 0').waitFor();
    await form.getByLabel(/^Quantity/).fill('5000');
    await form.getByLabel(/^Place/).fill('Rzeszów hub');
    await form.getByRole('button', { name: 'Record delivery' }).click();
    await form.getByText('Delivery recorded.').waitFor();
    const delivery = page.getByTestId('delivery-row');
    await delivery.getByText('Not yet confirmed').waitFor();
    await page.getByTestId('schedule-summary').getByText('Delivered to date: 5,000').waitFor();
    await page.getByTestId('status-history').getByText('From Committed to Delivering').waitFor();

    const recipient = await h.newPage();
    await signInAs(recipient, olena);
    await recipient.goto(pledgeUrl);
    // The recipient reads the pledge and confirms; it may not change it.
    expect(await recipient.getByRole('link', { name: 'Edit' }).count()).toBe(0);
    expect(await recipient.getByRole('form', { name: 'Record a delivery' }).count()).toBe(0);
    await recipient.getByRole('button', { name: /^Confirm receipt of 5,000 rounds/ }).click();
    await recipient.getByTestId('delivery-row').getByText('Confirmed', { exact: true }).waitFor();
    await screenshot(recipient, 'ledger-pledge-confirmed');
    await expectAccessible(recipient, 'ledger-pledge-confirmed');

    await page.reload();
    await page.getByTestId('delivery-row').getByText('Confirmed', { exact: true }).waitFor();
  });

  it('lets the donor edit its pledge, from what is recorded', async () => {
    const page = await h.newPage();
    await signInAs(page, george);
    await page.goto(pledgeUrl);
    await page.getByRole('link', { name: 'Edit' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Edit the pledge “155 mm shells”' })
      .waitFor();
    await page.getByLabel('External reference').fill('UK-AMMO-2024-07');
    await expectAccessible(page, 'ledger-pledge-edit');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Pledge saved.').waitFor();
    await page.getByText('UK-AMMO-2024-07').waitFor();
    await page.goto(`/requirements/${shells.id}`);
    await page.getByTestId('pledge-list').getByText('5,000 rounds').waitFor();
  });

  it('finds any requirement by its words, not only the most urgent the picker offers first', async () => {
    const recipient = await writerFor(h, olena);
    // More requirements than the picker offers before anything is typed (PICK_LIMIT, 50): the last
    // is ranked below all of them.
    for (let i = 1; i <= 50; i++) {
      await createRequirement(recipient, { item: `Spare parts lot ${i}` });
    }
    const last = await createRequirement(recipient, {
      item: 'Mine-clearing line charges',
      specification: 'MICLIC',
      capabilityArea: 'demining',
      unit: 'charges',
    });
    expect(last.priority).toBeGreaterThan(51);

    const page = await h.newPage();
    await signInAs(page, george);
    await page.goto('/pledges/new');
    await page.getByRole('heading', { level: 1, name: 'Record a pledge' }).waitFor();
    const picker = page.getByRole('textbox', { name: 'Requirement met' });
    await picker.click();
    await page.getByRole('option', { name: /Spare parts lot 1 / }).waitFor();
    // Not among those offered first...
    expect(await page.getByRole('option', { name: /line charges/ }).count()).toBe(0);
    // ...but found by its words, which the server matches.
    await picker.fill('line charges');
    await page.getByRole('option', { name: /Mine-clearing line charges — MICLIC/ }).click();
    await poll(() => page.getByLabel('Specification').inputValue()).toBe('MICLIC');
    await poll(() => page.getByLabel('Unit').inputValue()).toBe('charges');

    // A pledge against it, edited: the picker shows its requirement, though not among the first offered.
    const donor = await writerFor(h, george);
    const pledge = await createPledge(donor, { requirementId: last.id, quantity: 40 });
    await page.goto(`/pledges/${pledge.id}/edit`);
    await poll(() => picker.inputValue()).toContain('Mine-clearing line charges');
  });
});
