import pg from 'pg';
import { LIVE_CHANNEL } from './live-event.service';

export interface LiveListenerHandlers {
  /** A live event was committed somewhere (on any node) for this meeting. */
  onEvent: (meetingId: string, seq: number) => void;
  /** The link was down and is back: notifications may have been missed meanwhile. */
  onReconnect: () => void;
  onError: (error: unknown) => void;
}

export interface LiveListener {
  close: () => Promise<void>;
}

/**
 * A dedicated PostgreSQL connection per process, LISTENing on the live channel: how an event committed
 * through one node reaches the subscribers of every node. Pooled connections cannot LISTEN (a pool
 * hands them to other queries), hence its own client. A lost link is re-opened after `retryMs`, and
 * `onReconnect` lets the hub read every board again, so a notification missed meanwhile costs a delay,
 * never an event.
 */
export async function listenForLiveEvents(
  url: string,
  handlers: LiveListenerHandlers,
  retryMs = 1000,
): Promise<LiveListener> {
  let current: pg.Client | null = null;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;

  const open = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: url });
    let dropped = false;
    const drop = (error?: unknown) => {
      if (dropped) return;
      dropped = true;
      if (error !== undefined) handlers.onError(error);
      if (current === client) current = null;
      client.end().catch(() => undefined);
      if (!closed) schedule();
    };
    client.on('notification', (message) => {
      if (message.channel !== LIVE_CHANNEL || !message.payload) return;
      const separator = message.payload.lastIndexOf(':');
      const seq = Number(message.payload.slice(separator + 1));
      if (separator > 0 && Number.isSafeInteger(seq)) {
        handlers.onEvent(message.payload.slice(0, separator), seq);
      }
    });
    client.on('error', (error) => drop(error));
    client.on('end', () => drop());
    await client.connect();
    await client.query(`listen ${LIVE_CHANNEL}`);
    current = client;
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      open().then(
        () => handlers.onReconnect(),
        (error: unknown) => {
          handlers.onError(error);
          if (!closed) schedule();
        },
      );
    }, retryMs);
    timer.unref();
  };

  try {
    await open();
  } catch (error) {
    closed = true;
    clearTimeout(timer);
    throw error;
  }
  return {
    close: async () => {
      closed = true;
      clearTimeout(timer);
      const client = current;
      current = null;
      await client?.end().catch(() => undefined);
    },
  };
}
