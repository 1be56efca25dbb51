import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../../core/live/live-event.schema';
import { applyEvent, type LiveBoardState, type LivePledge } from '../../api/live';
import { boardTotals } from './board-totals';

const empty: LiveBoardState = {
  connection: 'live',
  lastSeq: 0,
  pledges: [],
  attendance: [],
  unreadable: 0,
};

const marking: LiveEvent['marking'] = { classification: 'GROUP', relTo: [], label: 'GROUP' };

function pledgeEvent(seq: number, donor: string, area: string, amount: string | null): LiveEvent {
  return {
    seq,
    meetingId: 'm',
    kind: 'pledge.recorded',
    at: '2026-11-26T10:00:00.000Z',
    marking,
    data: {
      pledgeId: `p${seq}`,
      donor,
      item: 'Item',
      quantity: 1,
      unit: null,
      kind: 'donation',
      capabilityArea: area,
      value: amount === null ? null : { amount, currency: 'EUR' },
      reportingValue: amount === null ? null : { amount, currency: 'EUR' },
      status: 'announced',
      announcedOn: '2026-11-26',
    },
  };
}

const fold = (events: LiveEvent[]) => events.reduce(applyEvent, empty);

describe('the live board state', () => {
  it('shows each event once, however often a reconnect replays it', () => {
    const a = pledgeEvent(1, 'POL', 'air-defence', '10.10');
    const b = pledgeEvent(2, 'DEU', 'armour', '5');
    const state = fold([a, b, a, b]);
    expect(state.pledges.map((p) => p.seq)).toEqual([2, 1]);
    expect(state.lastSeq).toBe(2);
  });

  it('counts an event whose data breaks the contract without showing it', () => {
    const bad: LiveEvent = { ...pledgeEvent(1, 'POL', 'air-defence', '1'), data: { donor: 7 } };
    const state = fold([bad]);
    expect(state.pledges).toEqual([]);
    expect(state.unreadable).toBe(1);
  });

  it('keeps one check-in per nation', () => {
    const arrival = (seq: number, mode: 'in_person' | 'virtual'): LiveEvent => ({
      seq,
      meetingId: 'm',
      kind: 'attendance.recorded',
      at: '2026-11-26T10:00:00.000Z',
      marking,
      data: {
        nation: 'FRA',
        nationName: 'France',
        mode,
        headOfDelegation: null,
        checkedInAt: '2026-11-26T10:00:00.000Z',
        selfCheckIn: false,
      },
    });
    expect(fold([arrival(1, 'in_person'), arrival(2, 'virtual')]).attendance).toEqual([
      expect.objectContaining({ nation: 'FRA', mode: 'virtual', seq: 2 }),
    ]);
  });
});

describe('the board totals', () => {
  const pledges: LivePledge[] = fold([
    pledgeEvent(1, 'POL', 'air-defence', '0.10'),
    pledgeEvent(2, 'POL', 'armour', '0.20'),
    pledgeEvent(3, 'DEU', 'armour', '1000000.5'),
    pledgeEvent(4, 'NLD', 'armour', null),
  ]).pledges;

  it('sums exactly in the reporting currency, counting pledges without a value', () => {
    const totals = boardTotals(pledges, 'EUR');
    // 0.1 + 0.2 in floating point is 0.30000000000000004.
    expect(totals.total).toEqual({
      key: 'total',
      count: 4,
      amount: '1000000.8',
      withoutValue: 1,
    });
    expect(totals.byNation.map((f) => [f.key, f.amount, f.count])).toEqual([
      ['DEU', '1000000.5', 1],
      ['POL', '0.3', 2],
      ['NLD', '0', 1],
    ]);
    expect(totals.byArea.map((f) => [f.key, f.amount, f.withoutValue])).toEqual([
      ['armour', '1000000.7', 1],
      ['air-defence', '0.1', 0],
    ]);
  });

  it('leaves out of the sum a value in another currency than the reporting one', () => {
    expect(boardTotals(pledges, 'USD').total).toMatchObject({ amount: '0', withoutValue: 4 });
  });
});
