import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Kysely } from 'kysely';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { CreateUser } from '../src/core/accounts/account.schema';
import { addUser } from '../src/core/accounts/account.service';
import { systemActor } from '../src/core/audit/audit.service';
import { loadConfig } from '../src/core/config';
import { connect } from '../src/core/db/connect';
import type { Database } from '../src/core/db/database';
import { migrateUp } from '../src/core/db/migrate';
import { seedReferenceData } from '../src/core/reference/seed';
import { buildApp } from '../src/server/app';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const screenshotDir = join(repoRoot, 'e2e', 'screenshots');

export interface PageOptions {
  locale?: string;
  timezoneId?: string;
  viewport?: { width: number; height: number };
}

export interface TestUser {
  username: string;
  displayName: string;
  nation: string;
  roles: CreateUser['roles'];
  password: string;
}

export interface Harness {
  baseUrl: string;
  browser: Browser;
  /** Uncaught errors thrown in any page: a test should end with none. */
  pageErrors: Error[];
  /** The server's database, for fixtures too many to send one request at a time (2 000 pledges). */
  db: Kysely<Database>;
  /** A fresh browser context (own storage, own clock) and a page in it. */
  newPage(options?: PageOptions): Promise<Page>;
  /**
   * Creates an account straight in the database, as an admin would, before any browser signs in.
   * The password is derived from the user name unless given: long, uncommon, not containing it.
   */
  addUser(
    user: Partial<TestUser> & Pick<TestUser, 'username' | 'nation' | 'roles'>,
  ): Promise<TestUser>;
  close(): Promise<void>;
}

/**
 * A real server in this process on a fresh SQLite file loaded with the reference data, and
 * Debian's Chromium to drive it. One per test file; each test takes its own context.
 */
export async function startHarness(): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'ramstein-e2e-'));
  const config = loadConfig({
    DATABASE_URL: join(dir, 'e2e.sqlite'),
    LOG_LEVEL: 'silent',
    RAMSTEIN_WEB_DIR: join(repoRoot, 'dist', 'web'),
  });
  const connection = await connect(config.DATABASE_URL);
  await migrateUp(connection.db);
  await seedReferenceData(connection.db, { dir: join(repoRoot, 'data', 'reference') });
  const app = await buildApp({ config, connection });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no TCP port');
  const baseUrl = `http://127.0.0.1:${address.port}`;

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const contexts: BrowserContext[] = [];
  const pageErrors: Error[] = [];

  return {
    baseUrl,
    browser,
    pageErrors,
    db: connection.db,
    async newPage({
      locale = 'en-GB',
      timezoneId = 'UTC',
      viewport = { width: 1280, height: 900 },
    }: PageOptions = {}) {
      const context = await browser.newContext({
        baseURL: baseUrl,
        locale,
        timezoneId,
        viewport,
      });
      contexts.push(context);
      context.setDefaultTimeout(10_000);
      const page = await context.newPage();
      // A page that throws has a defect even when it looks fine.
      page.on('pageerror', (error) => pageErrors.push(error));
      // Console errors too (a CSP refusal shows only there), except the browser's note of a
      // 4xx answer, which the not-found pages provoke on purpose.
      page.on('console', (message) => {
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
          pageErrors.push(new Error(`console: ${message.text()}`));
        }
      });
      return page;
    },
    async addUser(user) {
      const full: TestUser = {
        displayName: user.username.replace(
          /(^|[._-])(\w)/g,
          (_m, sep: string, c: string) => `${sep ? ' ' : ''}${c.toUpperCase()}`,
        ),
        password: `Harbour lantern ${[...user.username].reverse().join('')} 7 drifting quills`,
        ...user,
      };
      await connection.db.transaction().execute((trx) =>
        addUser(trx, systemActor, {
          username: full.username,
          displayName: full.displayName,
          nation: full.nation,
          roles: full.roles,
          password: full.password,
        }),
      );
      return full;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await app.close();
      await connection.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs axe on the page and fails on any serious or critical violation, printing what it found. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  // A dialog or menu fading in has blended colours for a moment; axe would judge the contrast of a
  // frame no one reads. Wait until no finite CSS transition or animation is running (a spinner's
  // endless one never ends).
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity,
      ),
  );
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length > 0) {
    const report = bad
      .map(
        (v) =>
          `[${v.impact}] ${v.id}: ${v.help}\n${v.nodes
            .slice(0, 5)
            .map((n) => `    ${n.target.join(' ')} — ${n.failureSummary ?? ''}`)
            .join('\n')}`,
      )
      .join('\n');
    console.error(`Accessibility violations on ${name}:\n${report}`);
  }
  expect(bad.map((v) => `${v.id} (${v.impact})`)).toEqual([]);
}

/** Saves a full-page screenshot to e2e/screenshots/<name>.png for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Signs the page's browser context in through the API (the cookie lands in the context's jar). */
export async function signInAs(page: Page, user: Pick<TestUser, 'username' | 'password'>) {
  const response = await page.request.post('/api/v1/auth/sign-in', {
    data: { username: user.username, password: user.password },
  });
  expect(response.status()).toBe(200);
}
