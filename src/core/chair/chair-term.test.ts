import { describe, expect, it } from 'vitest';
import { termOn, timelineProblems } from './chair-term';

const udcg = [
  { nation: 'USA', startsOn: '2022-04-26', endsOn: '2025-02-12' },
  { nation: 'GBR', startsOn: '2025-02-12', endsOn: '2025-04-11' },
  { nation: 'GBR+DEU', startsOn: '2025-04-11', endsOn: null },
];

describe('termOn', () => {
  it('gives the US before the handover and the UK on the day of meeting 26', () => {
    expect(termOn(udcg, '2025-02-11')?.nation).toBe('USA');
    expect(termOn(udcg, '2025-02-12')?.nation).toBe('GBR');
  });

  it('keeps the open term in force indefinitely', () => {
    expect(termOn(udcg, '2030-01-01')?.nation).toBe('GBR+DEU');
  });

  it('finds no chair before the group existed', () => {
    expect(termOn(udcg, '2022-04-25')).toBeNull();
  });
});

describe('timelineProblems', () => {
  it('accepts the UDCG history', () => {
    expect(timelineProblems(udcg)).toEqual([]);
  });

  it('names overlapping terms and an open term that is not the last', () => {
    expect(
      timelineProblems([
        { startsOn: '2022-01-01', endsOn: null },
        { startsOn: '2023-01-01', endsOn: '2023-06-01' },
        { startsOn: '2023-05-01', endsOn: '2023-04-01' },
      ]),
    ).toEqual([
      'the term starting 2022-01-01 is open but is not the last',
      'the term starting 2023-01-01 overlaps the one starting 2023-05-01',
      'the term starting 2023-05-01 ends on or before it starts',
    ]);
  });
});
