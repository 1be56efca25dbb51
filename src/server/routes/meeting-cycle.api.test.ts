import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorSchema } from '../../core/common.schema';
import { agendaHistorySchema, agendaSchema } from '../../core/meetings/agenda.schema';
import { invitationListSchema, invitationSchema } from '../../core/meetings/invitation.schema';
import {
  actionItemListSchema,
  actionItemSchema,
  attendanceListSchema,
  attendanceSchema,
  meetingActionItemsSchema,
  outcomeSchema,
} from '../../core/meetings/meeting-record.schema';
import { meetingTextSchema, preReadSchema } from '../../core/meetings/meeting-text.schema';
import {
  meetingPageSchema,
  meetingSchema,
  meetingWriteResultSchema,
} from '../../core/meetings/meeting.schema';
import { conveneBody, venueDay } from '../../core/meetings/testing/meeting-fixtures';
import { pdfText } from '../../core/meetings/testing/pdf-text';
import { pledgeDetailSchema, pledgePageSchema } from '../../core/pledges/pledge.schema';
import { zonedTimeToUtc } from '../../core/time';
import { addPrincipal, bearer, type Principal } from '../test/principals';
import { describeApiOnEachDatabase } from '../test/test-app';

/**
 * The meeting cycle through the HTTP API: the UK secretariat convenes UDCG-33 in Brussels ahead of the
 * NATO ministerial, fifty nations answer, the meeting runs (attendance, pledges into the ledger,
 * outcomes, action items), closes, and its summary is published as HTML and PDF. Every bad input of
 * the issue gets a clear error and changes nothing.
 */
