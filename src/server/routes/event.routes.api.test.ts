import { expect, it } from 'vitest';
import { eventPageSchema, eventSchema } from '../../core/events/event.schema';
import { describeApiOnEachDatabase } from '../test/test-app';

describeApiOnEachDatabase('events API', (ctx) => {
  const get = (url: string) => ctx().app.inject({ method: 'GET', url });

  it('lists the 2025 events in date order, with kinds, actors and sources', async () => {
    const page = eventPageSchema.parse((await get('/api/v1/events')).json());
    expect(page.total).toBe(13);
    const dates = page.items.map((e) => e.startsOn);
    expect(dates).toEqual([...dates].sort());
    const msc = page.items.find((e) => e.ref === 'MSC_2025');
    expect(msc).toMatchObject({
      kind: 'conference',
      startsOn: '2025-02-14',
      endsOn: '2025-02-16',
      country: { code: 'DEU' },
    });
    expect(msc?.source.url).toMatch(/^https?:\/\//);
    const kellogg = page.items.find((e) => e.ref === 'KELLOGG_APPOINTED');
    expect(kellogg?.actors).toEqual(['Donald J. Trump', 'Keith Kellogg']);
  });

  it('filters by overlapping date range and kind', async () => {
    const feb = eventPageSchema.parse(
      (await get('/api/v1/events?from=2025-02-13&to=2025-02-15')).json(),
    );
    expect(feb.items.map((e) => e.ref)).toEqual(['NATO_DEFMIN_FEB25', 'MSC_2025']);
    const summits = eventPageSchema.parse((await get('/api/v1/events?kind=summit')).json());
    expect(summits.items.map((e) => e.ref)).toEqual(['NATO_HAGUE_SUMMIT']);
  });

  it('shows an event with the meetings linked to it', async () => {
    const page = eventPageSchema.parse((await get('/api/v1/events?kind=nato_ministerial')).json());
    const october = page.items.find((e) => e.ref === 'NATO_DEFMIN_OCT25');
    const detail = eventSchema.parse((await get(`/api/v1/events/${october?.id ?? ''}`)).json());
    expect(detail.meetings).toEqual([
      expect.objectContaining({
        groupSlug: 'udcg',
        number: 31,
        date: '2025-10-15',
        relation: 'alongside',
      }),
    ]);
    expect((await get('/api/v1/events/01890000-0000-7000-8000-000000000000')).statusCode).toBe(404);
  });
});
