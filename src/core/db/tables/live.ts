import type { MarkingColumns } from './markings';

/**
 * One event on a meeting's live board (a pledge recorded, attendance taken), kept so that a
 * subscriber reconnecting with Last-Event-ID is replayed exactly what it missed. Marked like the
 * record it announces: each subscriber receives only the events releasable to its nation.
 */
export interface LiveEventsTable extends MarkingColumns {
  id: string;
  meeting_id: string;
  /** 1, 2, 3... per meeting, in commit order: the SSE event id. */
  seq: number;
  kind: string;
  /** The event's data as JSON text. */
  payload: string;
  created_at: string;
}

/** The last sequence number given out per meeting; its row lock orders concurrent publishers. */
export interface LiveCursorsTable {
  meeting_id: string;
  last_seq: number;
}
