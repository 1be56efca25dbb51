import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../core/accounts/role';
import { conveneBody } from '../core/meetings/testing/meeting-fixtures';
import { describeApiOnEachDatabase } from './test/test-app';
import { addPrincipal, bearer, type Principal, TEST_PASSWORD } from './test/principals';

/**
 * Every registered /api/v1 route × every role, of the record's own nation and of another, and anonymous.
 * The table below must name every route the app registers: a route added without a row fails here.
 * "ok" means access was granted (any answer but 401/403); a number is the exact status expected.
 */
type Who =
  | 'anonymous'
  | 'viewer'
  | 'coordinator'
  | 'otherCoordinator'
  | 'recipient'
  | 'secretariat'
  | 'formerSecretariat'
  | 'admin';
type Expect = 'ok' | 401 | 403 | 404;
type Row = Partial<Record<Who, Expect>> & { default: Expect };

const principals: Record<Exclude<Who, 'anonymous'>, [nation: string, roles: Role[]]> = {
  viewer: ['GBR', ['viewer']],
  coordinator: ['GBR', ['coordinator']],
  otherCoordinator: ['POL', ['coordinator']],
  recipient: ['UKR', ['recipient']],
  secretariat: ['GBR', ['secretariat']], // the UK chairs the UDCG today
  formerSecretariat: ['USA', ['secretariat']], // the US chaired until meeting 26
  admin: ['GBR', ['admin']],
};

const everyone: Row = { default: 'ok' };
const signedIn: Row = { default: 'ok', anonymous: 401 };
const adminOnly: Row = { default: 403, anonymous: 401, admin: 'ok' };
// API tokens carry no session and cannot mint tokens: those routes answer 403 to a token.
const sessionOnly: Row = { default: 403, anonymous: 401 };
const authors: Row = { default: 'ok', anonymous: 401, viewer: 403, admin: 403 };
const ownNationEditors: Row = {
  default: 403,
  anonymous: 401,
  coordinator: 'ok',
  secretariat: 'ok',
};

// The recipient's users publish and re-order requirements and confirm deliveries.
const recipientOnly: Row = { default: 403, anonymous: 401, recipient: 'ok' };
// A nation's coordinators record its pledges; the chair's secretariat may record any donor's.
const pledgeWriters: Row = {
  default: 403,
  anonymous: 401,
  coordinator: 'ok',
  otherCoordinator: 'ok',
  secretariat: 'ok',
};
// Writes to the UK's GROUP-marked pledge: its coordinators and the (UK) chair secretariat.
const ukPledgeWriters: Row = { default: 403, anonymous: 401, coordinator: 'ok', secretariat: 'ok' };
const secretariatOnly: Row = { default: 403, anonymous: 401, secretariat: 'ok' };
// A GROUP-marked record: not releasable to an anonymous caller.
const groupMarked: Row = { default: 'ok', anonymous: 404 };
// A nation's delegation (any of its users but an admin-only account), or the chair secretariat: GBR here.
const ukDelegation: Row = {
  default: 403,
  anonymous: 401,
  viewer: 'ok',
  coordinator: 'ok',
  secretariat: 'ok',
};

