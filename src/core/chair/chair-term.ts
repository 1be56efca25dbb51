/** A chair term as the rules see it: dates are `YYYY-MM-DD`, `endsOn` is exclusive and null while open. */
export interface TermDates {
  startsOn: string;
  endsOn: string | null;
}

/**
 * The term in force on `day`: the one that has started and not yet ended. Derived every time from the
 * history, so "current" is never stored twice and cannot disagree with it.
 */
export function termOn<T extends TermDates>(terms: readonly T[], day: string): T | null {
  return terms.find((t) => t.startsOn <= day && (t.endsOn === null || day < t.endsOn)) ?? null;
}

/**
 * Problems in a chair history: overlapping terms, or an open term that is not the last.
 * A contact group has one chair at a time; gaps are allowed (a group may pause).
 */
export function timelineProblems(terms: readonly TermDates[]): string[] {
  const sorted = [...terms].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  const problems: string[] = [];
  sorted.forEach((term, index) => {
    if (term.endsOn !== null && term.endsOn <= term.startsOn) {
      problems.push(`the term starting ${term.startsOn} ends on or before it starts`);
    }
    const next = sorted[index + 1];
    if (!next) return;
    if (term.endsOn === null)
      problems.push(`the term starting ${term.startsOn} is open but is not the last`);
    else if (term.endsOn > next.startsOn) {
      problems.push(
        `the term starting ${term.startsOn} overlaps the one starting ${next.startsOn}`,
      );
    }
  });
  return problems;
}
