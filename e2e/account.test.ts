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
let bohdan: TestUser;
beforeAll(async () => {
  h = await startHarness();
  bohdan = await h.addUser({
    username: 'bohdan.ukr',
    displayName: 'Bohdan Kovalenko',
    nation: 'UKR',
    roles: ['recipient'],
  });
});
afterAll(async () => {
  await h.close();
});
afterEach(() => {
  expect(h.pageErrors).toEqual([]);
});

describe('account', () => {
  it('shows the profile and refuses a too-short new password at the field, then accepts a good one', async () => {
    const page = await h.newPage();
    await signInAs(page, bohdan);
    await page.goto('/account');
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    const profile = page.getByRole('region', { name: 'Profile' });
    await profile.getByText('Bohdan Kovalenko').waitFor();
    await profile.getByText('Ukraine (UKR)').waitFor();
    await profile.getByText('Recipient').waitFor();

    const form = page.getByRole('region', { name: 'Change password' });
    await form.getByText('At least 15 characters (at most').waitFor();
    await form.getByLabel(/^Current password/).fill(bohdan.password);
    const newPassword = form.getByRole('textbox', { name: 'New password', exact: true });
    const again = form.getByRole('textbox', { name: 'New password again' });
    await newPassword.fill('short one');
    await again.fill('short one');
    await form.getByRole('button', { name: 'Change password' }).click();
    // The server's reason, shown at the field it concerns.
    await form.getByText('must be at least 15 characters long').waitFor();
    const description = await newPassword.evaluate((input) =>
      (input.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    expect(description).toContain('must be at least 15 characters long');
    await screenshot(page, 'account-password-refused');
    await expectAccessible(page, 'account-password-refused');

    const good = 'Copper kettles hum beneath quiet orchards';
    await newPassword.fill(good);
    await again.fill(good);
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByText('Password changed').waitFor();

    // The new password works from now on.
    const fresh = await h.newPage();
    await signInAs(fresh, { username: bohdan.username, password: good });
    bohdan = { ...bohdan, password: good };
  });

  it('creates an API token, shows it once, and revokes it after confirmation', async () => {
    const page = await h.newPage();
    await signInAs(page, bohdan);
    await page.goto('/account');
    const tokens = page.getByRole('region', { name: 'API tokens' });
    await tokens.getByText('You have no API tokens.').waitFor();
    await tokens.getByLabel(/^Name/).fill('Reporting script');
    await tokens.getByLabel('Scope').selectOption('write');
    await tokens.getByRole('button', { name: 'Create token' }).click();
    await tokens.getByText('you will not see it again').waitFor();
    const secret = (await tokens.getByTestId('new-token').textContent()) ?? '';
    expect(secret.length).toBeGreaterThan(20);
    await tokens.getByRole('button', { name: 'Copy token' }).waitFor();
    const row = tokens.getByRole('row').filter({ hasText: 'Reporting script' });
    await row.getByText('Read and write').waitFor();
    await row.getByText('Active').waitFor();
    await screenshot(page, 'account-token-created');
    await expectAccessible(page, 'account-token-created');

    // The token works against the API.
    const check = await page.request.get('/api/v1/account/tokens', {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(check.status()).toBe(200);

    // Once dismissed, it is gone from the page for good; a reload does not bring it back either.
    await tokens.getByRole('button', { name: 'I have copied it' }).click();
    expect(await tokens.getByTestId('new-token').count()).toBe(0);
    await page.reload();
    await page.getByRole('row').filter({ hasText: 'Reporting script' }).waitFor();
    expect(await page.getByText(secret).count()).toBe(0);

    await page.getByRole('button', { name: 'Revoke token Reporting script' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke this token?' });
    await dialog.getByText('will stop working at once').waitFor();
    await expectAccessible(page, 'account-token-revoke-dialog');
    await dialog.getByRole('button', { name: 'Revoke token' }).click();
    await page
      .getByRole('row')
      .filter({ hasText: 'Reporting script' })
      .getByText(/^Revoked/)
      .waitFor();
    const after = await page.request.get('/api/v1/account/tokens', {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(after.status()).toBe(401);
  });

  it('signs out everywhere', async () => {
    const other = await h.newPage();
    await signInAs(other, bohdan);
    const page = await h.newPage();
    await signInAs(page, bohdan);
    await page.goto('/account');
    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    expect((await other.request.get('/api/v1/auth/session')).status()).toBe(401);
  });
});
