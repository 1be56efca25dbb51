import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Meeting } from '../src/core/meetings/meeting.schema';
import { conveneBody } from '../src/core/meetings/testing/meeting-fixtures';
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
 * The live board of a meeting being held: the UK secretariat convenes and opens a meeting in Brussels,
 * delegations record pledges and check in from their own browsers, and every open board (and the
 * projector in the room) shows them as they are recorded, without a reload.
 */

let h: Harness;
let secretariat: LedgerWriter;
let poland: LedgerWriter;
let ukr: TestUser;
let pol: TestUser;
let meeting: Meeting;

beforeAll(async () => {
  h = await startHarness();
  const uk = await h.addUser({ username: 'board.uk', nation: 'GBR', roles: ['secretariat'] });
  pol = await h.addUser({ username: 'board.pol', nation: 'POL', roles: ['coordinator'] });
  ukr = await h.addUser({ username: 'board.ukr', nation: 'UKR', roles: ['recipient'] });
  secretariat = await writerFor(h, uk);
  poland = await writerFor(h, pol);
  // Tomorrow in Brussels: a meeting may be opened the day before, when the delegations arrive.
  const convened = await secretariat.post<{ meeting: Meeting }>(
    '/groups/udcg/meetings',
    conveneBody(),
  );
  const opened = await secretariat.post<{ meeting: Meeting }>(
    `/meetings/${convened.meeting.id}/open`,
    { version: convened.meeting.version },
    200,
  );
  meeting = opened.meeting;
  expect(meeting.phase).toBe('open');
});
afterAll(async () => {
  await h.close();
});
afterEach(() => {
  expect(h.pageErrors).toEqual([]);
});

/** Marks the document, so a test can tell that what it sees arrived without a reload. */
async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => {
    document.body.dataset.sameDocument = 'yes';
  });
}
const sameDocument = (page: Page) =>
  page.evaluate(() => document.body.dataset.sameDocument === 'yes');

/**
 * The first `count` messages of the meeting's stream, as the server writes them, read with the page's
 * session cookie (the stream never ends by itself, so stop once they are in).
 */
async function readEvents(page: Page, count: number): Promise<string> {
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const abort = new AbortController();
  const response = await fetch(`${h.baseUrl}/api/v1/meetings/${meeting.id}/live`, {
    headers: { cookie, accept: 'text/event-stream' },
    signal: abort.signal,
  });
  if (!response.body) throw new Error('no stream');
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  let messages: string[] = [];
  while (messages.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    text += value;
    messages = text.split('\n\n').filter((m) => m.startsWith('id: '));
  }
  abort.abort();
  return messages
    .slice(0, count)
    .map((m) => `${m}\n\n`)
    .join('');
}

async function openBoard(user: TestUser): Promise<Page> {
  const page = await h.newPage();
  await signInAs(page, user);
  await page.goto(`/meetings/${meeting.number}/board`);
  await page.getByRole('heading', { level: 1, name: `Live board: ${meeting.code}` }).waitFor();
  await page.getByTestId('live-connection').getByText('Live', { exact: true }).waitFor();
  return page;
}

