import { viewerFor } from '../accounts/auth.service';
import { randomSecret, sha256 } from '../accounts/secrets';
import { findUserById } from '../accounts/user.repository';
import type { Viewer } from '../accounts/viewer';
import { actorOf, recordAudit } from '../audit/audit.service';
import type { Db } from '../db/database';
import type { CalendarFeedTokensTable } from '../db/tables/meeting-cycle';
import { AppError, notFound } from '../errors';
import { requireGroup } from '../groups/group.service';
import { newId } from '../ids';
import { toMarking } from '../markings';
import type { CalendarToken, CreateCalendarToken, CreatedCalendarToken } from './calendar.schema';
import {
  findCalendarTokenByHash,
  findCalendarTokenRow,
  insertCalendarToken,
  listCalendarTokenRows,
  markCalendarToken,
} from './calendar-token.repository';
import { type CalendarEntry, renderCalendar } from './ical';
import { listNationAnswers } from './invitation.repository';
import { findNation, listFeedMeetingRows, listMeetingEventRows } from './meeting.repository';
import { meetingCode } from './meeting.service';

/**
 * Calendar feeds (RFC 5545) of a group's meetings or of the meetings a nation is invited to. A calendar
 * application cannot sign in or send a header, so the feed URL itself carries a per-user secret: the
 * feed is what that user may read (markings apply), and revoking the secret ends it.
 */

const TOKEN_PREFIX = 'rcal_';

const toCalendarToken = (row: CalendarFeedTokensTable): CalendarToken => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
  lastUsedAt: row.last_used_at,
});

function requireUser(viewer: Viewer): asserts viewer is Viewer & { userId: string } {
  if (viewer.userId === null) throw new AppError('unauthenticated', 'Sign in first');
}

/** Makes a feed secret for the signed-in user; the secret is in the answer once, only its hash kept. */
export async function createCalendarToken(
  db: Db,
  viewer: Viewer,
  input: CreateCalendarToken,
  now: Date = new Date(),
): Promise<CreatedCalendarToken> {
  requireUser(viewer);
  const token = `${TOKEN_PREFIX}${randomSecret()}`;
  const row: CalendarFeedTokensTable = {
    id: newId(now.getTime()),
    user_id: viewer.userId,
    name: input.name,
    token_hash: sha256(token),
    prefix: token.slice(0, 10),
    created_at: now.toISOString(),
    revoked_at: null,
    last_used_at: null,
  };
  await insertCalendarToken(db, row);
  await recordAudit(
    db,
    actorOf(viewer),
    {
      action: 'calendar_token.create',
      entity: 'calendar_feed_token',
      entityId: row.id,
      after: { name: row.name, prefix: row.prefix },
    },
    now,
  );
  return {
    ...toCalendarToken(row),
    token,
    feeds: {
      group: `/api/v1/calendar/${token}/group/{slug}.ics`,
      nation: `/api/v1/calendar/${token}/nation/{code}.ics`,
    },
  };
}

export async function listCalendarTokens(db: Db, viewer: Viewer): Promise<CalendarToken[]> {
  requireUser(viewer);
  return (await listCalendarTokenRows(db, viewer.userId)).map(toCalendarToken);
}

/** Ends a feed: its URL answers 404 from now on. Revoking twice changes nothing. */
export async function revokeCalendarToken(
  db: Db,
  viewer: Viewer,
  id: string,
  now: Date = new Date(),
): Promise<CalendarToken> {
  requireUser(viewer);
  const row = await findCalendarTokenRow(db, viewer.userId, id);
  if (!row) throw notFound(`Calendar feed ${id}`);
  if (row.revoked_at !== null) return toCalendarToken(row);
  const at = now.toISOString();
  await markCalendarToken(db, id, { revoked_at: at });
  await recordAudit(
    db,
    actorOf(viewer),
    {
      action: 'calendar_token.revoke',
      entity: 'calendar_feed_token',
      entityId: id,
      after: { name: row.name, prefix: row.prefix },
    },
    now,
  );
  return toCalendarToken({ ...row, revoked_at: at });
}

/** The user behind a feed secret, as a read-only viewer; unknown, revoked or disabled answer 404. */
async function feedViewer(db: Db, token: string, now: Date): Promise<Viewer> {
  const row = token.startsWith(TOKEN_PREFIX)
    ? await findCalendarTokenByHash(db, sha256(token))
    : undefined;
  const user = row && row.revoked_at === null ? await findUserById(db, row.user_id) : undefined;
  if (!row || !user || user.disabled_at !== null) throw notFound('Calendar feed');
  if (row.last_used_at === null || now.getTime() - Date.parse(row.last_used_at) > 60_000)
    await markCalendarToken(db, row.id, { last_used_at: now.toISOString() });
  return viewerFor(db, user, 'token', 'read', now);
}

