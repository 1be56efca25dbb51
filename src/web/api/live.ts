import { useEffect, useReducer } from 'react';
import { z } from 'zod';
import {
  type LiveEvent,
  type LivePledgeData,
  liveEventKindSchema,
  liveEventSchema,
  livePledgeDataSchema,
} from '../../core/live/live-event.schema';
import { apiPath } from './client';

/**
 * The meeting's live board over server-sent events. The browser's EventSource reconnects by itself
 * and sends Last-Event-ID, so the server replays only what was missed; we still drop any `seq`
 * already seen, so a replay can never show a pledge twice.
 */

/** What an attendance event carries (published by the meeting cycle's check-in). */
export const liveAttendanceDataSchema = z.object({
  nation: z.string(),
  nationName: z.string(),
  mode: z.enum(['in_person', 'virtual']),
  headOfDelegation: z.string().nullable(),
  checkedInAt: z.string(),
  selfCheckIn: z.boolean(),
});
export type LiveAttendanceData = z.infer<typeof liveAttendanceDataSchema>;

export interface LivePledge extends LivePledgeData {
  seq: number;
  at: string;
  marking: LiveEvent['marking'];
}

export interface LiveAttendance extends LiveAttendanceData {
  seq: number;
}

/**
 * connecting: first attempt; live: the stream is open; reconnecting: it dropped and the browser is
 * retrying; closed: the server refused the stream (signed out, or the meeting is not yours to see).
 */
export type LiveConnection = 'connecting' | 'live' | 'reconnecting' | 'closed';

export interface LiveBoardState {
  connection: LiveConnection;
  lastSeq: number;
  pledges: LivePledge[];
  attendance: LiveAttendance[];
  /** Events whose data did not match the contract: shown as a count, never guessed at. */
  unreadable: number;
}

type Action =
  | { type: 'reset' }
  | { type: 'connection'; connection: LiveConnection }
  | { type: 'event'; event: LiveEvent };

const initial: LiveBoardState = {
  connection: 'connecting',
  lastSeq: 0,
  pledges: [],
  attendance: [],
  unreadable: 0,
};

function reduce(state: LiveBoardState, action: Action): LiveBoardState {
  switch (action.type) {
    case 'reset':
      return initial;
    case 'connection':
      return state.connection === action.connection
        ? state
        : { ...state, connection: action.connection };
    case 'event':
      return applyEvent(state, action.event);
  }
}

/** Folds one event into the board; an event at or below the last seq seen is a replay and ignored. */
export function applyEvent(state: LiveBoardState, event: LiveEvent): LiveBoardState {
  if (event.seq <= state.lastSeq) return state;
  const next = { ...state, lastSeq: event.seq };
  switch (event.kind) {
    case 'pledge.recorded': {
      const data = livePledgeDataSchema.safeParse(event.data);
      if (!data.success) return { ...next, unreadable: state.unreadable + 1 };
      const pledge = { ...data.data, seq: event.seq, at: event.at, marking: event.marking };
      return { ...next, pledges: [pledge, ...state.pledges] };
    }
    case 'attendance.recorded': {
      const data = liveAttendanceDataSchema.safeParse(event.data);
      if (!data.success) return { ...next, unreadable: state.unreadable + 1 };
      // One check-in per nation: a second one for the same nation replaces the first.
      const others = state.attendance.filter((a) => a.nation !== data.data.nation);
      return { ...next, attendance: [...others, { ...data.data, seq: event.seq }] };
    }
  }
}

/** Subscribes to a meeting's live board while mounted; null `meetingId` waits for it to be known. */
export function useLiveBoard(meetingId: string | null): LiveBoardState {
  const [state, dispatch] = useReducer(reduce, initial);
  useEffect(() => {
    if (meetingId === null) return;
    dispatch({ type: 'reset' });
    const source = new EventSource(apiPath(`/meetings/${encodeURIComponent(meetingId)}/live`), {
      withCredentials: true,
    });
    const onMessage = (message: MessageEvent<string>) => {
      let payload: unknown;
      try {
        payload = JSON.parse(message.data);
      } catch {
        payload = null;
      }
      const event = liveEventSchema.safeParse(payload);
      if (event.success) dispatch({ type: 'event', event: event.data });
    };
    for (const kind of liveEventKindSchema.options) source.addEventListener(kind, onMessage);
    source.onopen = () => dispatch({ type: 'connection', connection: 'live' });
    source.onerror = () =>
      dispatch({
        type: 'connection',
        // CONNECTING: the browser will retry (after the server's `retry:`); CLOSED: it gave up,
        // which it does when the answer is not an event stream (401, 404).
        connection: source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting',
      });
    return () => source.close();
  }, [meetingId]);
  return state;
}
