import { describe, expect, it } from 'vitest';
import { anonymousViewer, type Viewer } from '../accounts/viewer';
import type { LiveEvent } from './live-event.schema';
import type { LiveEventRow } from './live-event.repository';
import { LiveHub } from './live-hub';

const viewer = (nationCode: string, groupIds: string[] = ['udcg']): Viewer => ({
  ...anonymousViewer,
  userId: `user-${nationCode}`,
  nationCode,
  groupIds,
});

const row = (seq: number, marking = 'GROUP', relTo: string | null = null): LiveEventRow => ({
  id: `e${seq}`,
  meeting_id: 'm1',
  seq,
  kind: 'pledge.recorded',
  marking,
  rel_to: relTo,
  group_id: 'udcg',
  payload: JSON.stringify({ n: seq }),
  created_at: '2025-10-15T10:00:00.000Z',
});

/** An in-memory event store, with a hook to act while a read is in flight. */
function store() {
  const rows: LiveEventRow[] = [];
  let duringRead: (() => void) | null = null;
  let failures = 0;
  const read = async (meetingId: string, after: number, limit: number) => {
    await Promise.resolve();
    if (failures > 0) {
      failures -= 1;
      throw new Error('database unavailable');
    }
    const hook = duringRead;
    duringRead = null;
    hook?.();
    return rows.filter((r) => r.meeting_id === meetingId && r.seq > after).slice(0, limit);
  };
  return {
    rows,
    read,
    onNextRead: (hook: () => void) => (duringRead = hook),
    failNextReads: (n: number) => (failures = n),
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
const seqs = (events: LiveEvent[]) => events.map((e) => e.seq);

describe('LiveHub', () => {
  it('replays what a subscriber has not seen, then delivers new events once, in order', async () => {
    const events = store();
    events.rows.push(row(1), row(2));
    const hub = new LiveHub(events.read);
    const fromStart: LiveEvent[] = [];
    const resumed: LiveEvent[] = [];
    hub.subscribe('m1', viewer('POL'), 0, (e) => fromStart.push(e));
    hub.subscribe('m1', viewer('POL'), 1, (e) => resumed.push(e));
    await tick();
    events.rows.push(row(3));
    hub.wake('m1');
    hub.wake('m1');
    await tick();
    hub.wake('m1');
    await tick();
    expect(seqs(fromStart)).toEqual([1, 2, 3]);
    expect(seqs(resumed)).toEqual([2, 3]);
    expect(fromStart[0]).toMatchObject({ kind: 'pledge.recorded', data: { n: 1 } });
  });

  it('sends each subscriber only the events releasable to its nation', async () => {
    const events = store();
    events.rows.push(row(1), row(2, 'RESTRICTED', ',GBR,UKR,'), row(3, 'PUBLIC'));
    const hub = new LiveHub(events.read);
    const pol: LiveEvent[] = [];
    const ukr: LiveEvent[] = [];
    const outsider: LiveEvent[] = [];
    hub.subscribe('m1', viewer('POL'), 0, (e) => pol.push(e));
    hub.subscribe('m1', viewer('UKR'), 0, (e) => ukr.push(e));
    hub.subscribe('m1', viewer('CHN', []), 0, (e) => outsider.push(e));
    await tick();
    expect(seqs(pol)).toEqual([1, 3]);
    expect(seqs(ukr)).toEqual([1, 2, 3]);
    expect(seqs(outsider)).toEqual([3]);
  });

  it('keeps a subscriber that joins during a read in order, without doubles', async () => {
    const events = store();
    events.rows.push(row(1), row(2));
    const hub = new LiveHub(events.read);
    const early: LiveEvent[] = [];
    const late: LiveEvent[] = [];
    hub.subscribe('m1', viewer('POL'), 1, (e) => early.push(e));
    events.onNextRead(() => {
      events.rows.push(row(3));
      hub.subscribe('m1', viewer('POL'), 0, (e) => late.push(e));
    });
    await tick();
    await tick();
    expect(seqs(early)).toEqual([2, 3]);
    expect(seqs(late)).toEqual([1, 2, 3]);
  });

  it('retries a failed read and loses nothing', async () => {
    const events = store();
    events.rows.push(row(1));
    const errors: unknown[] = [];
    const hub = new LiveHub(events.read, (error) => errors.push(error), 5);
    events.failNextReads(2);
    const received: LiveEvent[] = [];
    hub.subscribe('m1', viewer('POL'), 0, (e) => received.push(e));
    for (let i = 0; i < 10 && received.length === 0; i += 1) await tick();
    expect(seqs(received)).toEqual([1]);
    expect(errors).toHaveLength(2);
  });

  it('ends every subscription on close, and drops one whose connection fails', async () => {
    const events = store();
    events.rows.push(row(1), row(2));
    const hub = new LiveHub(events.read);
    const ended: string[] = [];
    hub.subscribe(
      'm1',
      viewer('POL'),
      0,
      () => {
        throw new Error('socket closed');
      },
      () => ended.push('broken'),
    );
    const healthy: LiveEvent[] = [];
    hub.subscribe(
      'm1',
      viewer('UKR'),
      0,
      (e) => healthy.push(e),
      () => ended.push('healthy'),
    );
    await tick();
    expect(ended).toEqual(['broken']);
    expect(seqs(healthy)).toEqual([1, 2]);
    expect(hub.subscriberCount).toBe(1);
    hub.close();
    expect(ended).toEqual(['broken', 'healthy']);
    expect(hub.subscriberCount).toBe(0);
    hub.subscribe(
      'm1',
      viewer('POL'),
      0,
      () => undefined,
      () => ended.push('after close'),
    );
    expect(ended).toEqual(['broken', 'healthy', 'after close']);
  });
});
