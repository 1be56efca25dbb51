import type { Locator } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  type Harness,
  screenshot,
  signInAs,
  startHarness,
  type TestUser,
} from './harness';
import type { Initiative } from '../src/core/initiatives/initiative.schema';
import { poll, writerFor } from './ledger-fixtures';

/**
 * Initiatives: the seeded US plan of February 2025 with the one position its sources state, a UK
 * initiative recorded through the form, and positions recorded over time — the UK's own, and France's
 * as the chair secretariat records them from its statements — then the UK edits its initiative (meeting
 * a colleague's save in between) and adds where it was raised, which France's coordinator cannot.
 */

let h: Harness;
let coordinator: TestUser;
let secretariat: TestUser;
let outsider: TestUser;
let reader: TestUser;
let initiativeUrl = '';
const PLAN = 'Peace Through Strength: A Plan for Ukraine';
const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  h = await startHarness();
  coordinator = await h.addUser({ username: 'ini.gbr', nation: 'GBR', roles: ['coordinator'] });
  secretariat = await h.addUser({ username: 'ini.chair', nation: 'GBR', roles: ['secretariat'] });
  outsider = await h.addUser({ username: 'ini.fra', nation: 'FRA', roles: ['coordinator'] });
  reader = await h.addUser({ username: 'ini.reader', nation: 'GBR', roles: ['viewer'] });
});
afterAll(async () => {
  await h.close();
});
afterEach(() => {
  expect(h.pageErrors).toEqual([]);
});

const sourceTitle = (form: Locator) => form.getByRole('textbox', { name: /^Source(?! address)/ });

