import { describe, expect, it } from 'vitest';
import {
  addDays,
  calendarChanges,
  futureProblem,
  instantsOf,
  isOverdueActionItem,
  localDateIn,
  openProblem,
  phaseOf,
  phaseProblem,
  reorderProblem,
} from './meeting-cycle';

describe('phaseOf', () => {
  it('reads planned, open, closed and cancelled from status and stamps', () => {
    const at = '2027-02-12T14:00:00.000Z';
    expect(phaseOf({ status: 'planned', opened_at: null, closed_at: null })).toBe('planned');
    expect(phaseOf({ status: 'held', opened_at: at, closed_at: null })).toBe('open');
    expect(phaseOf({ status: 'held', opened_at: at, closed_at: at })).toBe('closed');
    expect(phaseOf({ status: 'cancelled', opened_at: null, closed_at: null })).toBe('cancelled');
  });

  it('treats a reference meeting that was held but never opened here as closed', () => {
    expect(phaseOf({ status: 'held', opened_at: null, closed_at: null })).toBe('closed');
  });

  it('says why an action cannot happen in the wrong phase', () => {
    expect(phaseProblem('UDCG-33', 'planned', ['planned', 'open'], 'it can be changed')).toBeNull();
    expect(phaseProblem('UDCG-26', 'closed', ['open'], 'attendance is recorded')).toBe(
      'UDCG-26 is closed: attendance is recorded only while it is open',
    );
  });
});

describe('time rules', () => {
  const now = new Date('2027-02-11T10:00:00.000Z');

  it('puts 15:00 in Brussels in February at 14:00 UTC and in June at 13:00 UTC', () => {
    const winter = { date: '2027-02-12', startTime: '15:00', timeZone: 'Europe/Brussels' };
    expect(instantsOf({ ...winter, durationMinutes: 180 })).toEqual({
      startsAt: '2027-02-12T14:00:00.000Z',
      endsAt: '2027-02-12T17:00:00.000Z',
    });
    expect(instantsOf({ ...winter, date: '2027-06-04', durationMinutes: null }).startsAt).toBe(
      '2027-06-04T13:00:00.000Z',
    );
  });

  it('refuses a start that has passed, even by a minute, in the venue zone', () => {
    const schedule = { timeZone: 'Europe/Brussels', durationMinutes: 60 };
    expect(futureProblem({ ...schedule, date: '2027-02-11', startTime: '11:01' }, now)).toBeNull();
    expect(futureProblem({ ...schedule, date: '2027-02-11', startTime: '11:00' }, now)).toMatch(
      /is in the past \(2027-02-11T10:00:00.000Z\)/,
    );
  });

  it('opens a meeting from the day before its date at the venue, not earlier', () => {
    expect(openProblem('2027-02-12', 'Europe/Brussels', now)).toBeNull();
    expect(openProblem('2027-02-13', 'Europe/Brussels', now)).toMatch(
      /can be opened from 2027-02-12/,
    );
    // 23:30 UTC on the 10th is already the 11th in Brussels: the day before the 12th.
    expect(
      openProblem('2027-02-12', 'Europe/Brussels', new Date('2027-02-10T23:30:00Z')),
    ).toBeNull();
    expect(openProblem('2027-02-12', 'UTC', new Date('2027-02-10T23:30:00Z'))).not.toBeNull();
  });

  it('knows the date at the venue and counts days across months', () => {
    expect(localDateIn('Pacific/Auckland', new Date('2027-02-11T12:00:00Z'))).toBe('2027-02-12');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
  });
});

describe('calendarChanges', () => {
  const before = {
    date: '2027-02-12',
    start_time: '15:00',
    time_zone: 'Europe/Brussels',
    duration_minutes: 180,
    venue: 'NATO Headquarters, Brussels',
    virtual_url: null,
    format: 'in_person',
    status: 'planned',
  };

  it('names what a calendar would show differently', () => {
    expect(calendarChanges(before, before)).toEqual([]);
    expect(
      calendarChanges(before, { ...before, start_time: '16:00', status: 'cancelled' }),
    ).toEqual(['start_time', 'status']);
  });
});

describe('reorderProblem', () => {
  it('accepts every item exactly once, in any order', () => {
    expect(reorderProblem(['a', 'b', 'c'], ['c', 'a', 'b'])).toBeNull();
  });

  it('refuses repeats, strangers and omissions', () => {
    expect(reorderProblem(['a', 'b'], ['a', 'a'])).toBe('names an item more than once');
    expect(reorderProblem(['a', 'b'], ['a', 'b', 'x'])).toBe(
      'names 1 item(s) not on this agenda: x',
    );
    expect(reorderProblem(['a', 'b'], ['b'])).toBe('leaves out 1 item(s): a');
  });
});

describe('isOverdueActionItem', () => {
  it('is overdue only when still open after its due day', () => {
    expect(isOverdueActionItem('open', '2027-03-01', '2027-03-02')).toBe(true);
    expect(isOverdueActionItem('in_progress', '2027-03-01', '2027-03-01')).toBe(false);
    expect(isOverdueActionItem('done', '2027-03-01', '2027-04-01')).toBe(false);
    expect(isOverdueActionItem('open', null, '2027-04-01')).toBe(false);
  });
});
