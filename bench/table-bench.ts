import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { setPassword } from '../src/core/accounts/account.service';
import { randomSecret } from '../src/core/accounts/secrets';
import { findUserByUsername } from '../src/core/accounts/user.repository';
import { systemActor } from '../src/core/audit/audit.service';
import { loadConfig } from '../src/core/config';
import type { Connection } from '../src/core/db/connect';
import { buildApp } from '../src/server/app';
import { addDelegate } from './ledger-setup';
import { domRows, firstRows, jump, PAGE_INIT_SCRIPT, ROW_PX, scroll, SCROLLER } from './table-page';

// ---------------------------------------------------------------------------------------------------
// The pledges ledger page (/pledges, a virtualised table) in Debian's Chromium, on a large ledger and,
// in the same run, on a small one: time to the first rows, a jump to the middle, the frame times of a
// continuous scroll and how many rows the page holds.

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Goal: the p95 frame time on the large ledger at most this many times the small ledger's. */
export const FRAME_RATIO_GOAL = 1.5;
/** Goal: the p95 frame time at most this (3 frames at 60 Hz); slow frames are longer. */
export const SLOW_FRAME_MS = 50;
/** Goal: the first rows within this of the navigation (RAIL: a response within a second). */
export const FIRST_ROWS_GOAL_MS = 1000;
/** Navigations to /pledges timed after an unmeasured one; the median is reported. */
export const NAVIGATIONS = 3;
/** The continuous scroll: this long, this fast (about 73 rows a second), down and back up. */
export const SCROLL_SECONDS = 5;
export const SCROLL_PX_PER_SECOND = 3000;
/** Where the table is jumped to, as parts of its height; the middle first. */
const JUMPS = [0.5, 0.25, 0.75] as const;
const DELEGATE_NATION = 'POL';
const VIEWPORT = { width: 1280, height: 900 };

/** How the figures were taken, for the results. */
export const TABLE_METHOD =
  `Viewport ${VIEWPORT.width} × ${VIEWPORT.height}. First rows: median of ${NAVIGATIONS} ` +
  'navigations to /pledges (after one unmeasured) until rows show their pledge. Jump: median of ' +
  'three scroll positions set at once (the middle row, a quarter, three quarters) until every row ' +
  'in view shows its pledge. Frames: times between animation frames while the scroll position ' +
  `follows a steady ${SCROLL_PX_PER_SECOND} px/s scroll from the top for ${SCROLL_SECONDS} s; ` +
  'frames loading: those of them that showed a row in view still waiting for its pledge. Rows in ' +
  'page: the most table rows in the page at once.';

export interface TableLedger {
  /** How the ledger is named in the tables: its scale. */
  label: string;
  file: string;
  connection: Connection;
}

export interface TableMeasurement {
  label: string;
  /** Rows of the table for the delegate (the pledges it may read). */
  rows: number;
  /** Median time from navigation to the first rows with their pledge shown. */
  firstRowsMs: number;
  /** Median time from setting the scroll position to every row in view shown, over the jumps. */
  jumpMs: number;
  frames: number;
  medianFrameMs: number;
  p95FrameMs: number;
  maxFrameMs: number;
  /** Frames longer than SLOW_FRAME_MS. */
  slowFrames: number;
  /** Frames of the scroll that showed a row in view still loading. */
  blankFrames: number;
  /** The most table rows in the page at once, through the whole measurement. */
  maxDomRows: number;
}

export interface TableResult {
  baseline: TableMeasurement;
  subject: TableMeasurement;
  /** Errors of the pages (uncaught, or logged as errors), which make the run not count. */
  pageErrors: string[];
}

/**
 * Builds the web app as `npm run build` does, but into `outDir`: dist/web may hold a development
 * build (the e2e tests build it under vitest, where NODE_ENV is "test" and Vite then bundles React's
 * development build, several times slower), and the e2e tests empty and rebuild it while they run.
 */
