import { addDays, localDateIn } from '../meeting-cycle';

/**
 * Test-only: dates relative to today at the venue, and a convene body like the UK's for UDCG-26
 * (Brussels, in person, ministers, ahead of the NATO defence ministers' meeting).
 */
export const venueDay = (offsetDays: number, timeZone = 'Europe/Brussels'): string =>
  addDays(localDateIn(timeZone, new Date()), offsetDays);

export function conveneBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const date = (overrides.date as string | undefined) ?? venueDay(1);
  return {
    date,
    startTime: '15:00',
    durationMinutes: 180,
    timeZone: 'Europe/Brussels',
    format: 'in_person',
    venue: 'NATO Headquarters, Brussels',
    venueCountry: 'BEL',
    level: 'ministers',
    events: [
      {
        event: {
          name: "NATO defence ministers' meeting",
          kind: 'nato_ministerial',
          startsOn: addDays(date, 1),
          endsOn: addDays(date, 2),
          location: 'NATO Headquarters, Brussels',
          country: 'BEL',
        },
        relation: 'ahead_of',
      },
    ],
    marking: { classification: 'PUBLIC' },
    ...overrides,
  };
}
