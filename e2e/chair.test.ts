import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  type Harness,
  screenshot,
  signInAs,
  startHarness,
  type TestUser,
} from './harness';
import { poll } from './ledger-fixtures';

/**
 * The chair page: the reference history (USA, then the UK from meeting 26, with Germany as co-chair
 * from 27) and a handover from the UK to France, proposed by the UK secretariat and accepted by the
 * French secretariat in its own browser, after a refused and a withdrawn attempt.
 */

let h: Harness;
let gbr: TestUser;
let fra: TestUser;
let deu: TestUser;
const today = new Date().toISOString().slice(0, 10);
const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  h = await startHarness();
  gbr = await h.addUser({ username: 'chair.gbr', nation: 'GBR', roles: ['secretariat'] });
  fra = await h.addUser({ username: 'chair.fra', nation: 'FRA', roles: ['secretariat'] });
  deu = await h.addUser({ username: 'chair.deu', nation: 'DEU', roles: ['secretariat'] });
});
afterAll(async () => {
  await h.close();
});
afterEach(() => {
  expect(h.pageErrors).toEqual([]);
});

async function chairPage(user: TestUser): Promise<Page> {
  const page = await h.newPage();
  await signInAs(page, user);
  await page.goto('/chair');
  await page.getByRole('heading', { level: 1, name: 'Chair and handovers' }).waitFor();
  await page.getByTestId('chair-timeline').waitFor();
  return page;
}

const proposeForm = (page: Page) => page.getByRole('form', { name: 'Propose a handover' });