describe('initiatives and the parties’ positions', () => {
  it('lists the seeded US plan with its proposer and stance, and filters by kind', async () => {
    const page = await h.newPage();
    await page.goto('/');
    await page.getByRole('navigation').getByRole('link', { name: 'Initiatives' }).click();
    await page.getByRole('heading', { level: 1, name: 'Initiatives' }).waitFor();
    await page.getByTestId('initiatives-total').getByText('1 initiative').waitFor();
    const row = page.getByRole('row', { name: new RegExp(PLAN) });
    await row.getByRole('cell', { name: 'Peace plan' }).waitFor();
    await row.getByRole('cell', { name: 'United States (USA)' }).waitFor();
    await row.getByText('Supports', { exact: true }).waitFor();
    // Signed out: nothing to record.
    expect(await page.getByRole('link', { name: 'Record an initiative' }).count()).toBe(0);
    await screenshot(page, 'initiatives');
    await expectAccessible(page, 'initiatives');

    await page.getByLabel('Kind').selectOption('sanctions_package');
    await page.getByTestId('initiatives-total').getByText('0 initiatives').waitFor();
    expect(new URL(page.url()).searchParams.get('kind')).toBe('sanctions_package');
    await page.getByLabel('Kind').selectOption('');
    await page.getByTestId('initiatives-total').getByText('1 initiative').waitFor();
  });

  it('speaks French to a French browser', async () => {
    const page = await h.newPage({ locale: 'fr-FR' });
    await page.goto('/initiatives');
    await page.getByRole('heading', { level: 1, name: 'Initiatives' }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(PLAN) });
    await row.getByRole('cell', { name: 'Plan de paix' }).waitFor();
    await row.getByText('Soutient', { exact: true }).waitFor();
    await page.getByTestId('initiatives-total').getByText('1 initiative').waitFor();
  });

  it('shows the plan: proposer, summary, elements, where it was raised, and the US position', async () => {
    const page = await h.newPage();
    await page.goto('/initiatives');
    await page.getByRole('link', { name: PLAN }).click();
    await page.getByRole('heading', { level: 1, name: PLAN }).waitFor();
    await expect(page.title()).resolves.toBe(`${PLAN} · Ramstein`);
    expect(await page.getByTestId('initiative-proposer').innerText()).toBe(
      'United States (USA) — Keith Kellogg, US special envoy for Ukraine and Russia',
    );
    const elements = page.getByTestId('initiative-elements').getByRole('listitem');
    await poll(() => elements.count()).toBe(2);
    expect(await elements.nth(0).innerText()).toContain('Freeze the front lines');
    expect(await elements.nth(1).innerText()).toContain('Push negotiations');
    const raised = page.getByTestId('initiative-raisings');
    await raised.getByRole('cell', { name: '16 February 2025' }).waitFor();
    await raised.getByRole('link', { name: /Munich Security Conference/ }).waitFor();
    const parties = page.getByTestId('party-positions');
    await poll(() => parties.count()).toBe(1);
    await parties.getByRole('heading', { name: 'United States (USA)' }).waitFor();
    const positions = parties.getByTestId('position');
    await poll(() => positions.count()).toBe(1);
    await positions.getByText('16 February 2025').waitFor();
    await positions.getByText('Supports', { exact: true }).waitFor();
    await positions.getByText('From the reference data').waitFor();
    await screenshot(page, 'initiative-us-plan');
    await expectAccessible(page, 'initiative-us-plan');
  });

  it('records an initiative through the form, naming a missing summary at its field', async () => {
    const page = await h.newPage();
    await signInAs(page, coordinator);
    const meeting27 = (await (
      await page.request.get('/api/v1/groups/udcg/meetings/27')
    ).json()) as { id: string };
    await page.goto('/initiatives');
    await page.getByRole('link', { name: 'Record an initiative' }).click();
    await page.getByRole('heading', { level: 1, name: 'Record an initiative' }).waitFor();
    await page.getByLabel('Title').fill('Security guarantee framework');
    await page.getByLabel('Kind').selectOption('security_guarantees');
    await poll(() => page.getByLabel('Proposed by').inputValue()).toBe('GBR');
    await page
      .getByLabel('Elements')
      .fill('Reassurance force in Ukraine\n\nAir policing over western Ukraine');
    await page.getByLabel('Raised at a meeting').selectOption(meeting27.id);
    await page.getByLabel('Note on where it was raised').fill('Tabled by the UK');
    await page.getByRole('button', { name: 'Record initiative' }).click();

    const summary = page.getByLabel('Summary');
    await page.getByText('must not be empty').waitFor();
    expect(await summary.getAttribute('aria-invalid')).toBe('true');
    await poll(() => summary.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectAccessible(page, 'initiative-form-error');

    await summary.fill('A framework of security guarantees for Ukraine after a ceasefire.');
    await page.getByRole('button', { name: 'Record initiative' }).click();
    await page.getByRole('heading', { level: 1, name: 'Security guarantee framework' }).waitFor();
    initiativeUrl = new URL(page.url()).pathname;
    await page.getByText('Security guarantees', { exact: true }).waitFor();
    const elements = page.getByTestId('initiative-elements').getByRole('listitem');
    await poll(() => elements.count()).toBe(2);
    expect(await elements.nth(1).innerText()).toBe('Air policing over western Ukraine');
    const raised = page.getByTestId('initiative-raisings');
    await raised.getByRole('link', { name: 'Meeting 27' }).waitFor();
    await raised.getByRole('cell', { name: 'Tabled by the UK' }).waitFor();
    await page.getByText('No party has a position on record.').waitFor();
    expect(await page.getByTestId('marking-banner').first().innerText()).toContain('GROUP');
  });

  it('records the UK’s own position, refusing a day after today at its field', async () => {
    const page = await h.newPage();
    await signInAs(page, coordinator);
    await page.goto(initiativeUrl);
    await page.getByRole('heading', { level: 1, name: 'Security guarantee framework' }).waitFor();
    await page.getByRole('button', { name: 'Record a position' }).click();
    const form = page.getByRole('form', { name: 'Record a position' });
    // A coordinator records its own nation's position only.
    await form.getByText('Party: United Kingdom (GBR)').waitFor();
    await form.getByRole('radio', { name: 'Supports', exact: true }).check();
    await form.getByLabel('Stated on').fill(tomorrow);
    await form.getByLabel('What was said').fill('The UK will lead the reassurance force.');
    await sourceTitle(form).fill('Statement by the Defence Secretary');
    await form.getByRole('button', { name: 'Record position' }).click();
    const statedOn = form.getByLabel('Stated on');
    await form.getByText(/is after today/).waitFor();
    expect(await statedOn.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'initiative-position-error');

    await statedOn.fill('2025-04-11');
    await form.getByRole('button', { name: 'Record position' }).click();
    await page.getByRole('status').getByText('Position recorded.').waitFor();
    const uk = page.getByTestId('party-positions').filter({ hasText: 'United Kingdom (GBR)' });
    await uk.getByText('11 April 2025').waitFor();
    await uk.getByText('“The UK will lead the reassurance force.”').waitFor();
    await uk.getByText('Source: Statement by the Defence Secretary').waitFor();
    await uk.getByText(/^Recorded by ini\.gbr, /).waitFor();
  });

  it('lets the chair secretariat record France’s positions over time, oldest first', async () => {
    const page = await h.newPage();
    await signInAs(page, secretariat);
    await page.goto(initiativeUrl);
    await page.getByRole('heading', { level: 1, name: 'Security guarantee framework' }).waitFor();

    const record = async (stance: string, day: string, statement: string, source: string) => {
      await page.getByRole('button', { name: 'Record a position' }).click();
      const form = page.getByRole('form', { name: 'Record a position' });
      await form.getByLabel('Party').selectOption('FRA');
      await form.getByRole('radio', { name: stance, exact: true }).check();
      await form.getByLabel('Stated on').fill(day);
      await form.getByLabel('What was said').fill(statement);
      await sourceTitle(form).fill(source);
      await form.getByLabel('Source address (URL)').fill('https://www.elysee.fr/');
      await form.getByRole('button', { name: 'Record position' }).click();
      await form.waitFor({ state: 'detached' });
    };
    // Recorded out of order: the timeline is by the day each was stated.
    await record('Opposes', '2025-06-02', 'Not without a US backstop.', 'Read-out, 2 June');
    await record(
      'Supports with conditions',
      '2025-04-11',
      'France supports it if the force has a UN mandate.',
      'Read-out, 11 April',
    );

    const france = page.getByTestId('party-positions').filter({ hasText: 'France (FRA)' });
    const positions = france.getByTestId('position');
    await poll(() => positions.count()).toBe(2);
    expect(await positions.nth(0).innerText()).toContain('11 April 2025');
    expect(await positions.nth(0).innerText()).toContain('Supports with conditions');
    expect(await positions.nth(1).innerText()).toContain('2 June 2025');
    // The current stance is the latest stated.
    await france.getByText('Now:').locator('..').getByText('Opposes').waitFor();
    await poll(() => page.getByTestId('party-positions').count()).toBe(2);
    await screenshot(page, 'initiative-positions');
    await expectAccessible(page, 'initiative-positions');

    await page.goto('/initiatives');
    const row = page.getByRole('row', { name: /Security guarantee framework/ });
    await row.getByText('Opposes', { exact: true }).waitFor();
    await row.getByText('Supports', { exact: true }).waitFor();
  });

  it('edits the initiative’s title and summary, keeping its elements', async () => {
    const page = await h.newPage();
    await signInAs(page, coordinator);
    await page.goto(initiativeUrl);
    await page.getByRole('heading', { level: 1, name: 'Security guarantee framework' }).waitFor();
    await page.getByRole('link', { name: 'Edit' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Edit “Security guarantee framework”' })
      .waitFor();
    await poll(() => page.getByLabel('Title').inputValue()).toBe('Security guarantee framework');
    await page.getByText('Proposed by: United Kingdom (GBR)').waitFor();
    await expectAccessible(page, 'initiative-edit');

    await page.getByLabel('Title').fill('Security guarantee framework, revised');
    await page.getByLabel('Summary').fill('Guarantees backed by a European reassurance force.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Initiative saved.').waitFor();
    await page
      .getByRole('heading', { level: 1, name: 'Security guarantee framework, revised' })
      .waitFor();
    await page.getByText('Guarantees backed by a European reassurance force.').waitFor();
    const elements = page.getByTestId('initiative-elements').getByRole('listitem');
    await poll(() => elements.count()).toBe(2);
  });

  it('offers the latest version when someone saved the initiative in between', async () => {
    const page = await h.newPage();
    await signInAs(page, coordinator);
    await page.goto(`${initiativeUrl}/edit`);
    const summary = page.getByLabel('Summary');
    await poll(() => summary.inputValue()).toBe(
      'Guarantees backed by a European reassurance force.',
    );

    // The chair secretariat saves first.
    const writer = await writerFor(h, secretariat);
    const id = initiativeUrl.split('/')[2] ?? '';
    const before = (await (
      await writer.request.get(`/api/v1/initiatives/${id}`)
    ).json()) as Initiative;
    await writer.patch(`/initiatives/${id}`, {
      version: before.version,
      summary: 'Guarantees backed by a coalition of the willing.',
    });

    await page.getByLabel('Title').fill('Security guarantee framework, third draft');
    await page.getByRole('button', { name: 'Save' }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'Changed meanwhile' });
    await conflict.waitFor();
    await expectAccessible(page, 'initiative-conflict');
    await conflict
      .getByRole('button', { name: 'Discard my changes and load the latest version' })
      .click();
    await poll(() => summary.inputValue()).toBe('Guarantees backed by a coalition of the willing.');
    await poll(() => page.getByLabel('Title').inputValue()).toBe(
      'Security guarantee framework, revised',
    );
    await page.getByLabel('Title').fill('Security guarantee framework, third draft');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Initiative saved.').waitFor();
    await page
      .getByRole('heading', { level: 1, name: 'Security guarantee framework, third draft' })
      .waitFor();
    await page.getByText('Guarantees backed by a coalition of the willing.').waitFor();
  });

  it('adds a meeting where the initiative was raised, naming a missing meeting at its field', async () => {
    const page = await h.newPage();
    await signInAs(page, coordinator);
    const meeting29 = (await (
      await page.request.get('/api/v1/groups/udcg/meetings/29')
    ).json()) as { id: string };
    await page.goto(initiativeUrl);
    const raised = page.getByTestId('initiative-raisings');
    await poll(() => raised.getByRole('row').count()).toBe(2);
    await page.getByRole('button', { name: 'Add a raising' }).click();
    const form = page.getByRole('form', { name: 'Add a raising' });
    await form.getByRole('radio', { name: 'A meeting' }).waitFor();
    await form.getByRole('button', { name: 'Add raising' }).click();
    const meeting = form.getByLabel(/^Meeting/);
    await form.getByText('give a meetingId or an eventId, one of them').waitFor();
    expect(await meeting.getAttribute('aria-invalid')).toBe('true');
    await poll(() => meeting.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectAccessible(page, 'initiative-raising-error');

    await meeting.selectOption(meeting29.id);
    await form.getByLabel('Note').fill('Discussed under any other business');
    await form.getByRole('button', { name: 'Add raising' }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByRole('status').getByText('Raising recorded.').waitFor();
    // Listed at once, on the meeting's date since no other day was given.
    await poll(() => raised.getByRole('row').count()).toBe(3);
    const row = raised.getByRole('row', { name: /Meeting 29/ });
    await row.getByRole('cell', { name: '21 July 2025' }).waitFor();
    await row.getByRole('cell', { name: 'Discussed under any other business' }).waitFor();
  });

  it('shows neither edit nor raising to another nation or to a viewer', async () => {
    const page = await h.newPage();
    await signInAs(page, outsider);
    await page.goto(initiativeUrl);
    await page
      .getByRole('heading', { level: 1, name: 'Security guarantee framework, third draft' })
      .waitFor();
    // France may still record its own position: the page is fully loaded for it.
    await page.getByRole('button', { name: 'Record a position' }).waitFor();
    expect(await page.getByRole('link', { name: 'Edit' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add a raising' }).count()).toBe(0);
    await page.goto(`${initiativeUrl}/edit`);
    await page.getByRole('heading', { level: 1, name: 'Not allowed' }).waitFor();

    // A viewer of the recording nation reads it but changes nothing.
    const viewer = await h.newPage();
    await signInAs(viewer, reader);
    await viewer.goto(initiativeUrl);
    await viewer
      .getByRole('heading', { level: 1, name: 'Security guarantee framework, third draft' })
      .waitFor();
    await viewer.getByTestId('initiative-raisings').waitFor();
    expect(await viewer.getByRole('link', { name: 'Edit' }).count()).toBe(0);
    expect(await viewer.getByRole('button', { name: 'Add a raising' }).count()).toBe(0);
  });
});
