/** Calendar dates travel as `YYYY-MM-DD` strings and instants as ISO 8601 UTC strings, on both databases. */

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date in `YYYY-MM-DD` form (rejects 2025-02-30). */
export function isIsoDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** True for an IANA time zone name the runtime knows (Europe/Brussels, UTC). */
export function isTimeZone(value: string): boolean {
  if (!value.includes('/') && value !== 'UTC') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Today's date in UTC; the clock is passed in so rules stay testable. */
export const todayIso = (now: Date = new Date()): string => now.toISOString().slice(0, 10);

/**
 * The UTC instant of a wall-clock time in a zone: 2025-02-12 15:00 Europe/Brussels → 14:00Z.
 * Uses the zone's offset at that moment, so daylight saving is respected.
 */
export function zonedTimeToUtc(date: string, time: string, timeZone: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  const offset = zoneOffsetMinutes(guess, timeZone);
  let instant = guess - offset * 60_000;
  // A second pass settles times next to a daylight-saving change.
  const corrected = zoneOffsetMinutes(instant, timeZone);
  if (corrected !== offset) instant = guess - corrected * 60_000;
  return new Date(instant).toISOString();
}

function zoneOffsetMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}
