import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ActionItem } from '../src/core/meetings/meeting-record.schema';
import type { Meeting, MeetingWriteResult } from '../src/core/meetings/meeting.schema';
import { addDays } from '../src/core/meetings/meeting-cycle';
import { conveneBody, venueDay } from '../src/core/meetings/testing/meeting-fixtures';
import {
  expectAccessible,
  type Harness,
  screenshot,
  signInAs,
  startHarness,
  type TestUser,
} from './harness';
import { type LedgerWriter, poll, writerFor } from './ledger-fixtures';

/**
 * The group's action items in one list: the UK secretariat opens two meetings for tomorrow and raises
 * action items at each through the API; the list shows them with their meetings, filters open and all,
 * links to each meeting, and Poland's coordinator closes its own item there.
 */

let h: Harness;
let secretariat: LedgerWriter;
let poland: TestUser;
let first: Meeting;
let second: Meeting;
const url = '/groups/udcg/action-items';
const date = venueDay(1);

/** Convenes a meeting for tomorrow in Brussels and opens it, so action items can be raised at it. */
async function openMeeting(startTime: string): Promise<Meeting> {
  const convened = await secretariat.post<MeetingWriteResult>(
    '/groups/udcg/meetings',
    conveneBody({ startTime, events: [] }),
  );
  const opened = await secretariat.post<MeetingWriteResult>(
    `/meetings/${convened.meeting.id}/open`,
    { version: convened.meeting.version },
    200,
  );
  return opened.meeting;
}

const raise = (meeting: Meeting, title: string, ownerNation: string, dueOn?: string) =>
  secretariat.post<ActionItem>(`/meetings/${meeting.id}/action-items`, {
    title,
    ownerNation,
    dueOn,
  });

beforeAll(async () => {
  h = await startHarness();
  const uk = await h.addUser({ username: 'items.gbr', nation: 'GBR', roles: ['secretariat'] });
  poland = await h.addUser({ username: 'items.pol', nation: 'POL', roles: ['coordinator'] });
  secretariat = await writerFor(h, uk);
  first = await openMeeting('09:00');
  second = await openMeeting('15:00');
  await raise(first, 'Deliver the Patriot launchers', 'POL', addDays(date, 30));
  const trained = await raise(first, 'Train the F-16 crews', 'GBR');
  await raise(second, 'Ship the 155 mm shells', 'POL', addDays(date, 14));
  // Done already: only the list of all items shows it.
  await secretariat.patch(`/action-items/${trained.id}`, {
    version: trained.version,
    status: 'done',
  });
  // The API refuses a due day before the meeting; a day already past makes the item overdue.
  await h.db
    .updateTable('meeting_action_items')
    .set({ due_on: venueDay(-3) })
    .where('title', '=', 'Deliver the Patriot launchers')
    .execute();
});
afterAll(async () => {
  await h.close();
});
afterEach(() => {
  expect(h.pageErrors).toEqual([]);
});

const rowOf = (page: Page, title: string) =>
  page.getByTestId('group-action-items').getByRole('row', { name: new RegExp(title) });

describe('the group action items', () => {
  it('lists the open items of both meetings from the navigation, and all of them on request', async () => {
    const page = await h.newPage();
    await page.goto('/');
    await page.getByRole('navigation').getByRole('link', { name: 'Action items' }).click();
    await page.getByRole('heading', { level: 1, name: 'Action items' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(url);
    const total = page.getByTestId('action-items-total');
    await total.getByText('2 open action items').waitFor();

    const patriot = rowOf(page, 'Deliver the Patriot launchers');
    await patriot.getByRole('cell', { name: 'Poland' }).waitFor();
    await patriot.getByRole('link', { name: first.code }).waitFor();
    await patriot.getByText('Overdue').waitFor();
    const shells = rowOf(page, 'Ship the 155 mm shells');
    await shells.getByRole('link', { name: second.code }).waitFor();
    await shells.getByRole('cell', { name: 'Open' }).waitFor();
    expect(await shells.getByText('Overdue').count()).toBe(0);
    expect(await rowOf(page, 'Train the F-16 crews').count()).toBe(0);
    await screenshot(page, 'action-items');
    await expectAccessible(page, 'action-items');

    await page.getByLabel('Items to show').selectOption('all');
    await total.getByText('3 action items').waitFor();
    expect(new URL(page.url()).searchParams.get('status')).toBe('all');
    await rowOf(page, 'Train the F-16 crews').getByRole('cell', { name: 'Done' }).waitFor();

    await page.getByLabel('Owner nation').selectOption('GBR');
    await total.getByText('1 action item').waitFor();
    await page.getByLabel('Items to show').selectOption('open');
    await page.getByText('No open action items', { exact: false }).waitFor();
    await expectAccessible(page, 'action-items-empty');
    // The filters live in the address: a reload keeps them.
    await page.reload();
    await page.getByText('No open action items', { exact: false }).waitFor();
    // The select shows its value once the nations it lists have loaded.
    await poll(() => page.getByLabel('Owner nation').inputValue()).toBe('GBR');
  });

  it('goes to the meeting an item was raised at', async () => {
    const page = await h.newPage();
    await page.goto(url);
    await rowOf(page, 'Ship the 155 mm shells').getByRole('link', { name: second.code }).click();
    await page.getByRole('heading', { level: 1, name: second.code }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/meetings/${second.number}`);
  });

  it("lets the owner's coordinator mark its own item done, which leaves the open list", async () => {
    const page = await h.newPage();
    await signInAs(page, poland);
    await page.goto(url);
    const total = page.getByTestId('action-items-total');
    await total.getByText('2 open action items').waitFor();
    // Poland may update its own items only; the UK's is not its to close.
    await page.getByLabel('Items to show').selectOption('all');
    await rowOf(page, 'Train the F-16 crews').getByRole('cell', { name: 'Done' }).waitFor();
    expect(await page.getByLabel('Status of “Train the F-16 crews”').count()).toBe(0);
    await page.getByLabel('Items to show').selectOption('open');

    await page.getByLabel('Status of “Ship the 155 mm shells”').selectOption('done');
    await total.getByText('1 open action item').waitFor();
    await poll(() => rowOf(page, 'Ship the 155 mm shells').count()).toBe(0);
    await rowOf(page, 'Deliver the Patriot launchers').waitFor();
    await expectAccessible(page, 'action-items-coordinator');

    // The meeting page sees the same item closed.
    await page.goto(`/meetings/${second.number}?tab=record`);
    await poll(() => page.getByLabel('Status of “Ship the 155 mm shells”').inputValue()).toBe(
      'done',
    );
  });
});
