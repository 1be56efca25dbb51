import { cpus } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';

/** Load generation, answer checks and tables shared by the benchmarks of bench/run.ts. */

export const CONNECTIONS = 32;

export interface Measurement {
  requestsPerSecond: number;
  p99Ms: number;
  requests: number;
  failures: string | null;
}

/**
 * Loads one URL for `seconds` with 32 connections. The load generator runs in a worker thread, off
 * the servers' loop. Only 127.0.0.1 is ever loaded.
 */
export function load(
  url: string,
  seconds: number,
  headers: Record<string, string> = {},
): Promise<Measurement> {
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
      { url, headers, connections: CONNECTIONS, duration: seconds, timeout: 10, workers: 1 },
      (error: unknown, result) => {
        clearTimeout(guard);
        if (error) {
          return reject(error instanceof Error ? error : new Error(JSON.stringify(error)));
        }
        const problems = [
          // Slower than the whole run: no rate to report (raise BENCH_SECONDS).
          result.requests.total === 0 ? `no answer within ${seconds} s` : '',
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

/**
 * Waits until a server has worked off what a load left queued. Both servers share this process's
 * event loop: requests still queued on one when its load ends (32 of them, on a slow endpoint several
 * seconds of work) would otherwise be served during the next load on the other and count against it.
 * One more request, answered after the backlog, says it is done.
 */
export async function settle(url: string, headers: Record<string, string> = {}): Promise<void> {
  const deadline = Date.now() + 600_000;
  for (;;) {
    try {
      const response = await fetch(url, { headers, signal: AbortSignal.timeout(300_000) });
      await response.arrayBuffer();
      return;
    } catch (error) {
      // A server still busy may refuse or drop a connection: try again, within bounds.
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

/** The baseline is only a baseline if it answers the same thing: same status, same JSON. */
export async function checkSameAnswers(
  ramsteinUrl: string,
  bareUrl: string,
  endpoints: readonly string[],
  headers: Record<string, string> = {},
): Promise<void> {
  for (const endpoint of endpoints) {
    const [ours, bare] = await Promise.all(
      [ramsteinUrl, bareUrl].map(async (base) => {
        const response = await fetch(base + endpoint, { headers });
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

export function textTable(cells: string[][]): string {
  const widths = cells[0]?.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) =>
    row.map((cell, i) =>
      i === 0 ? cell.padEnd(widths?.[i] ?? 0) : cell.padStart(widths?.[i] ?? 0),
    );
  const [head = [], ...body] = cells;
  const rule = (widths ?? []).map((w) => '-'.repeat(w));
  return [head, rule, ...body].map((row) => line(row).join('  ')).join('\n');
}

export function markdownTable(cells: string[][], leftColumns = 1): string {
  const [head = [], ...body] = cells;
  const row = (r: string[]) => `| ${r.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  const align = `| ${head.map((_, i) => (i < leftColumns ? '---' : '---:')).join(' | ')} |`;
  return [row(head), align, ...body.map(row)].join('\n');
}

export function machine() {
  const cores = cpus();
  return {
    date: new Date().toISOString(),
    node: process.version,
    cpu: cores[0]?.model.trim() ?? 'unknown',
    cores: cores.length,
    platform: `${process.platform} ${process.arch}`,
  };
}