const matrix: Record<string, Row> = {
  'GET /api/v1/auth/config': everyone,
  'POST /api/v1/auth/sign-in': { default: 'ok', anonymous: 401 },
  'GET /api/v1/auth/session': sessionOnly,
  'POST /api/v1/auth/sign-out': sessionOnly,
  'PUT /api/v1/account/password': signedIn,
  'GET /api/v1/account/tokens': signedIn,
  'POST /api/v1/account/tokens': sessionOnly,
  'DELETE /api/v1/account/tokens/:id': signedIn,
  'GET /api/v1/users': adminOnly,
  'POST /api/v1/users': adminOnly,
  'GET /api/v1/users/:id': adminOnly,
  'PATCH /api/v1/users/:id': adminOnly,
  'GET /api/v1/audit': adminOnly,
  'GET /api/v1/audit/verify': adminOnly,
  'GET /api/v1/groups': everyone,
  'GET /api/v1/groups/:slug': everyone,
  'GET /api/v1/groups/:slug/members': everyone,
  'GET /api/v1/groups/:slug/chair': everyone,
  'GET /api/v1/groups/:slug/meetings': everyone,
  'GET /api/v1/groups/:slug/meetings/:number': everyone,
  'GET /api/v1/meetings/:id': everyone,
  // The meeting cycle (docs/meetings.md). Reads follow the meeting's marking (meeting 26 is PUBLIC);
  // the chair secretariat runs it; a delegation answers and checks in for its own nation.
  'POST /api/v1/groups/:slug/meetings': secretariatOnly,
  'PATCH /api/v1/meetings/:id': secretariatOnly,
  'POST /api/v1/meetings/:id/cancel': secretariatOnly,
  'POST /api/v1/meetings/:id/open': secretariatOnly,
  'POST /api/v1/meetings/:id/close': secretariatOnly,
  'GET /api/v1/meetings/:id/invitations': everyone,
  'POST /api/v1/meetings/:id/invitations': secretariatOnly,
  'PUT /api/v1/meetings/:id/invitations/:nation': ukDelegation,
  'GET /api/v1/meetings/:id/agenda': everyone,
  'GET /api/v1/meetings/:id/agenda/history': everyone,
  'POST /api/v1/meetings/:id/agenda': secretariatOnly,
  'PUT /api/v1/meetings/:id/agenda/order': secretariatOnly,
  'PATCH /api/v1/agenda-items/:id': secretariatOnly,
  'DELETE /api/v1/agenda-items/:id': secretariatOnly,
  'GET /api/v1/meetings/:id/attendance': everyone,
  'GET /api/v1/meetings/:id/attendance.csv': everyone,
  'POST /api/v1/meetings/:id/attendance': ukDelegation,
  'POST /api/v1/meetings/:id/pledges': pledgeWriters,
  'GET /api/v1/meetings/:id/outcomes': everyone,
  'POST /api/v1/meetings/:id/outcomes': secretariatOnly,
  'PATCH /api/v1/outcomes/:id': secretariatOnly,
  'GET /api/v1/meetings/:id/action-items': everyone,
  'POST /api/v1/meetings/:id/action-items': secretariatOnly,
  // An action item owned by GBR: the chair secretariat or GBR's coordinators.
  'PATCH /api/v1/action-items/:id': ukPledgeWriters,
  'GET /api/v1/groups/:slug/action-items': everyone,
  // Meeting 26 has no minutes or summary: 404 to everyone, draft or not.
  'GET /api/v1/meetings/:id/minutes': everyone,
  'PUT /api/v1/meetings/:id/minutes': secretariatOnly,
  'POST /api/v1/meetings/:id/minutes/approve': secretariatOnly,
  'GET /api/v1/meetings/:id/summary': everyone,
  'PUT /api/v1/meetings/:id/summary': secretariatOnly,
  'POST /api/v1/meetings/:id/summary/generate': secretariatOnly,
  'POST /api/v1/meetings/:id/summary/publish': secretariatOnly,
  'GET /api/v1/meetings/:id/summary.html': everyone,
  'GET /api/v1/meetings/:id/summary.pdf': everyone,
  'GET /api/v1/meetings/:id/pre-read': everyone,
  'GET /api/v1/meetings/:id/pre-read.html': everyone,
  'GET /api/v1/account/calendar-tokens': signedIn,
  'POST /api/v1/account/calendar-tokens': signedIn,
  'DELETE /api/v1/account/calendar-tokens/:id': signedIn,
  // Public routes on purpose: the secret in the URL authenticates (a calendar app sends no header).
  'GET /api/v1/calendar/:token/group/:slug.ics': everyone,
  'GET /api/v1/calendar/:token/nation/:code.ics': everyone,
  'GET /api/v1/nations': everyone,
  'GET /api/v1/nations/:code': everyone,
  'GET /api/v1/events': everyone,
  'GET /api/v1/events/:id': everyone,
  'GET /api/v1/groups/:slug/documents': everyone,
  'GET /api/v1/groups/:slug/documents/stats': everyone,
  'GET /api/v1/groups/:slug/documents/export.csv': everyone,
  'POST /api/v1/groups/:slug/documents': authors,
  // A GROUP-marked document of the UK: not releasable to an anonymous caller.
  'GET /api/v1/documents/:id': { default: 'ok', anonymous: 404 },
  'PATCH /api/v1/documents/:id': ownNationEditors,
  'DELETE /api/v1/documents/:id': ownNationEditors,
  'GET /api/v1/exchange-rates': everyone,
  'GET /api/v1/exchange-rates/convert': everyone,
  'GET /api/v1/groups/:slug/capability-areas': everyone,
  'GET /api/v1/groups/:slug/coalitions': everyone,
  'GET /api/v1/coalitions/:id': everyone,
  'GET /api/v1/groups/:slug/requirements': everyone,
  'POST /api/v1/groups/:slug/requirements': recipientOnly,
  'GET /api/v1/requirements/:id': groupMarked,
  'PATCH /api/v1/requirements/:id': recipientOnly,
  'POST /api/v1/requirements/:id/priority': recipientOnly,
  'GET /api/v1/requirements/:id/priority-history': groupMarked,
  'GET /api/v1/groups/:slug/pledges': everyone,
  'POST /api/v1/groups/:slug/pledges': pledgeWriters,
  'GET /api/v1/pledges/:id': groupMarked,
  'PATCH /api/v1/pledges/:id': ukPledgeWriters,
  'POST /api/v1/pledges/:id/status': ukPledgeWriters,
  'PUT /api/v1/pledges/:id/schedule': ukPledgeWriters,
  'POST /api/v1/pledges/:id/deliveries': ukPledgeWriters,
  'POST /api/v1/deliveries/:id/confirm': recipientOnly,
  'GET /api/v1/groups/:slug/prices': everyone,
  'POST /api/v1/groups/:slug/prices': secretariatOnly,
  'GET /api/v1/groups/:slug/coverage/requirements': everyone,
  'GET /api/v1/groups/:slug/coverage/areas': everyone,
  'GET /api/v1/groups/:slug/coverage/coalitions': everyone,
  'GET /api/v1/groups/:slug/donors': everyone,
  'GET /api/v1/groups/:slug/channels': everyone,
  'GET /api/v1/groups/:slug/timeline': everyone,
  'GET /api/v1/groups/:slug/ledger/search': everyone,
  // Public, filtered by markings: anonymous callers get the PUBLIC pledges (or 404 when none).
  'GET /api/v1/groups/:slug/pledges/iati.xml': everyone,
  'GET /api/v1/published-aid/figures': everyone,
  'GET /api/v1/published-aid/donors': everyone,
  'GET /api/v1/published-aid/monthly': everyone,
  // Chair handovers are GROUP-marked; the pending one below is the UK's, to the US.
  'GET /api/v1/groups/:slug/chair/handovers': everyone,
  'POST /api/v1/groups/:slug/chair/handovers': {
    default: 403,
    anonymous: 401,
    secretariat: 'ok',
    admin: 'ok',
  },
  'GET /api/v1/chair-handovers/:id': groupMarked,
  // Only the incoming nation's (USA) secretariat accepts; either side or an admin withdraws.
  'POST /api/v1/chair-handovers/:id/accept': {
    default: 403,
    anonymous: 401,
    formerSecretariat: 'ok',
  },
  'POST /api/v1/chair-handovers/:id/withdraw': {
    default: 403,
    anonymous: 401,
    secretariat: 'ok',
    formerSecretariat: 'ok',
    admin: 'ok',
  },
  'GET /api/v1/groups/:slug/initiatives': everyone,
  'POST /api/v1/groups/:slug/initiatives': authors,
  // The seeded (PUBLIC, reference) initiative: only the chair secretariat edits it.
  'GET /api/v1/initiatives/:id': everyone,
  'PATCH /api/v1/initiatives/:id': secretariatOnly,
  // A position of GBR: recorded by GBR's own authors or the chair secretariat.
  'POST /api/v1/initiatives/:id/positions': ownNationEditors,
  'POST /api/v1/initiatives/:id/raisings': secretariatOnly,
  'GET /api/v1/meetings/:id/live': signedIn,
  'GET /api/v1/spending/figures': everyone,
  'GET /api/v1/spending/releases': everyone,
  'GET /api/v1/spending/targets': everyone,
  'GET /api/v1/spending/targets/:id': everyone,
  'GET /api/v1/spending/nations/:code': everyone,
  'GET /api/v1/spending/league': everyone,
  'GET /api/v1/spending/projection': everyone,
  // Public, and the ledger's sums in it are filtered by the caller's markings.
  'GET /api/v1/groups/:slug/burden-sharing': everyone,
  // Imports of pledges take a coordinator (own nation's rows) or the chair secretariat (any donor's).
  'POST /api/v1/groups/:slug/imports/:kind': pledgeWriters,
  // A job is answered to the user who started it only: an unknown one is 404 to everyone signed in.
  'GET /api/v1/imports/:id': { default: 404, anonymous: 401 },
  // Exports are filtered by markings like the lists they come from.
  'GET /api/v1/groups/:slug/pledges/export.csv': everyone,
  'GET /api/v1/groups/:slug/pledges/export.xlsx': everyone,
  'GET /api/v1/groups/:slug/requirements/export.csv': everyone,
  'GET /api/v1/groups/:slug/requirements/export.xlsx': everyone,
};

