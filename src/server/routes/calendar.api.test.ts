import ICAL from 'ical.js';
import { beforeAll, expect, it } from 'vitest';
import { sha256 } from '../../core/accounts/secrets';
import {
  calendarTokenListSchema,
  calendarTokenSchema,
  createdCalendarTokenSchema,
} from '../../core/meetings/calendar.schema';
import { type Meeting, meetingWriteResultSchema } from '../../core/meetings/meeting.schema';
import { conveneBody, venueDay } from '../../core/meetings/testing/meeting-fixtures';
import { addPrincipal, bearer, type Principal } from '../test/principals';
import { describeApiOnEachDatabase } from '../test/test-app';

/** Parses a feed with ical.js as a calendar client would: zones registered, events by UID. */
function parseFeed(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const events = new Map(
    calendar.getAllSubcomponents('vevent').map((v) => [String(v.getFirstPropertyValue('uid')), v]),
  );
  return { calendar, events };
}

/**
 * The iCalendar feeds: per group and per nation, authenticated by a per-user secret in the URL
 * (revocable), filtered by markings, read back with ical.js field by field.
 */
describeApiOnEachDatabase('calendar feeds API', (ctx) => {
  let uk: Principal; // GBR secretariat
  let pol: Principal; // POL coordinator
  let nato: Principal; // a user of NATO, an observer of the UDCG
  const tokens = { uk: '', pol: '', nato: '', ukId: '' };
  let open: Meeting; // PUBLIC
  let group: Meeting; // GROUP
  let restricted: Meeting; // RESTRICTED REL TO GBR, UKR
  const date = venueDay(1);

  const call = (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    who?: Principal,
    payload?: object,
  ) =>
    ctx().app.inject({
      method,
      url: `/api/v1${url}`,
      headers: who ? bearer(who.token) : {},
      ...(payload ? { payload } : {}),
    });

  const feed = async (url: string) => {
    const response = await call('GET', url);
    expect(response.statusCode, response.body).toBe(200);
    return response;
  };

  const convene = async (overrides: Record<string, unknown>) => {
    const response = await call('POST', '/groups/udcg/meetings', uk, conveneBody(overrides));
    expect(response.statusCode, response.body).toBe(201);
    return meetingWriteResultSchema.parse(response.json()).meeting;
  };

  const makeToken = async (who: Principal, name: string) => {
    const response = await call('POST', '/account/calendar-tokens', who, { name });
    expect(response.statusCode, response.body).toBe(201);
    return createdCalendarTokenSchema.parse(response.json());
  };

  beforeAll(async () => {
    uk = await addPrincipal(ctx(), 'feed.uk', 'GBR', ['secretariat']);
    pol = await addPrincipal(ctx(), 'feed.pol', 'POL', ['coordinator']);
    nato = await addPrincipal(ctx(), 'feed.nato', 'XNT', ['viewer']);
    open = await convene({ date, observers: ['XNT'] });
    group = await convene({ date: venueDay(8), marking: { classification: 'GROUP' } });
    restricted = await convene({
      date: venueDay(9),
      startTime: '09:30',
      timeZone: 'Europe/Kyiv',
      format: 'hybrid',
      venue: 'Kyiv',
      venueCountry: 'UKR',
      virtualUrl: 'https://meet.example.org/udcg, secure',
      events: [],
      marking: { classification: 'RESTRICTED', relTo: ['UKR'] },
    });
    const made = await makeToken(uk, 'Outlook');
    tokens.uk = made.token;
    tokens.ukId = made.id;
    tokens.pol = (await makeToken(pol, 'Phone')).token;
    tokens.nato = (await makeToken(nato, 'NATO desk')).token;
  });

  it('shows a secret once, keeps only its hash, and lists feeds without their secrets', async () => {
    const list = calendarTokenListSchema.parse(
      (await call('GET', '/account/calendar-tokens', uk)).json(),
    );
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      name: 'Outlook',
      prefix: tokens.uk.slice(0, 10),
      revokedAt: null,
    });
    expect(JSON.stringify(list)).not.toContain(tokens.uk);
    const rows = await ctx()
      .connection.db.selectFrom('calendar_feed_tokens')
      .selectAll()
      .where('id', '=', tokens.ukId)
      .execute();
    expect(rows[0]?.token_hash).toBe(sha256(tokens.uk));
    expect(Object.values(rows[0] ?? {})).not.toContain(tokens.uk);
  });

  it("gives UDCG-33 in Brussels time with every field, in the group's feed", async () => {
    const response = await feed(`/calendar/${tokens.uk}/group/udcg.ics`);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers['cache-control']).toBe('private, max-age=300');
    const { calendar, events } = parseFeed(response.body);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('UDCG meetings');
    const zones = calendar
      .getAllSubcomponents('vtimezone')
      .map((z) => z.getFirstPropertyValue('tzid'));
    expect(zones).toEqual(['Europe/Brussels', 'Europe/Kyiv']);

    const vevent = events.get(`${open.id}@ramstein`);
    if (!vevent) throw new Error('UDCG-33 is not in the feed');
    const event = new ICAL.Event(vevent);
    const row = await ctx()
      .connection.db.selectFrom('meetings')
      .select(['created_at', 'updated_at'])
      .where('id', '=', open.id)
      .executeTakeFirstOrThrow();
    const stamp = (iso: string) => `${iso.slice(0, 19)}Z`;
    expect(event.summary).toBe('UDCG-33: Ukraine Defence Contact Group');
    expect(event.startDate.zone?.tzid).toBe('Europe/Brussels');
    expect(event.startDate.toString()).toBe(`${date}T15:00:00`);
    expect(event.startDate.toJSDate().toISOString()).toBe(open.startsAt);
    expect(event.endDate.toString()).toBe(`${date}T18:00:00`);
    expect(event.endDate.toJSDate().toISOString()).toBe(open.endsAt);
    expect(event.sequence).toBe(0);
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(event.location).toBe('NATO Headquarters, Brussels, Belgium');
    expect(vevent.getFirstPropertyValue('class')).toBe('PUBLIC');
    expect(vevent.getFirstProperty('categories')?.getValues()).toEqual(['UDCG', 'PUBLIC']);
    expect(vevent.getFirstPropertyValue('url')).toBeNull();
    expect(event.description.split('\n')).toEqual([
      'Marking: PUBLIC',
      'Format: in person',
      'Level: ministers',
      'Chair: United Kingdom with Germany',
      "Ahead of: NATO defence ministers' meeting",
    ]);
    expect(String(vevent.getFirstPropertyValue('created'))).toBe(stamp(row.created_at));
    expect(String(vevent.getFirstPropertyValue('last-modified'))).toBe(stamp(row.updated_at));
    expect(String(vevent.getFirstPropertyValue('dtstamp'))).toBe(stamp(row.updated_at));

    // The Kyiv meeting: its own zone, its link (a comma in it survives escaping) and CONFIDENTIAL class.
    const kyiv = events.get(`${restricted.id}@ramstein`);
    if (!kyiv) throw new Error('the RESTRICTED meeting is not in the UK feed');
    const kyivEvent = new ICAL.Event(kyiv);
    expect(kyivEvent.startDate.zone?.tzid).toBe('Europe/Kyiv');
    expect(kyivEvent.startDate.toJSDate().toISOString()).toBe(restricted.startsAt);
    expect(kyiv.getFirstPropertyValue('class')).toBe('CONFIDENTIAL');
    expect(kyiv.getFirstPropertyValue('url')).toBe('https://meet.example.org/udcg, secure');
    expect(kyivEvent.description).toContain('Join: https://meet.example.org/udcg, secure');
    expect(kyivEvent.description).toContain('Marking: RESTRICTED REL TO GBR, UKR');
  });

  it('gives the reference meetings as all-day entries, the cancelled one CANCELLED, with stable UIDs', async () => {
    const first = parseFeed((await feed(`/calendar/${tokens.uk}/group/udcg.ics`)).body);
    const second = parseFeed((await feed(`/calendar/${tokens.uk}/group/udcg.ics`)).body);
    expect([...second.events.keys()]).toEqual([...first.events.keys()]);
    expect(first.events.size).toBe(33 + 3);
    const entries = [...first.events.values()].map((v) => new ICAL.Event(v));
    const m26 = entries.find((e) => e.summary === 'UDCG-26: Ukraine Defence Contact Group');
    expect(m26?.startDate.isDate).toBe(true);
    expect(m26?.startDate.toString()).toBe('2025-02-12');
    expect(m26?.endDate.toString()).toBe('2025-02-13');
    expect(m26?.location).toBe('NATO Headquarters, Brussels, Belgium');
    const cancelled = [...first.events.values()].filter(
      (v) => v.getFirstPropertyValue('status') === 'CANCELLED',
    );
    expect(cancelled.map((v) => String(v.getFirstPropertyValue('summary')))).toEqual([
      'UDCG 2024-10-12: Ukraine Defence Contact Group',
    ]);
  });

  it('respects markings: each feed holds what its owner may read', async () => {
    const ids = async (token: string) => [
      ...parseFeed((await feed(`/calendar/${token}/group/udcg.ics`)).body).events.keys(),
    ];
    const uid = (m: Meeting) => `${m.id}@ramstein`;
    expect(await ids(tokens.uk)).toEqual(
      expect.arrayContaining([uid(open), uid(group), uid(restricted)]),
    );
    const polFeed = await ids(tokens.pol);
    expect(polFeed).toEqual(expect.arrayContaining([uid(open), uid(group)]));
    expect(polFeed).not.toContain(uid(restricted));
    const natoFeed = await ids(tokens.nato);
    expect(natoFeed).toContain(uid(open));
    expect(natoFeed).not.toContain(uid(group)); // an observer is not a member: GROUP is not for it
    expect(natoFeed).not.toContain(uid(restricted));
  });

  it("gives a nation's feed: the meetings it is invited to, with its answer", async () => {
    const rsvp = await call('PUT', `/meetings/${open.id}/invitations/POL`, pol, {
      version: 1,
      response: 'virtual',
    });
    expect(rsvp.statusCode, rsvp.body).toBe(200);
    const { calendar, events } = parseFeed(
      (await feed(`/calendar/${tokens.pol}/nation/POL.ics`)).body,
    );
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Poland: meetings');
    expect([...events.keys()].sort()).toEqual(
      [`${open.id}@ramstein`, `${group.id}@ramstein`].sort(),
    );
    const answer = new ICAL.Event(events.get(`${open.id}@ramstein`) ?? undefined).description;
    expect(answer.split('\n').at(-1)).toBe("POL's answer: virtual");
    const other = new ICAL.Event(events.get(`${group.id}@ramstein`) ?? undefined).description;
    expect(other.split('\n').at(-1)).toBe("POL's answer: no answer");
    // The same nation's feed read by a user who may not read the GROUP meeting leaves it out.
    const seenByNato = parseFeed((await feed(`/calendar/${tokens.nato}/nation/POL.ics`)).body);
    expect([...seenByNato.events.keys()]).toEqual([`${open.id}@ramstein`]);
  });

  it('bumps SEQUENCE when the meeting moves, and says CANCELLED when it is cancelled', async () => {
    const moved = await call('PATCH', `/meetings/${open.id}`, uk, {
      version: open.version,
      startTime: '16:30',
      reason: 'The ministerial runs late',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const afterMove = meetingWriteResultSchema.parse(moved.json()).meeting;
    let vevent = parseFeed((await feed(`/calendar/${tokens.uk}/group/udcg.ics`)).body).events.get(
      `${open.id}@ramstein`,
    );
    let event = new ICAL.Event(vevent ?? undefined);
    expect(event.sequence).toBe(1);
    expect(event.startDate.toString()).toBe(`${date}T16:30:00`);
    expect(event.startDate.toJSDate().toISOString()).toBe(afterMove.startsAt);
    expect(event.description).toContain('Rescheduled: The ministerial runs late');

    const cancelled = await call('POST', `/meetings/${open.id}/cancel`, uk, {
      version: afterMove.version,
      reason: 'Merged into the ministerial',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    vevent = parseFeed((await feed(`/calendar/${tokens.uk}/group/udcg.ics`)).body).events.get(
      `${open.id}@ramstein`,
    );
    event = new ICAL.Event(vevent ?? undefined);
    expect(vevent?.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.sequence).toBe(2);
    expect(event.description).toContain('Cancelled: Merged into the ministerial');
  });

  it('ends a feed when its secret is revoked; unknown secrets and other users’ feeds answer 404', async () => {
    expect((await call('GET', '/calendar/rcal_not-a-real-secret/group/udcg.ics')).statusCode).toBe(
      404,
    );
    expect((await call('GET', `/calendar/${tokens.uk}/group/no-such-group.ics`)).statusCode).toBe(
      404,
    );
    expect((await call('DELETE', `/account/calendar-tokens/${tokens.ukId}`, pol)).statusCode).toBe(
      404,
    );
    await feed(`/calendar/${tokens.uk}/group/udcg.ics`);
    const revoked = await call('DELETE', `/account/calendar-tokens/${tokens.ukId}`, uk);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(calendarTokenSchema.parse(revoked.json()).revokedAt).not.toBeNull();
    expect((await call('GET', `/calendar/${tokens.uk}/group/udcg.ics`)).statusCode).toBe(404);
    expect((await call('GET', `/calendar/${tokens.uk}/nation/GBR.ics`)).statusCode).toBe(404);
    await feed(`/calendar/${tokens.pol}/group/udcg.ics`);
  });
});
