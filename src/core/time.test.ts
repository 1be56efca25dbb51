import { describe, expect, it } from 'vitest';
import { isIsoDate, isTimeZone, zonedTimeToUtc } from './time';

describe('isIsoDate', () => {
  it('accepts real calendar dates and refuses impossible or misformatted ones', () => {
    expect(isIsoDate('2025-02-12')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-2-12')).toBe(false);
    expect(isIsoDate('12/02/2025')).toBe(false);
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