describeApiOnEachDatabase('access matrix', (ctx) => {
  const who: Partial<Record<Who, Principal>> = {};
  const ids = {
    document: '',
    groupDocument: '',
    meeting: '',
    event: '',
    coalition: '',
    user: '',
    requirement: '',
    pledge: '',
    delivery: '',
    agendaItem: '',
    outcome: '',
    actionItem: '',
    calendarToken: '',
    handover: '',
    initiative: '',
  };

  beforeAll(async () => {
    for (const [name, [nation, roles]] of Object.entries(principals)) {
      who[name as Who] = await addPrincipal(ctx(), `matrix.${name.toLowerCase()}`, nation, roles);
    }
    const post = async (principal: Principal | undefined, payload: object) => {
      const r = await ctx().app.inject({
        method: 'POST',
        url: '/api/v1/groups/udcg/documents',
        headers: bearer(principal?.token ?? ''),
        payload,
      });
      return r.json<{ document: { id: string } }>().document.id;
    };
    ids.document = await post(who.coordinator, {
      title: 'UK note',
      marking: { classification: 'GROUP' },
    });
    ids.groupDocument = await post(who.secretariat, {
      title: 'Chair summary',
      scope: 'group',
      marking: { classification: 'GROUP' },
    });
    const meetings = await ctx().app.inject({
      method: 'GET',
      url: '/api/v1/groups/udcg/meetings?number=26',
    });
    ids.meeting = meetings.json<{ items: { id: string }[] }>().items[0]?.id ?? '';
    const events = await ctx().app.inject({ method: 'GET', url: '/api/v1/events?limit=1' });
    ids.event = events.json<{ items: { id: string }[] }>().items[0]?.id ?? '';
    const coalitions = await ctx().app.inject({
      method: 'GET',
      url: '/api/v1/groups/udcg/coalitions',
    });
    ids.coalition = coalitions.json<{ id: string }[]>()[0]?.id ?? '';
    ids.user = who.viewer?.user.id ?? '';

    const write = async (principal: Principal | undefined, url: string, payload: object) => {
      const r = await ctx().app.inject({
        method: 'POST',
        url,
        headers: bearer(principal?.token ?? ''),
        payload,
      });
      expect(r.statusCode, r.body).toBe(201);
      return r.json<{ id: string; deliveries?: { id: string }[] }>();
    };
    ids.requirement = (
      await write(who.recipient, '/api/v1/groups/udcg/requirements', {
        capabilityArea: 'demining',
        item: 'Mine clearing vehicles',
        quantity: 10,
        unit: 'vehicles',
        marking: { classification: 'GROUP' },
      })
    ).id;
    ids.pledge = (
      await write(who.coordinator, '/api/v1/groups/udcg/pledges', {
        requirementId: ids.requirement,
        quantity: 5,
        kind: 'donation',
        value: { amount: '100.00', currency: 'EUR' },
        announcedOn: '2025-01-10',
        marking: { classification: 'GROUP' },
      })
    ).id;
    const delivered = await write(who.coordinator, `/api/v1/pledges/${ids.pledge}/deliveries`, {
      quantity: 1,
      deliveredOn: '2025-01-20',
    });
    ids.delivery = delivered.deliveries?.[0]?.id ?? '';
    // A meeting of tomorrow, opened, with an agenda item, an outcome and an action item owned by GBR.
    const run = async (principal: Principal | undefined, url: string, payload: object) => {
      const r = await ctx().app.inject({
        method: 'POST',
        url,
        headers: bearer(principal?.token ?? ''),
        payload,
      });
      expect([200, 201], r.body).toContain(r.statusCode);
      return r.json<{
        id: string;
        meeting: { id: string };
        items: { id: string }[];
        token: string;
      }>();
    };
    const cycle = (await run(who.secretariat, '/api/v1/groups/udcg/meetings', conveneBody()))
      .meeting.id;
    await run(who.secretariat, `/api/v1/meetings/${cycle}/open`, { version: 1 });
    ids.agendaItem =
      (await run(who.secretariat, `/api/v1/meetings/${cycle}/agenda`, { title: 'Matrix item' }))
        .items[0]?.id ?? '';
    ids.outcome = (
      await run(who.secretariat, `/api/v1/meetings/${cycle}/outcomes`, {
        kind: 'outcome',
        text: 'Matrix outcome',
      })
    ).id;
    ids.actionItem = (
      await run(who.secretariat, `/api/v1/meetings/${cycle}/action-items`, {
        title: 'Matrix action',
        ownerNation: 'GBR',
      })
    ).id;
    ids.calendarToken = (
      await run(who.coordinator, '/api/v1/account/calendar-tokens', { name: 'matrix' })
    ).token;
    ids.handover = (
      await write(who.secretariat, '/api/v1/groups/udcg/chair/handovers', {
        toNation: 'USA',
        effectiveOn: '2099-01-01',
        reason: 'Access matrix: a handover that stays pending',
      })
    ).id;
    const initiatives = await ctx().app.inject({
      method: 'GET',
      url: '/api/v1/groups/udcg/initiatives',
    });
    ids.initiative = initiatives.json<{ items: { id: string }[] }>().items[0]?.id ?? '';
  });

  it('has a rule for every registered route, and no rule for a route that does not exist', () => {
    const registered = ctx()
      .app.apiRoutes.map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(registered).toEqual(Object.keys(matrix).sort());
  });

  /** A request that reaches the rule without changing anything that later rows rely on. */
  function probe(route: string, principal: Principal | undefined, name: Who) {
    const [method, template] = route.split(' ') as [string, string];
    const url = template
      .replace(':slug', 'udcg')
      .replace(':number', '26')
      .replace(':code', 'GBR')
      .replace('/meetings/:id', `/meetings/${ids.meeting}`)
      .replace('/events/:id', `/events/${ids.event}`)
      .replace('/coalitions/:id', `/coalitions/${ids.coalition}`)
      .replace('/spending/targets/:id', '/spending/targets/GBR_2_5_APR2027')
      .replace('/users/:id', `/users/${ids.user}`)
      .replace('/chair-handovers/:id', `/chair-handovers/${ids.handover}`)
      .replace('/initiatives/:id', `/initiatives/${ids.initiative}`)
      .replace('/documents/:id', `/documents/${ids.document}`)
      .replace('/requirements/:id', `/requirements/${ids.requirement}`)
      .replace('/pledges/:id', `/pledges/${ids.pledge}`)
      .replace('/deliveries/:id', `/deliveries/${ids.delivery}`)
      .replace('/agenda-items/:id', `/agenda-items/${ids.agendaItem}`)
      .replace('/outcomes/:id', `/outcomes/${ids.outcome}`)
      .replace('/action-items/:id', `/action-items/${ids.actionItem}`)
      .replace('/invitations/:nation', '/invitations/GBR')
      .replace(':token', ids.calendarToken)
      .replace('/calendar-tokens/:id', '/calendar-tokens/01890000-0000-7000-8000-000000000000')
      .replace('/imports/:kind', '/imports/pledges')
      .replace('/imports/:id', '/imports/01890000-0000-7000-8000-000000000000')
      .replace('/tokens/:id', '/tokens/01890000-0000-7000-8000-000000000000');
    const payloads: Record<string, object> = {
      'POST /api/v1/auth/sign-in': {
        username: principal ? `matrix.${name.toLowerCase()}` : 'nobody',
        password: TEST_PASSWORD,
      },
      'PUT /api/v1/account/password': {
        currentPassword: 'not the current one, surely',
        newPassword: 'x',
      },
      'POST /api/v1/account/tokens': { name: 'matrix', scope: 'read' },
      'POST /api/v1/users': { username: 'x' }, // invalid: 400 once past the rule
      'PATCH /api/v1/users/:id': { version: 999, displayName: 'stale' }, // stale: 409 once past the rule
      'POST /api/v1/groups/:slug/documents': {
        title: 'matrix probe',
        marking: { classification: 'PUBLIC' },
      },
      'PATCH /api/v1/documents/:id': { version: 999, title: 'stale' },
      // Valid bodies that fail after the access rule (unknown area, stale version, too much):
      // 400/409 once past it, so the probe changes nothing later rows rely on.
      'POST /api/v1/groups/:slug/requirements': {
        capabilityArea: 'no-such-area',
        item: 'probe',
        quantity: 1,
        unit: 'probe',
        marking: { classification: 'GROUP' },
      },
      'PATCH /api/v1/requirements/:id': { version: 999, item: 'stale' },
      'POST /api/v1/requirements/:id/priority': { version: 999, priority: 1 },
      'POST /api/v1/groups/:slug/pledges': {
        capabilityArea: 'no-such-area',
        item: 'probe',
        quantity: 1,
        unit: 'probe',
        kind: 'donation',
        announcedOn: '2025-01-10',
        marking: { classification: 'GROUP' },
      },
      'PATCH /api/v1/pledges/:id': { version: 999, note: 'stale' },
      'POST /api/v1/pledges/:id/status': {
        version: 999,
        status: 'committed',
        effectiveOn: '2025-01-11',
      },
      'PUT /api/v1/pledges/:id/schedule': { version: 999, tranches: [] },
      'POST /api/v1/pledges/:id/deliveries': { quantity: 1000, deliveredOn: '2025-01-21' },
      // The meeting cycle: a date in the past, stale versions, and meeting 26, whose record is
      // closed (409 once past the rule); the open meeting's items take stale versions.
      'POST /api/v1/groups/:slug/meetings': conveneBody({ date: '2025-01-01' }),
      'PATCH /api/v1/meetings/:id': { version: 999, note: 'stale' },
      'POST /api/v1/meetings/:id/cancel': { version: 999, reason: 'probe' },
      'POST /api/v1/meetings/:id/open': { version: 999 },
      'POST /api/v1/meetings/:id/close': { version: 999 },
      'POST /api/v1/meetings/:id/invitations': { nations: ['GBR'] },
      'PUT /api/v1/meetings/:id/invitations/:nation': { version: 1, response: 'attending' },
      'POST /api/v1/meetings/:id/agenda': { title: 'probe' },
      'PUT /api/v1/meetings/:id/agenda/order': { agendaVersion: 999, itemIds: [] },
      'PATCH /api/v1/agenda-items/:id': { version: 999, title: 'stale' },
      'POST /api/v1/meetings/:id/attendance': { nation: 'GBR' },
      'POST /api/v1/meetings/:id/pledges': {
        capabilityArea: 'demining',
        item: 'probe',
        quantity: 1,
        unit: 'probe',
        kind: 'donation',
        marking: { classification: 'GROUP' },
      },
      'POST /api/v1/meetings/:id/outcomes': { kind: 'outcome', text: 'probe' },
      'PATCH /api/v1/outcomes/:id': { version: 999, text: 'stale' },
      'POST /api/v1/meetings/:id/action-items': { title: 'probe', ownerNation: 'GBR' },
      'PATCH /api/v1/action-items/:id': { version: 999, status: 'done' },
      'PUT /api/v1/meetings/:id/minutes': { version: 999, body: 'probe' },
      'POST /api/v1/meetings/:id/minutes/approve': { version: 999 },
      'PUT /api/v1/meetings/:id/summary': { version: 999, body: 'probe' },
      'POST /api/v1/meetings/:id/summary/generate': { version: 999 },
      'POST /api/v1/meetings/:id/summary/publish': { version: 999 },
      'POST /api/v1/account/calendar-tokens': { name: '' }, // 400 once past the rule
      // Valid bodies that fail after the access rule: the current chair, a stale version, an
      // unknown proposer, a position dated in the future, an unknown event.
      'POST /api/v1/groups/:slug/chair/handovers': {
        toNation: 'GBR',
        effectiveOn: '2099-06-01',
        reason: 'probe',
      },
      'POST /api/v1/chair-handovers/:id/accept': { version: 999 },
      'POST /api/v1/chair-handovers/:id/withdraw': { version: 999, reason: 'probe' },
      'POST /api/v1/groups/:slug/initiatives': {
        title: 'probe',
        kind: 'other',
        proposer: 'ZZZ',
        summary: 'probe',
        marking: { classification: 'PUBLIC' },
      },
      'PATCH /api/v1/initiatives/:id': { version: 999, title: 'stale' },
      'POST /api/v1/initiatives/:id/positions': {
        party: 'GBR',
        stance: 'supports',
        statedOn: '2999-01-01',
        source: { title: 'probe' },
        marking: { classification: 'PUBLIC' },
      },
      'POST /api/v1/initiatives/:id/raisings': { eventId: '01890000-0000-7000-8000-000000000000' },
      'POST /api/v1/groups/:slug/prices': {
        item: 'probe',
        unit: 'probe',
        unitPrice: { amount: '1.00', currency: 'EUR' },
        validFrom: '2025-01-01',
      },
    };
    // A file whose header names no known column: refused (400) once past the rule, nothing written.
    const uploads: Record<string, string> = {
      'POST /api/v1/groups/:slug/imports/:kind': 'no_such_column\nprobe\n',
    };
    // The live board streams until the client leaves: a bad Last-Event-ID is a 400 once past the rule.
    const query = template.endsWith('/live')
      ? '?lastEventId=probe'
      : uploads[route]
        ? '?fileName=probe.csv'
        : '';
    return ctx().app.inject({
      method: method as 'GET',
      url:
        method === 'DELETE' && /documents|agenda-items/.test(template)
          ? `${url}?version=999`
          : url + query,
      headers: {
        ...(principal ? bearer(principal.token) : {}),
        ...(uploads[route] ? { 'content-type': 'text/csv' } : {}),
      },
      ...(payloads[route] ? { payload: payloads[route] } : {}),
      ...(uploads[route] ? { payload: uploads[route] } : {}),
    });
  }

  for (const [route, row] of Object.entries(matrix)) {
    describe(route, () => {
      for (const name of ['anonymous', ...Object.keys(principals)] as Who[]) {
        const expected = row[name] ?? row.default;
        it(`${name} → ${expected}`, async () => {
          const response = await probe(route, who[name], name);
          if (expected === 'ok')
            expect([401, 403], response.body).not.toContain(response.statusCode);
          else expect(response.statusCode, response.body).toBe(expected);
        });
      }
    });
  }

  it('lets only the chair secretariat edit a group-level document', async () => {
    for (const [name, expected] of Object.entries({
      ...Object.fromEntries(Object.keys(principals).map((k) => [k, 403])),
      secretariat: 409,
    })) {
      const response = await ctx().app.inject({
        method: 'PATCH',
        url: `/api/v1/documents/${ids.groupDocument}`,
        headers: bearer(who[name as Who]?.token ?? ''),
        payload: { version: 999, title: 'x' },
      });
      expect(response.statusCode, `${name}: ${response.body}`).toBe(expected);
    }
  });
});
