import { beforeAll, expect, it } from 'vitest';
import { errorSchema } from '../../core/common.schema';
import {
  initiativePageSchema,
  initiativeSchema,
  type Initiative,
} from '../../core/initiatives/initiative.schema';
import { addPrincipal, bearer, type Principal } from '../test/principals';
import { describeApiOnEachDatabase } from '../test/test-app';

/**
 * Initiatives and the parties' positions over time: the seeded February 2025 US plan with only the
 * position its sources state, and a GROUP-marked initiative on which nations record their positions,
 * each under its own marking.
 */
describeApiOnEachDatabase('initiatives API', (ctx) => {
  let gbr: Principal; // coordinator
  let pol: Principal; // coordinator
  let ukr: Principal; // recipient
  let chair: Principal; // GBR secretariat: the UK chairs
  let meeting27 = '';
  let munich = '';
  let framework: Initiative;

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, who?: Principal, payload?: object) =>
    ctx().app.inject({
      method,
      url: `/api/v1${url}`,
      headers: who ? bearer(who.token) : {},
      ...(payload ? { payload } : {}),
    });

  const expectError = (
    response: { statusCode: number; json: () => unknown },
    status: number,
    path?: string,
  ) => {
    expect(response.statusCode, JSON.stringify(response.json())).toBe(status);
    const body = errorSchema.parse(response.json());
    if (path !== undefined) expect(body.issues.map((i) => i.path)).toContain(path);
  };

  const counts = async () => {
    const db = ctx().connection.db;
    const n = async (table: 'initiatives' | 'initiative_positions' | 'initiative_raisings') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number | string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      initiatives: await n('initiatives'),
      positions: await n('initiative_positions'),
      raisings: await n('initiative_raisings'),
    };
  };

  const position = (party: string, body: object = {}) => ({
    party,
    stance: 'supports',
    statedOn: '2025-04-11',
    source: { title: 'Statement at UDCG-27' },
    marking: { classification: 'GROUP' },
    ...body,
  });

  beforeAll(async () => {
    gbr = await addPrincipal(ctx(), 'initiatives.gbr', 'GBR', ['coordinator']);
    pol = await addPrincipal(ctx(), 'initiatives.pol', 'POL', ['coordinator']);
    ukr = await addPrincipal(ctx(), 'initiatives.ukr', 'UKR', ['recipient']);
    chair = await addPrincipal(ctx(), 'initiatives.chair', 'GBR', ['secretariat']);
    const db = ctx().connection.db;
    meeting27 = (
      await db
        .selectFrom('meetings')
        .select('id')
        .where('number', '=', 27)
        .executeTakeFirstOrThrow()
    ).id;
    munich = (
      await db
        .selectFrom('events')
        .select('id')
        .where('ref', '=', 'MSC_2025')
        .executeTakeFirstOrThrow()
    ).id;
  });

  it('seeds the February 2025 US plan with only the position its sources state', async () => {
    const page = initiativePageSchema.parse((await call('GET', '/groups/udcg/initiatives')).json());
    const summary = page.items.find((i) => i.ref === 'US_PLAN_2025_02');
    expect(summary).toMatchObject({
      title: 'Peace Through Strength: A Plan for Ukraine',
      kind: 'peace_plan',
      proposer: { code: 'USA' },
      marking: { classification: 'PUBLIC' },
      originNation: null,
      stances: [{ party: 'USA', stance: 'supports', statedOn: '2025-02-16' }],
    });
    const plan = initiativeSchema.parse(
      (await call('GET', `/initiatives/${summary?.id ?? ''}`)).json(),
    );
    expect(plan.proposerDetail).toBe('Keith Kellogg, US special envoy for Ukraine and Russia');
    expect(plan.elements.map((e) => e.text)).toEqual([
      'Freeze the front lines',
      'Push negotiations',
    ]);
    expect(plan.elements[0]?.source.url).toBe(
      'https://www.pravda.com.ua/eng/news/2024/11/27/7486609/',
    );
    expect(plan.raisedAt).toEqual([
      expect.objectContaining({
        event: expect.objectContaining({ ref: 'MSC_2025' }) as unknown,
        meeting: null,
        raisedOn: '2025-02-16',
      }),
    ]);
    expect(plan.positions).toHaveLength(1);
    expect(plan.positions[0]?.history).toHaveLength(1);
    expect(plan.positions[0]?.current).toMatchObject({
      party: { code: 'USA' },
      stance: 'supports',
      statedOn: '2025-02-16',
      source: {
        url: 'https://dw.com/en/at-msc-panel-us-special-envoy-to-ukraine-had-no-clear-answers-for-ukrainians/a-71631516',
        confidence: 'high',
      },
    });
    expect(plan.source.url).toBe(plan.positions[0]?.current.source.url);
  });

  it('records an initiative with its elements and where it was raised, marked GROUP', async () => {
    const response = await call('POST', '/groups/udcg/initiatives', gbr, {
      title: 'Security guarantee framework',
      kind: 'security_guarantees',
      proposer: 'GBR',
      summary: 'A framework of security guarantees for Ukraine after a ceasefire.',
      elements: ['Security guarantees', 'Air policing', 'Training mission'],
      raisedAt: [{ meetingId: meeting27, note: 'Tabled by the chair' }],
      marking: { classification: 'GROUP' },
    });
    expect(response.statusCode, response.body).toBe(201);
    framework = initiativeSchema.parse(response.json());
    expect(framework).toMatchObject({
      originNation: 'GBR',
      marking: { classification: 'GROUP' },
      raisedAt: [{ meeting: { number: 27, date: '2025-04-11' }, raisedOn: '2025-04-11' }],
      positions: [],
      version: 1,
    });
    expect(framework.elements.map((e) => e.text)).toEqual([
      'Security guarantees',
      'Air policing',
      'Training mission',
    ]);
    // Not releasable to an anonymous caller: it answers like a missing one and is not listed.
    expectError(await call('GET', `/initiatives/${framework.id}`), 404);
    const publicList = initiativePageSchema.parse(
      (await call('GET', '/groups/udcg/initiatives')).json(),
    );
    expect(publicList.items.map((i) => i.id)).not.toContain(framework.id);
    expect((await call('GET', `/initiatives/${framework.id}`, pol)).statusCode).toBe(200);
  });

  it('refuses bad initiatives, naming the field, and writes nothing', async () => {
    const before = await counts();
    const create = (body: object, who: Principal = gbr) =>
      call('POST', '/groups/udcg/initiatives', who, {
        title: 'Sanctions package',
        kind: 'sanctions_package',
        proposer: 'XEU',
        summary: 'Measures on energy exports.',
        marking: { classification: 'PUBLIC' },
        ...body,
      });
    expectError(await create({ proposer: 'ZZZ' }), 400, 'body.proposer');
    expectError(await create({ kind: 'treaty' }), 400, 'body.kind');
    expectError(await create({ title: '' }), 400, 'body.title');
    expectError(
      await create({ raisedAt: [{ meetingId: '01890000-0000-7000-8000-000000000000' }] }),
      400,
      'body.raisedAt.0.meetingId',
    );
    expectError(
      await create({ raisedAt: [{ meetingId: meeting27, eventId: munich }] }),
      400,
      'body.raisedAt.0.meetingId',
    );
    expectError(
      await create({ marking: { classification: 'GROUP', relTo: ['POL'] } }),
      400,
      'body.marking.relTo',
    );
    expectError(await create({}, { ...gbr, token: 'rst_not_a_token' }), 401);
    expect(await counts()).toEqual(before);
  });

  it("keeps each party's positions over time, each under its own marking", async () => {
    const record = (who: Principal, body: object) =>
      call('POST', `/initiatives/${framework.id}/positions`, who, body);
    expect((await record(gbr, position('GBR', { statedOn: '2025-04-11' }))).statusCode).toBe(201);
    const conditional = await record(
      pol,
      position('POL', {
        stance: 'conditionally_supports',
        statedOn: '2025-04-11',
        statement: 'If the guarantees include air defence',
        marking: { classification: 'RESTRICTED', relTo: ['GBR'] },
      }),
    );
    expect(conditional.statusCode, conditional.body).toBe(201);
    const opposed = await record(
      pol,
      position('POL', {
        stance: 'opposes',
        statedOn: '2025-06-04',
        source: { title: 'Read-out of UDCG-28', url: 'https://example.org/udcg-28' },
      }),
    );
    expect(opposed.statusCode, opposed.body).toBe(201);
    // The chair secretariat records another party's position from its statement.
    const fromChair = await record(
      chair,
      position('FRA', { stance: 'no_position', statedOn: '2025-06-04' }),
    );
    expect(fromChair.statusCode, fromChair.body).toBe(201);

    const asPol = initiativeSchema.parse(
      (await call('GET', `/initiatives/${framework.id}`, pol)).json(),
    );
    const polTimeline = asPol.positions.find((p) => p.party.code === 'POL');
    expect(polTimeline?.history.map((h) => [h.stance, h.statedOn, h.marking.label])).toEqual([
      ['conditionally_supports', '2025-04-11', 'RESTRICTED REL TO GBR, POL'],
      ['opposes', '2025-06-04', 'GROUP'],
    ]);
    expect(polTimeline?.current.stance).toBe('opposes');
    expect(polTimeline?.current.source).toMatchObject({
      title: 'Read-out of UDCG-28',
      url: 'https://example.org/udcg-28',
    });
    expect(asPol.positions.map((p) => [p.party.code, p.current.stance])).toEqual([
      ['FRA', 'no_position'],
      ['GBR', 'supports'],
      ['POL', 'opposes'],
    ]);

    // Ukraine may not read Poland's RESTRICTED statement: it sees the rest of the timeline only.
    const asUkr = initiativeSchema.parse(
      (await call('GET', `/initiatives/${framework.id}`, ukr)).json(),
    );
    expect(
      asUkr.positions.find((p) => p.party.code === 'POL')?.history.map((h) => h.stance),
    ).toEqual(['opposes']);
    const list = initiativePageSchema.parse(
      (await call('GET', '/groups/udcg/initiatives?party=FRA', ukr)).json(),
    );
    expect(list.items.map((i) => [i.id, i.stances.length])).toEqual([[framework.id, 3]]);
  });

  it('refuses a position of another nation, in the future, or of an unknown party, writing nothing', async () => {
    const before = await counts();
    const record = (who: Principal, body: object) =>
      call('POST', `/initiatives/${framework.id}/positions`, who, body);
    expectError(await record(pol, position('GBR')), 403, 'body.party');
    expectError(
      await record(gbr, position('GBR', { statedOn: '2999-01-01' })),
      400,
      'body.statedOn',
    );
    expectError(await record(chair, position('ZZZ')), 400, 'body.party');
    expectError(await record(gbr, position('GBR', { stance: 'maybe' })), 400, 'body.stance');
    expectError(await record(gbr, position('GBR', { source: undefined })), 400, 'body.source');
    expectError(
      await call(
        'POST',
        '/initiatives/01890000-0000-7000-8000-000000000000/positions',
        gbr,
        position('GBR'),
      ),
      404,
    );
    expect(await counts()).toEqual(before);
  });

  it('edits an initiative with its version, warns on narrowing, and refuses stale or foreign edits', async () => {
    const edit = (who: Principal, body: object) =>
      call('PATCH', `/initiatives/${framework.id}`, who, body);
    expectError(await edit(pol, { version: framework.version, title: 'Hijacked' }), 403);
    expectError(
      await edit(gbr, { version: framework.version + 5, title: 'Stale' }),
      409,
      'body.version',
    );
    const narrowed = await edit(gbr, {
      version: framework.version,
      elements: ['Security guarantees', 'Air policing'],
      marking: { classification: 'RESTRICTED', relTo: ['UKR', 'POL'] },
    });
    expect(narrowed.statusCode, narrowed.body).toBe(200);
    const body = narrowed.json<{ initiative: Initiative; warnings: string[] }>();
    expect(body.warnings).toHaveLength(1);
    expect(body.initiative.elements.map((e) => e.text)).toEqual([
      'Security guarantees',
      'Air policing',
    ]);
    expect(body.initiative.marking.label).toBe('RESTRICTED REL TO GBR, POL, UKR');
    expect(body.initiative.version).toBe(framework.version + 1);
    // The chair secretariat may edit any initiative of its group, the seeded one included.
    const chairEdit = await edit(chair, {
      version: body.initiative.version,
      title: 'Security guarantees',
    });
    expect(chairEdit.statusCode, chairEdit.body).toBe(200);
  });

  it('records where an initiative was raised again', async () => {
    const seeded = initiativePageSchema
      .parse((await call('GET', '/groups/udcg/initiatives')).json())
      .items.find((i) => i.ref === 'US_PLAN_2025_02');
    const before = await counts();
    expectError(
      await call('POST', `/initiatives/${seeded?.id ?? ''}/raisings`, gbr, {
        meetingId: meeting27,
      }),
      403,
    );
    expectError(
      await call('POST', `/initiatives/${seeded?.id ?? ''}/raisings`, chair, {
        eventId: '01890000-0000-7000-8000-000000000000',
      }),
      400,
      'body.eventId',
    );
    expect(await counts()).toEqual(before);
    const raised = await call('POST', `/initiatives/${seeded?.id ?? ''}/raisings`, chair, {
      meetingId: meeting27,
      note: 'Discussed under any other business',
    });
    expect(raised.statusCode, raised.body).toBe(201);
    expect(initiativeSchema.parse(raised.json()).raisedAt.map((r) => r.raisedOn)).toEqual([
      '2025-02-16',
      '2025-04-11',
    ]);
  });

  it('audits every write under the marking of its record', async () => {
    const entries = await ctx()
      .connection.db.selectFrom('audit_entries')
      .select(['action', 'marking'])
      .where('entity', 'in', ['initiative', 'initiative_position'])
      .orderBy('seq')
      .execute();
    expect(entries.map((e) => e.action)).toEqual([
      'initiative.create',
      'initiative.position_recorded',
      'initiative.position_recorded',
      'initiative.position_recorded',
      'initiative.position_recorded',
      'initiative.marking_narrowed',
      'initiative.update',
      'initiative.raised',
    ]);
    expect(entries[2]?.marking).toBe('RESTRICTED');
  });
});
