/**
 * iCalendar (RFC 5545) text, written by hand: escaping, line folding, local times with their
 * VTIMEZONE. Pure; the zone rules come from the runtime's time zone data (Intl), so a calendar carries
 * the same offsets the rest of the program uses.
 */

/** TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 §3.3.11). */
export const escapeText = (text: string): string =>
  text
    .replaceAll('\\', '\\\\')
    .replaceAll(';', '\\;')
    .replaceAll(',', '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');

/** Lines longer than 75 octets continue on the next line after a space, never inside a character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with one space
    if (bytes + size > limit) {
      parts.push(current);
      current = '';
      bytes = 0;
    }
    current += char;
    bytes += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** 2025-02-12T14:00:00.000Z → 20250212T140000Z */
export const utcStamp = (iso: string): string => {
  const d = new Date(iso);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
};

/** The wall-clock time in a zone at an instant, as `YYYYMMDDTHHMMSS`. */
export function localStamp(instant: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}${get('month')}${get('day')}T${get('hour')}${get('minute')}${get('second')}`;
}

/** The zone's offset from UTC in minutes at an instant (east positive). */
export function offsetMinutes(instant: number, timeZone: string): number {
  const local = localStamp(instant, timeZone);
  const asUtc = Date.UTC(
    Number(local.slice(0, 4)),
    Number(local.slice(4, 6)) - 1,
    Number(local.slice(6, 8)),
    Number(local.slice(9, 11)),
    Number(local.slice(11, 13)),
    Number(local.slice(13, 15)),
  );
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

const formatOffset = (minutes: number): string => {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
};

export interface Transition {
  /** The UTC instant the new offset takes effect. */
  at: number;
  from: number;
  to: number;
}

/** Every change of offset in [from, to), found by sampling each day and narrowing to the second. */
export function transitions(timeZone: string, from: number, to: number): Transition[] {
  const day = 86_400_000;
  const found: Transition[] = [];
  let previous = offsetMinutes(from, timeZone);
  for (let t = from + day; t <= to; t += day) {
    const offset = offsetMinutes(t, timeZone);
    if (offset === previous) continue;
    let low = t - day;
    let high = t;
    while (high - low > 1000) {
      const mid = Math.floor((low + high) / 2000) * 1000;
      if (offsetMinutes(mid, timeZone) === previous) low = mid;
      else high = mid;
    }
    found.push({ at: high, from: previous, to: offset });
    previous = offset;
  }
  return found;
}

/**
 * A VTIMEZONE for a zone over the years its events fall in (one year either side): the offset in
 * force at the start, then each change, STANDARD when the offset falls and DAYLIGHT when it rises.
 * Explicit changes rather than rules, so any zone the runtime knows is described exactly.
 */
export function vtimezone(timeZone: string, fromYear: number, toYear: number): string[] {
  const start = Date.UTC(fromYear - 1, 0, 1);
  const end = Date.UTC(toYear + 2, 0, 1);
  const changes = transitions(timeZone, start, end);
  const initial = offsetMinutes(start, timeZone);
  const lowest = Math.min(initial, ...changes.map((c) => c.to));
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  const component = (kind: 'STANDARD' | 'DAYLIGHT', at: number, from: number, to: number) => {
    lines.push(
      `BEGIN:${kind}`,
      // DTSTART is the wall-clock time at the change, read in the offset then in force.
      `DTSTART:${utcStamp(new Date(at + from * 60_000).toISOString()).slice(0, -1)}`,
      `TZOFFSETFROM:${formatOffset(from)}`,
      `TZOFFSETTO:${formatOffset(to)}`,
      `END:${kind}`,
    );
  };
  component(initial === lowest ? 'STANDARD' : 'DAYLIGHT', start, initial, initial);
  for (const change of changes)
    component(change.to > change.from ? 'DAYLIGHT' : 'STANDARD', change.at, change.from, change.to);
  lines.push('END:VTIMEZONE');
  return lines;
}

export interface CalendarEntry {
  uid: string;
  sequence: number;
  status: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
  summary: string;
  description: string;
  location: string | null;
  url: string | null;
  /** A local date with an optional local start time in a zone; without a time, an all-day entry. */
  date: string;
  startTime: string | null;
  timeZone: string;
  /** UTC instants, when the time is known. */
  startsAt: string | null;
  endsAt: string | null;
  classification: 'PUBLIC' | 'PRIVATE' | 'CONFIDENTIAL';
  categories: readonly string[];
  created: string;
  lastModified: string;
}

const dateValue = (date: string) => date.replaceAll('-', '');
const nextDay = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
};

function entryLines(entry: CalendarEntry): string[] {
  const lines = ['BEGIN:VEVENT', `UID:${entry.uid}`, `DTSTAMP:${utcStamp(entry.lastModified)}`];
  if (entry.startTime !== null && entry.startsAt !== null) {
    const start = Date.parse(entry.startsAt);
    const end = entry.endsAt === null ? start + 3_600_000 : Date.parse(entry.endsAt);
    lines.push(`DTSTART;TZID=${entry.timeZone}:${localStamp(start, entry.timeZone)}`);
    lines.push(`DTEND;TZID=${entry.timeZone}:${localStamp(end, entry.timeZone)}`);
  } else {
    lines.push(`DTSTART;VALUE=DATE:${dateValue(entry.date)}`);
    lines.push(`DTEND;VALUE=DATE:${dateValue(nextDay(entry.date))}`);
  }
  lines.push(
    `SEQUENCE:${entry.sequence}`,
    `STATUS:${entry.status}`,
    `SUMMARY:${escapeText(entry.summary)}`,
    `DESCRIPTION:${escapeText(entry.description)}`,
  );
  if (entry.location !== null) lines.push(`LOCATION:${escapeText(entry.location)}`);
  if (entry.url !== null) lines.push(`URL:${entry.url}`);
  lines.push(
    `CLASS:${entry.classification}`,
    `CATEGORIES:${entry.categories.map(escapeText).join(',')}`,
    `CREATED:${utcStamp(entry.created)}`,
    `LAST-MODIFIED:${utcStamp(entry.lastModified)}`,
    'END:VEVENT',
  );
  return lines;
}

/** A whole calendar: one VTIMEZONE per zone its timed entries use, then the entries. CRLF, folded. */
export function renderCalendar(name: string, entries: readonly CalendarEntry[]): string {
  const years = new Map<string, number[]>();
  for (const entry of entries) {
    if (entry.startTime === null || entry.startsAt === null) continue;
    const year = Number(entry.date.slice(0, 4));
    years.set(entry.timeZone, [...(years.get(entry.timeZone) ?? []), year]);
  }
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Ramstein//Meeting calendar//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `NAME:${escapeText(name)}`,
    `X-WR-CALNAME:${escapeText(name)}`,
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
  ];
  for (const [zone, list] of [...years].sort(([a], [b]) => a.localeCompare(b)))
    lines.push(...vtimezone(zone, Math.min(...list), Math.max(...list)));
  for (const entry of entries) lines.push(...entryLines(entry));
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
