import type { Stance } from './initiative.schema';

/** A position as the rules see it: who, what, when it was stated and when it was recorded. */
export interface PositionFacts {
  party: string;
  stance: Stance;
  statedOn: string;
  recordedAt: string;
}

/**
 * Each party's positions over time, oldest first, and the current one: the last stated (for two on
 * the same day, the last recorded). Parties in order of their code, so the answer is stable.
 */
export function positionTimelines<T extends PositionFacts>(
  positions: readonly T[],
): { party: string; current: T; history: T[] }[] {
  const byParty = new Map<string, T[]>();
  for (const position of positions) {
    byParty.set(position.party, [...(byParty.get(position.party) ?? []), position]);
  }
  return [...byParty.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([party, list]) => {
      const history = [...list].sort(
        (a, b) => a.statedOn.localeCompare(b.statedOn) || a.recordedAt.localeCompare(b.recordedAt),
      );
      return { party, current: history[history.length - 1] as T, history };
    });
}

/** A position is stated on a real past day; one dated after today is a mistake, not a forecast. */
export const statedOnProblem = (statedOn: string, today: string): string | null =>
  statedOn > today ? `is after today (${today}): a position is recorded once stated` : null;
