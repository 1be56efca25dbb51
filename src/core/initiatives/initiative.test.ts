import { describe, expect, it } from 'vitest';
import { positionTimelines, statedOnProblem } from './initiative';

describe('positionTimelines', () => {
  it("orders each party's positions by the day stated, the latest being current", () => {
    const timelines = positionTimelines([
      { party: 'POL', stance: 'opposes', statedOn: '2025-06-04', recordedAt: '2025-06-05T09:00Z' },
      { party: 'GBR', stance: 'supports', statedOn: '2025-04-11', recordedAt: '2025-04-11T12:00Z' },
      {
        party: 'POL',
        stance: 'conditionally_supports',
        statedOn: '2025-04-11',
        recordedAt: '2025-07-01T09:00Z',
      },
    ]);
    expect(timelines.map((t) => [t.party, t.current.stance, t.history.length])).toEqual([
      ['GBR', 'supports', 1],
      ['POL', 'opposes', 2],
    ]);
    expect(timelines[1]?.history.map((h) => h.statedOn)).toEqual(['2025-04-11', '2025-06-04']);
  });

  it('breaks a tie on the same day by the later record', () => {
    const [only] = positionTimelines([
      {
        party: 'FRA',
        stance: 'no_position',
        statedOn: '2025-02-16',
        recordedAt: '2025-02-16T12:00Z',
      },
      { party: 'FRA', stance: 'supports', statedOn: '2025-02-16', recordedAt: '2025-02-16T18:00Z' },
    ]);
    expect(only?.current.stance).toBe('supports');
  });

  it('gives nothing for no positions: every party then has no position stated', () => {
    expect(positionTimelines([])).toEqual([]);
  });
});

describe('statedOnProblem', () => {
  it('refuses a position dated after today', () => {
    expect(statedOnProblem('2025-02-16', '2025-02-16')).toBeNull();
    expect(statedOnProblem('2025-02-17', '2025-02-16')).toMatch(/after today/);
  });
});
