import type { Selectable } from 'kysely';
import type { Viewer } from '../accounts/viewer';
import type { Db } from '../db/database';
import type { LiveEventsTable } from '../db/tables/live';
import { releasableTo } from '../markings';

export type LiveEventRow = Selectable<LiveEventsTable>;

/**
 * The next sequence number of a meeting's board. The upsert takes the cursor row's lock until the
 * transaction ends (SQLite has a single writer already), so sequence numbers are handed out in commit
 * order: a subscriber that has seen n never later finds a smaller number appear.
 */
export async function nextLiveSeq(db: Db, meetingId: string): Promise<number> {
  const row = await db
    .insertInto('live_cursors')
    .values({ meeting_id: meetingId, last_seq: 1 })
    .onConflict((oc) =>
      oc.column('meeting_id').doUpdateSet((eb) => ({
        last_seq: eb('live_cursors.last_seq', '+', 1),
      })),
    )
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return Number(row.last_seq);
}

export async function insertLiveEvent(db: Db, row: LiveEventsTable): Promise<void> {
  await db.insertInto('live_events').values(row).execute();
}

/**
 * A meeting's events after `afterSeq`, in order, whatever their marking: only the live hub reads
 * here, and it filters each event per subscriber with `isReleasableTo` before anything is sent.
 */
export async function listLiveEventsAfter(
  db: Db,
  meetingId: string,
  afterSeq: number,
  limit: number,
): Promise<LiveEventRow[]> {
  const rows = await db
    .selectFrom('live_events')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ ...row, seq: Number(row.seq) }));
}

/** The meeting, if it is releasable to the viewer. */
export const findMeetingForBoard = (db: Db, viewer: Viewer, meetingId: string) =>
  db
    .selectFrom('meetings')
    .select(['id', 'group_id', 'status'])
    .where('id', '=', meetingId)
    .where(releasableTo(viewer, 'meetings'))
    .executeTakeFirst();
