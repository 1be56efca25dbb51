import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import SQLite from 'better-sqlite3';

/**
 * The baseline: a bare node:http server answering the benchmarked URLs with hand-written SQL through
 * better-sqlite3 prepared statements and JSON.stringify. No framework, no validation, no Kysely, no
 * schema serialisation. It returns the same JSON body as Ramstein (run.ts checks that before loading
 * either), so the difference between the two is what the platform's layers cost.
 */

interface GroupRow {
  id: string;
  short_name: string;
}

interface SourceColumns {
  source_url: string | null;
  source_title: string | null;
  confidence: string | null;
}

interface MeetingRow extends SourceColumns {
  id: string;
  number: number | null;
  date: string;
  start_time: string | null;
  time_zone: string;
  starts_at: string | null;
  venue: string | null;
  venue_country_code: string | null;
  virtual_url: string | null;
  format: string | null;
  status: string;
  chair_code: string;
  chair_person_id: string | null;
  co_chair_code: string | null;
  co_chair_person_id: string | null;
  note: string | null;
  group_slug: string;
  group_short_name: string;
  chair_name: string;
  chair_alpha2: string | null;
  co_chair_name: string | null;
  co_chair_alpha2: string | null;
  venue_country_name: string | null;
  venue_country_alpha2: string | null;
  chair_person_name: string | null;
  chair_person_title: string | null;
  co_person_name: string | null;
  co_person_title: string | null;
  marking: string;
  rel_to: string | null;
  level: string | null;
  duration_minutes: number | null;
  from_meeting_id: string | null;
  convened_at: string | null;
  opened_at: string | null;
  closed_at: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
  reschedule_reason: string | null;
  sequence: number;
  agenda_version: number;
  version: number;
}

interface EventRow {
  meeting_id: string;
  relation: string;
  id: string;
  ref: string;
  name: string;
  kind: string;
  starts_on: string;
  ends_on: string;
}

interface ChairTermRow extends SourceColumns {
  id: string;
  nation_code: string;
  co_chair_code: string | null;
  starts_on: string;
  ends_on: string | null;
  starts_at_meeting: number | null;
  note: string | null;
  chair_name: string;
  chair_alpha2: string | null;
  co_chair_name: string | null;
  co_chair_alpha2: string | null;
}

const MEETING_SELECT = `
  SELECT m.*,
         g.slug AS group_slug, g.short_name AS group_short_name,
         chair.name AS chair_name, chair.alpha2 AS chair_alpha2,
         co.name AS co_chair_name, co.alpha2 AS co_chair_alpha2,
         venue.name AS venue_country_name, venue.alpha2 AS venue_country_alpha2,
         cp.name AS chair_person_name, cp.title AS chair_person_title,
         op.name AS co_person_name, op.title AS co_person_title
    FROM meetings m
    JOIN groups g ON g.id = m.group_id
    JOIN nations chair ON chair.code = m.chair_code
    LEFT JOIN nations co ON co.code = m.co_chair_code
    LEFT JOIN nations venue ON venue.code = m.venue_country_code
    LEFT JOIN persons cp ON cp.id = m.chair_person_id
    LEFT JOIN persons op ON op.id = m.co_chair_person_id`;

const confidences = new Set(['high', 'medium', 'uncertain']);

const source = (row: SourceColumns) => ({
  url: row.source_url,
  title: row.source_title,
  confidence: row.confidence !== null && confidences.has(row.confidence) ? row.confidence : null,
});

const nationRef = (code: string | null, name: string | null, alpha2: string | null) =>
  code === null ? null : { code, name: name ?? code, alpha2 };

const personRef = (id: string | null, name: string | null, title: string | null) =>
  id === null || name === null ? null : { id, name, title };

/** The anonymous caller's marking: the benchmarked meeting URLs are public, so only PUBLIC rows. */
const marking = (row: MeetingRow) => {
  const relTo = row.marking === 'RESTRICTED' ? (row.rel_to ?? '').split(',').filter(Boolean) : [];
  const label = relTo.length > 0 ? `RESTRICTED REL TO ${relTo.join(', ')}` : row.marking;
  return { classification: row.marking, relTo, label };
};

const phase = (row: MeetingRow) =>
  row.status === 'cancelled' || row.status === 'planned'
    ? row.status
    : row.opened_at !== null && row.closed_at === null
      ? 'open'
      : 'closed';

function toMeeting(row: MeetingRow, events: EventRow[]) {
  return {
    id: row.id,
    group: { slug: row.group_slug, shortName: row.group_short_name },
    number: row.number,
    code:
      row.number === null
        ? `${row.group_short_name} ${row.date}`
        : `${row.group_short_name}-${row.number}`,
    date: row.date,
    startTime: row.start_time,
    timeZone: row.time_zone,
    startsAt: row.starts_at,
    venue: row.venue,
    venueCountry: nationRef(
      row.venue_country_code,
      row.venue_country_name,
      row.venue_country_alpha2,
    ),
    virtualUrl: row.virtual_url,
    format: row.format,
    status: row.status,
    chair: { code: row.chair_code, name: row.chair_name, alpha2: row.chair_alpha2 },
    chairPerson: personRef(row.chair_person_id, row.chair_person_name, row.chair_person_title),
    coChair: nationRef(row.co_chair_code, row.co_chair_name, row.co_chair_alpha2),
    coChairPerson: personRef(row.co_chair_person_id, row.co_person_name, row.co_person_title),
    events: events
      .filter((e) => e.meeting_id === row.id)
      .map((e) => ({
        id: e.id,
        ref: e.ref,
        name: e.name,
        kind: e.kind,
        startsOn: e.starts_on,
        endsOn: e.ends_on,
        relation: e.relation,
      })),
    note: row.note,
    source: source(row),
    marking: marking(row),
    level: row.level,
    durationMinutes: row.duration_minutes,
    endsAt:
      row.starts_at === null || row.duration_minutes === null
        ? null
        : new Date(Date.parse(row.starts_at) + row.duration_minutes * 60_000).toISOString(),
    phase: phase(row),
    fromMeetingId: row.from_meeting_id,
    convenedAt: row.convened_at,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
    cancelledAt: row.cancelled_at,
    cancelReason: row.cancel_reason,
    rescheduleReason: row.reschedule_reason,
    sequence: row.sequence,
    agendaVersion: row.agenda_version,
    version: row.version,
  };
}

