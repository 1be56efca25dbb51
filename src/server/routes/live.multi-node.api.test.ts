import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../core/db/connect';
import { openTestDatabase, postgresAvailable } from '../../core/db/testing/test-database';
import { LIVE_CHANNEL } from '../../core/live/live-event.service';
import { addPrincipal, bearer, type Principal } from '../test/principals';
import { settle, SseStream } from '../test/sse-client';
import type { TestApp } from '../test/test-app';

const bin = join(process.cwd(), 'bin/ramstein.mjs');

/** Starts `ramstein serve` on a free port and resolves with its address once it listens. */
function startNode(databaseUrl: string): Promise<{ process: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--host', '127.0.0.1'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'silent',
      RAMSTEIN_WEB_DIR: 'dist/no-web',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`node did not start: ${output}`)), 90_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/[^/\s]+)\//.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ process: child, url: match[1] });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`node exited with ${code}: ${output}`));
    });
  });
}

function stopNode(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Two server processes on one PostgreSQL database, as behind a load balancer: a pledge recorded
 * through node A reaches the live board of a delegation connected to node B (LISTEN/NOTIFY), exactly
 * once; a delegation that reconnects to either node with Last-Event-ID misses nothing and gets nothing
 * twice.
 */
(postgresAvailable() ? describe : describe.skip)(
  'live board across two nodes [postgres]',
  { timeout: 180_000 },
  () => {
    let database: { url: string; connection: Connection; close: () => Promise<void> };
    let nodeA: { process: ChildProcess; url: string } | undefined;
    let nodeB: { process: ChildProcess; url: string } | undefined;
    let gbr: Principal;
    let pol: Principal;
    let meetingId = '';
    const streams: SseStream[] = [];

    const board = async (node: { url: string }, who: Principal, lastEventId?: number) => {
      const stream = await SseStream.open(`${node.url}/api/v1/meetings/${meetingId}/live`, {
        ...bearer(who.token),
        ...(lastEventId === undefined ? {} : { 'last-event-id': String(lastEventId) }),
      });
      streams.push(stream);
      expect(stream.status).toBe(200);
      return stream;
    };

    const pledge = async (node: { url: string }, item: string) => {
      const response = await fetch(`${node.url}/api/v1/groups/udcg/pledges`, {
        method: 'POST',
        headers: { ...bearer(gbr.token), 'content-type': 'application/json' },
        body: JSON.stringify({
          capabilityArea: 'air-defence',
          item,
          quantity: 1,
          unit: 'systems',
          kind: 'donation',
          announcedOn: '2025-10-15',
          meetingId,
          marking: { classification: 'GROUP' },
        }),
      });
      expect(response.status, await response.clone().text()).toBe(201);
      return ((await response.json()) as { id: string }).id;
    };

    const pledgeIds = (stream: SseStream) =>
      stream.events.map((e) => (e.data as { pledgeId: string }).pledgeId);

    beforeAll(async () => {
      database = await openTestDatabase('postgres');
      // addPrincipal only uses the connection; no app runs in this process.
      const here = { kind: 'postgres', connection: database.connection } as TestApp;
      gbr = await addPrincipal(here, 'nodes.gbr', 'GBR', ['coordinator']);
      pol = await addPrincipal(here, 'nodes.pol', 'POL', ['coordinator']);
      const meeting = await database.connection.db
        .selectFrom('meetings')
        .select('id')
        .where('number', '=', 31)
        .executeTakeFirstOrThrow();
      meetingId = meeting.id;
      [nodeA, nodeB] = await Promise.all([startNode(database.url), startNode(database.url)]);
    }, 180_000);

    afterAll(async () => {
      for (const stream of streams) stream.close();
      await Promise.all([stopNode(nodeA?.process), stopNode(nodeB?.process)]);
      await database?.close();
    }, 60_000);

    it('delivers a pledge recorded through node A to node B exactly once, and resumes without loss', async () => {
      if (!nodeA || !nodeB) throw new Error('nodes not started');
      expect(nodeA.url).not.toBe(nodeB.url);
      const atB = await board(nodeB, pol);
      const atA = await board(nodeA, pol);

      const first = await pledge(nodeA, 'NASAMS fire units');
      await atB.waitFor((s) => s.events.length >= 1);
      await atA.waitFor((s) => s.events.length >= 1);
      await settle(1000);
      expect(pledgeIds(atB)).toEqual([first]);
      expect(pledgeIds(atA)).toEqual([first]);
      const firstSeq = atB.events[0]?.seq ?? 0;
      expect(atA.events[0]?.seq).toBe(firstSeq);

      // B's delegation drops off; meanwhile two pledges are recorded, one through each node.
      atB.close();
      const second = await pledge(nodeB, 'Skynex systems');
      const third = await pledge(nodeA, 'Patriot launchers');
      await atA.waitFor((s) => s.events.length >= 3);

      // It reconnects to the other node with its Last-Event-ID: exactly what it missed, in order.
      const resumedAtA = await board(nodeA, pol, firstSeq);
      await resumedAtA.waitFor((s) => s.events.length >= 2);
      // And to node B from the start: all three, once each.
      const replayAtB = await board(nodeB, pol, 0);
      await replayAtB.waitFor((s) => s.events.length >= 3);
      // One more through A reaches both resumed boards live.
      const fourth = await pledge(nodeA, 'IRIS-T SLM launchers');
      await resumedAtA.waitFor((s) => s.events.length >= 3);
      await replayAtB.waitFor((s) => s.events.length >= 4);
      await settle(1000);

      expect(pledgeIds(resumedAtA)).toEqual([second, third, fourth]);
      expect(pledgeIds(replayAtB)).toEqual([first, second, third, fourth]);
      expect(pledgeIds(atA)).toEqual([first, second, third, fourth]);
      expect(replayAtB.events.map((e) => e.seq)).toEqual([
        firstSeq,
        firstSeq + 1,
        firstSeq + 2,
        firstSeq + 3,
      ]);
    });

    it('catches up after its LISTEN connection was cut: a missed notification costs a delay, not an event', async () => {
      if (!nodeA || !nodeB) throw new Error('nodes not started');
      const atB = await board(nodeB, pol);
      await atB.waitFor((s) => s.events.length >= 4);
      // Cut both nodes' LISTEN connections (as a database failover would), then record at once:
      // the NOTIFY finds nobody listening.
      const { rows } = await sql<{ pid: number }>`
        select pg_terminate_backend(pid) as pid from pg_stat_activity
        where datname = current_database() and query = ${`listen ${LIVE_CHANNEL}`}`.execute(
        database.connection.db,
      );
      expect(rows).toHaveLength(2);
      const fifth = await pledge(nodeA, 'Gepard systems');
      await atB.waitFor((s) => s.events.length >= 5);
      await settle(1000);
      expect(pledgeIds(atB).slice(4)).toEqual([fifth]);
      expect(atB.events).toHaveLength(5);
    });

    it('ends the streams of a node that shuts down, leaving the other serving', async () => {
      if (!nodeA || !nodeB) throw new Error('nodes not started');
      const atB = await board(nodeB, pol);
      await atB.waitFor((s) => s.events.length >= 5);
      await stopNode(nodeB.process);
      await atB.waitForEnd();
      const atA = await board(nodeA, pol);
      await atA.waitFor((s) => s.events.length >= 5);
      expect(atA.events).toHaveLength(5);
    });
  },
);
