import { beforeAll, expect, it } from 'vitest';
import { handoverListSchema, handoverSchema } from '../../core/chair/chair-handover.schema';
import { timelineProblems } from '../../core/chair/chair-term';
import { chairSchema } from '../../core/chair/chair-term.schema';
import { errorSchema } from '../../core/common.schema';
import { loadConfig } from '../../core/config';
import { newId } from '../../core/ids';
import { todayIso } from '../../core/time';
import { buildApp } from '../app';
import { addPrincipal, bearer, type Principal } from '../test/principals';
import { describeApiOnEachDatabase } from '../test/test-app';

/**
 * The US secretariat hands the chair of the UDCG to the UK. The reference history already holds the UK
 * term (from meeting 26), so each suite first winds its own fresh database back to the state of early
 * February 2025 — the US term open, no later term — which is exactly where the handover started from.
 * The real mechanism then has to produce the reference history's first handover on its own.
 */
describeApiOnEachDatabase('chair handover API', (ctx) => {
  let usSec: Principal;
  let ukSec: Principal;
  let deSec: Principal;
  let plSec: Principal;
  let frSec: Principal;
  let usCoord: Principal;
  let admin: Principal;
  const items = { usOpen: '', usInProgress: '', usDone: '', ukOpen: '' };
  let groupId = '';

  const call = (method: 'GET' | 'POST', url: string, who?: Principal, payload?: object) =>
    ctx().app.inject({
      method,
      url: `/api/v1${url}`,
      headers: who ? bearer(who.token) : {},
      ...(payload ? { payload } : {}),
    });

  const chair = async () => chairSchema.parse((await call('GET', '/groups/udcg/chair')).json());

  /** Everything a refused request must leave as it was. */
  const snapshot = async () => {
    const db = ctx().connection.db;
    return {
      terms: await db.selectFrom('chair_terms').selectAll().orderBy('starts_on').execute(),
      handovers: await db.selectFrom('chair_handovers').selectAll().orderBy('id').execute(),
      items: await db.selectFrom('meeting_action_items').selectAll().orderBy('id').execute(),
      audit: (
        await db
          .selectFrom('audit_entries')
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    };
  };

  const expectRefused = (
    response: { statusCode: number; json: () => unknown },
    status: number,
    path?: string,
  ) => {
    expect(response.statusCode, JSON.stringify(response.json())).toBe(status);
    const body = errorSchema.parse(response.json());
    if (path !== undefined) expect(body.issues.map((i) => i.path)).toContain(path);
    return body;
  };

  beforeAll(async () => {
    const db = ctx().connection.db;
    // Wind the history back to before meeting 26: the US term open, the UK terms not yet there.
    const group = await db
      .selectFrom('groups')
      .select('id')
      .where('slug', '=', 'udcg')
      .executeTakeFirstOrThrow();
    groupId = group.id;
    await db.deleteFrom('chair_terms').where('starts_on', '>', '2022-04-26').execute();
    await db.updateTable('chair_terms').set({ ends_on: null }).execute();

    usSec = await addPrincipal(ctx(), 'handover.us.sec', 'USA', ['secretariat']);
    ukSec = await addPrincipal(ctx(), 'handover.uk.sec', 'GBR', ['secretariat']);
    deSec = await addPrincipal(ctx(), 'handover.de.sec', 'DEU', ['secretariat']);
    plSec = await addPrincipal(ctx(), 'handover.pl.sec', 'POL', ['secretariat']);
    frSec = await addPrincipal(ctx(), 'handover.fr.sec', 'FRA', ['secretariat']);
    usCoord = await addPrincipal(ctx(), 'handover.us.coord', 'USA', ['coordinator']);
    admin = await addPrincipal(ctx(), 'handover.admin', 'GBR', ['admin']);

    // Action items raised at meeting 25, the last the US chaired.
    const meeting25 = await db
      .selectFrom('meetings')
      .select('id')
      .where('number', '=', 25)
      .executeTakeFirstOrThrow();
    const item = (owner: string, status: string, title: string) => {
      const id = newId();
      return {
        id,
        group_id: groupId,
        meeting_id: meeting25.id,
        agenda_item_id: null,
        title,
        owner_nation: owner,
        due_on: null,
        status,
        note: status === 'in_progress' ? 'Draft circulated' : null,
        closed_at: status === 'done' ? '2025-01-20T10:00:00.000Z' : null,
        created_by: usSec.user.id,
        created_at: '2025-01-09T12:00:00.000Z',
        updated_at: '2025-01-09T12:00:00.000Z',
        version: 1,
      };
    };
    const usOpen = item('USA', 'open', 'Circulate the air defence gap analysis');
    const usInProgress = item('USA', 'in_progress', 'Draft the capability coalition roadmap');
    const usDone = item('USA', 'done', 'Send the meeting summary');
    const ukOpen = item('GBR', 'open', 'Report on the maritime coalition');
    Object.assign(items, {
      usOpen: usOpen.id,
      usInProgress: usInProgress.id,
      usDone: usDone.id,
      ukOpen: ukOpen.id,
    });
    const rows = [usOpen, usInProgress, usDone, ukOpen];
    await db.insertInto('meeting_action_items').values(rows).execute();
  });

  it('starts from the US chair, as before meeting 26', async () => {
    const before = await chair();
    expect(before.current?.chair.code).toBe('USA');
    expect(before.history).toHaveLength(1);
    expect(before.history[0]).toMatchObject({ startsOn: '2022-04-26', endsOn: null });
  });

  it('refuses a handover to a non-member, to the current chair, or at a bad moment, changing nothing', async () => {
    const before = await snapshot();
    const propose = (body: object, who: Principal = usSec) =>
      call('POST', '/groups/udcg/chair/handovers', who, { reason: 'Rotation', ...body });

    const nonMember = expectRefused(
      await propose({ toNation: 'RUS', effectiveMeeting: 26 }),
      400,
      'body.toNation',
    );
    expect(nonMember.message).toMatch(/RUS is not a member/);
    const current = expectRefused(
      await propose({ toNation: 'USA', effectiveMeeting: 26 }),
      400,
      'body.toNation',
    );
    expect(current.message).toMatch(/USA already chairs/);
    expectRefused(
      await propose({ toNation: 'GBR', toCoChair: 'RUS', effectiveMeeting: 26 }),
      400,
      'body.toCoChair',
    );
    expectRefused(
      await propose({ toNation: 'GBR', toCoChair: 'GBR', effectiveMeeting: 26 }),
      400,
      'body.toCoChair',
    );
    expectRefused(
      await propose({ toNation: 'GBR', effectiveMeeting: 999 }),
      400,
      'body.effectiveMeeting',
    );
    expectRefused(
      await propose({ toNation: 'GBR', effectiveOn: '2022-04-26' }),
      400,
      'body.effectiveOn',
    );
    expectRefused(
      await propose({ toNation: 'GBR', effectiveOn: '2025-02-12', effectiveMeeting: 26 }),
      400,
      'body.effectiveOn',
    );
    expectRefused(await propose({ toNation: 'GBR' }), 400, 'body.effectiveOn');
    expectRefused(await propose({ toNation: 'GBR', effectiveMeeting: 26, reason: ' ' }), 400);
    // Only the outgoing chair's secretariat (or an admin) proposes.
    expectRefused(await propose({ toNation: 'GBR', effectiveMeeting: 26 }, ukSec), 403);
    expectRefused(await propose({ toNation: 'GBR', effectiveMeeting: 26 }, usCoord), 403);
    expect(await snapshot()).toEqual(before);
  });

  it('lets a handover be withdrawn before it takes effect, and then refuses to accept it', async () => {
    const proposed = handoverSchema.parse(
      (
        await call('POST', '/groups/udcg/chair/handovers', usSec, {
          toNation: 'POL',
          effectiveMeeting: 26,
          reason: 'Proposed by mistake',
        })
      ).json(),
    );
    expect(proposed).toMatchObject({
      status: 'proposed',
      from: { code: 'USA' },
      to: { code: 'POL' },
    });

    // A second, conflicting proposal while this one is open: 409, nothing written.
    const before = await snapshot();
    const conflicting = expectRefused(
      await call('POST', '/groups/udcg/chair/handovers', usSec, {
        toNation: 'GBR',
        effectiveMeeting: 26,
        reason: 'Rotation',
      }),
      409,
      'body.toNation',
    );
    expect(conflicting.message).toMatch(/already proposed/);
    // Neither the old chair's coordinator nor a third nation's secretariat may withdraw it.
    expectRefused(
      await call('POST', `/chair-handovers/${proposed.id}/withdraw`, usCoord, {
        version: 1,
        reason: 'x',
      }),
      403,
    );
    expectRefused(
      await call('POST', `/chair-handovers/${proposed.id}/withdraw`, deSec, {
        version: 1,
        reason: 'x',
      }),
      403,
    );
    expect(await snapshot()).toEqual(before);

    const withdrawn = handoverSchema.parse(
      (
        await call('POST', `/chair-handovers/${proposed.id}/withdraw`, usSec, {
          version: 1,
          reason: 'Wrong nation: the UK takes the chair',
        })
      ).json(),
    );
    expect(withdrawn).toMatchObject({
      status: 'withdrawn',
      withdrawnBy: { username: 'handover.us.sec', nation: 'USA' },
      withdrawalReason: 'Wrong nation: the UK takes the chair',
    });

    const afterWithdrawal = await snapshot();
    const accepting = expectRefused(
      await call('POST', `/chair-handovers/${proposed.id}/accept`, plSec, { version: 2 }),
      409,
    );
    expect(accepting.message).toMatch(/withdrawn/);
    expectRefused(
      await call('POST', `/chair-handovers/${proposed.id}/withdraw`, usSec, {
        version: 2,
        reason: 'again',
      }),
      409,
    );
    expect(await snapshot()).toEqual(afterWithdrawal);
    expect((await chair()).current?.chair.code).toBe('USA');
  });

  it('hands the chair from the US to the UK at meeting 26: terms, rights and action items in one step', async () => {
    const proposed = handoverSchema.parse(
      (
        await call('POST', '/groups/udcg/chair/handovers', usSec, {
          toNation: 'GBR',
          effectiveMeeting: 26,
          reason: 'The UK takes the chair from the 26th meeting, in Brussels',
        })
      ).json(),
    );
    expect(proposed).toMatchObject({
      status: 'proposed',
      effectiveOn: '2025-02-12',
      effectiveMeeting: { number: 26 },
      proposedBy: { username: 'handover.us.sec', nation: 'USA' },
    });
    // GROUP-marked: the group's participants follow it, an anonymous caller does not.
    expect(
      handoverListSchema.parse((await call('GET', '/groups/udcg/chair/handovers')).json()),
    ).toEqual({ items: [] });
    expectRefused(await call('GET', `/chair-handovers/${proposed.id}`), 404);

    // Only the incoming nation's secretariat accepts; a stale version is refused.
    const before = await snapshot();
    expectRefused(
      await call('POST', `/chair-handovers/${proposed.id}/accept`, usSec, { version: 1 }),
      403,
    );
    expectRefused(
      await call('POST', `/chair-handovers/${proposed.id}/accept`, deSec, { version: 1 }),
      403,
    );
    expectRefused(
      await call('POST', `/chair-handovers/${proposed.id}/accept`, ukSec, { version: 7 }),
      409,
      'body.version',
    );
    expect(await snapshot()).toEqual(before);

    // Meeting 26 is long past: accepting makes it take effect at once.
    const accepted = handoverSchema.parse(
      (
        await call('POST', `/chair-handovers/${proposed.id}/accept`, ukSec, {
          version: 1,
          note: 'Accepted by the UK Ministry of Defence',
        })
      ).json(),
    );
    expect(accepted).toMatchObject({
      status: 'effective',
      acceptedBy: { username: 'handover.uk.sec', nation: 'GBR' },
      acceptanceNote: 'Accepted by the UK Ministry of Defence',
      actionItemsPassed: 2,
    });
    expect(accepted.effectiveAt).not.toBeNull();

    const after = await chair();
    expect(
      after.history.map((t) => [t.chair.code, t.startsOn, t.endsOn, t.startsAtMeeting]),
    ).toEqual([
      ['USA', '2022-04-26', '2025-02-12', 1],
      ['GBR', '2025-02-12', null, 26],
    ]);
    expect(after.current?.chair.code).toBe('GBR');
    expect(after.current?.id).toBe(accepted.newTermId);
    expect(timelineProblems(after.history)).toEqual([]);

    // The open action items of the US secretariat now belong to the UK's, with a note; the rest stay.
    const rows = await ctx()
      .connection.db.selectFrom('meeting_action_items')
      .select(['id', 'owner_nation', 'status', 'note', 'version'])
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(rows).toHaveLength(4);
    expect(byId.get(items.usOpen)).toMatchObject({ owner_nation: 'GBR', version: 2 });
    expect(byId.get(items.usOpen)?.note).toMatch(/^Passed from the USA secretariat to the GBR/);
    expect(byId.get(items.usInProgress)?.note).toMatch(
      /^Draft circulated\nPassed from the USA secretariat to the GBR secretariat with the chair on 2025-02-12/,
    );
    expect(byId.get(items.usDone)).toMatchObject({ owner_nation: 'USA', note: null, version: 1 });
    expect(byId.get(items.ukOpen)).toMatchObject({ owner_nation: 'GBR', note: null, version: 1 });

    // The secretariat right moved with the chair: the UK records group documents, the US no more.
    const groupDocument = (who: Principal) =>
      call('POST', '/groups/udcg/documents', who, {
        title: 'Chair summary',
        scope: 'group',
        marking: { classification: 'GROUP' },
      });
    expect((await groupDocument(ukSec)).statusCode).toBe(201);
    expect((await groupDocument(usSec)).statusCode).toBe(403);

    // The history says who asked, who accepted, when and why; so does the audit trail.
    const history = handoverListSchema.parse(
      (await call('GET', '/groups/udcg/chair/handovers', plSec)).json(),
    );
    expect(history.items.map((h) => [h.status, h.to.code])).toEqual([
      ['effective', 'GBR'],
      ['withdrawn', 'POL'],
    ]);
    const audit = await ctx()
      .connection.db.selectFrom('audit_entries')
      .select(['action', 'actor'])
      .where('entity_id', '=', proposed.id)
      .orderBy('seq')
      .execute();
    expect(audit).toEqual([
      { action: 'chair.handover_proposed', actor: 'handover.us.sec' },
      { action: 'chair.handover_accepted', actor: 'handover.uk.sec' },
      { action: 'chair.handover_effective', actor: 'handover.uk.sec' },
    ]);

    // Once effective it can be neither withdrawn nor accepted again.
    const settled = await snapshot();
    expectRefused(
      await call('POST', `/chair-handovers/${proposed.id}/withdraw`, usSec, {
        version: accepted.version,
        reason: 'late',
      }),
      409,
    );
    expectRefused(
      await call('POST', `/chair-handovers/${proposed.id}/accept`, ukSec, {
        version: accepted.version,
      }),
      409,
    );
    expect(await snapshot()).toEqual(settled);
  });

  it('lets only one of two simultaneous proposals through', async () => {
    const propose = (toNation: string) =>
      call('POST', '/groups/udcg/chair/handovers', ukSec, {
        toNation,
        effectiveOn: '2099-01-01',
        reason: `Simultaneous proposal to ${toNation}`,
      });
    const answers = await Promise.all([propose('POL'), propose('FRA')]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    const open = await ctx()
      .connection.db.selectFrom('chair_handovers')
      .select(['id', 'version'])
      .where('status', '=', 'proposed')
      .execute();
    expect(open).toHaveLength(1);
    // Clear it for the next test: an admin may withdraw.
    const withdrawn = await call('POST', `/chair-handovers/${open[0]?.id}/withdraw`, admin, {
      version: open[0]?.version,
      reason: 'Test over',
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
  });

  it('applies an accepted handover when its day comes, before the first request of that day is served', async () => {
    const tomorrow = todayIso(new Date(Date.now() + 86_400_000));
    const proposed = handoverSchema.parse(
      (
        await call('POST', '/groups/udcg/chair/handovers', ukSec, {
          toNation: 'FRA',
          toCoChair: 'DEU',
          effectiveOn: tomorrow,
          reason: 'France takes the chair, Germany co-chairs',
        })
      ).json(),
    );
    const accepted = handoverSchema.parse(
      (await call('POST', `/chair-handovers/${proposed.id}/accept`, frSec, { version: 1 })).json(),
    );
    expect(accepted.status).toBe('accepted');
    expect((await chair()).current?.chair.code).toBe('GBR');

    // Let the day come: the handover's day becomes today. A node that has not yet served a request
    // today (a new app on the same database) must apply it before answering its first request —
    // here the new chair's secretariat acting as such.
    await ctx()
      .connection.db.updateTable('chair_handovers')
      .set({ effective_on: todayIso() })
      .where('id', '=', proposed.id)
      .execute();
    const node = await buildApp({
      config: loadConfig({
        DATABASE_URL: ctx().connection.label,
        LOG_LEVEL: 'silent',
        RAMSTEIN_WEB_DIR: 'dist/no-web',
      }),
      connection: ctx().connection,
    });
    try {
      const first = await node.inject({
        method: 'POST',
        url: '/api/v1/groups/udcg/documents',
        headers: bearer(frSec.token),
        payload: {
          title: 'First French chair note',
          scope: 'group',
          marking: { classification: 'GROUP' },
        },
      });
      expect(first.statusCode, first.body).toBe(201);
    } finally {
      await node.close();
    }
    const after = await chair();
    expect(after.current).toMatchObject({
      chair: { code: 'FRA' },
      coChair: { code: 'DEU' },
      startsOn: todayIso(),
    });
    expect(after.history.at(-2)).toMatchObject({ chair: { code: 'GBR' }, endsOn: todayIso() });
    expect(timelineProblems(after.history)).toEqual([]);
    const applied = handoverSchema.parse(
      (await call('GET', `/chair-handovers/${proposed.id}`, frSec)).json(),
    );
    // GBR's open items: the two it took over from the US and its own.
    expect(applied).toMatchObject({ status: 'effective', actionItemsPassed: 3 });
    const effect = await ctx()
      .connection.db.selectFrom('audit_entries')
      .select('actor')
      .where('entity_id', '=', proposed.id)
      .where('action', '=', 'chair.handover_effective')
      .execute();
    expect(effect).toEqual([{ actor: 'system' }]);
  });
});
