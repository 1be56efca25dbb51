import { startBareServer } from './bare';
import { startLedgerBareServer } from './ledger-bare';
import { checkSameAnswers, load, type Measurement, settle } from './load';

/**
 * The API against bare node:http baselines on the same SQLite file: each endpoint is checked to answer
 * alike on both, then loaded on Ramstein, then on the baseline.
 */

export const API_GOAL = 0.6;

const MEETING_ENDPOINTS = [
  '/api/v1/groups/udcg/meetings?limit=50&sort=-date',
  '/api/v1/groups/udcg/meetings/26',
  '/api/v1/groups/udcg/chair',
] as const;

/** Loaded as a delegate of a member nation (a read-only API token), against startLedgerBareServer. */
const LEDGER_ENDPOINTS = [
  '/api/v1/groups/udcg/pledges?limit=100',
  '/api/v1/groups/udcg/coverage/areas',
] as const;

export interface ApiRow {
  endpoint: string;
  ramstein: Measurement;
  bare: Measurement;
  ratio: number;
}

export interface ApiResult {
  rows: ApiRow[];
  /** Endpoints not measured, or measured with errors, and why. */
  failed: string[];
}

async function measure(
  base: { ramstein: string; bare: string },
  endpoint: string,
  seconds: number,
  headers: Record<string, string>,
): Promise<ApiRow> {
  // A short unmeasured run first, so both are measured after the JIT has settled; after each run,
  // the server works off its queue before the next one starts.
  const run = async (url: string, duration: number) => {
    const measured = await load(url, duration, headers);
    await settle(url, headers);
    return measured;
  };
  const warmUp = Math.min(2, seconds);
  await run(base.ramstein + endpoint, warmUp);
  await run(base.bare + endpoint, warmUp);
  const ramstein = await run(base.ramstein + endpoint, seconds);
  const bare = await run(base.bare + endpoint, seconds);
  console.log(`  measured GET ${endpoint}`);
  return { endpoint, ramstein, bare, ratio: ramstein.requestsPerSecond / bare.requestsPerSecond };
}

/** Loads every endpoint of Ramstein at `ramsteinUrl` and of the baselines it starts on `file`. */
export async function runApiBench(options: {
  ramsteinUrl: string;
  file: string;
  token: string;
  seconds: number;
}): Promise<ApiResult> {
  const { ramsteinUrl, file, seconds } = options;
  const bare = await startBareServer(file);
  const ledgerBare = await startLedgerBareServer(file);
  const rows: ApiRow[] = [];
  const failed: string[] = [];
  try {
    console.log(`  baselines: ${bare.url} (meetings), ${ledgerBare.url} (ledger)`);
    const sets: { endpoints: readonly string[]; bare: string; headers: Record<string, string> }[] =
      [
        { endpoints: MEETING_ENDPOINTS, bare: bare.url, headers: {} },
        {
          endpoints: LEDGER_ENDPOINTS,
          bare: ledgerBare.url,
          headers: { authorization: `Bearer ${options.token}` },
        },
      ];
    for (const set of sets) {
      for (const endpoint of set.endpoints) {
        // An endpoint whose baseline answers otherwise is not measured (it would compare nothing);
        // the others still are, and the run fails at the end.
        try {
          await checkSameAnswers(ramsteinUrl, set.bare, [endpoint], set.headers);
        } catch (error) {
          failed.push(error instanceof Error ? error.message : String(error));
          console.error(`  NOT measured: GET ${endpoint}: the baseline answers otherwise`);
          continue;
        }
        const row = await measure(
          { ramstein: ramsteinUrl, bare: set.bare },
          endpoint,
          seconds,
          set.headers,
        );
        rows.push(row);
        if (row.ramstein.failures)
          failed.push(`Ramstein GET ${endpoint}: ${row.ramstein.failures}`);
        if (row.bare.failures) failed.push(`bare GET ${endpoint}: ${row.bare.failures}`);
      }
    }
  } finally {
    await bare.close();
    await ledgerBare.close();
  }
  return { rows, failed };
}

export function apiTable(rows: ApiRow[]): string[][] {
  const ratio = (r: ApiRow) => (Number.isFinite(r.ratio) ? r.ratio.toFixed(2) : '–');
  return [
    ['endpoint', 'req/s Ramstein', 'req/s bare', 'ratio', 'goal', 'p99 Ramstein', 'p99 bare'],
    ...rows.map((r) => [
      `GET ${r.endpoint}`,
      r.ramstein.requestsPerSecond.toFixed(r.ramstein.requestsPerSecond < 10 ? 1 : 0),
      r.bare.requestsPerSecond.toFixed(r.bare.requestsPerSecond < 10 ? 1 : 0),
      ratio(r),
      !Number.isFinite(r.ratio) ? '–' : r.ratio >= API_GOAL ? 'ok' : 'BELOW',
      `${r.ramstein.p99Ms} ms`,
      `${r.bare.p99Ms} ms`,
    ]),
  ];
}
