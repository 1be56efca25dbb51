import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import {
  type CalendarEntry,
  escapeText,
  foldLine,
  offsetMinutes,
  renderCalendar,
  transitions,
} from './ical';

const entry: CalendarEntry = {
  uid: '0190c0de-0000-7000-8000-000000000033@ramstein',
  sequence: 2,
  status: 'CONFIRMED',
  summary: 'UDCG-33: Ukraine Defence Contact Group; ministers, Brussels',
  description: "Marking: GROUP\nAhead of: NATO defence ministers' meeting\\ministerial",
  location: 'NATO Headquarters, Brussels, Belgium',
  url: 'https://meet.example.org/udcg-33',
  date: '2027-02-12',
  startTime: '15:00',
  timeZone: 'Europe/Brussels',
  startsAt: '2027-02-12T14:00:00.000Z',
  endsAt: '2027-02-12T17:00:00.000Z',
  classification: 'PRIVATE',
  categories: ['UDCG', 'GROUP'],
  created: '2026-11-20T09:00:00.000Z',
  lastModified: '2026-11-21T10:30:00.000Z',
};

/** Parses a calendar with ical.js and registers its zones, as a calendar client would. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar;
}

describe('iCalendar text', () => {
  it('escapes backslashes, separators and newlines in TEXT values', () => {
    expect(escapeText('a\\b; c, d\ne')).toBe('a\\\\b\\; c\\, d\\ne');
  });

  it('folds lines at 75 octets without splitting a character', () => {
    const folded = foldLine(`DESCRIPTION:${'é'.repeat(80)}`);
    for (const line of folded.split('\r\n'))
      expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(
      folded
        .split('\r\n')
        .map((l, i) => (i === 0 ? l : l.slice(1)))
        .join(''),
    ).toBe(`DESCRIPTION:${'é'.repeat(80)}`);
  });

  it('ends every line with CRLF', () => {
    const text = renderCalendar('UDCG meetings', [entry]);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });
});

describe('a calendar read back by ical.js', () => {
  const calendar = parse(renderCalendar('UDCG meetings', [entry]));
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  const event = new ICAL.Event(vevent);

  it('has the calendar properties', () => {
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Ramstein//Meeting calendar//EN');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('UDCG meetings');
    expect(calendar.getFirstPropertyValue('name')).toBe('UDCG meetings');
  });

  it('keeps every field of the entry, unescaped', () => {
    expect(event.uid).toBe(entry.uid);
    expect(event.sequence).toBe(2);
    expect(event.summary).toBe(entry.summary);
    expect(event.description).toBe(entry.description);
    expect(event.location).toBe(entry.location);
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(vevent.getFirstPropertyValue('class')).toBe('PRIVATE');
    expect(vevent.getFirstPropertyValue('url')).toBe(entry.url);
    expect(vevent.getFirstProperty('categories')?.getValues()).toEqual(['UDCG', 'GROUP']);
    expect(String(vevent.getFirstPropertyValue('dtstamp'))).toBe('2026-11-21T10:30:00Z');
    expect(String(vevent.getFirstPropertyValue('created'))).toBe('2026-11-20T09:00:00Z');
    expect(String(vevent.getFirstPropertyValue('last-modified'))).toBe('2026-11-21T10:30:00Z');
  });

  it('gives the start in Brussels time, which its VTIMEZONE turns into the right UTC instant', () => {
    expect(event.startDate.zone?.tzid).toBe('Europe/Brussels');
    expect(event.startDate.toString()).toBe('2027-02-12T15:00:00');
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-02-12T14:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2027-02-12T17:00:00.000Z');
  });

  it('describes summer time too: 15:00 in June is 13:00 UTC', () => {
    const june = parse(
      renderCalendar('x', [
        {
          ...entry,
          date: '2027-06-04',
          startsAt: '2027-06-04T13:00:00.000Z',
          endsAt: '2027-06-04T16:00:00.000Z',
        },
      ]),
    );
    const start = new ICAL.Event(june.getFirstSubcomponent('vevent') ?? undefined).startDate;
    expect(start.toString()).toBe('2027-06-04T15:00:00');
    expect(start.toJSDate().toISOString()).toBe('2027-06-04T13:00:00.000Z');
  });

  it('writes a meeting without a time as an all-day entry, and a cancelled one as CANCELLED', () => {
    const text = renderCalendar('x', [
      { ...entry, startTime: null, startsAt: null, endsAt: null, status: 'CANCELLED' },
    ]);
    expect(text).not.toContain('BEGIN:VTIMEZONE');
    const allDay = parse(text).getFirstSubcomponent('vevent');
    if (!allDay) throw new Error('no VEVENT');
    const e = new ICAL.Event(allDay);
    expect(e.startDate.isDate).toBe(true);
    expect(e.startDate.toString()).toBe('2027-02-12');
    expect(e.endDate.toString()).toBe('2027-02-13');
    expect(allDay.getFirstPropertyValue('status')).toBe('CANCELLED');
  });
});

describe('time zone transitions', () => {
  it('finds the 2027 daylight-saving changes of Brussels to the second', () => {
    const found = transitions('Europe/Brussels', Date.UTC(2027, 0, 1), Date.UTC(2028, 0, 1)).map(
      (t) => ({ at: new Date(t.at).toISOString(), from: t.from, to: t.to }),
    );
    expect(found).toEqual([
      { at: '2027-03-28T01:00:00.000Z', from: 60, to: 120 },
      { at: '2027-10-31T01:00:00.000Z', from: 120, to: 60 },
    ]);
  });

  it('describes southern and unchanging zones well enough for ical.js to convert', () => {
    expect(offsetMinutes(Date.UTC(2027, 0, 15), 'Australia/Sydney')).toBe(660);
    for (const [zone, local, utc] of [
      ['Australia/Sydney', '09:00', '2027-01-14T22:00:00.000Z'],
      ['Asia/Tokyo', '09:00', '2027-01-15T00:00:00.000Z'],
      ['America/New_York', '09:00', '2027-01-15T14:00:00.000Z'],
    ] as const) {
      const calendar = parse(
        renderCalendar('x', [
          {
            ...entry,
            date: '2027-01-15',
            startTime: local,
            timeZone: zone,
            startsAt: utc,
            endsAt: null,
          },
        ]),
      );
      const start = new ICAL.Event(calendar.getFirstSubcomponent('vevent') ?? undefined).startDate;
      expect(start.toJSDate().toISOString(), zone).toBe(utc);
    }
  });
});
