import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Agenda } from '../src/core/meetings/agenda.schema';
import type { Meeting, MeetingWriteResult } from '../src/core/meetings/meeting.schema';
import { conveneBody, venueDay } from '../src/core/meetings/testing/meeting-fixtures';
import type { Requirement } from '../src/core/requirements/requirement.schema';
import {
  expectAccessible,
  type Harness,
  screenshot,
  signInAs,
  startHarness,
  type TestUser,
} from './harness';
import { createRequirement, type LedgerWriter, poll, writerFor } from './ledger-fixtures';

/**
 * Agenda item links in the browser: the UK secretariat links an item of a meeting it convened to
 * Ukraine's requirements, a capability area and the seeded US plan, follows one, removes one; a Polish
 * delegate sees nothing of a link it may not read (the API leaves it out); and a requirement Ukraine
 * narrows while the form is open is refused at the links field. The tests run in order and share the
 * meeting.
 */

let h: Harness;
let secretariat: TestUser;
let recipient: TestUser;
let delegate: TestUser;
let ukraine: LedgerWriter;
let meetingUrl = '';
/** Releasable to the whole group. */
let patriots: Requirement;
/** RESTRICTED REL TO GBR (and Ukraine, its origin): not to Poland. */
let radars: Requirement;
const PLAN = 'Peace Through Strength: A Plan for Ukraine';
const ITEM = 'Air defence for the winter';

beforeAll(async () => {
  h = await startHarness();
  secretariat = await h.addUser({ username: 'links.sec', nation: 'GBR', roles: ['secretariat'] });
  recipient = await h.addUser({ username: 'links.ukr', nation: 'UKR', roles: ['recipient'] });
  delegate = await h.addUser({ username: 'links.pol', nation: 'POL', roles: ['coordinator'] });
  ukraine = await writerFor(h, recipient);
  patriots = await createRequirement(ukraine, {
    item: 'Patriot interceptors',
    specification: 'PAC-3 MSE',
  });
  radars = await createRequirement(ukraine, {
    item: 'Counter-battery radars',
    capabilityArea: 'artillery-ammunition',
    marking: { classification: 'RESTRICTED', relTo: ['GBR'] },
  });
  const chair = await writerFor(h, secretariat);
  const { meeting } = await chair.post<MeetingWriteResult>(
    '/groups/udcg/meetings',
    conveneBody({ date: venueDay(5) }),
  );
  meetingUrl = `/meetings/${meeting.number}`;
});
afterAll(async () => {
  await h.close();
});
afterEach(() => {
  expect(h.pageErrors).toEqual([]);
});

async function signedIn(user: TestUser): Promise<Page> {
  const page = await h.newPage();
  await signInAs(page, user);
  return page;
}

/** Picks a record in the links field: its kind, then a name typed and chosen from the list. */
async function addLink(form: Locator, kind: string, picker: string, typed: string, option: RegExp) {
  await form.getByLabel('Kind of link').selectOption(kind);
  const search = form.getByRole('textbox', { name: picker });
  await search.click();
  await search.fill(typed);
  await form.page().getByRole('option', { name: option }).click();
  await form.getByRole('button', { name: 'Add the link' }).click();
}

/** Every request for one requirement or initiative by id: what resolving links from lists avoids. */
function recordRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (/^\/api\/v1\/(requirements|initiatives)\/[^/]+$/.test(pathname)) seen.push(pathname);
  });
  return seen;
}

const agendaRow = (page: Page) => page.getByTestId('agenda-item').filter({ hasText: ITEM });