describeApiOnEachDatabase('meeting cycle API', (ctx) => {
  let uk: Principal; // GBR secretariat: the UK chairs the UDCG today
  let de: Principal; // DEU secretariat: the co-chair
  let us: Principal; // USA secretariat: chaired until meeting 26
  let gbr: Principal; // GBR coordinator
  let pol: Principal; // POL coordinator
  let ukr: Principal; // UKR recipient

  const call = (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    who?: Principal | string,
    payload?: object,
  ) =>
    ctx().app.inject({
      method,
      url: `/api/v1${url}`,
      headers: who === undefined ? {} : bearer(typeof who === 'string' ? who : who.token),
      ...(payload ? { payload } : {}),
    });

  const expectStatus = (response: LightMyRequestResponse, status: number) => {
    expect(response.statusCode, response.body).toBe(status);
    return response.json<unknown>();
  };

  const expectError = (response: LightMyRequestResponse, status: number, path: string) => {
    const body = errorSchema.parse(expectStatus(response, status));
    expect(body.issues.map((i) => i.path)).toContain(path);
    return body;
  };

  const meetingCount = async () =>
    meetingPageSchema.parse(
      expectStatus(await call('GET', '/groups/udcg/meetings?limit=1', uk), 200),
    ).total;

  const convene = async (overrides: Record<string, unknown> = {}, who: Principal = uk) =>
    meetingWriteResultSchema.parse(
      expectStatus(await call('POST', '/groups/udcg/meetings', who, conveneBody(overrides)), 201),
    );

  beforeAll(async () => {
    uk = await addPrincipal(ctx(), 'cycle.uk', 'GBR', ['secretariat']);
    de = await addPrincipal(ctx(), 'cycle.de', 'DEU', ['secretariat']);
    us = await addPrincipal(ctx(), 'cycle.us', 'USA', ['secretariat']);
    gbr = await addPrincipal(ctx(), 'cycle.gbr', 'GBR', ['coordinator']);
    pol = await addPrincipal(ctx(), 'cycle.pol', 'POL', ['coordinator']);
    ukr = await addPrincipal(ctx(), 'cycle.ukr', 'UKR', ['recipient']);
  });

  describe('UDCG-33: convened by the UK in Brussels ahead of the NATO ministerial', () => {
    const meeting = { id: '', version: 0 };
    const date = venueDay(1);
    const items: string[] = [];

    it('is convened by the UK secretariat as meeting 33, 15:00 Brussels time', async () => {
      const { meeting: m } = await convene({ date, observers: ['XNT'] });
      Object.assign(meeting, { id: m.id, version: m.version });
      expect(m).toMatchObject({
        number: 33,
        code: 'UDCG-33',
        date,
        startTime: '15:00',
        timeZone: 'Europe/Brussels',
        startsAt: zonedTimeToUtc(date, '15:00', 'Europe/Brussels'),
        venue: 'NATO Headquarters, Brussels',
        venueCountry: { code: 'BEL' },
        format: 'in_person',
        level: 'ministers',
        status: 'planned',
        phase: 'planned',
        chair: { code: 'GBR' },
        coChair: { code: 'DEU' },
        chairPerson: { name: 'John Healey' },
        marking: { label: 'PUBLIC' },
        sequence: 0,
        version: 1,
      });
      expect(m.events).toEqual([
        expect.objectContaining({
          name: "NATO defence ministers' meeting",
          kind: 'nato_ministerial',
          relation: 'ahead_of',
        }),
      ]);
      const byNumber = meetingSchema.parse(
        expectStatus(await call('GET', '/groups/udcg/meetings/33'), 200),
      );
      expect(byNumber.id).toBe(m.id);
    });

    it('refuses the US secretariat, which no longer chairs (403), and changes nothing', async () => {
      const before = await meetingCount();
      const response = await call('POST', '/groups/udcg/meetings', us, conveneBody());
      expect(expectStatus(response, 403)).toMatchObject({ error: 'forbidden' });
      expect(await meetingCount()).toBe(before);
    });

    it('invites every member and the recipient, plus the chosen observer', async () => {
      const list = invitationListSchema.parse(
        expectStatus(await call('GET', `/meetings/${meeting.id}/invitations`), 200),
      );
      expect(list.counts).toEqual({
        invited: 57,
        attending: 0,
        virtual: 0,
        declined: 0,
        noAnswer: 57,
      });
      const byCode = new Map(list.items.map((i) => [i.nation.code, i.invitedAs]));
      expect(byCode.get('UKR')).toBe('recipient');
      expect(byCode.get('XNT')).toBe('observer');
      expect(byCode.get('USA')).toBe('member');
    });

    it('hears from fifty nations, each answering for itself; the rest are listed to chase', async () => {
      const list = invitationListSchema.parse(
        expectStatus(await call('GET', `/meetings/${meeting.id}/invitations`), 200),
      );
      const first = ['GBR', 'DEU', 'POL', 'UKR', 'USA'];
      const codes = [
        ...first,
        ...list.items.map((i) => i.nation.code).filter((c) => !first.includes(c)),
      ].slice(0, 50);
      for (const [index, code] of codes.entries()) {
        const delegate =
          code === 'POL'
            ? pol
            : code === 'UKR'
              ? ukr
              : await addPrincipal(ctx(), `delegate.${code.toLowerCase()}`, code, ['viewer']);
        const response = index < 40 ? 'attending' : index < 46 ? 'virtual' : 'declined';
        const answer = invitationSchema.parse(
          expectStatus(
            await call('PUT', `/meetings/${meeting.id}/invitations/${code}`, delegate, {
              version: 1,
              response,
              headOfDelegation: `Head of the ${code} delegation`,
              level: 'ministers',
            }),
            200,
          ),
        );
        expect(answer).toMatchObject({ response, version: 2, nation: { code } });
      }
      const after = invitationListSchema.parse(
        expectStatus(await call('GET', `/meetings/${meeting.id}/invitations`, uk), 200),
      );
      expect(after.counts).toEqual({
        invited: 57,
        attending: 40,
        virtual: 6,
        declined: 4,
        noAnswer: 7,
      });
      expect(after.notAnswered).toHaveLength(7);
      expect(after.notAnswered).not.toContain('GBR');
      const unanswered = invitationListSchema.parse(
        expectStatus(
          await call('GET', `/meetings/${meeting.id}/invitations?response=no_answer`, uk),
          200,
        ),
      );
      expect(unanswered.items.map((i) => i.nation.code).sort()).toEqual(
        [...after.notAnswered].sort(),
      );
    });

    it('refuses an answer for a nation that is not invited, or for another nation, or on a stale version', async () => {
      const before = await call('GET', `/meetings/${meeting.id}/invitations`);
      const notInvited = expectError(
        await call('PUT', `/meetings/${meeting.id}/invitations/BRA`, uk, {
          version: 1,
          response: 'attending',
        }),
        400,
        'params.nation',
      );
      expect(notInvited.message).toBe('params.nation: BRA is not invited to UDCG-33');
      expectStatus(
        await call('PUT', `/meetings/${meeting.id}/invitations/GBR`, pol, {
          version: 2,
          response: 'declined',
        }),
        403,
      );
      const stale = errorSchema.parse(
        expectStatus(
          await call('PUT', `/meetings/${meeting.id}/invitations/GBR`, gbr, {
            version: 1,
            response: 'declined',
          }),
          409,
        ),
      );
      expect(invitationSchema.parse(stale.current)).toMatchObject({
        response: 'attending',
        version: 2,
      });
      expect((await call('GET', `/meetings/${meeting.id}/invitations`)).body).toBe(before.body);
    });

    it('sets an agenda in order, and keeps every earlier order when it is re-ordered', async () => {
      for (const item of [
        {
          title: 'Air defence',
          presenterNation: 'DEU',
          presenterPerson: 'Boris Pistorius',
          minutes: 45,
          links: [{ kind: 'capability_area', ref: 'air-defence' }],
        },
        { title: 'Demining', presenterNation: 'LTU', minutes: 20 },
        { title: 'Opening remarks', presenterNation: 'GBR', minutes: 10 },
      ]) {
        const agenda = agendaSchema.parse(
          expectStatus(await call('POST', `/meetings/${meeting.id}/agenda`, uk, item), 201),
        );
        items.push(agenda.items.at(-1)?.id ?? '');
      }
      expectError(
        await call('POST', `/meetings/${meeting.id}/agenda`, uk, {
          title: 'Bad link',
          links: [{ kind: 'capability_area', ref: 'no-such-area' }],
        }),
        400,
        'body.links.0.ref',
      );
      expectStatus(
        await call('POST', `/meetings/${meeting.id}/agenda`, gbr, { title: 'Not mine' }),
        403,
      );
      const stale = await call('PUT', `/meetings/${meeting.id}/agenda/order`, uk, {
        agendaVersion: 2,
        itemIds: [items[2], items[0], items[1]],
      });
      expectError(stale, 409, 'body.agendaVersion');
      const reordered = agendaSchema.parse(
        expectStatus(
          await call('PUT', `/meetings/${meeting.id}/agenda/order`, uk, {
            agendaVersion: 3,
            itemIds: [items[2], items[0], items[1]],
          }),
          200,
        ),
      );
      expect(reordered.items.map((i) => [i.position, i.title, i.startsAfterMinutes])).toEqual([
        [1, 'Opening remarks', 0],
        [2, 'Air defence', 10],
        [3, 'Demining', 55],
      ]);
      expect(reordered).toMatchObject({ agendaVersion: 4, totalMinutes: 75 });
      const history = agendaHistorySchema.parse(
        expectStatus(await call('GET', `/meetings/${meeting.id}/agenda/history`), 200),
      );
      expect(history.map((h) => [h.revision, h.action, h.changedBy])).toEqual([
        [1, 'add', 'cycle.uk'],
        [2, 'add', 'cycle.uk'],
        [3, 'add', 'cycle.uk'],
        [4, 'reorder', 'cycle.uk'],
      ]);
      expect(history[2]?.items.map((i) => i.title)).toEqual([
        'Air defence',
        'Demining',
        'Opening remarks',
      ]);
    });

    it('has a pre-read pack: agenda, top gaps, open action items, attendance so far', async () => {
      const requirement = await call('POST', '/groups/udcg/requirements', ukr, {
        capabilityArea: 'air-defence',
        item: 'Interceptor missiles',
        quantity: 500,
        unit: 'missiles',
        marking: { classification: 'PUBLIC' },
      });
      expectStatus(requirement, 201);
      const pack = preReadSchema.parse(
        expectStatus(await call('GET', `/meetings/${meeting.id}/pre-read`), 200),
      );
      expect(pack.agenda.items.map((i) => i.title)).toEqual([
        'Opening remarks',
        'Air defence',
        'Demining',
      ]);
      expect(pack.topGaps[0]).toMatchObject({ item: 'Interceptor missiles', gap: 500 });
      expect(pack.rsvp).toMatchObject({ attending: 40, virtual: 6, noAnswer: 7 });
      expect(pack.attending).toHaveLength(46);
      const html = await call('GET', `/meetings/${meeting.id}/pre-read.html`);
      expect(html.headers['content-type']).toMatch(/^text\/html/);
      expect(html.body).toContain('<h2>Top priority gaps</h2>');
      expect(html.body).toContain('Interceptor missiles');
    });

    it('refuses attendance before the meeting is open', async () => {
      expectStatus(
        await call('POST', `/meetings/${meeting.id}/attendance`, uk, { nation: 'GBR' }),
        409,
      );
    });

    it('opens (status held) and takes attendance: by the secretariat, or a delegation checking itself in', async () => {
      const stale = await call('POST', `/meetings/${meeting.id}/open`, uk, { version: 9 });
      expectError(stale, 409, 'body.version');
      const opened = meetingWriteResultSchema.parse(
        expectStatus(
          await call('POST', `/meetings/${meeting.id}/open`, uk, { version: meeting.version }),
          200,
        ),
      ).meeting;
      expect(opened).toMatchObject({ status: 'held', phase: 'open', version: 2 });
      meeting.version = opened.version;

      const invitations = invitationListSchema.parse(
        expectStatus(await call('GET', `/meetings/${meeting.id}/invitations`), 200),
      );
      const coming = invitations.items.filter(
        (i) => i.response === 'attending' || i.response === 'virtual',
      );
      const self = attendanceSchema.parse(
        expectStatus(
          await call('POST', `/meetings/${meeting.id}/attendance`, pol, { nation: 'POL' }),
          201,
        ),
      );
      expect(self).toMatchObject({
        selfCheckIn: true,
        recordedBy: 'cycle.pol',
        recordedByNation: 'POL',
        headOfDelegation: 'Head of the POL delegation',
      });
      for (const invitation of coming.filter((i) => i.nation.code !== 'POL')) {
        expectStatus(
          await call('POST', `/meetings/${meeting.id}/attendance`, uk, {
            nation: invitation.nation.code,
          }),
          201,
        );
      }
      const twice = await call('POST', `/meetings/${meeting.id}/attendance`, uk, {
        nation: 'POL',
      });
      expectError(twice, 409, 'body.nation');
      expectError(
        await call('POST', `/meetings/${meeting.id}/attendance`, uk, { nation: 'BRA' }),
        400,
        'body.nation',
      );
      expectStatus(
        await call('POST', `/meetings/${meeting.id}/attendance`, pol, { nation: 'GBR' }),
        403,
      );
      const attendance = attendanceListSchema.parse(
        expectStatus(await call('GET', `/meetings/${meeting.id}/attendance`), 200),
      );
      expect(attendance).toMatchObject({ count: 46, inPerson: 40, virtual: 6 });
      expect(attendance.items.filter((a) => a.selfCheckIn).map((a) => a.nation.code)).toEqual([
        'POL',
      ]);
      const csv = await call('GET', `/meetings/${meeting.id}/attendance.csv`);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      const lines = csv.body.trim().split('\r\n');
      expect(lines).toHaveLength(47);
      expect(lines[0]?.replace(/^\uFEFF/, '')).toBe(
        'marking,nation,nation_name,mode,head_of_delegation,level,checked_in_at,recorded_by,recorded_by_nation,self_check_in,note',
      );
      expect(lines.find((l) => l.includes(',POL,'))).toMatch(
        /^PUBLIC,POL,Poland,in_person,Head of the POL delegation,ministers,[^,]+,cycle\.pol,POL,yes,$/,
      );
    });

    it('records the pledges announced at the meeting in the ledger, linked to it', async () => {
      const record = async (who: Principal, body: object) =>
        pledgeDetailSchema.parse(
          expectStatus(await call('POST', `/meetings/${meeting.id}/pledges`, who, body), 201),
        );
      const base = { kind: 'donation', capabilityArea: 'air-defence' };
      const gbrPledge = await record(uk, {
        ...base,
        donor: 'GBR',
        item: 'Interceptor missiles',
        quantity: 100,
        unit: 'missiles',
        value: { amount: '150000000.00', currency: 'EUR' },
        marking: { classification: 'PUBLIC' },
      });
      expect(gbrPledge).toMatchObject({ meetingId: meeting.id, donor: 'GBR', status: 'announced' });
      await record(uk, {
        ...base,
        donor: 'DEU',
        item: 'IRIS-T SLM',
        quantity: 2,
        unit: 'systems',
        value: { amount: '300000000.00', currency: 'EUR' },
        marking: { classification: 'PUBLIC' },
      });
      await record(pol, {
        kind: 'donation',
        capabilityArea: 'demining',
        item: 'Mine clearing vehicles',
        quantity: 5,
        unit: 'vehicles',
        value: { amount: '20000000.00', currency: 'EUR' },
        marking: { classification: 'PUBLIC' },
      });
      // Narrower than the (PUBLIC) meeting: in the ledger, but never in the summary.
      await record(uk, {
        ...base,
        donor: 'GBR',
        item: 'Classified item',
        quantity: 1,
        unit: 'lots',
        value: { amount: '1000000.00', currency: 'EUR' },
        marking: { classification: 'RESTRICTED', relTo: ['UKR'] },
      });
      expectStatus(
        await call('POST', `/meetings/${meeting.id}/pledges`, pol, {
          ...base,
          donor: 'GBR',
          item: 'Not POL',
          quantity: 1,
          unit: 'x',
          marking: { classification: 'PUBLIC' },
        }),
        403,
      );
      const publicList = pledgePageSchema.parse(
        expectStatus(await call('GET', `/groups/udcg/pledges?meetingId=${meeting.id}`), 200),
      );
      expect(publicList.items.map((p) => p.item).sort()).toEqual([
        'IRIS-T SLM',
        'Interceptor missiles',
        'Mine clearing vehicles',
      ]);
      const ukList = pledgePageSchema.parse(
        expectStatus(await call('GET', `/groups/udcg/pledges?meetingId=${meeting.id}`, uk), 200),
      );
      expect(ukList.total).toBe(4);
    });

    it('records outcomes per agenda item and action items later meetings will see', async () => {
      const decision = outcomeSchema.parse(
        expectStatus(
          await call('POST', `/meetings/${meeting.id}/outcomes`, uk, {
            agendaItemId: items[0],
            kind: 'decision',
            text: 'Two more IRIS-T SLM systems before the spring',
          }),
          201,
        ),
      );
      expect(decision).toMatchObject({ kind: 'decision', agendaItemId: items[0], version: 1 });
      const corrected = outcomeSchema.parse(
        expectStatus(
          await call('PATCH', `/outcomes/${decision.id}`, uk, {
            version: 1,
            text: 'Two more IRIS-T SLM systems before April',
          }),
          200,
        ),
      );
      expect(corrected).toMatchObject({
        version: 2,
        text: 'Two more IRIS-T SLM systems before April',
      });
      expectError(
        await call('PATCH', `/outcomes/${decision.id}`, uk, { version: 1, text: 'stale' }),
        409,
        'body.version',
      );
      expectStatus(
        await call('POST', `/meetings/${meeting.id}/outcomes`, uk, {
          kind: 'outcome',
          text: 'Next meeting ahead of the NATO summit',
        }),
        201,
      );
      expectError(
        await call('POST', `/meetings/${meeting.id}/outcomes`, uk, {
          agendaItemId: meeting.id,
          kind: 'outcome',
          text: 'x',
        }),
        400,
        'body.agendaItemId',
      );
      const action = actionItemSchema.parse(
        expectStatus(
          await call('POST', `/meetings/${meeting.id}/action-items`, uk, {
            title: 'Report the IRIS-T delivery schedule',
            ownerNation: 'DEU',
            dueOn: venueDay(30),
            agendaItemId: items[0],
          }),
          201,
        ),
      );
      expect(action).toMatchObject({ status: 'open', owner: { code: 'DEU' }, overdue: false });
      expectStatus(
        await call('PATCH', `/action-items/${action.id}`, pol, { version: 1, status: 'done' }),
        403,
      );
      const progress = actionItemSchema.parse(
        expectStatus(
          await call('PATCH', `/action-items/${action.id}`, de, {
            version: 1,
            status: 'in_progress',
          }),
          200,
        ),
      );
      expect(progress).toMatchObject({ status: 'in_progress', version: 2, closedAt: null });
    });

    it('keeps minutes with their revisions, drafts visible to the secretariat only', async () => {
      const first = meetingTextSchema.parse(
        expectStatus(
          await call('PUT', `/meetings/${meeting.id}/minutes`, uk, {
            version: 0,
            body: '# Minutes\n\nThe chair opened the meeting.',
          }),
          200,
        ),
      );
      expect(first).toMatchObject({ version: 1, status: 'draft', updatedBy: 'cycle.uk' });
      const second = meetingTextSchema.parse(
        expectStatus(
          await call('PUT', `/meetings/${meeting.id}/minutes`, de, {
            version: 1,
            body: '# Minutes\n\nThe chair and co-chair opened the meeting.',
          }),
          200,
        ),
      );
      expect(second.revisions.map((r) => [r.version, r.action, r.changedBy])).toEqual([
        [1, 'edit', 'cycle.uk'],
        [2, 'edit', 'cycle.de'],
      ]);
      expect(second.revisions[0]?.body).toContain('The chair opened the meeting.');
      expectStatus(await call('GET', `/meetings/${meeting.id}/minutes`, pol), 404);
      expectStatus(
        await call('POST', `/meetings/${meeting.id}/minutes/approve`, uk, { version: 2 }),
        409,
      );
    });

    it('closes; the record is frozen', async () => {
      const closed = meetingWriteResultSchema.parse(
        expectStatus(
          await call('POST', `/meetings/${meeting.id}/close`, uk, { version: meeting.version }),
          200,
        ),
      ).meeting;
      expect(closed).toMatchObject({ phase: 'closed', status: 'held', version: 3 });
      meeting.version = closed.version;
      expectStatus(
        await call('POST', `/meetings/${meeting.id}/attendance`, uk, { nation: 'FRA' }),
        409,
      );
      expectStatus(
        await call('POST', `/meetings/${meeting.id}/pledges`, uk, {
          kind: 'donation',
          capabilityArea: 'demining',
          item: 'Late',
          quantity: 1,
          unit: 'x',
          marking: { classification: 'PUBLIC' },
        }),
        409,
      );
    });

    it('approves the minutes, which then no longer change', async () => {
      const approved = meetingTextSchema.parse(
        expectStatus(
          await call('POST', `/meetings/${meeting.id}/minutes/approve`, uk, { version: 2 }),
          200,
        ),
      );
      expect(approved).toMatchObject({ status: 'final', version: 3, finalizedBy: 'cycle.uk' });
      const read = meetingTextSchema.parse(
        expectStatus(await call('GET', `/meetings/${meeting.id}/minutes`, pol), 200),
      );
      expect(read.revisions.map((r) => r.action)).toEqual(['edit', 'edit', 'approve']);
      expectStatus(
        await call('PUT', `/meetings/${meeting.id}/minutes`, uk, { version: 3, body: 'changed' }),
        409,
      );
    });

    it('drafts the summary from the record, lets the secretariat edit it, then publishes it', async () => {
      const generated = expectStatus(
        await call('POST', `/meetings/${meeting.id}/summary/generate`, uk, { version: 0 }),
        200,
      ) as { summary: unknown; warnings: string[] };
      const draft = meetingTextSchema.parse(generated.summary);
      expect(generated.warnings).toEqual([
        '1 pledge(s) announced at the meeting carry a narrower marking than the summary (PUBLIC) and are left out of it',
      ]);
      expect(draft.body).toContain('# UDCG-33: Ukraine Defence Contact Group');
      expect(draft.body).toContain("Ahead of NATO defence ministers' meeting.");
      expect(draft.body).toContain(
        '46 nations attended (40 in person, 6 virtually) of 57 invited.',
      );
      expect(draft.body).toContain('In total EUR 470,000,000.00 (3 pledges), in EUR.');
      expect(draft.body).toContain('- United Kingdom: EUR 150,000,000.00 (1 pledge)');
      expect(draft.body).toContain('- Germany, Air defence: EUR 300,000,000.00 (1 pledge)');
      expect(draft.body).toContain('- Poland, Demining: EUR 20,000,000.00 (1 pledge)');
      expect(draft.body).not.toContain('1,000,000.00');
      expect(draft.body).toContain('- Decision: Two more IRIS-T SLM systems before April');
      expect(draft.body).toContain('Report the IRIS-T delivery schedule (Germany, due');

      expectStatus(await call('GET', `/meetings/${meeting.id}/summary`, pol), 404);
      expectStatus(await call('GET', `/meetings/${meeting.id}/summary.pdf`), 404);
      const edited = meetingTextSchema.parse(
        expectStatus(
          await call('PUT', `/meetings/${meeting.id}/summary`, uk, {
            version: 1,
            body: `${draft.body}\n## Chair's statement\n\nThe group stands with Ukraine <for as long as it takes>.\n`,
          }),
          200,
        ),
      );
      const stale = errorSchema.parse(
        expectStatus(
          await call('PUT', `/meetings/${meeting.id}/summary`, de, { version: 1, body: 'x' }),
          409,
        ),
      );
      expect(meetingTextSchema.parse(stale.current).version).toBe(2);
      expectStatus(
        await call('POST', `/meetings/${meeting.id}/summary/publish`, gbr, { version: 2 }),
        403,
      );
      const published = meetingTextSchema.parse(
        expectStatus(
          await call('POST', `/meetings/${meeting.id}/summary/publish`, uk, {
            version: edited.version,
          }),
          200,
        ),
      );
      expect(published).toMatchObject({ status: 'final', version: 3 });
      expect(published.revisions.map((r) => r.action)).toEqual(['generate', 'edit', 'publish']);
      expectStatus(
        await call('POST', `/meetings/${meeting.id}/summary/generate`, uk, { version: 3 }),
        409,
      );
    });

    it('serves the published summary as a PDF brief that lists the pledges, and as HTML', async () => {
      const pdf = await call('GET', `/meetings/${meeting.id}/summary.pdf`);
      expect(pdf.statusCode, pdf.body).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const text = await pdfText(pdf.rawPayload);
      expect(text).toContain('UDCG-33: Ukraine Defence Contact Group');
      expect(text).toContain('United Kingdom: EUR 150,000,000.00 (1 pledge)');
      expect(text).toContain('Germany: EUR 300,000,000.00 (1 pledge)');
      expect(text).toContain('Poland, Demining: EUR 20,000,000.00 (1 pledge)');
      expect(text).not.toContain('Classified');
      expect(text).toMatch(/^PUBLIC$/m);

      const html = await call('GET', `/meetings/${meeting.id}/summary.html`);
      expect(html.headers['content-type']).toMatch(/^text\/html/);
      expect(html.body).toContain(
        '<li>United Kingdom, Air defence: EUR 150,000,000.00 (1 pledge)</li>',
      );
      expect(html.body).toContain('&lt;for as long as it takes&gt;');
      expect(html.body).not.toContain('<for as long');
    });

    it('starts UDCG-34 from it: the same invitations, its agenda skeleton, its open action items', async () => {
      const { meeting: next, warnings } = await convene({
        date: venueDay(60),
        fromMeetingId: meeting.id,
      });
      expect(next).toMatchObject({ number: 34, fromMeetingId: meeting.id, agendaVersion: 1 });
      expect(warnings).toEqual([
        '3 agenda item(s) copied from UDCG-33',
        '1 open action item(s) from earlier meetings follow to UDCG-34',
      ]);
      const invitations = invitationListSchema.parse(
        expectStatus(await call('GET', `/meetings/${next.id}/invitations`), 200),
      );
      expect(invitations.counts).toMatchObject({ invited: 57, noAnswer: 57 });
      const agenda = agendaSchema.parse(
        expectStatus(await call('GET', `/meetings/${next.id}/agenda`), 200),
      );
      expect(agenda.items.map((i) => i.title)).toEqual([
        'Opening remarks',
        'Air defence',
        'Demining',
      ]);
      expect(agenda.items[1]?.links).toEqual([{ kind: 'capability_area', ref: 'air-defence' }]);
      const actions = meetingActionItemsSchema.parse(
        expectStatus(await call('GET', `/meetings/${next.id}/action-items`), 200),
      );
      expect(actions.raisedHere).toEqual([]);
      expect(actions.carried.map((a) => [a.title, a.meeting.code])).toEqual([
        ['Report the IRIS-T delivery schedule', 'UDCG-33'],
      ]);
    });
  });

  describe('bad input: each gets a clear error and changes nothing', () => {
    it('refuses a meeting in the past', async () => {
      const before = await meetingCount();
      const past = expectError(
        await call('POST', '/groups/udcg/meetings', uk, conveneBody({ date: venueDay(-1) })),
        400,
        'body.date',
      );
      expect(past.message).toMatch(/is in the past/);
      expect(await meetingCount()).toBe(before);
    });

    it('refuses an unknown time zone', async () => {
      const before = await meetingCount();
      const zone = expectError(
        await call(
          'POST',
          '/groups/udcg/meetings',
          uk,
          conveneBody({ timeZone: 'Europe/Atlantis' }),
        ),
        400,
        'body.timeZone',
      );
      expect(zone.message).toContain('must be an IANA time zone');
      expect(await meetingCount()).toBe(before);
    });

    it('refuses a convene by anyone but the chair secretariat, and a read-only token', async () => {
      const before = await meetingCount();
      for (const who of [us, pol, gbr, ukr]) {
        expectStatus(await call('POST', '/groups/udcg/meetings', who, conveneBody()), 403);
      }
      expectStatus(await call('POST', '/groups/udcg/meetings', uk.readToken, conveneBody()), 403);
      expectStatus(await call('POST', '/groups/udcg/meetings', undefined, conveneBody()), 401);
      expect(await meetingCount()).toBe(before);
    });

    it('refuses an in-person meeting without a venue and an observer a GROUP marking hides it from', async () => {
      const before = await meetingCount();
      expectError(
        await call('POST', '/groups/udcg/meetings', uk, conveneBody({ venue: undefined })),
        400,
        'body.venue',
      );
      const hidden = expectError(
        await call(
          'POST',
          '/groups/udcg/meetings',
          uk,
          conveneBody({ observers: ['XNT'], marking: { classification: 'GROUP' } }),
        ),
        400,
        'body.observers.0',
      );
      expect(hidden.message).toMatch(/does not release it to XNT/);
      expect(await meetingCount()).toBe(before);
    });

    it('gives concurrent convenes distinct numbers in sequence, never the same one twice', async () => {
      const before = meetingPageSchema.parse(
        expectStatus(await call('GET', '/groups/udcg/meetings?limit=500', uk), 200),
      );
      const last = Math.max(...before.items.map((m) => m.number ?? 0));
      const responses = await Promise.all(
        [0, 1, 2, 3, 4, 5].map((i) =>
          call(
            'POST',
            '/groups/udcg/meetings',
            i % 2 === 0 ? uk : de,
            conveneBody({ date: venueDay(90 + i) }),
          ),
        ),
      );
      for (const response of responses) expect(response.statusCode, response.body).toBe(201);
      const numbers = responses
        .map((r) => meetingWriteResultSchema.parse(r.json()).meeting.number ?? 0)
        .sort((a, b) => a - b);
      expect(numbers).toEqual([1, 2, 3, 4, 5, 6].map((n) => last + n));
    });
  });

  describe('rescheduling and cancelling, with reasons', () => {
    it('moves a meeting only with a reason, bumping its calendar SEQUENCE; a stale version is refused', async () => {
      const { meeting } = await convene({ date: venueDay(20) });
      expectError(
        await call('PATCH', `/meetings/${meeting.id}`, uk, { version: 1, startTime: '16:00' }),
        400,
        'body.reason',
      );
      expectError(
        await call('PATCH', `/meetings/${meeting.id}`, uk, {
          version: 1,
          date: venueDay(-3),
          reason: 'into the past',
        }),
        400,
        'body.date',
      );
      const moved = meetingWriteResultSchema.parse(
        expectStatus(
          await call('PATCH', `/meetings/${meeting.id}`, uk, {
            version: 1,
            startTime: '16:00',
            reason: 'The ministerial runs late',
          }),
          200,
        ),
      ).meeting;
      expect(moved).toMatchObject({
        startTime: '16:00',
        startsAt: zonedTimeToUtc(venueDay(20), '16:00', 'Europe/Brussels'),
        rescheduleReason: 'The ministerial runs late',
        sequence: 1,
        version: 2,
      });
      const noted = meetingWriteResultSchema.parse(
        expectStatus(
          await call('PATCH', `/meetings/${meeting.id}`, uk, {
            version: 2,
            note: 'Press at 18:00',
          }),
          200,
        ),
      ).meeting;
      expect(noted).toMatchObject({ note: 'Press at 18:00', sequence: 1, version: 3 });
      const stale = errorSchema.parse(
        expectStatus(
          await call('PATCH', `/meetings/${meeting.id}`, uk, { version: 2, note: 'stale' }),
          409,
        ),
      );
      expect(meetingSchema.parse(stale.current).note).toBe('Press at 18:00');

      expectError(
        await call('POST', `/meetings/${meeting.id}/cancel`, uk, { version: 3, reason: ' ' }),
        400,
        'body.reason',
      );
      const cancelled = meetingWriteResultSchema.parse(
        expectStatus(
          await call('POST', `/meetings/${meeting.id}/cancel`, uk, {
            version: 3,
            reason: 'Merged into the ministerial',
          }),
          200,
        ),
      ).meeting;
      expect(cancelled).toMatchObject({
        status: 'cancelled',
        phase: 'cancelled',
        cancelReason: 'Merged into the ministerial',
        sequence: 2,
      });
      expectStatus(await call('POST', `/meetings/${meeting.id}/open`, uk, { version: 4 }), 409);
      expectStatus(
        await call('PUT', `/meetings/${meeting.id}/invitations/GBR`, gbr, {
          version: 1,
          response: 'attending',
        }),
        409,
      );
    });

    it('does not open a meeting days before its date', async () => {
      const { meeting } = await convene({ date: venueDay(10) });
      const early = errorSchema.parse(
        expectStatus(await call('POST', `/meetings/${meeting.id}/open`, uk, { version: 1 }), 409),
      );
      expect(early.message).toMatch(/cannot be opened yet/);
    });
  });

  describe('invitations and agenda links', () => {
    it('invites more nations later, skipping those already invited, and refuses strangers', async () => {
      const { meeting } = await convene({ date: venueDay(30) });
      const more = invitationListSchema.parse(
        expectStatus(
          await call('POST', `/meetings/${meeting.id}/invitations`, uk, {
            nations: ['XNT', 'GBR', 'XNT'],
          }),
          200,
        ),
      );
      expect(more.counts.invited).toBe(57);
      expect(more.items.find((i) => i.nation.code === 'XNT')?.invitedAs).toBe('observer');
      const stranger = expectError(
        await call('POST', `/meetings/${meeting.id}/invitations`, uk, { nations: ['GBR', 'BRA'] }),
        400,
        'body.nations.1',
      );
      expect(stranger.message).toMatch(/BRA does not take part in UDCG/);
      expectStatus(
        await call('POST', `/meetings/${meeting.id}/invitations`, de, { nations: ['BRA'] }),
        400,
      );
      expectStatus(
        await call('POST', `/meetings/${meeting.id}/invitations`, pol, { nations: ['XNT'] }),
        403,
      );
    });

    it('links agenda items to requirements and initiatives of the group only', async () => {
      const { meeting } = await convene({ date: venueDay(31) });
      const initiatives = expectStatus(await call('GET', '/groups/udcg/initiatives'), 200) as {
        items: { id: string }[];
      };
      const initiative = initiatives.items[0]?.id ?? '';
      const requirement = expectStatus(
        await call('POST', '/groups/udcg/requirements', ukr, {
          capabilityArea: 'demining',
          item: 'Demining kits',
          quantity: 10,
          unit: 'kits',
          marking: { classification: 'GROUP' },
        }),
        201,
      ) as { id: string };
      const agenda = agendaSchema.parse(
        expectStatus(
          await call('POST', `/meetings/${meeting.id}/agenda`, uk, {
            title: 'Peace efforts and demining',
            links: [
              { kind: 'initiative', ref: initiative },
              { kind: 'requirement', ref: requirement.id },
            ],
          }),
          201,
        ),
      );
      expect(agenda.items[0]?.links).toEqual([
        { kind: 'initiative', ref: initiative },
        { kind: 'requirement', ref: requirement.id },
      ]);
      for (const kind of ['initiative', 'requirement']) {
        expectError(
          await call('POST', `/meetings/${meeting.id}/agenda`, uk, {
            title: 'Unknown',
            links: [{ kind, ref: meeting.id }],
          }),
          400,
          'body.links.0.ref',
        );
      }
      const item = agenda.items[0];
      const removed = agendaSchema.parse(
        expectStatus(
          await call('DELETE', `/agenda-items/${item?.id ?? ''}?version=${item?.version ?? 0}`, uk),
          200,
        ),
      );
      expect(removed.items).toEqual([]);
      const history = agendaHistorySchema.parse(
        expectStatus(await call('GET', `/meetings/${meeting.id}/agenda/history`), 200),
      );
      expect(history.map((h) => [h.action, h.items.length])).toEqual([
        ['add', 1],
        ['remove', 0],
      ]);
    });

    it('shows each nation only the links it may read, and keeps the others through its edits', async () => {
      const { meeting } = await convene({ date: venueDay(32) });
      const initiatives = expectStatus(await call('GET', '/groups/udcg/initiatives'), 200) as {
        items: { id: string }[];
      };
      const initiative = initiatives.items[0]?.id ?? '';
      const requirementFor = async (item: string, marking: object) =>
        (
          expectStatus(
            await call('POST', '/groups/udcg/requirements', ukr, {
              capabilityArea: 'air-defence',
              item,
              quantity: 2,
              unit: 'systems',
              marking,
            }),
            201,
          ) as { id: string }
        ).id;
      // Released to the UK (and Ukraine), not to Germany or Poland.
      const restricted = await requirementFor('Patriot fire units', {
        classification: 'RESTRICTED',
        relTo: ['GBR'],
      });
      const added = agendaSchema.parse(
        expectStatus(
          await call('POST', `/meetings/${meeting.id}/agenda`, uk, {
            title: 'Air defence before the winter',
            links: [
              { kind: 'requirement', ref: restricted },
              { kind: 'capability_area', ref: 'air-defence' },
            ],
          }),
          201,
        ),
      );
      const item = added.items[0];
      if (!item) throw new Error('no agenda item');
      const linksOf = async (who: Principal) =>
        agendaSchema.parse(
          expectStatus(await call('GET', `/meetings/${meeting.id}/agenda`, who), 200),
        ).items[0]?.links;
      const area = { kind: 'capability_area', ref: 'air-defence' };
      const hidden = { kind: 'requirement', ref: restricted };
      expect(await linksOf(uk)).toEqual([area, hidden]);
      // Not even the id of a requirement Germany and Poland may not read: not in the agenda, its
      // history, or the pre-read pack.
      for (const who of [de, pol]) {
        expect(await linksOf(who)).toEqual([area]);
        const history = agendaHistorySchema.parse(
          expectStatus(await call('GET', `/meetings/${meeting.id}/agenda/history`, who), 200),
        );
        expect(JSON.stringify(history)).not.toContain(restricted);
        const preRead = await call('GET', `/meetings/${meeting.id}/pre-read`, who);
        expect(preRead.statusCode).toBe(200);
        expect(preRead.body).not.toContain(restricted);
      }
      expect(
        JSON.stringify(
          expectStatus(await call('GET', `/meetings/${meeting.id}/agenda/history`, uk), 200),
        ),
      ).toContain(restricted);

      // Germany's co-chair secretariat changes the links it sees; the one it cannot see stays.
      const edited = agendaSchema.parse(
        expectStatus(
          await call('PATCH', `/agenda-items/${item.id}`, de, {
            version: item.version,
            links: [{ kind: 'initiative', ref: initiative }],
          }),
          200,
        ),
      );
      const shared = { kind: 'initiative', ref: initiative };
      expect(edited.items[0]?.links).toEqual([shared]);
      expect(await linksOf(uk)).toEqual([shared, hidden]);
      expect(await linksOf(de)).toEqual([shared]);

      // Twenty links of its own would make twenty-one with the one it cannot see.
      const areas = (
        expectStatus(await call('GET', '/groups/udcg/capability-areas', de), 200) as {
          slug: string;
        }[]
      ).map((a) => ({ kind: 'capability_area', ref: a.slug }));
      const more: { kind: string; ref: string }[] = [shared, ...areas].slice(0, 20);
      while (more.length < 20) {
        more.push({
          kind: 'requirement',
          ref: await requirementFor(`Radar ${more.length}`, { classification: 'GROUP' }),
        });
      }
      const full = await call('PATCH', `/agenda-items/${item.id}`, de, {
        version: edited.items[0]?.version ?? 0,
        links: more,
      });
      expect(expectError(full, 400, 'body.links').message).toMatch(/1 link\(s\) you may not read/);
      expect(await linksOf(uk)).toEqual([shared, hidden]);
    });
  });

  describe('markings', () => {
    it('hides a GROUP meeting from anonymous callers everywhere, and shows it to members', async () => {
      const { meeting } = await convene({
        date: venueDay(25),
        marking: { classification: 'GROUP' },
      });
      expectStatus(await call('GET', `/meetings/${meeting.id}`), 404);
      expectStatus(await call('GET', `/meetings/${meeting.id}/invitations`), 404);
      expectStatus(await call('GET', `/meetings/${meeting.id}/pre-read`), 404);
      const list = meetingPageSchema.parse(
        expectStatus(await call('GET', '/groups/udcg/meetings?limit=500'), 200),
      );
      expect(list.items.map((m) => m.id)).not.toContain(meeting.id);
      expect(
        meetingSchema.parse(expectStatus(await call('GET', `/meetings/${meeting.id}`, pol), 200))
          .marking.label,
      ).toBe('GROUP');
    });

    it('invites only the REL TO nations of a RESTRICTED meeting, which others cannot read', async () => {
      const { meeting } = await convene({
        date: venueDay(26),
        marking: { classification: 'RESTRICTED', relTo: ['UKR', 'DEU'] },
      });
      expect(meeting.marking.label).toBe('RESTRICTED REL TO DEU, GBR, UKR');
      const invitations = invitationListSchema.parse(
        expectStatus(await call('GET', `/meetings/${meeting.id}/invitations`, ukr), 200),
      );
      expect(invitations.items.map((i) => i.nation.code).sort()).toEqual(['DEU', 'GBR', 'UKR']);
      expectStatus(await call('GET', `/meetings/${meeting.id}`, pol), 404);
      expectStatus(
        await call('PUT', `/meetings/${meeting.id}/invitations/POL`, pol, {
          version: 1,
          response: 'attending',
        }),
        404,
      );
      const narrow = await call('PATCH', `/meetings/${meeting.id}`, uk, {
        version: 1,
        marking: { classification: 'RESTRICTED', relTo: ['UKR'] },
      });
      expect(expectError(narrow, 400, 'body.marking').message).toMatch(/invited nations: DEU/);
    });

    it("lists the group's action items each nation may read, by status and owner", async () => {
      // Tomorrow, opened the day before: a meeting today at 15:00 would be in the past after 15:00.
      const { meeting } = await convene({
        date: venueDay(1),
        marking: { classification: 'RESTRICTED', relTo: ['UKR'] },
      });
      expectStatus(
        await call('POST', `/meetings/${meeting.id}/open`, uk, { version: meeting.version }),
        200,
      );
      const restricted = actionItemSchema.parse(
        expectStatus(
          await call('POST', `/meetings/${meeting.id}/action-items`, uk, {
            title: 'Confirm the site of the second Patriot battery',
            ownerNation: 'UKR',
          }),
          201,
        ),
      );
      const listed = async (who: Principal | undefined, query = '') =>
        actionItemListSchema.parse(
          expectStatus(await call('GET', `/groups/udcg/action-items${query}`, who), 200),
        );
      const ids = async (who: Principal | undefined, query = '') =>
        (await listed(who, query)).map((i) => i.id);
      // An item carries its meeting's marking: readable by the REL TO nations only.
      expect(await ids(ukr)).toContain(restricted.id);
      expect(await ids(uk)).toContain(restricted.id);
      expect(await ids(pol)).not.toContain(restricted.id);
      expect(await ids(undefined)).not.toContain(restricted.id);
      expect(await ids(pol, '?owner=UKR')).not.toContain(restricted.id);

      const ukrOwned = await listed(uk, '?owner=UKR');
      expect(ukrOwned.map((i) => i.id)).toContain(restricted.id);
      expect(ukrOwned.every((i) => i.owner.code === 'UKR')).toBe(true);
      const deuOwned = await listed(uk, '?status=all&owner=DEU');
      expect(deuOwned.length).toBeGreaterThan(0);
      expect(deuOwned.every((i) => i.owner.code === 'DEU')).toBe(true);
      expect(deuOwned.map((i) => i.id)).not.toContain(restricted.id);

      expectStatus(
        await call('PATCH', `/action-items/${restricted.id}`, uk, { version: 1, status: 'done' }),
        200,
      );
      expect(await ids(ukr, '?owner=UKR')).not.toContain(restricted.id);
      expect(await ids(ukr, '?owner=UKR&status=all')).toContain(restricted.id);
      expectError(
        await call('GET', '/groups/udcg/action-items?owner=Ukraine', uk),
        400,
        'query.owner',
      );
      expectError(
        await call('GET', '/groups/udcg/action-items?status=late', uk),
        400,
        'query.status',
      );
    });

    it('lists a RESTRICTED meeting under its event only for the nations it is releasable to', async () => {
      const { meeting } = await convene({
        date: venueDay(27),
        marking: { classification: 'RESTRICTED', relTo: ['UKR'] },
      });
      const eventId = meeting.events[0]?.id ?? '';
      const linked = async (who?: Principal) => {
        const body = expectStatus(await call('GET', `/events/${eventId}`, who), 200) as {
          meetings: { id: string }[];
        };
        return body.meetings.map((m) => m.id);
      };
      // The event is public context; the meeting linked to it is not.
      expect(await linked(ukr)).toContain(meeting.id);
      expect(await linked(pol)).not.toContain(meeting.id);
      expect(await linked()).not.toContain(meeting.id);
      const list = expectStatus(await call('GET', '/events?limit=500', pol), 200) as {
        items: { meetings: { id: string }[] }[];
      };
      expect(list.items.flatMap((e) => e.meetings.map((m) => m.id))).not.toContain(meeting.id);
    });
  });
});
