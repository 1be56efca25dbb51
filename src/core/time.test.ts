import { describe, expect, it } from 'vitest';
import { isIsoDate, isTimeZone, zonedTimeToUtc } from './time';

describe('isIsoDate', () => {
  it('accepts real calendar dates and refuses impossible or misformatted ones', () => {
    expect(isIsoDate('2025-02-12')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-2-12')).toBe(false);
    expect(isIsoDate('12/02/2025')).toBe(false);
    for (const text of [
      '2025-02-1a',
      ' 2025-02-12',
      '2025-02-12 ',
      '+025-02-12',
      '2025/02/12',
      '２０２５-02-12',
    ]) {
      expect(isIsoDate(text), text).toBe(false);
    }
  });

  it('agrees with the calendar of Date on every day of the centuries around leap-year exceptions', () => {
    const byDate = (y: number, m: number, d: number) => {
      const date = new Date(Date.UTC(y, m - 1, d));
      return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
    };
    let checked = 0;
    for (const y of [
      99, 100, 1600, 1899, 1900, 1904, 1999, 2000, 2023, 2024, 2025, 2100, 2400, 9999,
    ]) {
      for (let m = 0; m <= 13; m++) {
        for (let d = 0; d <= 32; d++) {
          const text = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          expect(isIsoDate(text), text).toBe(byDate(y, m, d));
          checked += 1;
        }
      }
    }
    expect(checked).toBe(14 * 14 * 33);
  });
});

describe('isTimeZone', () => {
  it('knows IANA zones and refuses abbreviations and inventions', () => {
    expect(isTimeZone('Europe/Brussels')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('CET')).toBe(false);
    expect(isTimeZone('Europe/Atlantis')).toBe(false);
  });
});

describe('zonedTimeToUtc', () => {
  it('converts Brussels winter and summer time to UTC', () => {
    expect(zonedTimeToUtc('2025-02-12', '15:00', 'Europe/Brussels')).toBe(
      '2025-02-12T14:00:00.000Z',
    );
    expect(zonedTimeToUtc('2025-10-15', '15:00', 'Europe/Brussels')).toBe(
      '2025-10-15T13:00:00.000Z',
    );
  });

  it('handles the day daylight saving starts and a zone behind UTC', () => {
    expect(zonedTimeToUtc('2025-03-30', '12:00', 'Europe/Brussels')).toBe(
      '2025-03-30T10:00:00.000Z',
    );
    expect(zonedTimeToUtc('2025-01-09', '09:30', 'America/New_York')).toBe(
      '2025-01-09T14:30:00.000Z',
    );
  });
});
