/**
 * `npm run bench`: loads a few API endpoints of the real app and, in the same run, a bare node:http
 * baseline answering the same URLs from the same SQLite file, and prints requests/s and the ratio.
 * The ratio is the result; absolute numbers depend on the machine. See bench/README.md.
 */
import { mkdtempSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import { loadConfig } from '../src/core/config';
import { connect, type Connection } from '../src/core/db/connect';
import { migrateUp } from '../src/core/db/migrate';
import { seedReferenceData } from '../src/core/reference/seed';
import { buildApp } from '../src/server/app';
import { type BareServer, startBareServer } from './bare';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = join(ROOT, 'bench', 'results', 'latest.md');
const GOAL = 0.6;
const CONNECTIONS = 32;
const ENDPOINTS = [
  '/api/v1/groups/udcg/meetings?limit=50&sort=-date',
  '/api/v1/groups/udcg/meetings/26',
  '/api/v1/groups/udcg/chair',
] as const;

interface Measurement {
  requestsPerSecond: number;
  p99Ms: number;
  requests: number;
  failures: string | null;
}

interface Row {
  endpoint: string;
  ramstein: Measurement;
  bare: Measurement;
  ratio: number;
}

/** BENCH_SECONDS: seconds of load per endpoint and server, 1–120, default 5. */
function benchSeconds(value: string | undefined): number {
  if (value === undefined || value === '') return 5;
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 120) {
    throw new Error(
      `BENCH_SECONDS must be a whole number of seconds from 1 to 120, not "${value}"`,
    );
  }
  return seconds;
}

/** Loads one URL for `seconds`. The load generator runs in a worker thread, off the servers' loop. */
function load(url: string, seconds: number): Promise<Measurement> {
  if (new URL(url).hostname !== '127.0.0.1') throw new Error(`refusing to load ${url}`);
  return new Promise((resolvePromise, reject) => {
    // Bounded: autocannon stops after `duration`; this stops it if it somehow does not.
    const guard = setTimeout(
      () => {
        instance.stop();
        reject(new Error(`load on ${url} did not finish within ${seconds + 30} s`));
      },
      (seconds + 30) * 1000,
    );
    const instance = autocannon(
      { url, connections: CONNECTIONS, duration: seconds, timeout: 10, workers: 1 },
      (error: unknown, result) => {
        clearTimeout(guard);
        if (error) {
          return reject(error instanceof Error ? error : new Error(JSON.stringify(error)));
        }
        const problems = [
          result.errors > 0 ? `${result.errors} errors` : '',
          result.timeouts > 0 ? `${result.timeouts} timeouts` : '',
          result.non2xx > 0 ? `${result.non2xx} non-2xx responses` : '',
        ].filter(Boolean);
        resolvePromise({
          requestsPerSecond: result.requests.total / result.duration,
          p99Ms: result.latency.p99,
          requests: result.requests.total,
          failures: problems.length > 0 ? problems.join(', ') : null,
        });
      },
    );
  });
}

/** The baseline is only a baseline if it answers the same thing: same status, same JSON. */
async function checkSameAnswers(ramsteinUrl: string, bareUrl: string): Promise<void> {
  for (const endpoint of ENDPOINTS) {
    const [ours, bare] = await Promise.all(
      [ramsteinUrl, bareUrl].map(async (base) => {
        const response = await fetch(base + endpoint);
        return { status: response.status, body: (await response.json()) as unknown };
      }),
    );
    if (ours?.status !== 200 || !isDeepStrictEqual(ours, bare)) {
      throw new Error(
        `The baseline does not answer ${endpoint} like Ramstein does:\n` +
          `Ramstein ${JSON.stringify(ours).slice(0, 400)}\n` +
          `bare     ${JSON.stringify(bare).slice(0, 400)}`,
      );
    }
  }
}

const fixed = (n: number, digits: number) => n.toFixed(digits);

function table(rows: Row[]): string[][] {
  return [
    ['endpoint', 'req/s Ramstein', 'req/s bare', 'ratio', 'goal', 'p99 Ramstein', 'p99 bare'],
    ...rows.map((r) => [
      `GET ${r.endpoint}`,
      fixed(r.ramstein.requestsPerSecond, 0),
      fixed(r.bare.requestsPerSecond, 0),
      fixed(r.ratio, 2),
      r.ratio >= GOAL ? 'ok' : 'BELOW',
      `${r.ramstein.p99Ms} ms`,
      `${r.bare.p99Ms} ms`,
    ]),
  ];
}

