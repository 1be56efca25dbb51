import { zonedTimeToUtc } from '../time';
import type { MeetingPhase } from './meeting.schema';

/**
 * The meeting cycle's pure rules: phases, when a meeting may be convened, opened, moved or cancelled,
 * what changes a calendar entry, and agenda order. No I/O: the services feed them rows and the clock.
 */

export interface PhaseFacts {
  status: string;
  opened_at: string | null;
  closed_at: string | null;
}

/**
 * planned → open → closed, or cancelled. A reference meeting that was held but never opened here is
 * closed: its record is history, not something to add to.
 */
export function phaseOf(row: PhaseFacts): MeetingPhase {
  if (row.status === 'cancelled') return 'cancelled';
  if (row.status === 'planned') return 'planned';
  return row.opened_at !== null && row.closed_at === null ? 'open' : 'closed';
}

const phaseWords: Record<MeetingPhase, string> = {
  planned: 'is planned and not yet open',
  open: 'is open',
  closed: 'is closed',
  cancelled: 'was cancelled',
};

/** Null when the meeting is in one of `allowed`; otherwise why the action cannot happen now. */
export function phaseProblem(
  code: string,
  phase: MeetingPhase,
  allowed: readonly MeetingPhase[],
  action: string,
): string | null {
  if (allowed.includes(phase)) return null;
  return `${code} ${phaseWords[phase]}: ${action} only while it is ${allowed.join(' or ')}`;
}

/** The calendar date at a place at an instant: what "today" means for a meeting in Brussels. */
export function localDateIn(timeZone: string, now: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** One day before or after a `YYYY-MM-DD` date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export interface Schedule {
  date: string;
  startTime: string;
  timeZone: string;
  durationMinutes: number | null;
}

/** The UTC start and end of a schedule. */
export function instantsOf(schedule: Schedule): { startsAt: string; endsAt: string | null } {
  const startsAt = zonedTimeToUtc(schedule.date, schedule.startTime, schedule.timeZone);
  const endsAt =
    schedule.durationMinutes === null
      ? null
      : new Date(Date.parse(startsAt) + schedule.durationMinutes * 60_000).toISOString();
  return { startsAt, endsAt };
}

/** A meeting is convened (or moved) only to a time still ahead: the start must be after now. */
export function futureProblem(schedule: Schedule, now: Date): string | null {
  const { startsAt } = instantsOf(schedule);
  return Date.parse(startsAt) <= now.getTime()
    ? `${schedule.date} ${schedule.startTime} ${schedule.timeZone} is in the past (${startsAt})`
    : null;
}

/**
 * A meeting opens on its day, or the day before (delegations arrive the evening before): the venue's
 * calendar decides, not UTC.
 */
export function openProblem(date: string, timeZone: string, now: Date): string | null {
  const today = localDateIn(timeZone, now);
  const earliest = addDays(date, -1);
  return today < earliest
    ? `it is on ${date}; it can be opened from ${earliest} (${timeZone}), today there is ${today}`
    : null;
}

/** What a calendar shows: a change to any of these bumps the iCalendar SEQUENCE. */
export interface CalendarFacts {
  date: string;
  start_time: string | null;
  time_zone: string;
  duration_minutes: number | null;
  venue: string | null;
  virtual_url: string | null;
  format: string | null;
  status: string;
}

const calendarKeys: readonly (keyof CalendarFacts)[] = [
  'date',
  'start_time',
  'time_zone',
  'duration_minutes',
  'venue',
  'virtual_url',
  'format',
  'status',
];

/** The calendar facts that differ between two versions of a meeting. */
export const calendarChanges = (
  before: CalendarFacts,
  after: CalendarFacts,
): (keyof CalendarFacts)[] => calendarKeys.filter((key) => before[key] !== after[key]);

/** Time or place changes need a reason; the marking, level or note do not. */
export const reschedulingKeys: readonly (keyof CalendarFacts)[] = [
  'date',
  'start_time',
  'time_zone',
  'venue',
  'virtual_url',
  'format',
];

/** Null when `ids` names every current agenda item exactly once; otherwise what is wrong. */
export function reorderProblem(current: readonly string[], ids: readonly string[]): string | null {
  const unique = new Set(ids);
  if (unique.size !== ids.length) return 'names an item more than once';
  const missing = current.filter((id) => !unique.has(id));
  const unknown = ids.filter((id) => !current.includes(id));
  if (unknown.length > 0)
    return `names ${unknown.length} item(s) not on this agenda: ${unknown.join(', ')}`;
  if (missing.length > 0) return `leaves out ${missing.length} item(s): ${missing.join(', ')}`;
  return null;
}

/** Done and dropped items are closed; later meetings see the others. */
export const isClosedActionItem = (status: string): boolean =>
  status === 'done' || status === 'dropped';

/** Overdue: still open after its due day. */
export const isOverdueActionItem = (status: string, dueOn: string | null, today: string): boolean =>
  !isClosedActionItem(status) && dueOn !== null && dueOn < today;