describe('the live board of a meeting being held', () => {
  let board: Page;

  it('is reached from the meeting page and starts empty, connected', async () => {
    const page = await h.newPage();
    await signInAs(page, ukr);
    await page.goto(`/meetings/${meeting.number}`);
    await page.getByRole('heading', { level: 1, name: meeting.code }).waitFor();
    await page.getByRole('link', { name: 'Live board' }).click();
    await page.getByRole('heading', { level: 1, name: `Live board: ${meeting.code}` }).waitFor();
    await page.getByTestId('live-connection').getByText('Live', { exact: true }).waitFor();
    await page.getByText('No pledge announced yet.').first().waitFor();
    await page.getByText('No delegation has checked in yet.').waitFor();
    expect(await page.getByTestId('live-total').textContent()).toBe('€0.00');
    await expect(page.title()).resolves.toBe(`Live board: ${meeting.code} · Ramstein`);
    board = page;
  });

  it('shows a pledge recorded through the form in another browser, without a reload', async () => {
    await markDocument(board);
    const donor = await h.newPage();
    await signInAs(donor, pol);
    await donor.goto('/pledges/new');
    await donor.getByRole('heading', { level: 1, name: 'Record a pledge' }).waitFor();
    await donor.getByLabel('Capability area').selectOption('air-defence');
    await donor.getByLabel('Item', { exact: true }).fill('IRIS-T SLM launchers');
    await donor.getByLabel('Quantity').fill('2');
    await donor.getByLabel('Unit').fill('launchers');
    await donor.getByRole('textbox', { name: 'Value' }).fill('1000000');
    await donor.getByLabel('Announced at').selectOption(meeting.id);
    await donor.getByRole('button', { name: 'Record pledge' }).click();
    await donor.getByRole('heading', { level: 1, name: 'IRIS-T SLM launchers' }).waitFor();

    const feed = board.getByTestId('live-pledges');
    const row = feed.getByRole('row', { name: /IRIS-T SLM launchers/ });
    await row.getByRole('cell', { name: 'Poland (POL)' }).waitFor();
    await row.getByRole('cell', { name: 'Air defence' }).waitFor();
    await row.getByRole('cell', { name: '2 launchers' }).waitFor();
    await row.getByRole('cell', { name: '€1,000,000.00' }).waitFor();
    await poll(() => board.getByTestId('live-total').textContent()).toBe('€1,000,000.00');
    expect(await board.getByTestId('live-count').textContent()).toBe('1');
    await poll(() => board.getByTestId('live-announcer').textContent()).toBe(
      'New pledge: Poland, IRIS-T SLM launchers, €1,000,000.00',
    );
    expect(await sameDocument(board)).toBe(true);
  });

  it('adds a pledge the secretariat records for another donor to the totals by nation and area', async () => {
    await secretariat.post(`/meetings/${meeting.id}/pledges`, {
      donor: 'DEU',
      capabilityArea: 'artillery-ammunition',
      item: '155 mm shells',
      quantity: 5000,
      unit: 'rounds',
      kind: 'donation',
      value: { amount: '250000.50', currency: 'EUR' },
      marking: { classification: 'GROUP', relTo: [] },
    });
    await poll(() => board.getByTestId('live-total').textContent()).toBe('€1,250,000.50');
    expect(await board.getByTestId('live-count').textContent()).toBe('2');
    // Newest first.
    const rows = board.getByTestId('live-pledges').getByRole('row');
    await poll(() => rows.count()).toBe(3);
    expect(await rows.nth(1).textContent()).toContain('155 mm shells');
    const byNation = board.getByTestId('live-by-nation');
    const germany = byNation.getByRole('row', { name: /Germany \(DEU\)/ });
    await germany.getByRole('cell', { name: '€250,000.50' }).waitFor();
    // Largest total first.
    expect(await byNation.getByRole('row').nth(1).textContent()).toContain('Poland (POL)');
    const byArea = board.getByTestId('live-by-area');
    await byArea
      .getByRole('row', { name: /Artillery and ammunition/ })
      .getByRole('cell', { name: '€250,000.50' })
      .waitFor();
    expect(await sameDocument(board)).toBe(true);
    await screenshot(board, 'live-board');
    await expectAccessible(board, 'live-board');
  });

  it('shows delegations as they check in, by the secretariat or by themselves', async () => {
    await poland.post(`/meetings/${meeting.id}/attendance`, { nation: 'POL' });
    const attendance = board.getByTestId('live-attendance');
    await attendance.getByRole('row', { name: /Poland \(POL\)/ }).waitFor();
    await poll(() => board.getByTestId('live-announcer').textContent()).toBe('Checked in: Poland');
    await secretariat.post(`/meetings/${meeting.id}/attendance`, {
      nation: 'FRA',
      mode: 'virtual',
      headOfDelegation: 'Sébastien Lecornu',
    });
    const france = attendance.getByRole('row', { name: /France \(FRA\)/ });
    await france.getByRole('cell', { name: 'Virtually' }).waitFor();
    await france.getByRole('cell', { name: 'Sébastien Lecornu' }).waitFor();
    expect(await board.getByTestId('live-attending').textContent()).toBe('2');
    expect(await sameDocument(board)).toBe(true);
  });

  it('replays everything so far to a board opened later', async () => {
    const late = await openBoard(ukr);
    await poll(() => late.getByTestId('live-total').textContent()).toBe('€1,250,000.50');
    await poll(() => late.getByTestId('live-pledges').getByRole('row').count()).toBe(3);
    await poll(() => late.getByTestId('live-attendance').getByRole('row').count()).toBe(3);
  });

  it('reconnects when the stream ends and resumes after the last event id it holds', async () => {
    const page = await h.newPage();
    await signInAs(page, ukr);
    // The first connection gets the first two events as the server sends them, then ends, as when
    // a node shuts down; the browser must come back by itself with Last-Event-ID. A last `id: 4`
    // without data moves that id on without an event: the server then sends only what follows 4,
    // so the two check-ins (events 3 and 4) stay off this board, which they would not were the
    // reconnect to forget the id and be replayed everything.
    const firstTwo = await readEvents(page, 2);
    let connections = 0;
    await page.route(`**/api/v1/meetings/${meeting.id}/live`, async (route) => {
      connections += 1;
      if (connections === 1) {
        await route.fulfill({
          status: 200,
          headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' },
          body: `retry: 1500\n\n${firstTwo}id: 4\n\n`,
        });
        return;
      }
      await route.continue();
    });
    await page.goto(`/meetings/${meeting.number}/board`);
    await page.getByRole('heading', { level: 1, name: `Live board: ${meeting.code}` }).waitFor();
    await markDocument(page);
    await poll(() => page.getByTestId('live-connection').getAttribute('data-state')).toBe(
      'reconnecting',
    );
    await page.getByText('Connection lost, reconnecting…').waitFor();
    expect(await page.getByTestId('live-total').textContent()).toBe('€1,250,000.50');

    // Recorded while the board is away: it must arrive once it is back.
    await secretariat.post(`/meetings/${meeting.id}/pledges`, {
      donor: 'NLD',
      capabilityArea: 'maritime',
      item: 'Patrol boats',
      quantity: 4,
      unit: 'boats',
      kind: 'donation',
      value: { amount: '0.25', currency: 'EUR' },
      marking: { classification: 'GROUP', relTo: [] },
    });
    await poll(() => page.getByTestId('live-connection').getAttribute('data-state')).toBe('live');
    await poll(() => page.getByTestId('live-total').textContent()).toBe('€1,250,000.75');
    expect(connections).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId('live-pledges').getByRole('row').count()).toBe(4);
    expect(await page.getByTestId('live-count').textContent()).toBe('3');
    await page.getByText('No delegation has checked in yet.').waitFor();
    expect(await page.getByTestId('live-attending').textContent()).toBe('0');
    expect(await sameDocument(page)).toBe(true);
  });

  it('has a projector view: no navigation, large figures, updated as pledges arrive', async () => {
    const page = await h.newPage({ viewport: { width: 1920, height: 1080 } });
    await signInAs(page, ukr);
    await page.goto(`/meetings/${meeting.number}/board`);
    await page.getByRole('link', { name: 'Projector view' }).click();
    await page.getByRole('heading', { level: 1, name: `${meeting.code} · live` }).waitFor();
    await page.getByTestId('live-connection').getByText('Live', { exact: true }).waitFor();
    expect(await page.getByRole('navigation').count()).toBe(0);
    const total = page.getByTestId('projector-total');
    await poll(() => total.textContent()).toBe('€1,250,000.75');
    expect(await page.getByTestId('projector-attending').textContent()).toBe('2');
    // Big type: the total is far larger than body text.
    const size = await total.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThan(100);
    await page.getByRole('button', { name: 'Full screen' }).waitFor();
    await markDocument(page);

    await poland.post(`/meetings/${meeting.id}/pledges`, {
      capabilityArea: 'drones-ew',
      item: 'FPV drones',
      quantity: 1000,
      unit: 'drones',
      kind: 'donation',
      value: { amount: '400000', currency: 'EUR' },
      marking: { classification: 'GROUP', relTo: [] },
    });
    await poll(() => total.textContent()).toBe('€1,650,000.75');
    expect(await page.getByTestId('projector-count').textContent()).toBe('4');
    const latest = page.getByTestId('projector-latest').getByRole('listitem');
    await poll(() => latest.count()).toBe(4);
    expect(await latest.first().textContent()).toContain('FPV drones');
    expect(await sameDocument(page)).toBe(true);
    await screenshot(page, 'live-board-projector');
    await expectAccessible(page, 'live-board-projector');

    await page.getByRole('link', { name: 'Back to the board' }).click();
    await page.getByRole('heading', { level: 1, name: `Live board: ${meeting.code}` }).waitFor();
  });
});
