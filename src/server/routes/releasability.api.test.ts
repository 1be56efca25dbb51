import type { InjectOptions } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { documentPageSchema, documentStatsSchema } from '../../core/documents/document.schema';
import { auditPageSchema } from '../../core/audit/audit.schema';
import { describeApiOnEachDatabase } from '../test/test-app';
import { addPrincipal, bearer, type Principal } from '../test/principals';

/**
 * A delegate of one nation, tried as a new user would, cannot see, count, export or infer a record
 * restricted to other nations — through every read path that exists.
 */
describeApiOnEachDatabase('releasability through every read path', (ctx) => {
  const inject = (options: InjectOptions) => ctx().app.inject(options);
  let gbr: Principal,
    pol: Principal,
    usa: Principal,
    ukr: Principal,
    bra: Principal,
    usaAdmin: Principal;
  const ids: Record<string, string> = {};
  const secret = 'Storm Shadow resupply schedule';

  beforeAll(async () => {
    gbr = await addPrincipal(ctx(), 'gbr.coord', 'GBR', ['coordinator']);
    pol = await addPrincipal(ctx(), 'pol.coord', 'POL', ['coordinator']);
    usa = await addPrincipal(ctx(), 'usa.coord', 'USA', ['coordinator']);
    ukr = await addPrincipal(ctx(), 'ukr.planner', 'UKR', ['recipient']);
    bra = await addPrincipal(ctx(), 'bra.viewer', 'BRA', ['viewer']); // Brazil does not take part in the UDCG
    usaAdmin = await addPrincipal(ctx(), 'usa.admin', 'USA', ['admin']);
    const create = async (
      who: Principal,
      title: string,
      marking: Record<string, unknown>,
      body = '',
    ) => {
      const response = await inject({
        method: 'POST',
        url: '/api/v1/groups/udcg/documents',
        headers: bearer(who.token),
        payload: { title, body, marking },
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json<{ document: { id: string } }>().document.id;
    };
    ids.public = await create(gbr, 'Public read-out', { classification: 'PUBLIC' });
    ids.group = await create(gbr, 'Group note', { classification: 'GROUP' });
    ids.gbrUkr = await create(
      gbr,
      'UK to Ukraine',
      { classification: 'RESTRICTED', relTo: ['UKR'] },
      secret,
    );
    ids.polOnly = await create(
      pol,
      'Polish eyes only',
      { classification: 'RESTRICTED', relTo: [] },
      secret,
    );
  });

  const list = async (who: Principal | null, query = '') =>
    documentPageSchema.parse(
      (
        await inject({
          method: 'GET',
          url: `/api/v1/groups/udcg/documents${query}`,
          headers: who ? bearer(who.readToken) : {},
        })
      ).json(),
    );

  it('shows each viewer exactly the documents its nation may read, with the marking spelled out', async () => {
    const titles = async (who: Principal | null) =>
      (await list(who)).items.map((d) => d.title).sort();
    expect(await titles(null)).toEqual(['Public read-out']);
    expect(await titles(bra)).toEqual(['Public read-out']);
    expect(await titles(usa)).toEqual(['Group note', 'Public read-out']);
    expect(await titles(ukr)).toEqual(['Group note', 'Public read-out', 'UK to Ukraine']);
    expect(await titles(gbr)).toEqual(['Group note', 'Public read-out', 'UK to Ukraine']);
    expect(await titles(pol)).toEqual(['Group note', 'Polish eyes only', 'Public read-out']);
    const restricted = (await list(ukr)).items.find((d) => d.title === 'UK to Ukraine');
    expect(restricted?.marking).toEqual({
      classification: 'RESTRICTED',
      relTo: ['GBR', 'UKR'],
      label: 'RESTRICTED REL TO GBR, UKR',
    });
  });

  it('counts and totals only what is releasable', async () => {
    expect((await list(usa)).total).toBe(2);
    expect((await list(usa, '?classification=RESTRICTED')).total).toBe(0);
    const stats = async (who: Principal | null) =>
      documentStatsSchema.parse(
        (
          await inject({
            method: 'GET',
            url: '/api/v1/groups/udcg/documents/stats',
            headers: who ? bearer(who.readToken) : {},
          })
        ).json(),
      );
    expect(await stats(usa)).toEqual({
      total: 2,
      byClassification: { PUBLIC: 1, GROUP: 1, RESTRICTED: 0 },
      byNation: [{ nation: 'GBR', count: 2 }],
    });
    expect(await stats(pol)).toEqual({
      total: 3,
      byClassification: { PUBLIC: 1, GROUP: 1, RESTRICTED: 1 },
      byNation: [
        { nation: 'GBR', count: 2 },
        { nation: 'POL', count: 1 },
      ],
    });
    expect((await stats(null)).total).toBe(1);
  });

  it('answers a restricted document exactly like a missing one', async () => {
    const restricted = await inject({
      method: 'GET',
      url: `/api/v1/documents/${ids.polOnly}`,
      headers: bearer(usa.readToken),
    });
    const missing = await inject({
      method: 'GET',
      url: '/api/v1/documents/01890000-0000-7000-8000-000000000000',
      headers: bearer(usa.readToken),
    });
    expect(restricted.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(restricted.json<{ error: string }>().error).toBe(
      missing.json<{ error: string }>().error,
    );
    expect(restricted.body).not.toContain('Polish');
    expect(
      (
        await inject({
          method: 'GET',
          url: `/api/v1/documents/${ids.polOnly}`,
          headers: bearer(pol.readToken),
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await inject({ method: 'GET', url: `/api/v1/documents/${ids.group}` })).statusCode,
    ).toBe(404);
  });

  it('finds nothing restricted by searching its words', async () => {
    expect((await list(usa, '?q=storm%20shadow')).total).toBe(0);
    expect((await list(ukr, '?q=storm%20shadow')).items.map((d) => d.title)).toEqual([
      'UK to Ukraine',
    ]);
  });

  it('exports only what is releasable', async () => {
    const csv = async (who: Principal | null) =>
      (
        await inject({
          method: 'GET',
          url: '/api/v1/groups/udcg/documents/export.csv',
          headers: who ? bearer(who.readToken) : {},
        })
      ).body;
    const usaCsv = await csv(usa);
    expect(usaCsv).toContain('Group note');
    expect(usaCsv).not.toContain(secret);
    expect(usaCsv).not.toContain('Polish');
    expect(await csv(ukr)).toContain('RESTRICTED REL TO GBR, UKR');
  });

  it('refuses writes to a record the nation cannot read as not found, and to one it can read but does not own as forbidden', async () => {
    const patch = (who: Principal, id: string) =>
      inject({
        method: 'PATCH',
        url: `/api/v1/documents/${id}`,
        headers: bearer(who.token),
        payload: { version: 1, title: 'hijacked' },
      });
    expect((await patch(usa, ids.polOnly ?? '')).statusCode).toBe(404);
    expect((await patch(usa, ids.group ?? '')).statusCode).toBe(403);
    expect(
      (
        await inject({
          method: 'DELETE',
          url: `/api/v1/documents/${ids.group}?version=1`,
          headers: bearer(ukr.token),
        })
      ).statusCode,
    ).toBe(403);
  });

  it('shows an admin only the audit entries of records its nation may read', async () => {
    const page = auditPageSchema.parse(
      (
        await inject({
          method: 'GET',
          url: '/api/v1/audit?entity=document&limit=100',
          headers: bearer(usaAdmin.readToken),
        })
      ).json(),
    );
    const seen = page.items.map((e) => e.entityId);
    expect(seen).toContain(ids.group);
    expect(seen).not.toContain(ids.polOnly);
    expect(seen).not.toContain(ids.gbrUkr);
    expect(JSON.stringify(page)).not.toContain(secret);
    expect(page.total).toBe(page.items.length);
  });

  it('narrows a marking with a warning, audited, and the record leaves the wider readers at once', async () => {
    const response = await inject({
      method: 'PATCH',
      url: `/api/v1/documents/${ids.group}`,
      headers: bearer(gbr.token),
      payload: { version: 1, marking: { classification: 'RESTRICTED', relTo: ['UKR'] } },
    });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<{
      document: { marking: { label: string } };
      warnings: string[];
    }>();
    expect(result.document.marking.label).toBe('RESTRICTED REL TO GBR, UKR');
    expect(result.warnings[0]).toMatch(/cannot be recalled/);
    expect((await list(usa)).items.map((d) => d.title)).toEqual(['Public read-out']);
    const entry = await ctx()
      .connection.db.selectFrom('audit_entries')
      .select(['action', 'marking'])
      .where('entity_id', '=', ids.group ?? '')
      .where('action', '=', 'document.marking_narrowed')
      .executeTakeFirstOrThrow();
    expect(entry.marking).toBe('GROUP'); // the entry stays readable by everyone who could read the record before
  });
});
