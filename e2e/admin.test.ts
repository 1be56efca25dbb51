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
let admin: TestUser;
let viewer: TestUser;
beforeAll(async () => {
  h = await startHarness();
  admin = await h.addUser({
    username: 'root.admin',
    displayName: 'Ada Admin',
    nation: 'DEU',
    roles: ['admin'],
  });
  viewer = await h.addUser({
    username: 'vera.pol',
    displayName: 'Vera Nowak',
    nation: 'POL',
    roles: ['viewer'],
  });
});
afterAll(async () => {
  await h.close();
});
afterEach(() => {
  expect(h.pageErrors).toEqual([]);
});

describe('administration', () => {
  it('lets an admin create a user, then disable it', async () => {
    const page = await h.newPage();
    await signInAs(page, admin);
    await page.goto('/');
    await page.getByRole('navigation').getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await page.getByTestId('user-vera.pol').waitFor();

    const form = page.getByRole('form', { name: 'Create a user' });
    await form.getByLabel(/^User name/).fill('marta.est');
    await form.getByLabel(/^Name/).fill('Marta Tamm');
    await form.getByLabel(/^Nation/).selectOption('EST');
    await form.getByRole('checkbox', { name: 'Coordinator' }).check();
    // A short password is refused at its field, with the server's reason.
    await form.getByRole('textbox', { name: 'First password' }).fill('too short');
    await form.getByRole('button', { name: 'Create user' }).click();
    await form.getByText('must be at least 15 characters long').waitFor();
    await screenshot(page, 'admin-users-refused');
    await expectAccessible(page, 'admin-users-refused');

    await form
      .getByRole('textbox', { name: 'First password' })
      .fill('Granite meadows whisper after rainfall');
    await form.getByRole('button', { name: 'Create user' }).click();
    await page.getByText('User marta.est created.').waitFor();
    const row = page.getByTestId('user-marta.est');
    await row.getByText('Marta Tamm').waitFor();
    await row.getByText('Estonia (EST)').waitFor();
    await row.getByText('Active').waitFor();

    await page.getByRole('button', { name: 'Disable marta.est' }).click();
    await row.getByText('Disabled').waitFor();
    await page.getByText('marta.est is disabled.').waitFor();
    await screenshot(page, 'admin-users');
    await expectAccessible(page, 'admin-users');

    // A disabled account cannot sign in (from a browser with no session, so no CSRF token is due).
    const stranger = await h.newPage();
    const refused = await stranger.request.post('/api/v1/auth/sign-in', {
      data: { username: 'marta.est', password: 'Granite meadows whisper after rainfall' },
    });
    expect(refused.status()).toBe(401);
  });

  it('edits roles, and says so when the user changed meanwhile (409)', async () => {
    const page = await h.newPage();
    await signInAs(page, admin);
    await page.goto('/admin/users');
    await page.getByRole('button', { name: 'Edit vera.pol' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit vera.pol' });
    await dialog.getByRole('checkbox', { name: 'Coordinator' }).check();

    // Someone else changes the same user through the API first.
    const users = (await (await page.request.get('/api/v1/users')).json()) as {
      items: { id: string; username: string; version: number }[];
    };
    const vera = users.items.find((u) => u.username === 'vera.pol');
    const session = (await (await page.request.get('/api/v1/auth/session')).json()) as {
      csrfToken: string;
    };
    const patched = await page.request.patch(`/api/v1/users/${vera?.id ?? ''}`, {
      data: { version: vera?.version, displayName: 'Vera Nowak-Kowalska' },
      headers: { 'x-csrf-token': session.csrfToken },
    });
    expect(patched.status()).toBe(200);

    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('Someone else changed this user').waitFor();
    // The latest version is loaded into the form; saving again now works.
    await expect(dialog.getByLabel('Name').inputValue()).resolves.toBe('Vera Nowak-Kowalska');
    await dialog.getByRole('checkbox', { name: 'Coordinator' }).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page
      .getByTestId('user-vera.pol')
      .getByText(/Coordinator/)
      .waitFor();
    await page
      .getByTestId('user-vera.pol')
      .getByText(/Viewer/)
      .waitFor();
  });

  it('shows the audit chain intact and the entries of what was just done', async () => {
    const page = await h.newPage();
    await signInAs(page, admin);
    await page.goto('/');
    await page.getByRole('navigation').getByRole('link', { name: 'Audit trail' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();
    await page
      .getByTestId('chain-status')
      .getByText(/The hash chain is intact: \d+ entries checked/)
      .waitFor();
    const rows = page.getByTestId('audit-row');
    await rows.first().waitFor();
    await page.getByLabel('Actor').fill('root.admin');
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await page.waitForURL(/actor=root.admin/);
    // The previous page stays on screen while the filtered one loads: wait for it to be replaced.
    await expect.poll(() => rows.filter({ hasNotText: 'root.admin' }).count()).toBe(0);
    await rows.first().getByText('root.admin').waitFor();
    await expect(rows.first().getByTestId('marking-badge').textContent()).resolves.toMatch(
      /^GROUP/,
    );

    // Expand the entry that created marta.est: its "after" names her.
    await page.getByLabel('Action').fill('user.create');
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await page.waitForURL(/action=user.create/);
    await expect.poll(() => rows.filter({ hasNotText: 'user.create' }).count()).toBe(0);
    const created = rows.first();
    await created.getByRole('button', { name: /^Show the changes of entry/ }).click();
    await page.getByText('"username": "marta.est"').waitFor();
    await screenshot(page, 'admin-audit');
    await expectAccessible(page, 'admin-audit');
  });

  it('hides the administration from a non-admin and forbids its pages', async () => {
    const page = await h.newPage();
    await signInAs(page, viewer);
    await page.goto('/');
    await page.getByRole('navigation').getByRole('link', { name: 'Documents' }).waitFor();
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Users' }).count()).toBe(0);
    expect(await page.getByRole('navigation').getByText('Administration').count()).toBe(0);
    await page.goto('/admin/users');
    await page.getByRole('heading', { level: 1, name: 'Not allowed' }).waitFor();
    await page.getByText('This page is for administrators').waitFor();
    await screenshot(page, 'admin-forbidden');
    await expectAccessible(page, 'admin-forbidden');
    expect((await page.request.get('/api/v1/users')).status()).toBe(403);
  });
});