export async function buildWebApp(outDir: string): Promise<void> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: join(ROOT, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'error',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

/** Longer than SLOW_FRAME_MS, to the ms: frame times are whole frames give or take a few µs. */
const slow = (frameMs: number) => Math.round(frameMs) > SLOW_FRAME_MS;

const median = (values: readonly number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );

/**
 * The bench's POL delegate (ledger-setup's, so the api part and this one read as the same viewer),
 * given a new password each run so the browser can sign in with it.
 */
async function delegateWithPassword(connection: Connection) {
  await addDelegate(connection, DELEGATE_NATION);
  const username = `bench-delegate-${DELEGATE_NATION.toLowerCase()}`;
  const row = await findUserByUsername(connection.db, username);
  if (!row) throw new Error(`${username} was not created`);
  const password = randomSecret(24);
  await connection.db
    .transaction()
    .execute((trx) => setPassword(trx, systemActor, row, password, new Date()));
  return { username, password };
}

/** Serves `ledger` with the web app, signs the delegate in in a fresh context and measures /pledges. */
async function measureLedger(
  browser: Browser,
  webDir: string,
  ledger: TableLedger,
  pageErrors: string[],
  log: (line: string) => void,
): Promise<TableMeasurement> {
  const user = await delegateWithPassword(ledger.connection);
  const app = await buildApp({
    config: loadConfig({
      DATABASE_URL: ledger.file,
      LOG_LEVEL: 'silent',
      RAMSTEIN_WEB_DIR: webDir,
    }),
    connection: ledger.connection,
  });
  const baseURL = (await app.listen({ host: '127.0.0.1', port: 0 })).replace(
    'localhost',
    '127.0.0.1',
  );
  const context = await browser.newContext({
    baseURL,
    locale: 'en-GB',
    timezoneId: 'UTC',
    viewport: VIEWPORT,
  });
  try {
    context.setDefaultTimeout(60_000);
    await context.addInitScript({ content: PAGE_INIT_SCRIPT });
    const page = await context.newPage();
    // As the e2e tests: a page that throws has a defect even when it looks fine; console errors
    // count too, except the browser's note of a 4xx answer.
    page.on('pageerror', (error) => pageErrors.push(`${ledger.label}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        pageErrors.push(`${ledger.label}: console: ${message.text()}`);
      }
    });
    const signedIn = await page.request.post('/api/v1/auth/sign-in', {
      data: { username: user.username, password: user.password },
    });
    if (signedIn.status() !== 200) {
      throw new Error(`the bench delegate could not sign in (${signedIn.status()})`);
    }

    // After each measurement, the rows in the page: a few dozen however long the ledger.
    let maxDomRows = 0;
    const measured = async (take: () => Promise<number>) => {
      const value = await take();
      maxDomRows = Math.max(maxDomRows, await domRows(page));
      return value;
    };
    log(`  ${ledger.label}: first rows, ${NAVIGATIONS} navigations after one unmeasured...`);
    await measured(() => firstRows(page));
    const navigations: number[] = [];
    for (let i = 0; i < NAVIGATIONS; i++) navigations.push(await measured(() => firstRows(page)));
    const rowCount = Number(await page.getByTestId('ledger-table').getAttribute('aria-rowcount'));
    const rows = rowCount - 1;
    if (!Number.isInteger(rows) || rows < 1) throw new Error(`${ledger.label}: the table is empty`);

    // The last row that can be first under the header, and the jumps' targets.
    const view = await page
      .locator(SCROLLER)
      .evaluate((el) => ({ height: el.clientHeight, scrollHeight: el.scrollHeight }));
    const lastFirst = Math.max(0, Math.floor((view.scrollHeight - view.height) / ROW_PX));
    const targets = JUMPS.map((part) => Math.min(lastFirst, Math.floor(rows * part)));
    log(`  ${ledger.label}: jumps to rows ${targets.map((t) => t + 1).join(', ')}...`);
    const jumps: number[] = [];
    for (const target of targets) jumps.push(await measured(() => jump(page, target)));

    log(`  ${ledger.label}: ${SCROLL_SECONDS} s of scrolling at ${SCROLL_PX_PER_SECOND} px/s...`);
    await jump(page, 0);
    const scrolled = await scroll(page, SCROLL_SECONDS, SCROLL_PX_PER_SECOND);
    maxDomRows = Math.max(maxDomRows, scrolled.maxRows, await domRows(page));
    const deltas = [...scrolled.deltas].sort((a, b) => a - b);
    return {
      label: ledger.label,
      rows,
      firstRowsMs: median(navigations),
      jumpMs: median(jumps),
      frames: deltas.length,
      medianFrameMs: percentile(deltas, 0.5),
      p95FrameMs: percentile(deltas, 0.95),
      maxFrameMs: deltas[deltas.length - 1] ?? Number.NaN,
      slowFrames: deltas.filter(slow).length,
      blankFrames: scrolled.blankFrames,
      maxDomRows,
    };
  } finally {
    await context.close().catch(() => undefined);
    await app.close();
  }
}

/**
 * Builds the web app into `webDir`, then measures the ledger page on the small `baseline` ledger and on
 * `subject`, each served by its own app in this process and read by the same headless Chromium
 * (CHROMIUM_PATH, /usr/bin/chromium).
 */
export async function runTableBench(
  ledgers: { baseline: TableLedger; subject: TableLedger },
  webDir: string,
  log: (line: string) => void,
): Promise<TableResult> {
  log(`  building the web app (production) into ${webDir}...`);
  await buildWebApp(webDir);
  // Launched as e2e/harness.ts launches it.
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
  try {
    const errors: string[] = [];
    const baseline = await measureLedger(browser, webDir, ledgers.baseline, errors, log);
    const subject = await measureLedger(browser, webDir, ledgers.subject, errors, log);
    // Each error once, with how often: one defect repeats at every navigation.
    const counts = new Map<string, number>();
    for (const e of errors) counts.set(e, (counts.get(e) ?? 0) + 1);
    const pageErrors = [...counts].map(([e, n]) => (n > 1 ? `${e} (${n} times)` : e));
    return { baseline, subject, pageErrors };
  } finally {
    await browser.close();
  }
}

const ms = (n: number) => n.toFixed(n < 100 ? 1 : 0);

/** One row per ledger, the measurements. */
export function tableMeasurements(result: TableResult): string[][] {
  return [
    [
      'ledger',
      'rows',
      'first rows ms',
      'jump ms',
      'frames',
      'median frame ms',
      'p95 frame ms',
      'max frame ms',
      `frames > ${SLOW_FRAME_MS} ms`,
      'frames loading',
      'rows in page (max)',
    ],
    ...[{ ...result.baseline, label: `${result.baseline.label} (baseline)` }, result.subject].map(
      (m) => [
        m.label,
        String(m.rows),
        ms(m.firstRowsMs),
        ms(m.jumpMs),
        String(m.frames),
        ms(m.medianFrameMs),
        ms(m.p95FrameMs),
        ms(m.maxFrameMs),
        String(m.slowFrames),
        String(m.blankFrames),
        String(m.maxDomRows),
      ],
    ),
  ];
}

/** The ratios (subject ÷ baseline) and where the subject stands against the goals. */
export function tableRatios(result: TableResult): string[][] {
  const { baseline: b, subject: s } = result;
  // Compared as printed: frame times are whole frames give or take a few µs (50.0 is 3 frames).
  const ratio = (of: (m: TableMeasurement) => number) => Number((of(s) / of(b)).toFixed(2));
  const row = (measure: string, of: (m: TableMeasurement) => number, goal: string, met: string) => [
    measure,
    ms(of(b)),
    ms(of(s)),
    ratio(of).toFixed(2),
    goal,
    met,
  ];
  const p95 = (m: TableMeasurement) => m.p95FrameMs;
  const frameProblems = [
    ratio(p95) > FRAME_RATIO_GOAL ? 'ratio' : '',
    slow(p95(s)) ? 'ms' : '',
  ].filter(Boolean);
  return [
    ['ms', b.label, s.label, `${s.label} ÷ ${b.label}`, 'goal', ''],
    row(
      'first rows',
      (m) => m.firstRowsMs,
      `${s.label} < ${FIRST_ROWS_GOAL_MS} ms`,
      s.firstRowsMs < FIRST_ROWS_GOAL_MS ? 'ok' : 'ABOVE',
    ),
    row('jump', (m) => m.jumpMs, '', ''),
    row(
      'p95 frame',
      p95,
      `ratio ≤ ${FRAME_RATIO_GOAL}, ${s.label} ≤ ${SLOW_FRAME_MS} ms`,
      frameProblems.length === 0 ? 'ok' : `ABOVE (${frameProblems.join(', ')})`,
    ),
  ];
}
