import { describe, expect, it } from 'vitest';
import { acceptProblem, isDue, proposalProblems, withdrawProblem } from './chair-handover';

const members = new Set(['USA', 'GBR', 'DEU', 'POL']);
const facts = (overrides: Partial<Parameters<typeof proposalProblems>[0]> = {}) =>
  proposalProblems({
    current: { nation: 'USA', coChair: null, startsOn: '2022-04-26' },
    toNation: 'GBR',
    toCoChair: null,
    effectiveOn: '2025-02-12',
    isMember: (code) => members.has(code),
    effectiveField: 'body.effectiveMeeting',
    ...overrides,
  });

describe('proposalProblems', () => {
  it('accepts the US handing the chair to the UK at meeting 26', () => {
    expect(facts()).toEqual([]);
    expect(facts({ toCoChair: 'DEU' })).toEqual([]);
  });

  it('refuses a handover to the current chair or to a non-member, naming the field', () => {
    expect(facts({ toNation: 'USA' })).toEqual([
      {
        path: 'body.toNation',
        message: 'USA already chairs the group: a handover goes to another nation',
      },
    ]);
    expect(facts({ toNation: 'RUS' })[0]?.message).toBe(
      'RUS is not a member of the group, so it cannot chair it',
    );
    expect(facts({ toCoChair: 'GBR' })[0]?.path).toBe('body.toCoChair');
    expect(facts({ toCoChair: 'RUS' })[0]?.message).toMatch(/cannot co-chair/);
  });

  it('refuses a day on or before the start of the current term', () => {
    expect(facts({ effectiveOn: '2022-04-26' })).toEqual([
      {
        path: 'body.effectiveMeeting',
        message: 'must be after 2022-04-26, when the current term began',
      },
    ]);
    expect(facts({ effectiveOn: '2022-04-27' })).toEqual([]);
  });
});

describe('the handover life cycle', () => {
  it('accepts only a proposed handover, withdraws only an open one', () => {
    expect(acceptProblem('proposed')).toBeNull();
    expect(acceptProblem('withdrawn')).toMatch(/withdrawn/);
    expect(acceptProblem('accepted')).toMatch(/already been accepted/);
    expect(acceptProblem('effective')).toMatch(/already taken effect/);
    expect(withdrawProblem('proposed')).toBeNull();
    expect(withdrawProblem('accepted')).toBeNull();
    expect(withdrawProblem('effective')).toMatch(/can no longer be withdrawn/);
    expect(withdrawProblem('withdrawn')).toMatch(/already been withdrawn/);
  });

  it('is due from the first moment of its day, once accepted', () => {
    expect(isDue('accepted', '2025-02-12', '2025-02-11')).toBe(false);
    expect(isDue('accepted', '2025-02-12', '2025-02-12')).toBe(true);
    expect(isDue('proposed', '2025-02-12', '2025-03-01')).toBe(false);
    expect(isDue('effective', '2025-02-12', '2025-03-01')).toBe(false);
  });
});
