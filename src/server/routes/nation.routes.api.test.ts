import { expect, it } from 'vitest';
import { nationDetailSchema, nationPageSchema } from '../../core/nations/nation.schema';
import { describeApiOnEachDatabase } from '../test/test-app';

describeApiOnEachDatabase('nations API', (ctx) => {
  const get = (url: string) => ctx().app.inject({ method: 'GET', url });

  it('holds the full ISO 3166-1 list plus Kosovo, the EU and NATO', async () => {
    const page = nationPageSchema.parse((await get('/api/v1/nations?limit=500')).json());
    expect(page.total).toBe(253);
    const codes = page.items.map((n) => n.code);
    expect(codes).toEqual(
      expect.arrayContaining(['GBR', 'UKR', 'USA', 'ATA', 'XKX', 'XEU', 'XNT']),
    );
    expect(page.items.every((n) => /^[A-Z]{3}$/.test(n.code))).toBe(true);
  });

  it('searches by name or code and filters to a group', async () => {
    const found = nationPageSchema.parse((await get('/api/v1/nations?q=germ')).json());
    expect(found.items.map((n) => n.code)).toEqual(['DEU']);
    const byCode = nationPageSchema.parse((await get('/api/v1/nations?q=ukr')).json());
    expect(byCode.items.map((n) => n.code)).toContain('UKR');
    const inGroup = nationPageSchema.parse(
      (await get('/api/v1/nations?group=udcg&kind=organisation')).json(),
    );
    expect(inGroup.items.map((n) => n.code).sort()).toEqual(['XEU', 'XNT']);
  });

  it('shows a nation with its memberships', async () => {
    const gbr = nationDetailSchema.parse((await get('/api/v1/nations/GBR')).json());
    expect(gbr).toMatchObject({
      code: 'GBR',
      alpha2: 'GB',
      name: 'United Kingdom',
      natoMember: true,
    });
    expect(gbr.memberships).toEqual([
      {
        group: { slug: 'udcg', name: 'Ukraine Defence Contact Group', shortName: 'UDCG' },
        role: 'member',
        validFrom: '2022-04-26',
        validTo: null,
      },
    ]);
    const antarctica = nationDetailSchema.parse((await get('/api/v1/nations/ATA')).json());
    expect(antarctica.memberships).toEqual([]);
  });

  it('answers 404 for a well-formed code that is not a nation', async () => {
    const response = await get('/api/v1/nations/ZZZ');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: 'not_found', message: 'Nation ZZZ not found' });
  });
});
