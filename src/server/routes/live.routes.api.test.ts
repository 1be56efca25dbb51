import { afterAll, beforeAll, expect, it } from 'vitest';
import { errorSchema } from '../../core/common.schema';
import { loadConfig } from '../../core/config';
import { publishLiveEvent } from '../../core/live/live-event.service';
import { buildApp } from '../app';
import { addPrincipal, bearer, type Principal } from '../test/principals';
import { settle, SseStream } from '../test/sse-client';
import { describeApiOnEachDatabase } from '../test/test-app';

/**
 * The live board of a held meeting (UDCG-31) over real HTTP: pledges recorded at the meeting appear on
 * every subscriber's board, each only where its marking allows, exactly once, in order, and a
 * reconnect with Last-Event-ID is replayed what it missed and nothing else.
 */
describeApiOnEachDatabase('live board API', (ctx) => {
  let gbr: Principal; // coordinator
  let pol: Principal; // coordinator
  let ukr: Principal; // recipient
  let meetingId = '';
  let base = '';
  const streams: SseStream[] = [];

  const board = async (who: Principal | null, query = '', headers: Record<string, string> = {}) => {
    const stream = await SseStream.open(`${base}/api/v1/meetings/${meetingId}/live${query}`, {
      ...(who ? bearer(who.token) : {}),
      ...headers,
    });
    streams.push(stream);
    return stream;
  };

  const pledge = async (who: Principal, body: object) => {
    const response = await ctx().app.inject({
      method: 'POST',
      url: '/api/v1/groups/udcg/pledges',
      headers: bearer(who.token),
      payload: {
        capabilityArea: 'air-defence',
        item: 'IRIS-T SLM launchers',
        quantity: 2,
        unit: 'launchers',
        kind: 'donation',
        announcedOn: '2025-10-15',
        meetingId,
        marking: { classification: 'GROUP' },
        ...body,
      },
    });
    return response;
  };

  const pledgeIds = (stream: SseStream) =>
    stream.events.map((e) => (e.data as { pledgeId: string }).pledgeId);

  beforeAll(async () => {
    gbr = await addPrincipal(ctx(), 'live.gbr', 'GBR', ['coordinator']);
    pol = await addPrincipal(ctx(), 'live.pol', 'POL', ['coordinator']);
    ukr = await addPrincipal(ctx(), 'live.ukr', 'UKR', ['recipient']);
    const meeting = await ctx()
      .connection.db.selectFrom('meetings')
      .select(['id', 'status'])
      .where('number', '=', 31)
      .executeTakeFirstOrThrow();
    expect(meeting.status).toBe('held');
    meetingId = meeting.id;
    base = await ctx().app.listen({ port: 0, host: '127.0.0.1' });
  });

  afterAll(() => {
    for (const stream of streams) stream.close();
  });

  it('refuses an anonymous subscriber, an unknown meeting and a bad Last-Event-ID', async () => {
    expect((await board(null)).status).toBe(401);
    const unknown = await SseStream.open(
      `${base}/api/v1/meetings/01890000-0000-7000-8000-000000000000/live`,
      bearer(pol.token),
    );
    expect(unknown.status).toBe(404);
    const badHeader = await board(pol, '', { 'last-event-id': 'seven' });
    expect(badHeader.status).toBe(400);
    expect(errorSchema.parse(JSON.parse(badHeader.messages[0]?.data ?? '{}')).issues[0]?.path).toBe(
      'headers.last-event-id',
    );
    const badQuery = await board(pol, '?lastEventId=-1');
    expect(badQuery.status).toBe(400);
    // A meeting not releasable to the subscriber's nation answers like one that does not exist.
    const restricted = await ctx()
      .connection.db.updateTable('meetings')
      .set({ marking: 'RESTRICTED', rel_to: ',GBR,UKR,' })
      .where('number', '=', 30)
      .returning('id')
      .executeTakeFirstOrThrow();
    const boardOf = (who: Principal) =>
      SseStream.open(`${base}/api/v1/meetings/${restricted.id}/live`, bearer(who.token));
    const hidden = await boardOf(pol);
    const shown = await boardOf(ukr);
    streams.push(hidden, shown);
    expect([hidden.status, shown.status]).toEqual([404, 200]);
  });

  it('shows each pledge to every delegation it is releasable to, once, in order', async () => {
    const atPol = await board(pol);
    const atUkr = await board(ukr);
    const atGbr = await board(gbr);
    expect([atPol.status, atUkr.status, atGbr.status]).toEqual([200, 200, 200]);

    const group = await pledge(gbr, {});
    expect(group.statusCode, group.body).toBe(201);
    const restricted = await pledge(gbr, {
      item: 'Gepard ammunition',
      quantity: 1000,
      unit: 'rounds',
      capabilityArea: 'artillery-ammunition',
      marking: { classification: 'RESTRICTED', relTo: ['UKR'] },
    });
    expect(restricted.statusCode, restricted.body).toBe(201);
    // Not at a meeting: not on any board. Refused: nothing to announce.
    expect((await pledge(gbr, { meetingId: undefined })).statusCode).toBe(201);
    expect((await pledge(gbr, { capabilityArea: 'no-such-area' })).statusCode).toBe(400);

    const groupId = group.json<{ id: string }>().id;
    const restrictedId = restricted.json<{ id: string }>().id;
    await atGbr.waitFor((s) => s.events.length >= 2);
    await atUkr.waitFor((s) => s.events.length >= 2);
    await atPol.waitFor((s) => s.events.length >= 1);
    await settle();

    expect(pledgeIds(atGbr)).toEqual([groupId, restrictedId]);
    expect(pledgeIds(atUkr)).toEqual([groupId, restrictedId]);
    // POL may read the GROUP pledge but not the one RESTRICTED REL TO GBR, UKR.
    expect(pledgeIds(atPol)).toEqual([groupId]);
    const first = atGbr.events[0];
    expect(first).toMatchObject({
      kind: 'pledge.recorded',
      meetingId,
      marking: { classification: 'GROUP' },
      data: {
        donor: 'GBR',
        item: 'IRIS-T SLM launchers',
        quantity: 2,
        capabilityArea: 'air-defence',
      },
    });
    expect(atGbr.events[1]?.marking.label).toBe('RESTRICTED REL TO GBR, UKR');
    // The SSE id is the event's sequence number on this meeting's board.
    expect(atGbr.messages.map((m) => Number(m.id))).toEqual(atGbr.events.map((e) => e.seq));
    expect(atGbr.events[1]?.seq).toBe((atGbr.events[0]?.seq ?? 0) + 1);
  });

  it('replays on reconnect exactly what came after Last-Event-ID', async () => {
    const first = await board(ukr);
    await first.waitFor((s) => s.events.length >= 2);
    await settle(200);
    const seen = first.events;
    const last = seen[seen.length - 1]?.seq ?? 0;
    first.close();

    // Recorded while the delegation was disconnected.
    const missed = await pledge(pol, {
      item: 'Piorun launchers',
      quantity: 20,
      unit: 'launchers',
      marking: { classification: 'PUBLIC' },
    });
    expect(missed.statusCode, missed.body).toBe(201);

    const resumed = await board(ukr, '', { 'last-event-id': String(last) });
    await resumed.waitFor((s) => s.events.length >= 1);
    await settle();
    expect(pledgeIds(resumed)).toEqual([missed.json<{ id: string }>().id]);
    expect(resumed.events[0]?.seq).toBe(last + 1);

    // The same through the query string (for a first connection that resumes a stored position).
    const byQuery = await board(ukr, `?lastEventId=${last - 1}`);
    await byQuery.waitFor((s) => s.events.length >= 2);
    await settle();
    expect(byQuery.events.map((e) => e.seq)).toEqual([last, last + 1]);
  });

  it('never announces an event whose transaction rolled back', async () => {
    const watching = await board(gbr);
    await watching.waitFor((s) => s.events.length >= 3);
    await settle(200);
    const before = watching.events.length;
    const lastSeq = watching.events[before - 1]?.seq ?? 0;
    const db = ctx().connection.db;
    await expect(
      db.transaction().execute(async (trx) => {
        await publishLiveEvent(trx, {
          meetingId,
          kind: 'pledge.recorded',
          marking: { marking: 'PUBLIC', rel_to: null, group_id: null },
          data: { pledgeId: 'rolled-back' },
        });
        throw new Error('the pledge failed after all');
      }),
    ).rejects.toThrow('the pledge failed after all');
    await settle();
    expect(watching.events).toHaveLength(before);

    const committed = await pledge(gbr, { marking: { classification: 'PUBLIC' } });
    expect(committed.statusCode).toBe(201);
    await watching.waitFor((s) => s.events.length > before);
    await settle();
    // The rolled-back event left no gap and no trace: the next one takes the next number.
    expect(watching.events.slice(before).map((e) => [e.seq, e.data.pledgeId])).toEqual([
      [lastSeq + 1, committed.json<{ id: string }>().id],
    ]);
  });

  it('ends open streams when the server closes, without waiting for the clients', async () => {
    const node = await buildApp({
      config: loadConfig({
        DATABASE_URL: ctx().connection.label,
        LOG_LEVEL: 'silent',
        RAMSTEIN_WEB_DIR: 'dist/no-web',
      }),
      connection: ctx().connection,
    });
    const address = await node.listen({ port: 0, host: '127.0.0.1' });
    const open = await SseStream.open(
      `${address}/api/v1/meetings/${meetingId}/live`,
      bearer(pol.token),
    );
    streams.push(open);
    expect(open.status).toBe(200);
    await open.waitFor((s) => s.events.length >= 1);
    expect(node.liveHub.subscriberCount).toBe(1);
    await node.close();
    await open.waitForEnd();
    expect(node.liveHub.subscriberCount).toBe(0);
  });
});