function textTable(cells: string[][]): string {
  const widths = cells[0]?.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) =>
    row.map((cell, i) =>
      i === 0 ? cell.padEnd(widths?.[i] ?? 0) : cell.padStart(widths?.[i] ?? 0),
    );
  const [head = [], ...body] = cells;
  const rule = (widths ?? []).map((w) => '-'.repeat(w));
  return [head, rule, ...body].map((row) => line(row).join('  ')).join('\n');
}

function markdownTable(cells: string[][]): string {
  const [head = [], ...body] = cells;
  const row = (r: string[]) => `| ${r.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  const align = `| ${head.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`;
  return [row(head), align, ...body.map(row)].join('\n');
}

function machine() {
  const cores = cpus();
  return {
    date: new Date().toISOString(),
    node: process.version,
    cpu: cores[0]?.model.trim() ?? 'unknown',
    cores: cores.length,
    platform: `${process.platform} ${process.arch}`,
  };
}

function writeResults(rows: Row[], seconds: number): void {
  const m = machine();
  const text = [
    '# Benchmark: Ramstein API against a bare node:http baseline',
    '',
    'Written by `npm run bench` (bench/run.ts); see bench/README.md for what is measured.',
    '',
    `- date: ${m.date}`,
    `- Node: ${m.node}`,
    `- CPU: ${m.cpu}`,
    `- cores: ${m.cores}`,
    `- platform: ${m.platform}`,
    `- load: ${CONNECTIONS} connections, ${seconds} s per endpoint and server, 127.0.0.1`,
    `- database: SQLite (fresh temporary file, migrated, reference data loaded)`,
    '',
    markdownTable(table(rows)),
    '',
    `Ratio = Ramstein requests/s ÷ bare requests/s, measured in the same run. Goal: ratio ≥ ${GOAL}.`,
    '',
  ].join('\n');
  mkdirSync(dirname(RESULTS), { recursive: true });
  // Written beside and renamed, so an interrupted run never leaves half a file (*.tmp is ignored).
  const temporary = `${RESULTS}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, RESULTS);
}

async function main(): Promise<number> {
  const seconds = benchSeconds(process.env.BENCH_SECONDS);
  const dir = mkdtempSync(join(tmpdir(), 'ramstein-bench-'));
  const file = join(dir, 'bench.sqlite');
  let connection: Connection | undefined;
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  let bare: BareServer | undefined;
  try {
    connection = await connect(file);
    await migrateUp(connection.db);
    await seedReferenceData(connection.db, { dir: join(ROOT, 'data/reference') });
    app = await buildApp({
      config: loadConfig({
        DATABASE_URL: file,
        LOG_LEVEL: 'silent',
        RAMSTEIN_WEB_DIR: 'dist/no-web',
      }),
      connection,
    });
    const ramsteinUrl = (await app.listen({ host: '127.0.0.1', port: 0 })).replace(
      'localhost',
      '127.0.0.1',
    );
    bare = await startBareServer(file);
    await checkSameAnswers(ramsteinUrl, bare.url);

    const m = machine();
    console.log(
      `Ramstein ${ramsteinUrl} vs bare node:http ${bare.url}: ${CONNECTIONS} connections, ` +
        `${seconds} s each (BENCH_SECONDS), Node ${m.node}, ${m.cpu} × ${m.cores}`,
    );
    const warmUp = Math.min(2, seconds);
    const rows: Row[] = [];
    for (const endpoint of ENDPOINTS) {
      // A short unmeasured run first, so both are measured after the JIT has settled.
      await load(ramsteinUrl + endpoint, warmUp);
      await load(bare.url + endpoint, warmUp);
      const ramstein = await load(ramsteinUrl + endpoint, seconds);
      const baseline = await load(bare.url + endpoint, seconds);
      rows.push({
        endpoint,
        ramstein,
        bare: baseline,
        ratio: ramstein.requestsPerSecond / baseline.requestsPerSecond,
      });
      console.log(`  measured GET ${endpoint}`);
    }

    console.log(`\n${textTable(table(rows))}\n`);
    console.log(`ratio = Ramstein req/s ÷ bare req/s in this run; goal: ratio ≥ ${GOAL}`);
    writeResults(rows, seconds);
    console.log(`written to ${RESULTS}`);

    const failed = rows.flatMap((r) => [
      ...(r.ramstein.failures ? [`Ramstein GET ${r.endpoint}: ${r.ramstein.failures}`] : []),
      ...(r.bare.failures ? [`bare GET ${r.endpoint}: ${r.bare.failures}`] : []),
    ]);
    if (failed.length > 0) {
      console.error(
        `\nThe load saw failures, so these numbers do not count:\n  ${failed.join('\n  ')}`,
      );
      return 1;
    }
    return 0;
  } finally {
    await app?.close();
    await bare?.close();
    await connection?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
