/**
 * `npm run bench`: on a ledger generated at BENCH_SCALE, loads API endpoints of the real app and, in the
 * same run, bare node:http baselines answering the same URLs from the same SQLite file; answers gap and
 * coverage questions per viewer with Ramstein's coverage service and with DuckDB scanning the same
 * pledges; imports a file of pledges against raw INSERTs; drives the pledges ledger page in Chromium on
 * that ledger and on a small one. Prints times and ratios; the ratios are the result, absolute numbers
 * depend on the machine. See bench/README.md.
 */
import { mkdtempSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/core/config';
import { connect, type Connection } from '../src/core/db/connect';
import { migrateUp } from '../src/core/db/migrate';
import { seedReferenceData } from '../src/core/reference/seed';
import { buildApp } from '../src/server/app';
import { API_GOAL, type ApiResult, apiTable, runApiBench } from './api-bench';
import { type CoverageResult, runCoverageBench } from './coverage-bench';
import { importBench } from './import-bench';
import { loadDuckLedger } from './ledger-duckdb';
import { addDelegate, benchScale, prepareLedger, sqliteMegabytes } from './ledger-setup';
import { CONNECTIONS, machine, markdownTable, textTable } from './load';
import {
  FIRST_ROWS_GOAL_MS,
  FRAME_RATIO_GOAL,
  runTableBench,
  SLOW_FRAME_MS,
  TABLE_METHOD,
  type TableResult,
  tableMeasurements,
  tableRatios,
} from './table-bench';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = join(ROOT, 'bench', 'results', 'latest.md');
/** Timed calls per coverage question and side; the median is reported. */
const COVERAGE_RUNS = 7;
const DELEGATE_NATION = 'POL';
const IMPORT_GOAL = 0.5;
/** Pledges in the imported file, per scale. */
const IMPORT_ROWS = { xs: 200, m: 20_000, l: 50_000 } as const;
const PARTS = ['api', 'coverage', 'import', 'table'] as const;
/** The table part's baseline: the ledger page on this scale, generated in the same run. */
const TABLE_BASELINE = 'xs';

interface ImportResult {
  rows: number;
  ramsteinRowsPerSecond: number;
  rawRowsPerSecond: number;
}
type Part = (typeof PARTS)[number];

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

/** BENCH_PARTS: which benchmarks to run, comma-separated; all by default. */
function benchParts(value: string | undefined): Set<Part> {
  if (value === undefined || value === '') return new Set(PARTS);
  const parts = value.split(',').map((p) => p.trim());
  const unknown = parts.filter((p) => !(PARTS as readonly string[]).includes(p));
  if (unknown.length > 0 || parts.length === 0) {
    throw new Error(`BENCH_PARTS takes ${PARTS.join(', ')} (comma-separated), not "${value}"`);
  }
  return new Set(parts as Part[]);
}

const fixed = (n: number, digits: number) => n.toFixed(digits);

/** A SQLite file migrated and loaded with the reference data, as the ledger generator wants it. */
async function openDatabase(file: string): Promise<Connection> {
  const connection = await connect(file);
  try {
    await migrateUp(connection.db);
    await seedReferenceData(connection.db, { dir: join(ROOT, 'data/reference') });
    return connection;
  } catch (error) {
    await connection.close();
    throw error;
  }
}

function coverageTable(result: CoverageResult): string[][] {
  return [
    ['question', 'viewer', 'ms Ramstein', 'ms DuckDB', 'DuckDB ÷ Ramstein', 'goal > 1'],
    ...result.rows.map((r) => [
      r.question,
      r.viewer,
      fixed(r.ramsteinMs, 1),
      fixed(r.duckdbMs, 1),
      fixed(r.ratio, 2),
      r.ratio > 1 ? 'ok' : 'BELOW',
    ]),
  ];
}

function importTable(result: ImportResult): string[][] {
  const ratio = result.ramsteinRowsPerSecond / result.rawRowsPerSecond;
  return [
    ['pledges', 'rows/s import', 'rows/s raw INSERT', 'ratio', 'goal'],
    [
      String(result.rows),
      fixed(result.ramsteinRowsPerSecond, 0),
      fixed(result.rawRowsPerSecond, 0),
      fixed(ratio, 2),
      ratio >= IMPORT_GOAL ? 'ok' : 'BELOW',
    ],
  ];
}

interface Results {
  dataset: string;
  seconds: number;
  api: ApiResult | null;
  coverage: { result: CoverageResult; duckLoad: string } | null;
  imported: ImportResult | null;
  table: TableResult | null;
  failed: string[];
}

function writeResults(results: Results): void {
  const { api, coverage, imported, table, failed } = results;
  const m = machine();
  const text = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (bench/run.ts); see bench/README.md for what is measured.',
    '',
    ...(failed.length === 0
      ? []
      : [
          '**FAILED: this run does not count.**',
          '',
          ...failed.map((f) => `- ${f.split('\n')[0] ?? f}`),
          '',
        ]),
    `- date: ${m.date}`,
    `- Node: ${m.node}`,
    `- CPU: ${m.cpu}`,
    `- cores: ${m.cores}`,
    `- platform: ${m.platform}`,
    `- database: SQLite (temporary file, migrated, reference data loaded)`,
    `- ${results.dataset}`,
    '',
    ...(api === null
      ? []
      : [
          '## API against a bare node:http baseline',
          '',
          `${CONNECTIONS} connections, ${results.seconds} s per endpoint and server, 127.0.0.1; ` +
            `the ledger endpoints as a ${DELEGATE_NATION} delegate with an API token.`,
          '',
          markdownTable(apiTable(api.rows)),
          '',
          'Ratio = Ramstein requests/s ÷ bare requests/s, measured in the same run. ' +
            `Goal: ratio ≥ ${API_GOAL}.`,
          '',
        ]),
    ...(coverage === null
      ? []
      : [
          '## Gap and coverage against DuckDB',
          '',
          `Median of ${COVERAGE_RUNS} calls each; ${coverage.duckLoad}. ` +
            (coverage.result.mismatches.length === 0
              ? 'Both sides gave the same figures for every question and viewer (checked in the run).'
              : 'The two sides gave DIFFERENT figures: see the failures above.'),
          '',
          markdownTable(coverageTable(coverage.result), 2),
          '',
          'Ratio = DuckDB ms ÷ Ramstein ms: above 1, the bucket sums answer faster than a full scan.',
          '',
        ]),
    ...(imported === null
      ? []
      : [
          '## Import against raw INSERTs',
          '',
          'A CSV file of pledges through the ledger import (read, checked row by row, written with the ' +
            'totals and an audit entry) against prepared INSERTs of the rows it wrote (pledges and ' +
            'their status history) in one transaction, each on a fresh copy of the same database.',
          '',
          markdownTable(importTable(imported), 0),
          '',
          `Ratio = import rows/s ÷ raw rows/s. Goal: ratio ≥ ${IMPORT_GOAL}.`,
          '',
        ]),
    ...(table === null
      ? []
      : [
          '## The pledges ledger page in Chromium',
          '',
          `/pledges served by the real app with a production build of the web app, read in ` +
            `headless Chromium by a ${DELEGATE_NATION} delegate signed in with a password, on the ` +
            `${table.subject.label} ledger and, as the baseline, the ${table.baseline.label} ledger ` +
            `generated in the same run. ${TABLE_METHOD}`,
          '',
          markdownTable(tableMeasurements(table)),
          '',
          markdownTable(tableRatios(table)),
          '',
          `Goals: p95 frame time within ${FRAME_RATIO_GOAL}× the baseline's and at most ` +
            `${SLOW_FRAME_MS} ms; first rows within ${FIRST_ROWS_GOAL_MS} ms. ` +
            (table.pageErrors.length === 0
              ? 'The pages logged no errors.'
              : 'The pages logged ERRORS: see the failures above.'),
          '',
        ]),
  ].join('\n');
  mkdirSync(dirname(RESULTS), { recursive: true });
  // Written beside and renamed, so an interrupted run never leaves half a file (*.tmp is ignored).
  const temporary = `${RESULTS}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, RESULTS);
}

async function main(): Promise<number> {
  const seconds = benchSeconds(process.env.BENCH_SECONDS);
  const scale = benchScale(process.env.BENCH_SCALE);
  const parts = benchParts(process.env.BENCH_PARTS);
  const reused = process.env.BENCH_LEDGER_DB ?? '';
  const dir = mkdtempSync(join(tmpdir(), 'ramstein-bench-'));
  const file = reused === '' ? join(dir, 'bench.sqlite') : resolve(reused);
  let connection: Connection | undefined;
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  let duck: Awaited<ReturnType<typeof loadDuckLedger>> | undefined;
  let small: Connection | undefined;
  try {
    connection = await openDatabase(file);
    console.log(`Preparing the ${scale} ledger in ${file}`);
    const ledger = await prepareLedger(connection, scale, reused !== '', (line) =>
      console.log(line),
    );
    const made = ledger.generated
      ? `generated in ${fixed(ledger.generated.seconds, 0)} s`
      : 'reused from BENCH_LEDGER_DB';
    const dataset =
      `ledger: scale ${scale}, ${ledger.pledges} pledges, ${ledger.deliveries} deliveries ` +
      `(${made}; SQLite file ${fixed(sqliteMegabytes(file), 0)} MB)`;
    console.log(dataset);
    const m = machine();
    console.log(`Node ${m.node}, ${m.cpu} × ${m.cores}\n`);
    const results: Results = {
      dataset,
      seconds,
      api: null,
      coverage: null,
      imported: null,
      table: null,
      failed: [],
    };

    if (parts.has('api')) {
      const token = await addDelegate(connection, DELEGATE_NATION);
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
      console.log(
        `API: Ramstein ${ramsteinUrl}, ${CONNECTIONS} connections, ${seconds} s each (BENCH_SECONDS)`,
      );
      results.api = await runApiBench({ ramsteinUrl, file, token, seconds });
      results.failed.push(...results.api.failed);
      await app.close();
      app = undefined;
      console.log(`\n${textTable(apiTable(results.api.rows))}\n`);
      console.log(`ratio = Ramstein req/s ÷ bare req/s in this run; goal: ratio ≥ ${API_GOAL}\n`);
    }

    if (parts.has('coverage')) {
      console.log('Coverage: loading the same pledges and requirements into DuckDB...');
      duck = await loadDuckLedger(file);
      const duckLoad =
        `DuckDB ${duck.rows.pledges} pledges and ${duck.rows.requirements} requirements in memory, ` +
        `loaded in ${fixed(duck.loadSeconds, 1)} s (not timed)`;
      console.log(`  ${duckLoad}`);
      const result = await runCoverageBench(connection.db, duck, {
        runs: COVERAGE_RUNS,
        now: new Date(),
        onQuestion: (q) => console.log(`  timing ${q}`),
      });
      duck.close();
      duck = undefined;
      results.coverage = { result, duckLoad };
      results.failed.push(...result.mismatches.map((m) => `DuckDB and Ramstein differ on ${m}`));
      console.log(`\n${textTable(coverageTable(result))}\n`);
      console.log('ratio = DuckDB ms ÷ Ramstein ms (median of each); goal: ratio > 1\n');
    }

    if (parts.has('import')) {
      console.log(`Import: ${IMPORT_ROWS[scale]} pledges, then the same rows by raw INSERTs...`);
      results.imported = await importBench(IMPORT_ROWS[scale], join(ROOT, 'data/reference'));
      console.log(`\n${textTable(importTable(results.imported))}\n`);
      console.log(`ratio = import rows/s ÷ raw INSERT rows/s; goal: ratio ≥ ${IMPORT_GOAL}\n`);
    }

    if (parts.has('table')) {
      const smallFile = join(dir, `table-${TABLE_BASELINE}.sqlite`);
      console.log(`Table: the ${TABLE_BASELINE} baseline ledger in ${smallFile}`);
      small = await openDatabase(smallFile);
      await prepareLedger(small, TABLE_BASELINE, false, (line) => console.log(line));
      console.log(`Table: /pledges in Chromium, ${TABLE_BASELINE} then ${scale}`);
      const table = await runTableBench(
        {
          baseline: { label: TABLE_BASELINE, file: smallFile, connection: small },
          subject: { label: scale, file, connection },
        },
        join(dir, 'web'),
        (line) => console.log(line),
      );
      await small.close();
      small = undefined;
      results.table = table;
      results.failed.push(...table.pageErrors.map((e) => `page error on /pledges: ${e}`));
      console.log(`\n${textTable(tableMeasurements(table))}\n`);
      console.log(`${textTable(tableRatios(table))}\n`);
      console.log(
        `goals: p95 frame ≤ ${FRAME_RATIO_GOAL}× the ${TABLE_BASELINE} ledger's and ≤ ` +
          `${SLOW_FRAME_MS} ms; first rows < ${FIRST_ROWS_GOAL_MS} ms\n`,
      );
    }

    writeResults(results);
    console.log(`written to ${RESULTS}`);
    if (results.failed.length > 0) {
      console.error(`\nFAILED: these numbers do not count:\n  ${results.failed.join('\n  ')}`);
      return 1;
    }
    return 0;
  } finally {
    duck?.close();
    await app?.close();
    await small?.close();
    await connection?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
    console.error(error instanceof Error ? `${error.message}${cause ? `: ${cause}` : ''}` : error);
    process.exitCode = 1;
  },
);
