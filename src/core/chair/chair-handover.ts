import type { ErrorIssue } from '../errors';

/**
 * A handover's life: proposed by the outgoing chair, accepted by the incoming nation, effective once
 * its day has come (the old term ends, the new one begins), or withdrawn before that.
 */
export type HandoverStatus = 'proposed' | 'accepted' | 'effective' | 'withdrawn';

/** The statuses in which a handover is still open: at most one per group (a unique index says so). */
export const openStatuses: readonly HandoverStatus[] = ['proposed', 'accepted'];

export interface ProposalFacts {
  /** The term now open (the one that would end). */
  current: { nation: string; coChair: string | null; startsOn: string };
  toNation: string;
  toCoChair: string | null;
  /** The first day of the new term. */
  effectiveOn: string;
  /** Nations that are members of the group today. */
  isMember: (nation: string) => boolean;
  /** Where the effective day came from, for the error's path. */
  effectiveField: 'body.effectiveOn' | 'body.effectiveMeeting';
}

/** What is wrong with a proposal, each problem naming its field; empty when it may be made. */
export function proposalProblems(facts: ProposalFacts): ErrorIssue[] {
  const problems: ErrorIssue[] = [];
  if (facts.toNation === facts.current.nation) {
    problems.push({
      path: 'body.toNation',
      message: `${facts.toNation} already chairs the group: a handover goes to another nation`,
    });
  } else if (!facts.isMember(facts.toNation)) {
    problems.push({
      path: 'body.toNation',
      message: `${facts.toNation} is not a member of the group, so it cannot chair it`,
    });
  }
  if (facts.toCoChair !== null) {
    if (facts.toCoChair === facts.toNation) {
      problems.push({ path: 'body.toCoChair', message: 'must differ from the new chair' });
    } else if (!facts.isMember(facts.toCoChair)) {
      problems.push({
        path: 'body.toCoChair',
        message: `${facts.toCoChair} is not a member of the group, so it cannot co-chair it`,
      });
    }
  }
  if (facts.effectiveOn <= facts.current.startsOn) {
    problems.push({
      path: facts.effectiveField,
      message: `must be after ${facts.current.startsOn}, when the current term began`,
    });
  }
  return problems;
}

/** Why a handover in this status cannot be accepted, or null when it can. */
export function acceptProblem(status: HandoverStatus): string | null {
  switch (status) {
    case 'proposed':
      return null;
    case 'accepted':
      return 'The handover has already been accepted';
    case 'effective':
      return 'The handover has already taken effect';
    case 'withdrawn':
      return 'The handover was withdrawn; it can no longer be accepted (propose a new one)';
  }
}

/** Why a handover in this status cannot be withdrawn, or null when it can. */
export function withdrawProblem(status: HandoverStatus): string | null {
  switch (status) {
    case 'proposed':
    case 'accepted':
      return null;
    case 'effective':
      return 'The handover has taken effect; it can no longer be withdrawn (hand the chair over again instead)';
    case 'withdrawn':
      return 'The handover has already been withdrawn';
  }
}

/** An accepted handover takes effect on its day: from the first moment of that day (UTC) on. */
export const isDue = (status: HandoverStatus, effectiveOn: string, today: string): boolean =>
  status === 'accepted' && effectiveOn <= today;

export function parseHandoverStatus(value: string): HandoverStatus {
  const statuses: readonly HandoverStatus[] = ['proposed', 'accepted', 'effective', 'withdrawn'];
  const status = statuses.find((s) => s === value);
  if (!status) throw new Error(`Unknown handover status in the database: ${value}`);
  return status;
}
