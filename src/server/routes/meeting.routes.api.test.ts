import { expect, it } from 'vitest';
import { meetingPageSchema, meetingSchema } from '../../core/meetings/meeting.schema';
import { describeApiOnEachDatabase } from '../test/test-app';

describeApiOnEachDatabase('meetings API', (ctx) => {
  const get = (url: string) => ctx().app.inject({ method: 'GET', url });

  it('answers meeting 26: Brussels, 12 February 2025, chaired by the UK, with its source', async () => {
    const response = await get('/api/v1/groups/udcg/meetings/26');
    expect(response.statusCode).toBe(200);
    const meeting = meetingSchema.parse(response.json());
    expect(meeting).toMatchObject({
      code: 'UDCG-26',
      number: 26,
      date: '2025-02-12',
      timeZone: 'Europe/Brussels',
      venue: 'NATO Headquarters, Brussels',
      venueCountry: { code: 'BEL' },
      status: 'held',
      format: 'in_person',
      chair: { code: 'GBR', name: 'United Kingdom' },
      chairPerson: { name: 'John Healey' },
      coChair: null,
    });
    expect(meeting.source.url).toMatch(/^https:\/\//);
    expect(meeting.source.title).toBeTruthy();
    expect(meeting.source.confidence).toBe('high');
    expect(meeting.events.map((e) => [e.ref, e.relation])).toEqual([
      ['NATO_DEFMIN_FEB25', 'alongside'],
      ['UDCG26', 'same'],
      ['MSC_2025', 'ahead_of'],
    ]);
  });

  it('finds the same meeting by ?number=26 in the list and by id', async () => {
    const list = meetingPageSchema.parse(
      (await get('/api/v1/groups/udcg/meetings?number=26')).json(),
    );
    expect(list.total).toBe(1);
    const byId = await get(`/api/v1/meetings/${list.items[0]?.id ?? ''}`);
    expect(byId.statusCode).toBe(200);
    expect(meetingSchema.parse(byId.json()).code).toBe('UDCG-26');
  });

  it('holds meetings 1 to 31, the cancelled 2024-10-12 meeting and the planned 32', async () => {
    const all = meetingPageSchema.parse(
      (await get('/api/v1/groups/udcg/meetings?limit=500')).json(),
    );
    expect(all.total).toBe(33);
    const numbers = all.items.map((m) => m.number).filter((n) => n !== null);
    expect(numbers).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
    const cancelled = all.items.filter((m) => m.status === 'cancelled');
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]).toMatchObject({
      number: null,
      date: '2024-10-12',
      code: 'UDCG 2024-10-12',
    });
    expect(all.items.find((m) => m.number === 32)?.status).toBe('planned');
    expect(all.items.find((m) => m.number === 27)?.coChair?.code).toBe('DEU');
    expect(all.items.find((m) => m.number === 25)?.chair.code).toBe('USA');
  });

  it('filters by status and date range, sorts and pages with a total', async () => {
    const page = meetingPageSchema.parse(
      (
        await get(
          '/api/v1/groups/udcg/meetings?status=held&from=2025-01-01&to=2025-12-31&sort=-date&limit=2&offset=1',
        )
      ).json(),
    );
    expect(page.total).toBe(7); // meetings 25 to 31
    expect(page.items.map((m) => m.number)).toEqual([30, 29]);
    expect(page).toMatchObject({ limit: 2, offset: 1 });

    const several = meetingPageSchema.parse(
      (await get('/api/v1/groups/udcg/meetings?status=planned,cancelled&sort=number')).json(),
    );
    expect(several.items.map((m) => m.status).sort()).toEqual(['cancelled', 'planned']);
  });

  it('answers 404 for a meeting number, group or id that does not exist', async () => {
    for (const url of [
      '/api/v1/groups/udcg/meetings/999',
      '/api/v1/groups/nosuchgroup/meetings',
      '/api/v1/meetings/01890000-0000-7000-8000-000000000000',
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.json()).toMatchObject({ error: 'not_found', issues: [] });
    }
  });
});
