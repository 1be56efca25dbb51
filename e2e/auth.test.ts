import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, type Harness, screenshot, startHarness, type TestUser } from './harness';

let h: Harness;
let alice: TestUser;
beforeAll(async () => {
  h = await startHarness();
  alice = await h.addUser({
    username: 'alice.gbr',
    displayName: 'Alice Marsh',
    nation: 'GBR',
    roles: ['coordinator'],
  });
});
afterAll(async () => {
  await h.close();
});
afterEach(() => {
  expect(h.pageErrors).toEqual([]);
});

describe('signing in and out', () => {
  it('refuses a wrong password with the one sign-in message, at the form', async () => {
    const page = await h.newPage();
    await page.goto('/');
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    // Empty fields are refused before anything is sent.
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('is required').first().waitFor();

    await page.getByLabel('User name').fill(alice.username);
    await page.getByLabel(/^Password/).fill('not the right password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText(/Sign-in failed: the user name or password is wrong/).waitFor();
    // An unknown user gets exactly the same answer.
    await page.getByLabel('User name').fill('nobody.here');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await alert.getByText(/the user name or password is wrong/).waitFor();
    await screenshot(page, 'sign-in-failed');
    await expectAccessible(page, 'sign-in-failed');
  });

  it('signs in, returns to the page it came from with the user in the header, and signs out', async () => {
    const page = await h.newPage();
    await page.goto('/meetings');
    await page.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor();
    await page.getByRole('link', { name: 'Sign in' }).click();
    expect(new URL(page.url()).searchParams.get('next')).toBe('/meetings');
    await page.getByLabel('User name').fill(alice.username);
    await page.getByLabel(/^Password/).fill(alice.password);
    await screenshot(page, 'sign-in');
    await expectAccessible(page, 'sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor();
    const menu = page.getByRole('button', { name: 'Account menu of Alice Marsh' });
    await menu.waitFor();
    await menu.getByText('United Kingdom · Coordinator').waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Account' }).waitFor();
    expect(await page.getByRole('link', { name: 'Users' }).count()).toBe(0);
    await screenshot(page, 'signed-in-header');

    await menu.click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Account' }).count()).toBe(
      0,
    );
    // The cookie is gone for real: the API no longer knows this browser.
    const session = await page.request.get('/api/v1/auth/session');
    expect(session.status()).toBe(401);
  });

  it('sends a signed-out visitor of the account page to sign in first', async () => {
    const page = await h.newPage();
    await page.goto('/account');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe('/account');
    await page.getByLabel('User name').fill(alice.username);
    await page.getByLabel(/^Password/).fill(alice.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
  });
});