/** Writes `body` as the JSON answer, as Fastify would: the same headers, no more. */
export function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
  });
  res.end(json);
}

/**
 * Serves `handle` on a free port of 127.0.0.1, answering anything it throws with a 500; closing the
 * server drops its connections, then calls `onClose` (the database).
 */
export async function listenBare(
  handle: (req: IncomingMessage, res: ServerResponse) => void,
  onClose: () => void,
): Promise<BareServer> {
  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (error) {
      send(res, 500, { error: 'internal', message: String(error), issues: [] });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      onClose();
    },
  };
}

export interface BareServer {
  url: string;
  close(): Promise<void>;
}

/** Starts the baseline on 127.0.0.1 and a free port, reading the SQLite file Ramstein uses. */
export async function startBareServer(file: string): Promise<BareServer> {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');

  const groupBySlug = db.prepare<[string], GroupRow>(
    'SELECT id, short_name FROM groups WHERE slug = ?',
  );
  const meetingPage = db.prepare<[string, number, number], MeetingRow>(
    `${MEETING_SELECT} WHERE m.group_id = ? AND m.marking = 'PUBLIC' ORDER BY m.date DESC, m.id DESC LIMIT ? OFFSET ?`,
  );
  const meetingCount = db.prepare<[string], { n: number }>(
    "SELECT count(*) AS n FROM meetings WHERE group_id = ? AND marking = 'PUBLIC'",
  );
  const meetingByNumber = db.prepare<[string, number], MeetingRow>(
    `${MEETING_SELECT} WHERE m.group_id = ? AND m.number = ? AND m.marking = 'PUBLIC'`,
  );
  const eventsOfMeetings = db.prepare<[string], EventRow>(
    `SELECT me.meeting_id, me.relation, e.id, e.ref, e.name, e.kind, e.starts_on, e.ends_on
       FROM meeting_events me
       JOIN events e ON e.id = me.event_id
      WHERE me.meeting_id IN (SELECT value FROM json_each(?))
      ORDER BY e.starts_on, e.ref`,
  );
  const chairTerms = db.prepare<[string], ChairTermRow>(
    `SELECT t.*, chair.name AS chair_name, chair.alpha2 AS chair_alpha2,
            co.name AS co_chair_name, co.alpha2 AS co_chair_alpha2
       FROM chair_terms t
       JOIN nations chair ON chair.code = t.nation_code
       LEFT JOIN nations co ON co.code = t.co_chair_code
      WHERE t.group_id = ?
      ORDER BY t.starts_on`,
  );

  const notFound = (res: ServerResponse, what: string) =>
    send(res, 404, { error: 'not_found', message: `${what} not found`, issues: [] });

  const events = (ids: string[]) =>
    ids.length === 0 ? [] : eventsOfMeetings.all(JSON.stringify(ids));

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const match = /^\/api\/v1\/groups\/([a-z0-9-]+)\/(meetings|chair)(?:\/(\d+))?$/.exec(
      url.pathname,
    );
    if (req.method !== 'GET' || !match) return notFound(res, `${req.method} ${url.pathname}`);
    const [, slug = '', what, number] = match;
    const group = groupBySlug.get(slug);
    if (!group) return notFound(res, `Group ${slug}`);

    if (what === 'chair') {
      const today = new Date().toISOString().slice(0, 10);
      const history = chairTerms.all(group.id).map((row) => ({
        id: row.id,
        chair: { code: row.nation_code, name: row.chair_name, alpha2: row.chair_alpha2 },
        coChair: nationRef(row.co_chair_code, row.co_chair_name, row.co_chair_alpha2),
        startsOn: row.starts_on,
        endsOn: row.ends_on,
        startsAtMeeting: row.starts_at_meeting,
        note: row.note,
        source: source(row),
      }));
      const current =
        history.find((t) => t.startsOn <= today && (t.endsOn === null || today < t.endsOn)) ?? null;
      return send(res, 200, { current, history });
    }

    if (number !== undefined) {
      const row = meetingByNumber.get(group.id, Number(number));
      if (!row) return notFound(res, `Meeting ${group.short_name}-${number}`);
      return send(res, 200, toMeeting(row, events([row.id])));
    }

    // Only what the benchmark asks for: sort=-date, with limit and offset.
    const sort = url.searchParams.get('sort') ?? '-date';
    const limit = Number(url.searchParams.get('limit') ?? 50);
    const offset = Number(url.searchParams.get('offset') ?? 0);
    if (sort !== '-date' || !Number.isInteger(limit) || !Number.isInteger(offset)) {
      return send(res, 400, { error: 'invalid', message: 'unsupported query', issues: [] });
    }
    const rows = meetingPage.all(group.id, limit, offset);
    const linked = events(rows.map((r) => r.id));
    const total = meetingCount.get(group.id)?.n ?? 0;
    return send(res, 200, {
      items: rows.map((row) => toMeeting(row, linked)),
      total,
      limit,
      offset,
    });
  }

  return listenBare(handle, () => db.close());
}