const classOf = { PUBLIC: 'PUBLIC', GROUP: 'PRIVATE', RESTRICTED: 'CONFIDENTIAL' } as const;
const relationWords: Record<string, string> = {
  same: 'Held as',
  ahead_of: 'Ahead of',
  alongside: 'Alongside',
  after: 'After',
};

type FeedRow = Awaited<ReturnType<typeof listFeedMeetingRows>>[number];
type EventRow = Awaited<ReturnType<typeof listMeetingEventRows>>[number];

/** A meeting as a calendar entry; `answer` is the nation's RSVP in a nation feed. */
export function toCalendarEntry(
  row: FeedRow,
  events: readonly EventRow[],
  answer?: { nation: string; response: string },
): CalendarEntry {
  const marking = toMarking(row);
  const code = meetingCode(row.group_short_name, row.number, row.date);
  const description = [
    `Marking: ${marking.label}`,
    row.format === null ? null : `Format: ${row.format.replace('_', ' ')}`,
    row.level === null ? null : `Level: ${row.level.replaceAll('_', ' ')}`,
    `Chair: ${row.chair_name}${row.co_chair_name ? ` with ${row.co_chair_name}` : ''}`,
    ...events.map((e) => `${relationWords[e.relation] ?? e.relation}: ${e.name}`),
    row.virtual_url === null ? null : `Join: ${row.virtual_url}`,
    answer ? `${answer.nation}'s answer: ${answer.response.replace('_', ' ')}` : null,
    row.cancel_reason === null ? null : `Cancelled: ${row.cancel_reason}`,
    row.reschedule_reason === null ? null : `Rescheduled: ${row.reschedule_reason}`,
  ].filter((line): line is string => line !== null);
  const endsAt =
    row.starts_at === null || row.duration_minutes === null
      ? null
      : new Date(Date.parse(row.starts_at) + row.duration_minutes * 60_000).toISOString();
  return {
    uid: `${row.id}@ramstein`,
    sequence: row.sequence,
    status:
      row.status === 'cancelled'
        ? 'CANCELLED'
        : row.status === 'planned' && row.confidence === 'uncertain'
          ? 'TENTATIVE'
          : 'CONFIRMED',
    summary: `${code}: ${row.group_name}`,
    description: description.join('\n'),
    location:
      [row.venue, row.venue_country_name].filter((p): p is string => p !== null).join(', ') || null,
    url: row.virtual_url,
    date: row.date,
    startTime: row.start_time,
    timeZone: row.time_zone,
    startsAt: row.starts_at,
    endsAt,
    classification: classOf[marking.classification],
    categories: [row.group_short_name, marking.label],
    created: row.created_at,
    lastModified: row.updated_at,
  };
}

async function entriesOf(db: Db, rows: FeedRow[]) {
  const events = await listMeetingEventRows(
    db,
    rows.map((r) => r.id),
  );
  return (answer: (row: FeedRow) => { nation: string; response: string } | undefined) =>
    rows.map((row) =>
      toCalendarEntry(
        row,
        events.filter((e) => e.meeting_id === row.id),
        answer(row),
      ),
    );
}

/** Every meeting of a group the feed's owner may read. */
export async function groupFeed(
  db: Db,
  token: string,
  slug: string,
  now: Date = new Date(),
): Promise<string> {
  const viewer = await feedViewer(db, token, now);
  const group = await requireGroup(db, slug);
  const rows = await listFeedMeetingRows(db, viewer, { groupId: group.id });
  const entries = (await entriesOf(db, rows))(() => undefined);
  return renderCalendar(`${group.short_name} meetings`, entries);
}

/** Every meeting a nation is invited to that the feed's owner may read, with the nation's answer. */
export async function nationFeed(
  db: Db,
  token: string,
  code: string,
  now: Date = new Date(),
): Promise<string> {
  const viewer = await feedViewer(db, token, now);
  const nation = await findNation(db, code);
  if (!nation) throw notFound(`Nation ${code}`);
  const rows = await listFeedMeetingRows(db, viewer, { nation: code });
  const answers = await listNationAnswers(
    db,
    code,
    rows.map((r) => r.id),
  );
  const entries = (await entriesOf(db, rows))((row) => {
    const found = answers.find((a) => a.meeting_id === row.id);
    return found ? { nation: code, response: found.response } : undefined;
  });
  return renderCalendar(`${nation.name}: meetings`, entries);
}