describe('agenda item links', () => {
  it('links an item to a requirement, a capability area and an initiative, and follows one', async () => {
    const page = await signedIn(secretariat);
    const oneByOne = recordRequests(page);
    await page.goto(meetingUrl);
    const form = page.getByRole('form', { name: 'Add an agenda item' });
    await form.getByLabel(/^Title/).fill(ITEM);
    await form.getByText('No links.').waitFor();
    await addLink(
      form,
      'requirement',
      'Requirement to link',
      'Patriot',
      /Patriot interceptors — PAC-3 MSE/,
    );
    await addLink(form, 'capability_area', 'Capability area to link', 'Air', /^Air defence$/);
    await addLink(form, 'initiative', 'Initiative to link', 'Peace', new RegExp(PLAN));
    const chosen = form.getByTestId('agenda-link-choices');
    await chosen.getByText('Requirement: Patriot interceptors — PAC-3 MSE').waitFor();
    await chosen.getByText('Capability area: Air defence').waitFor();
    await chosen.getByText(`Initiative: ${PLAN}`).waitFor();
    // A record already linked is not offered again.
    await form.getByLabel('Kind of link').selectOption('requirement');
    await form.getByRole('textbox', { name: 'Requirement to link' }).click();
    await page.getByRole('option', { name: /Counter-battery radars/ }).waitFor();
    expect(await page.getByRole('option', { name: /Patriot interceptors/ }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await screenshot(page, 'meeting-agenda-links-form');
    await expectAccessible(page, 'meeting-agenda-links-form');

    await form.getByRole('button', { name: 'Add the item' }).click();
    const links = agendaRow(page).getByRole('list', { name: `Links of “${ITEM}”` });
    const requirement = links.getByRole('link', { name: 'Patriot interceptors — PAC-3 MSE' });
    await requirement.waitFor();
    expect(await requirement.getAttribute('href')).toBe(`/requirements/${patriots.id}`);
    expect(await links.getByRole('link', { name: 'Air defence' }).getAttribute('href')).toBe(
      '/coverage/requirements?area=air-defence',
    );
    const initiative = links.getByRole('link', { name: PLAN });
    expect(await initiative.getAttribute('href')).toMatch(/^\/initiatives\/[0-9a-f-]{36}$/);
    // The emptied form is ready for the next item.
    await form.getByText('No links.').waitFor();
    await screenshot(page, 'meeting-agenda-links');
    await expectAccessible(page, 'meeting-agenda-links');
    // The names came from the group's lists, not from one request per link.
    expect(oneByOne).toEqual([]);

    await initiative.click();
    await page.getByRole('heading', { level: 1, name: PLAN }).waitFor();
    await page.goBack();
    await requirement.click();
    await page.getByRole('heading', { level: 1, name: 'Patriot interceptors' }).waitFor();
  });

  it('edits the item to remove a link, sending only the links', async () => {
    const page = await signedIn(secretariat);
    await page.goto(meetingUrl);
    const sent: unknown[] = [];
    page.on('request', (request) => {
      if (request.method() === 'PATCH' && request.url().includes('/api/v1/agenda-items/'))
        sent.push(request.postDataJSON());
    });
    await page.getByRole('button', { name: `Edit “${ITEM}”` }).click();
    const form = page.getByRole('form', { name: `Edit “${ITEM}”` });
    const chosen = form.getByTestId('agenda-link-choices');
    await chosen.getByText(`Initiative: ${PLAN}`).waitFor();
    const remove = chosen.getByRole('button', { name: `Remove Initiative: ${PLAN}` });
    await remove.click();
    expect(await chosen.getByText(`Initiative: ${PLAN}`).count()).toBe(0);
    // The keyboard stays in the list, on the link that took the removed one's place (or before it).
    await poll(() =>
      page.evaluate(() => document.activeElement?.hasAttribute('data-remove') ?? false),
    ).toBe(true);
    await form.getByRole('button', { name: 'Save' }).click();

    const links = agendaRow(page).getByRole('list', { name: `Links of “${ITEM}”` });
    await poll(() => form.count()).toBe(0);
    await links.getByRole('link', { name: 'Patriot interceptors — PAC-3 MSE' }).waitFor();
    expect(await links.getByRole('link', { name: PLAN }).count()).toBe(0);
    expect(await links.getByRole('listitem').count()).toBe(2);
    expect(sent).toEqual([
      {
        version: 1,
        links: [
          { kind: 'capability_area', ref: 'air-defence' },
          { kind: 'requirement', ref: patriots.id },
        ],
      },
    ]);
  });

  it('shows a delegate none of a link it may not read, and nothing of the record', async () => {
    const chair = await writerFor(h, secretariat);
    const meeting = (await (
      await chair.request.get(`/api/v1/groups/udcg${meetingUrl}`)
    ).json()) as Meeting;
    const agenda = (await (
      await chair.request.get(`/api/v1/meetings/${meeting.id}/agenda`)
    ).json()) as Agenda;
    const item = agenda.items.find((i) => i.title === ITEM);
    if (!item) throw new Error(`no item “${ITEM}” on ${meetingUrl}`);
    await chair.patch(`/agenda-items/${item.id}`, {
      version: item.version,
      links: [...item.links, { kind: 'requirement', ref: radars.id }],
    });

    const page = await signedIn(secretariat);
    await page.goto(meetingUrl);
    const links = agendaRow(page).getByRole('list', { name: `Links of “${ITEM}”` });
    await links.getByRole('link', { name: 'Counter-battery radars' }).waitFor();

    const polish = await signedIn(delegate);
    await polish.goto(meetingUrl);
    const seen = agendaRow(polish).getByRole('list', { name: `Links of “${ITEM}”` });
    await seen.getByRole('link', { name: 'Patriot interceptors — PAC-3 MSE' }).waitFor();
    // The API leaves out a link to a record the reader may not read: not even its kind shows.
    expect(await seen.getByRole('link').count()).toBe(2);
    expect(await seen.getByText('not releasable to you').count()).toBe(0);
    const html = await polish.content();
    expect(html).not.toContain('Counter-battery');
    expect(html).not.toContain(radars.id);
    await expectAccessible(polish, 'meeting-agenda-links-delegate');
  });

  it('shows a link the server refuses at the links field, which takes the keyboard', async () => {
    const jammers = await createRequirement(ukraine, {
      item: 'Electronic warfare jammers',
      capabilityArea: 'drones-ew',
      marking: { classification: 'RESTRICTED', relTo: ['GBR'] },
    });
    const page = await signedIn(secretariat);
    await page.goto(meetingUrl);
    await page.getByRole('button', { name: `Edit “${ITEM}”` }).click();
    const form = page.getByRole('form', { name: `Edit “${ITEM}”` });
    await addLink(
      form,
      'requirement',
      'Requirement to link',
      'jammers',
      /Electronic warfare jammers/,
    );

    // While the form is open, Ukraine stops releasing the requirement to the United Kingdom.
    await ukraine.patch(`/requirements/${jammers.id}`, {
      version: jammers.version,
      marking: { classification: 'RESTRICTED', relTo: [] },
    });
    await form.getByRole('button', { name: 'Save' }).click();
    const chosen = form.getByTestId('agenda-link-choices');
    await chosen.getByText('Not accepted: is not a requirement of UDCG').waitFor();
    const remove = chosen.getByRole('button', {
      name: 'Remove Requirement: Electronic warfare jammers',
    });
    await poll(() => remove.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await remove.getAttribute('aria-describedby')).toBeTruthy();
    // The refusal is at the field, not repeated above the form.
    expect(await form.getByRole('alert').count()).toBe(0);
    await screenshot(page, 'meeting-agenda-links-refused');
    await expectAccessible(page, 'meeting-agenda-links-refused');

    await remove.click();
    expect(await chosen.getByText(/^Not accepted/).count()).toBe(0);
    await form.getByRole('button', { name: 'Save' }).click();
    await poll(() => form.count()).toBe(0);
    const links = agendaRow(page).getByRole('list', { name: `Links of “${ITEM}”` });
    await links.getByRole('link', { name: 'Counter-battery radars' }).waitFor();
    expect(await links.getByText(/jammers/).count()).toBe(0);
  });
});
