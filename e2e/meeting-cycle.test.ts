import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Agenda } from '../src/core/meetings/agenda.schema';
import { addDays } from '../src/core/meetings/meeting-cycle';
import type { Meeting, MeetingWriteResult } from '../src/core/meetings/meeting.schema';
import { conveneBody, venueDay } from '../src/core/meetings/testing/meeting-fixtures';
import {
  expectAccessible,
  type Harness,
  screenshot,
  signInAs,
  startHarness,
  type TestUser,
} from './harness';
import { poll, writerFor } from './ledger-fixtures';

/**
 * The meeting cycle in the browser: the UK secretariat convenes UDCG-33 in Warsaw for tomorrow, sets
 * the agenda, Poland answers and checks itself in, the meeting runs, closes and publishes its summary;
 * the next one, convened from it, has its agenda items edited; a third meeting is moved and then
 * cancelled; the calendar shows them; a calendar feed is made and revoked. The tests run in order
 * and share the meetings they make.
 */

let h: Harness;
let secretariat: TestUser;
let poland: TestUser;
const ZONE = 'Europe/Warsaw';
const date = venueDay(1, ZONE);
const meetingUrl = '/meetings/33';

beforeAll(async () => {
  h = await startHarness();
  secretariat = await h.addUser({
    username: 'sec.gbr',
    displayName: 'Sarah Secretariat',
    nation: 'GBR',
    roles: ['secretariat'],
  });
  poland = await h.addUser({
    username: 'pol.delegate',
    displayName: 'Piotr Delegate',
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

async function signedIn(user: TestUser): Promise<Page> {
  const page = await h.newPage();
  await signInAs(page, user);
  return page;
}

const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true }).click();

describe('the meeting cycle', () => {
  it('convenes the next meeting, refusing a date in the past at its field', async () => {
    const page = await signedIn(secretariat);
    await page.goto('/meetings');
    await page.getByRole('link', { name: 'Convene a meeting' }).click();
    await page.getByRole('heading', { level: 1, name: 'Convene the next meeting' }).waitFor();

    const form = page.getByRole('form', { name: 'Convene the next meeting' });
    const dateField = form.getByLabel(/^Date/);
    await dateField.fill(venueDay(-1, ZONE));
    const zone = form.getByLabel('Time zone of the venue', { exact: false });
    await zone.click();
    await zone.fill('Warsaw');
    await page.getByRole('option', { name: ZONE }).click();
    await poll(() => zone.inputValue()).toBe(ZONE);
    await form.getByLabel(/^Venue/).fill('Presidential Palace, Warsaw');
    await form.getByLabel('Country of the venue').selectOption('POL');
    await form.getByLabel('Or a new event: its name').fill("NATO defence ministers' meeting");
    await form.getByLabel('Starts on').fill(addDays(date, 1));
    await form.getByRole('button', { name: 'Add the new event' }).click();
    await form
      .getByTestId('event-links')
      .getByText(/NATO defence ministers' meeting/)
      .waitFor();
    await form.getByRole('button', { name: 'Convene' }).click();

    await form.getByText('is in the past').waitFor();
    await poll(() => dateField.getAttribute('aria-invalid')).toBe('true');
    await poll(() => dateField.evaluate((el) => el === document.activeElement)).toBe(true);
    await screenshot(page, 'meeting-convene-error');
    await expectAccessible(page, 'meeting-convene-error');

    await dateField.fill(date);
    await form.getByRole('button', { name: 'Convene' }).click();
    await page.getByRole('heading', { level: 1, name: 'UDCG-33' }).waitFor();
    await page.getByRole('status').getByText('Meeting convened.').waitFor();
    await page.getByTestId('meeting-phase').getByText('Convened').waitFor();
    await page.getByText('Presidential Palace, Warsaw').waitFor();
    await page
      .getByRole('region', { name: 'Linked events' })
      .getByRole('link', { name: "NATO defence ministers' meeting" })
      .waitFor();
    await page.getByText(`Local time (${ZONE})`).waitFor();
    await expectAccessible(page, 'meeting-convened');
  });

  it('sets the agenda and re-orders it, keeping every earlier order', async () => {
    const page = await signedIn(secretariat);
    await page.goto(meetingUrl);
    const form = page.getByRole('form', { name: 'Add an agenda item' });
    const items: [string, string, string][] = [
      ['Opening remarks', 'GBR', '10'],
      ['Air defence', 'UKR', '45'],
      ['Artillery ammunition', 'DEU', '30'],
    ];
    const rows = page.getByTestId('agenda-item');
    for (const [index, [title, nation, minutes]] of items.entries()) {
      await form.getByLabel(/^Title/).fill(title);
      await form.getByLabel('Presenting nation').selectOption(nation);
      await form.getByLabel('Minutes').fill(minutes);
      await form.getByRole('button', { name: 'Add the item' }).click();
      await poll(() => rows.count()).toBe(index + 1);
    }
    await page.getByTestId('agenda-total').getByText('85 minutes in all').waitFor();

    await page.getByRole('button', { name: 'Move “Artillery ammunition” up' }).click();
    await poll(() => rows.nth(1).textContent()).toContain('Artillery ammunition');
    await poll(() => rows.nth(2).textContent()).toContain('Air defence');
    // The time boxes follow the new order: air defence now starts after 10 + 30 minutes.
    await rows.nth(2).getByText('45 minutes, from minute 40').waitFor();

    await page.getByRole('button', { name: 'Show the earlier orders' }).click();
    const history = page.getByTestId('agenda-history');
    await history.getByText(/Version 4: re-ordered by sec\.gbr/).waitFor();
    await history
      .getByText('1. Opening remarks · 2. Air defence · 3. Artillery ammunition')
      .waitFor();
    await screenshot(page, 'meeting-agenda');
    await expectAccessible(page, 'meeting-agenda');
  });

  it('takes a delegation’s answer for its own nation; the secretariat sees who has not answered', async () => {
    const delegate = await signedIn(poland);
    await delegate.goto(`${meetingUrl}?tab=invitations`);
    const form = delegate.getByRole('form', { name: 'Answer for Poland' });
    await form.getByLabel('Answer').selectOption('attending');
    await form.getByLabel('Head of delegation').fill('Władysław Kosiniak-Kamysz');
    await form.getByLabel('Level').selectOption('ministers');
    await form.getByRole('button', { name: 'Send the answer' }).click();
    await form.getByText('Answer recorded.').waitFor();
    const row = delegate.getByTestId('invitation-POL');
    await row.getByText('Attending in person').waitFor();
    await row.getByText('Władysław Kosiniak-Kamysz').waitFor();
    // A delegation answers only for itself: no list to chase, no choice of nation.
    expect(await delegate.getByTestId('not-answered').count()).toBe(0);
    expect(await delegate.getByRole('form', { name: "Record a nation's answer" }).count()).toBe(0);
    await expectAccessible(delegate, 'meeting-rsvp');

    const page = await signedIn(secretariat);
    await page.goto(`${meetingUrl}?tab=invitations`);
    const chase = page.getByTestId('not-answered');
    await chase.getByText(/Germany/).waitFor();
    expect(await chase.textContent()).not.toContain('Poland');
    await page
      .getByTestId('rsvp-counts')
      .getByText(/1 in person/)
      .waitFor();

    // NATO joins as an observer, invited after the convening.
    const invite = page.getByRole('form', { name: 'Invite more nations' });
    await invite.getByRole('textbox', { name: /^Invite more nations/ }).fill('XNT');
    await page.getByRole('option', { name: /\(XNT\)/ }).click();
    await invite.getByRole('button', { name: 'Invite' }).click();
    await page.getByTestId('invitation-XNT').getByText('Observer').waitFor();
    await screenshot(page, 'meeting-invitations');
    await expectAccessible(page, 'meeting-invitations');
  });

  it('runs the meeting: opens it, records attendance, an outcome and an action item', async () => {
    const page = await signedIn(secretariat);
    await page.goto(meetingUrl);
    await page.getByRole('button', { name: 'Open the meeting' }).click();
    await page.getByTestId('meeting-phase').getByText('Open').waitFor();
    await page.getByText('Held', { exact: true }).first().waitFor();

    await tab(page, 'Attendance');
    const record = page.getByRole('form', { name: 'Record attendance' });
    await record.getByLabel('Nation').selectOption('GBR');
    await record.getByLabel('Head of delegation').fill('John Healey');
    await record.getByRole('button', { name: 'Record attendance' }).click();
    const attendance = page.getByTestId('attendance');
    await attendance
      .getByRole('row', { name: /United Kingdom/ })
      .getByText('sec.gbr (GBR)')
      .waitFor();

    // Poland checks itself in from its own browser.
    const delegate = await signedIn(poland);
    await delegate.goto(`${meetingUrl}?tab=attendance`);
    await delegate.getByRole('button', { name: 'Check in the delegation of Poland' }).click();
    await delegate
      .getByTestId('attendance')
      .getByRole('row', { name: /Poland/ })
      .getByText('pol.delegate (self check-in)')
      .waitFor();
    await page.reload();
    await page
      .getByTestId('attendance-counts')
      .getByText(/^2 nations checked in/)
      .waitFor();
    await expectAccessible(page, 'meeting-attendance');

    await tab(page, 'Outcomes and actions');
    const outcome = page.getByRole('form', { name: 'Record an outcome' });
    await outcome.getByLabel('Agenda item').selectOption({ label: '3. Air defence' });
    await outcome.getByLabel('Kind').selectOption('decision');
    await outcome.getByLabel(/^Text/).fill('Six more air defence systems for the winter.');
    await outcome.getByRole('button', { name: 'Record' }).click();
    const group = page.getByTestId('outcome-group').filter({ hasText: '3. Air defence' });
    await group.getByText('Six more air defence systems for the winter.').waitFor();
    await group.getByText('Decision').waitFor();

    const action = page.getByRole('form', { name: 'Raise an action item' });
    await action.getByRole('button', { name: 'Raise' }).click();
    await action.getByText('is required').waitFor();
    await action.getByLabel(/^Action/).fill('Deliver the Patriot launchers');
    await action.getByLabel(/^Owner nation/).selectOption('POL');
    await action.getByLabel('Due').fill(addDays(date, 30));
    await action.getByRole('button', { name: 'Raise' }).click();
    const raised = page.getByTestId('action-items');
    await raised.getByRole('row', { name: /Deliver the Patriot launchers/ }).waitFor();
    await screenshot(page, 'meeting-record');
    await expectAccessible(page, 'meeting-record');

    // The owner's coordinator moves its action item on.
    await delegate.goto(`${meetingUrl}?tab=record`);
    await delegate
      .getByLabel('Status of “Deliver the Patriot launchers”')
      .selectOption('in_progress');
    await page.reload();
    await poll(() =>
      page.getByLabel('Status of “Deliver the Patriot launchers”').inputValue(),
    ).toBe('in_progress');
  });

  it('keeps the minutes with every revision, drafts visible to the secretariat only', async () => {
    const page = await signedIn(secretariat);
    await page.goto(`${meetingUrl}?tab=minutes`);
    const minutes = page.getByRole('textbox', { name: 'Minutes', exact: true });
    await minutes.fill('# Minutes of UDCG-33\n\n- The chair opened the meeting.');
    await page.getByRole('button', { name: 'Save the minutes' }).click();
    await page.getByText(/^Version 1, by sec\.gbr/).waitFor();
    await minutes.fill(
      '# Minutes of UDCG-33\n\n- The chair opened the meeting.\n- Poland reported on air defence.',
    );
    await page.getByRole('button', { name: 'Save the minutes' }).click();
    await page.getByText(/^Version 2, by sec\.gbr/).waitFor();
    const revisions = page.getByTestId('minutes-revisions');
    await revisions.getByText('2 revisions').click();
    await revisions.getByText(/Version 1: edited by sec\.gbr/).waitFor();
    await expectAccessible(page, 'meeting-minutes');

    // Another nation sees no draft.
    const delegate = await signedIn(poland);
    await delegate.goto(`${meetingUrl}?tab=minutes`);
    await delegate.getByText('No minutes are available yet.').waitFor();
  });

  it('closes the meeting, approves the minutes and publishes the edited summary', async () => {
    const page = await signedIn(secretariat);
    await page.goto(meetingUrl);
    await page.getByRole('button', { name: 'Close the meeting' }).click();
    const dialog = page.getByRole('dialog', { name: 'Close UDCG-33?' });
    await dialog.getByRole('button', { name: 'Close the meeting' }).click();
    await page.getByTestId('meeting-phase').getByText('Closed').waitFor();
    expect(await page.getByRole('form', { name: 'Add an agenda item' }).count()).toBe(0);

    await tab(page, 'Minutes');
    await page.getByRole('button', { name: 'Approve the minutes' }).click();
    await page.getByText('Approved', { exact: true }).waitFor();
    await page.getByTestId('formatted-text').getByText('Poland reported on air defence.').waitFor();

    await tab(page, 'Summary');
    // No summary yet: the secretariat starts from an empty editor or a draft from the record.
    await poll(() => page.getByRole('textbox', { name: 'Summary', exact: true }).inputValue()).toBe(
      '',
    );
    await page.getByRole('button', { name: 'Draft from the record' }).click();
    const summary = page.getByRole('textbox', { name: 'Summary', exact: true });
    await poll(() => summary.inputValue()).toContain('Six more air defence systems');
    const drafted = await summary.inputValue();
    await summary.fill(`${drafted}\n\nThe next meeting follows the NATO ministerial.`);
    await page.getByRole('button', { name: 'Save the summary' }).click();
    await page.getByText(/^Version 2, by sec\.gbr/).waitFor();
    await page.getByRole('button', { name: 'Publish the summary' }).click();
    await page.getByText('Published', { exact: true }).waitFor();
    await page
      .getByTestId('formatted-text')
      .getByText('The next meeting follows the NATO ministerial.')
      .waitFor();
    await screenshot(page, 'meeting-summary');
    await expectAccessible(page, 'meeting-summary');

    // Everyone the meeting is released to reads the published summary, and may download it.
    const delegate = await signedIn(poland);
    await delegate.goto(`${meetingUrl}?tab=summary`);
    await delegate
      .getByTestId('formatted-text')
      .getByText('The next meeting follows the NATO ministerial.')
      .waitFor();
    const documents = delegate.getByRole('navigation', { name: 'Documents' });
    const pdfHref = await documents
      .getByRole('link', { name: 'Summary brief (PDF)' })
      .getAttribute('href');
    const pdf = await delegate.request.get(pdfHref ?? '');
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const htmlHref = await documents
      .getByRole('link', { name: 'Summary (HTML)' })
      .getAttribute('href');
    const html = await delegate.request.get(htmlHref ?? '');
    expect(html.status()).toBe(200);
    expect(html.headers()['content-type']).toContain('text/html');
    expect(await html.text()).toContain('The next meeting follows the NATO ministerial.');
    for (const name of ['Pre-read pack (HTML)', 'Attendance (CSV)']) {
      const href = await documents.getByRole('link', { name }).getAttribute('href');
      expect((await delegate.request.get(href ?? '')).status()).toBe(200);
    }
  });

  it('convenes the next meeting from the previous one: its place, agenda and open action items', async () => {
    const page = await signedIn(secretariat);
    await page.goto('/meetings/new');
    const form = page.getByRole('form', { name: 'Convene the next meeting' });
    const template = form.getByLabel('Start from a previous meeting');
    const previous = await template.locator('option', { hasText: 'UDCG-33' }).getAttribute('value');
    await template.selectOption(previous ?? '');
    await poll(() => form.getByLabel(/^Venue/).inputValue()).toBe('Presidential Palace, Warsaw');
    await poll(() => form.getByLabel('Time zone of the venue', { exact: false }).inputValue()).toBe(
      ZONE,
    );
    await form.getByLabel(/^Date/).fill(venueDay(10, ZONE));
    await form.getByRole('button', { name: 'Convene' }).click();
    await page.getByRole('heading', { level: 1, name: 'UDCG-34' }).waitFor();
    const notice = page.getByRole('status').filter({ hasText: 'Meeting convened.' });
    await notice.getByText(/3 agenda item\(s\) copied from UDCG-33/).waitFor();
    await notice
      .getByText(/1 open action item\(s\) from earlier meetings follow to UDCG-34/)
      .waitFor();
    await poll(() => page.getByTestId('agenda-item').count()).toBe(3);
  });

  it('edits an agenda item in place, shows a stale edit as a conflict, and no edit to a delegate', async () => {
    const page = await signedIn(secretariat);
    await page.goto('/meetings/34');
    const rows = page.getByTestId('agenda-item');
    await poll(() => rows.count()).toBe(3);

    // The form opens under the item with the keyboard in its title.
    await page.getByRole('button', { name: 'Edit “Opening remarks”' }).click();
    const form = page.getByRole('form', { name: 'Edit “Opening remarks”' });
    const title = form.getByLabel(/^Title/);
    await poll(() => title.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await title.inputValue()).toBe('Opening remarks');

    // A refusal shows at its field, which takes the keyboard.
    await title.fill('');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('is required').waitFor();
    await poll(() => title.getAttribute('aria-invalid')).toBe('true');
    await poll(() => title.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectAccessible(page, 'meeting-agenda-edit-error');

    await title.fill('Opening remarks by the chair');
    await form.getByLabel('Presenting nation').selectOption('POL');
    await form.getByLabel('Presenter', { exact: true }).fill('Władysław Kosiniak-Kamysz');
    await form.getByRole('button', { name: 'Save' }).click();
    await rows.nth(0).getByText('Opening remarks by the chair').waitFor();
    await rows.nth(0).getByText('Poland — Władysław Kosiniak-Kamysz').waitFor();
    expect(await form.count()).toBe(0);
    // Saved, the keyboard is back on the item's edit button.
    const edited = page.getByRole('button', { name: 'Edit “Opening remarks by the chair”' });
    await poll(() => edited.evaluate((el) => el === document.activeElement)).toBe(true);

    // Someone changes "Air defence" through the API while the form for it is open.
    const writer = await writerFor(h, secretariat);
    const meeting = (await (
      await writer.request.get('/api/v1/groups/udcg/meetings/34')
    ).json()) as Meeting;
    const agenda = (await (
      await writer.request.get(`/api/v1/meetings/${meeting.id}/agenda`)
    ).json()) as Agenda;
    const airDefence = agenda.items.find((item) => item.title === 'Air defence');
    if (!airDefence) throw new Error('no Air defence item on UDCG-34');

    await page.getByRole('button', { name: 'Edit “Air defence”' }).click();
    const stale = page.getByRole('form', { name: 'Edit “Air defence”' });
    const minutes = stale.getByLabel('Minutes');
    await minutes.fill('50');
    await writer.patch(`/agenda-items/${airDefence.id}`, {
      version: airDefence.version,
      minutes: 60,
      presenterPerson: 'Rustem Umerov',
    });
    await stale.getByRole('button', { name: 'Save' }).click();
    const conflict = stale.getByRole('alert').filter({ hasText: 'Changed meanwhile' });
    await conflict.getByText(/has changed since version/).waitFor();
    await screenshot(page, 'meeting-agenda-conflict');
    await expectAccessible(page, 'meeting-agenda-conflict');

    // The newer version replaces the form's, and the user's change is made again on top of it.
    await conflict
      .getByRole('button', { name: 'Discard my changes and load the latest version' })
      .click();
    await poll(() => minutes.inputValue()).toBe('60');
    await poll(() => stale.getByLabel('Presenter', { exact: true }).inputValue()).toBe(
      'Rustem Umerov',
    );
    await minutes.fill('50');
    await stale.getByRole('button', { name: 'Save' }).click();
    await rows.nth(2).getByText('50 minutes, from minute 40').waitFor();
    await rows
      .nth(2)
      .getByText(/Rustem Umerov/)
      .waitFor();

    // Cancel closes the form too, the keyboard back on the edit button.
    const editArtillery = page.getByRole('button', { name: 'Edit “Artillery ammunition”' });
    await editArtillery.click();
    await page
      .getByRole('form', { name: 'Edit “Artillery ammunition”' })
      .getByRole('button', { name: 'Cancel' })
      .click();
    await poll(() => editArtillery.evaluate((el) => el === document.activeElement)).toBe(true);

    // A delegate reads the agenda and may not change it: no edit control.
    const delegate = await signedIn(poland);
    await delegate.goto('/meetings/34');
    await delegate.getByTestId('agenda-item').getByText('Opening remarks by the chair').waitFor();
    expect(await delegate.getByRole('button', { name: /^Edit “/ }).count()).toBe(0);
    expect(await delegate.getByRole('form', { name: /^Edit “/ }).count()).toBe(0);
  });

  it('reschedules a planned meeting only with a reason, then cancels it with one', async () => {
    const page = await signedIn(secretariat);
    const writer = await writerFor(h, secretariat);
    const { meeting } = await writer.post<MeetingWriteResult>(
      '/groups/udcg/meetings',
      conveneBody({ date: venueDay(12) }),
    );
    expect(meeting.number).toBe(35);
    await page.goto('/meetings/35?tab=record');
    // The action item still open from UDCG-33 follows the group's next meeting.
    await page
      .getByTestId('carried-action-items')
      .getByRole('row', { name: /Deliver the Patriot launchers/ })
      .waitFor();

    await page.getByRole('link', { name: 'Edit or reschedule' }).click();
    await page.getByRole('heading', { level: 1, name: 'Edit or reschedule UDCG-35' }).waitFor();
    const form = page.getByRole('form', { name: 'Edit or reschedule UDCG-35' });
    await form.getByLabel(/^Start time/).fill('16:30');
    await form.getByRole('button', { name: 'Save' }).click();
    const reason = form.getByRole('textbox', { name: /^Reason for the change/ });
    await poll(() => reason.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'meeting-reschedule-error');
    await reason.fill('The ministerial moved to the afternoon.');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: 'UDCG-35' }).waitFor();
    await page
      .getByTestId('reschedule-reason')
      .getByText('The ministerial moved to the afternoon.')
      .waitFor();
    await page
      .getByText(/at 16:30/)
      .first()
      .waitFor();

    await page.getByRole('button', { name: 'Cancel the meeting' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel UDCG-35' });
    await dialog.getByRole('button', { name: 'Cancel the meeting' }).click();
    await poll(() =>
      dialog.getByRole('textbox', { name: /^Reason/ }).getAttribute('aria-invalid'),
    ).toBe('true');
    await expectAccessible(page, 'meeting-cancel-dialog');
    await dialog.getByRole('textbox', { name: /^Reason/ }).fill('Merged into UDCG-36.');
    await dialog.getByRole('button', { name: 'Cancel the meeting' }).click();
    await page.getByTestId('cancel-reason').getByText('Merged into UDCG-36.').waitFor();
    await page.getByTestId('meeting-phase').getByText('Cancelled').waitFor();
    expect(await page.getByRole('button', { name: 'Open the meeting' }).count()).toBe(0);
  });

  it('shows the meetings on a month calendar, the month kept in the address', async () => {
    const page = await h.newPage();
    await page.goto('/meetings');
    await page.getByRole('button', { name: 'Calendar' }).click();
    await poll(() => new URL(page.url()).searchParams.get('view')).toBe('calendar');
    // The reference meeting UDCG-26 sits on 12 February 2025.
    await page.goto('/meetings?view=calendar&month=2025-02');
    await page.getByRole('heading', { level: 2, name: 'February 2025' }).waitFor();
    await page
      .getByTestId('calendar-day-2025-02-12')
      .getByRole('link', { name: 'UDCG-26' })
      .waitFor();
    await screenshot(page, 'meetings-calendar');
    await expectAccessible(page, 'meetings-calendar');

    await page.getByRole('button', { name: 'Next month' }).click();
    await page.getByRole('heading', { level: 2, name: 'March 2025' }).waitFor();
    expect(new URL(page.url()).searchParams.get('month')).toBe('2025-03');
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'March 2025' }).waitFor();

    // The meeting convened above is on its day, and leads to its page.
    await page.goto(`/meetings?view=calendar&month=${date.slice(0, 7)}`);
    await page
      .getByTestId(`calendar-day-${date}`)
      .getByRole('link', { name: /UDCG-33/ })
      .click();
    await page.getByRole('heading', { level: 1, name: 'UDCG-33' }).waitFor();
  });

  it('makes a calendar subscription address on the account page, and revokes it', async () => {
    const page = await signedIn(poland);
    await page.goto('/account');
    const section = page.getByRole('region', { name: 'Calendar subscription' });
    await section.getByText('You have no calendar address.').waitFor();
    await section.getByLabel(/^Where it is used/).fill('Outlook');
    await section.getByRole('button', { name: 'Make the address' }).click();
    const nationFeed = section.getByTestId('feed-nation');
    await nationFeed.waitFor();
    const url = (await nationFeed.textContent()) ?? '';
    expect(url).toMatch(/\/api\/v1\/calendar\/[^/]+\/nation\/POL\.ics$/);
    const groupUrl = (await section.getByTestId('feed-group').textContent()) ?? '';
    expect(groupUrl).toMatch(/\/group\/udcg\.ics$/);
    await expectAccessible(page, 'account-calendar');

    // A calendar application fetches the feed without any session.
    const outsider = await h.newPage();
    const feed = await outsider.request.get(url);
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toContain('text/calendar');
    const ics = await feed.text();
    expect(ics).toContain('UDCG-33');
    expect(ics).toContain('BEGIN:VCALENDAR');

    await section.getByRole('button', { name: 'I have copied it' }).click();
    await section.getByRole('button', { name: 'Revoke the calendar address Outlook' }).click();
    await section
      .getByTestId('calendar-feeds')
      .getByText(/^Revoked/)
      .waitFor();
    expect((await outsider.request.get(url)).status()).toBe(404);
  });
});
