import { expect, it } from 'vitest';
import { chairSchema } from '../../core/chair/chair-term.schema';
import { groupListSchema, groupSchema, memberListSchema } from '../../core/groups/group.schema';
import { describeApiOnEachDatabase } from '../test/test-app';

describeApiOnEachDatabase('groups API', (ctx) => {
  const get = (url: string) => ctx().app.inject({ method: 'GET', url });

  it('lists the UDCG with its recipient and reporting currency', async () => {
    const { items } = groupListSchema.parse((await get('/api/v1/groups')).json());
    expect(items).toHaveLength(1);
    const group = groupSchema.parse((await get('/api/v1/groups/udcg')).json());
    expect(group).toMatchObject({
      slug: 'udcg',
      name: 'Ukraine Defence Contact Group',
      shortName: 'UDCG',
      recipient: { code: 'UKR' },
      reportingCurrency: 'EUR',
    });
    expect(group.memberCount).toBe(57);
  });

  it('gives the chair history USA, then GBR from meeting 26, then GBR with DEU from meeting 27', async () => {
    const chair = chairSchema.parse((await get('/api/v1/groups/udcg/chair')).json());
    expect(
      chair.history.map((t) => [
        t.chair.code,
        t.coChair?.code ?? null,
        t.startsOn,
        t.endsOn,
        t.startsAtMeeting,
      ]),
    ).toEqual([
      ['USA', null, '2022-04-26', '2025-02-12', 1],
      ['GBR', null, '2025-02-12', '2025-04-11', 26],
      ['GBR', 'DEU', '2025-04-11', null, 27],
    ]);
    expect(chair.current).toEqual(chair.history[2]);
    expect(chair.history.every((t) => t.source.url !== null && t.source.confidence !== null)).toBe(
      true,
    );
  });

  it('lists members with their role, first appearance and source, filtered by role', async () => {
    const all = memberListSchema.parse((await get('/api/v1/groups/udcg/members')).json());
    expect(all.total).toBe(57);
    const gbr = all.items.find((m) => m.nation.code === 'GBR');
    expect(gbr).toMatchObject({ role: 'member', validFrom: '2022-04-26', firstSeenMeeting: 1 });
    expect(gbr?.nation).toMatchObject({ natoMember: true, euMember: false });
    expect(gbr?.source.url).toMatch(/^https?:\/\//);

    const recipients = memberListSchema.parse(
      (await get('/api/v1/groups/udcg/members?role=recipient')).json(),
    );
    expect(recipients.items.map((m) => m.nation.code)).toEqual(['UKR']);

    const early = memberListSchema.parse(
      (await get('/api/v1/groups/udcg/members?on=2022-04-26')).json(),
    );
    expect(early.items.some((m) => m.nation.code === 'ARG')).toBe(false); // Argentina joined in June 2024
    expect(early.items.some((m) => m.nation.code === 'USA')).toBe(true);
  });

  it('answers 404 for an unknown group', async () => {
    for (const url of [
      '/api/v1/groups/nato',
      '/api/v1/groups/nato/chair',
      '/api/v1/groups/nato/members',
    ]) {
      expect((await get(url)).statusCode, url).toBe(404);
    }
  });
});