describe('the chair and its handover', () => {
  it('shows the reference chair history to anyone, from the navigation', async () => {
    const page = await h.newPage();
    await page.goto('/');
    await page.getByRole('navigation').getByRole('link', { name: 'Chair' }).click();
    await page.getByRole('heading', { level: 1, name: 'Chair and handovers' }).waitFor();
    await expect(page.title()).resolves.toBe('Chair and handovers · Ramstein');
    expect(await page.getByTestId('chair-current').innerText()).toContain('United Kingdom (GBR)');
    expect(await page.getByTestId('chair-co-chair').innerText()).toContain('Germany (DEU)');
    const terms = page.getByTestId('chair-term');
    await poll(() => terms.count()).toBe(3);
    await terms.nth(0).getByText('United States', { exact: true }).waitFor();
    await terms.nth(0).getByText('From 26 April 2022 until 12 February 2025').waitFor();
    await terms.nth(1).getByText('From 12 February 2025 until 11 April 2025').waitFor();
    await terms.nth(1).getByRole('link', { name: 'Meeting 26' }).waitFor();
    await terms.nth(2).getByText('United Kingdom, co-chaired by Germany').waitFor();
    await terms.nth(2).getByText('In office').waitFor();
    await terms.nth(2).getByRole('link', { name: 'Meeting 27' }).waitFor();
    await page.getByText('Handover records are for the group’s members').waitFor();
    expect(await proposeForm(page).count()).toBe(0);
    await screenshot(page, 'chair');
    await expectAccessible(page, 'chair');
  });

  it('speaks Ukrainian to a Ukrainian browser', async () => {
    const page = await h.newPage({ locale: 'uk-UA' });
    await page.goto('/chair');
    await page.getByRole('heading', { level: 1, name: 'Головування та передача' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Хронологія головування' }).waitFor();
    await page.getByText('Велика Британія, співголова — Німеччина').waitFor();
  });

  it('offers the handover to the chair nation’s secretariat only, not the co-chair’s', async () => {
    const page = await chairPage(deu);
    await page.getByRole('heading', { level: 2, name: 'Chair timeline' }).waitFor();
    expect(await proposeForm(page).count()).toBe(0);
  });

  it('refuses a handover to the current chair, at the field', async () => {
    const page = await chairPage(gbr);
    const form = proposeForm(page);
    await form.getByLabel('Next chair').selectOption('GBR');
    await form.getByLabel('First day of the new term').fill(tomorrow);
    await form.getByLabel('Why').fill('A second UK term');
    await form.getByRole('button', { name: 'Propose the handover' }).click();
    const next = form.getByLabel('Next chair');
    await form
      .getByText('GBR already chairs the group: a handover goes to another nation')
      .waitFor();
    expect(await next.getAttribute('aria-invalid')).toBe('true');
    await poll(() => next.evaluate((el) => el === document.activeElement)).toBe(true);
    await screenshot(page, 'chair-refused');
    await expectAccessible(page, 'chair-refused');
    expect(await page.getByTestId('open-handover').count()).toBe(0);
  });

  it('lets the outgoing chair withdraw a proposal, with a reason', async () => {
    const page = await chairPage(gbr);
    const form = proposeForm(page);
    await form.getByLabel('Next chair').selectOption('FRA');
    await form.getByLabel('First day of the new term').fill(tomorrow);
    await form.getByLabel('Why').fill('Rotation agreed at the last meeting');
    await form.getByRole('button', { name: 'Propose the handover' }).click();
    const open = page.getByTestId('open-handover');
    await open.getByText('United Kingdom to France').waitFor();
    await open.getByText('Proposed', { exact: true }).waitFor();
    await open.getByText('Rotation agreed at the last meeting').waitFor();
    await open.getByText(/^chair\.gbr \(GBR\), /).waitFor();
    // One handover at a time: the form gives way while this one is open.
    await page.getByText('A handover is already in progress').waitFor();

    await open.getByRole('button', { name: 'Withdraw' }).click();
    const withdraw = page.getByRole('form', { name: 'Withdraw the handover' });
    await withdraw.getByRole('button', { name: 'Withdraw the handover' }).click();
    await withdraw.getByText('must not be empty').waitFor();
    await withdraw.getByLabel(/^Reason/).fill('France asked for more time');
    await withdraw.getByRole('button', { name: 'Withdraw the handover' }).click();
    await poll(() => open.count()).toBe(0);
    const record = page.getByTestId('handover').first();
    await record.getByText('Withdrawn', { exact: true }).waitFor();
    await record.getByText(/^chair\.gbr \(GBR\), .* — France asked for more time$/).waitFor();
    expect(await page.getByTestId('chair-current').innerText()).toContain('United Kingdom');
  });

  it('hands the chair to France once the French secretariat accepts in its own browser', async () => {
    const uk = await chairPage(gbr);
    const form = proposeForm(uk);
    await form.getByLabel('Next chair').selectOption('FRA');
    await form.getByLabel('Co-chair').selectOption('DEU');
    await form.getByLabel('First day of the new term').fill(today);
    await form.getByLabel('Why').fill('France takes the chair for the next cycle');
    await form.getByRole('button', { name: 'Propose the handover' }).click();
    await uk
      .getByTestId('open-handover')
      .getByText('United Kingdom to France with Germany as co-chair')
      .waitFor();

    const france = await chairPage(fra);
    const open = france.getByTestId('open-handover');
    await open.getByText('Proposed', { exact: true }).waitFor();
    await open.getByRole('button', { name: 'Decline' }).waitFor();
    await open.getByRole('button', { name: 'Accept the chair' }).click();
    const accept = france.getByRole('form', { name: 'Accept the handover' });
    await accept.getByLabel(/^Note/).fill('France accepts with thanks');
    await expectAccessible(france, 'chair-accept');
    await accept.getByRole('button', { name: 'Accept' }).click();

    // Its day has come: effective at once. France chairs, with Germany, from today.
    await poll(() => france.getByTestId('chair-current').innerText()).toContain('France (FRA)');
    expect(await france.getByTestId('chair-co-chair').innerText()).toContain('Germany (DEU)');
    expect(await france.getByTestId('open-handover').count()).toBe(0);
    const terms = france.getByTestId('chair-term');
    await poll(() => terms.count()).toBe(4);
    const newTerm = terms.nth(3);
    await newTerm.getByText('France, co-chaired by Germany').waitFor();
    await newTerm.getByText('In office').waitFor();
    await newTerm.getByText('France takes the chair for the next cycle').waitFor();
    await newTerm.getByText(/^chair\.fra \(FRA\), .* — France accepts with thanks$/).waitFor();
    await terms.nth(2).getByText('In office').waitFor({ state: 'detached' });
    const record = france.getByTestId('handover').first();
    await record.getByText('Effective', { exact: true }).waitFor();
    await record.getByText('Took effect').waitFor();
    // The secretariat right moved with the chair: France may now propose the next handover.
    await proposeForm(france).waitFor();
    await screenshot(france, 'chair-handed-over');
    await expectAccessible(france, 'chair-handed-over');

    // And the UK, no longer chairing, may not.
    await uk.reload();
    await uk.getByTestId('chair-timeline').waitFor();
    await poll(() => uk.getByTestId('chair-current').innerText()).toContain('France');
    expect(await proposeForm(uk).count()).toBe(0);
  });
});
