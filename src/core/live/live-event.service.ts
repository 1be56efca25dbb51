import { PostgresAdapter, sql } from 'kysely';
import type { Db } from '../db/database';
import type { MarkingColumns } from '../db/tables/markings';
import { newId } from '../ids';
import { toMarking } from '../markings';
import type { LiveEvent, LiveEventKind } from './live-event.schema';
import { insertLiveEvent, type LiveEventRow, nextLiveSeq } from './live-event.repository';

/** The PostgreSQL channel every node LISTENs on; the payload is `<meeting id>:<seq>`, nothing more. */
export const LIVE_CHANNEL = 'ramstein_live';

export interface LiveEventInput {
  meetingId: string;
  kind: LiveEventKind;
  /** The marking of the record the event announces (with its group): who may receive it. */
  marking: MarkingColumns;
  data: Record<string, unknown>;
}

type Waker = (meetingId: string) => void;

// Hubs of this process that hear of SQLite events directly (there is no NOTIFY on SQLite). A set per
// process rather than per database: a hub woken for a meeting it does not carry reads nothing.
const localWakers = new Set<Waker>();

/** Registers an in-process hub to be woken after each event written on SQLite; returns the unregister. */
export function onLocalLiveEvent(wake: Waker): () => void {
  localWakers.add(wake);
  return () => localWakers.delete(wake);
}

const isPostgres = (db: Db): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * Puts an event on a meeting's live board, inside the caller's transaction: the row takes the next
 * sequence number of the meeting and is what subscribers read, live or on reconnect. Subscribers
 * learn of it only once it is committed, and never if the transaction rolls back: PostgreSQL delivers
 * NOTIFY at commit; on SQLite a woken hub's read waits for the one connection this transaction holds.
 * Call it for anything the board shows (the ledger calls it for a pledge announced at a meeting).
 */
export async function publishLiveEvent(
  db: Db,
  event: LiveEventInput,
  now: Date = new Date(),
): Promise<number> {
  const seq = await nextLiveSeq(db, event.meetingId);
  await insertLiveEvent(db, {
    id: newId(now.getTime()),
    meeting_id: event.meetingId,
    seq,
    kind: event.kind,
    marking: event.marking.marking,
    rel_to: event.marking.rel_to,
    group_id: event.marking.group_id,
    payload: JSON.stringify(event.data),
    created_at: now.toISOString(),
  });
  if (isPostgres(db)) {
    await sql`select pg_notify(${LIVE_CHANNEL}, ${`${event.meetingId}:${seq}`})`.execute(db);
  } else {
    const meetingId = event.meetingId;
    setImmediate(() => {
      for (const wake of localWakers) wake(meetingId);
    });
  }
  return seq;
}

/** A stored event as a subscriber receives it. */
export function toLiveEvent(row: LiveEventRow): LiveEvent {
  return {
    seq: row.seq,
    meetingId: row.meeting_id,
    kind: row.kind as LiveEventKind,
    at: row.created_at,
    marking: toMarking(row),
    data: JSON.parse(row.payload) as Record<string, unknown>,
  };
}
