/** Calendar dates travel as `YYYY-MM-DD` strings and instants as ISO 8601 UTC strings, on both databases. */

/** True for a real calendar date in `YYYY-MM-DD` form (rejects 2025-02-30). */
export function isIsoDate(value: string): boolean {
  // Read digit by digit: dates are checked on every row of an import, and this allocates nothing.
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const y = digits(value, 0, 4);
  const m = digits(value, 5, 7);
  const d = digits(value, 8, 10);
  // Years before 100 were never accepted (Date.UTC reads them as 19xx): no record here is that old.
  return y >= 100 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** The number the ASCII digits value[from, to) spell; -1 if any is not a digit. */
function digits(value: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = value.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Days in month `m` (1–12) of year `y`, by the Gregorian leap-year rule. */
function daysInMonth(y: number, m: number): number {
  if (m !== 2) return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
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
