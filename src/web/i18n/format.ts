import type { NationRef } from '../../core/common.schema';

/** Dates travel as YYYY-MM-DD; format them as calendar dates, never shifted by the viewer's zone. */
export function formatDate(
  iso: string,
  locale: string,
  style: 'long' | 'medium' | 'full' = 'long',
): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: 'UTC' }).format(date);
}

/** A range of calendar dates, collapsed to one date when both ends are the same day. */
export function formatDateRange(from: string, to: string, locale: string): string {
  if (from === to) return formatDate(from, locale, 'medium');
  const a = new Date(`${from}T00:00:00Z`);
  const b = new Date(`${to}T00:00:00Z`);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).formatRange(
    a,
    b,
  );
}

/** An instant shown in a given time zone, with the zone's short name (CET, GMT+1...). */
export function formatInstant(iso: string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));
}

export function zoneAbbreviation(iso: string, timeZone: string, locale: string): string {
  const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' }).formatToParts(
    new Date(iso),
  );
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const displayNames = new Map<string, Intl.DisplayNames>();

/** The nation's name in the viewer's language when it has an ISO alpha-2 code; else its own name. */
export function nationName(nation: Pick<NationRef, 'alpha2' | 'name'>, locale: string): string {
  if (!nation.alpha2) return nation.name;
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    displayNames.set(locale, names);
  }
  try {
    return names.of(nation.alpha2.toUpperCase()) ?? nation.name;
  } catch {
    return nation.name;
  }
}

/** Today's calendar date as YYYY-MM-DD in the viewer's own zone. */
export function todayIso(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** An instant (ISO 8601) as a short date and time in the viewer's own zone. */
export function formatDateTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
