import { expect, it } from 'vitest';
import {
  capabilityAreaListSchema,
  coalitionListSchema,
  coalitionSchema,
} from '../../core/capabilities/capability.schema';
import { errorSchema } from '../../core/common.schema';
import { describeApiOnEachDatabase } from '../test/test-app';

const expectedLeads: Record<string, string[]> = {
  'air-force': ['USA', 'DNK', 'NLD'],
  'air-defence': ['DEU', 'FRA'],
  'it-cyber-comms': ['EST', 'LUX'],
  demining: ['LTU', 'ISL'],
  maritime: ['GBR', 'NOR'],
  'artillery-ammunition': ['FRA', 'USA'],
  'drones-ew': ['LVA', 'GBR'],
  armour: ['POL', 'DEU'],
};

describeApiOnEachDatabase('capabilities API', (ctx) => {
  const get = (url: string) => ctx().app.inject({ method: 'GET', url });

  it('lists the 12 capability areas in order, each with its coalition if any', async () => {
    const response = await get('/api/v1/groups/udcg/capability-areas');
    expect(response.statusCode).toBe(200);
    const areas = capabilityAreaListSchema.parse(response.json());
    expect(areas.map((a) => a.slug)).toEqual([
      'air-defence',
      'artillery-ammunition',
      'armour',
      'air-force',
      'drones-ew',
      'maritime',
      'demining',
      'it-cyber-comms',
      'logistics',
      'medical',
      'training',
      'other',
    ]);
    expect(areas.map((a) => a.sortOrder)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const withCoalition = areas.filter((a) => a.coalitions.length > 0).map((a) => a.slug);
    expect(withCoalition.sort()).toEqual(Object.keys(expectedLeads).sort());
    expect(areas.find((a) => a.slug === 'demining')?.coalitions).toEqual([
      { id: expect.any(String) as string, name: 'Demining Capability Coalition' },
    ]);
    expect(areas.find((a) => a.slug === 'medical')?.coalitions).toEqual([]);
  });

  it('lists the eight UDCG coalitions with their areas, leads, formed dates and sources', async () => {
    const coalitions = coalitionListSchema.parse(
      (await get('/api/v1/groups/udcg/coalitions')).json(),
    );
    expect(coalitions).toHaveLength(8);
    const leads = Object.fromEntries(
      coalitions.map((c) => [c.area.slug, c.leads.map((n) => n.code).sort()]),
    );
    expect(leads).toEqual(
      Object.fromEntries(Object.entries(expectedLeads).map(([k, v]) => [k, [...v].sort()])),
    );
    for (const coalition of coalitions) {
      expect(coalition.groupSlug).toBe('udcg');
      expect(coalition.source.url).toMatch(/^https?:\/\//);
      expect(coalition.source.title).toBeTruthy();
      expect(coalition.source.confidence).not.toBeNull();
      expect(coalition.members).toEqual([]);
    }
    const maritime = coalitions.find((c) => c.area.slug === 'maritime');
    expect(maritime).toMatchObject({
      name: 'Maritime Capability Coalition',
      area: { name: 'Maritime' },
      formedOn: '2023-12-11',
      formedIn: null,
      source: { confidence: 'high' },
    });
    expect(maritime?.leads.find((n) => n.code === 'GBR')).toMatchObject({ alpha2: 'GB' });
    // Partial dates are kept as published, never padded into a day nobody reported.
    expect(coalitions.find((c) => c.area.slug === 'drones-ew')).toMatchObject({
      formedOn: null,
      formedIn: '2024-01',
    });
    expect(coalitions.find((c) => c.area.slug === 'it-cyber-comms')).toMatchObject({
      formedOn: null,
      formedIn: '2023',
    });
    expect(coalitions.find((c) => c.area.slug === 'air-force')?.source.confidence).toBe(
      'uncertain',
    );
  });

  it('shows one coalition, 404 for an unknown one and 400 for a malformed id', async () => {
    const list = coalitionListSchema.parse((await get('/api/v1/groups/udcg/coalitions')).json());
    const demining = list.find((c) => c.area.slug === 'demining');
    const detail = coalitionSchema.parse(
      (await get(`/api/v1/coalitions/${demining?.id ?? ''}`)).json(),
    );
    expect(detail).toEqual(demining);
    expect(detail.leads.map((n) => n.code).sort()).toEqual(['ISL', 'LTU']);
    expect(detail.formedOn).toBe('2024-02-14');

    const unknown = await get('/api/v1/coalitions/01890000-0000-7000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
    expect(errorSchema.parse(unknown.json()).error).toBe('not_found');
    const bad = await get('/api/v1/coalitions/not-a-uuid');
    expect(bad.statusCode).toBe(400);
    expect(errorSchema.parse(bad.json()).issues.map((i) => i.path)).toContain('params.id');
  });

  it('answers 404 for the areas and coalitions of an unknown group', async () => {
    expect((await get('/api/v1/groups/nope/capability-areas')).statusCode).toBe(404);
    expect((await get('/api/v1/groups/nope/coalitions')).statusCode).toBe(404);
    expect((await get('/api/v1/groups/Not_A_Slug/coalitions')).statusCode).toBe(400);
  });
});
