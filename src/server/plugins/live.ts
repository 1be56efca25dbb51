import type { FastifyInstance } from 'fastify';
import type { DatabaseKind } from '../../core/config';
import { listLiveEventsAfter } from '../../core/live/live-event.repository';
import { onLocalLiveEvent } from '../../core/live/live-event.service';
import { LiveHub } from '../../core/live/live-hub';
import { listenForLiveEvents } from '../../core/live/pg-listener';

declare module 'fastify' {
  interface FastifyInstance {
    /** This node's fan-out of live board events to its SSE subscribers. */
    liveHub: LiveHub;
  }
}

/**
 * The live board's transport, one per node: on PostgreSQL a dedicated connection LISTENs, so an event
 * committed through any node wakes this node's subscribers; on SQLite (one process) writes wake the hub
 * directly. Either way the hub then reads the stored events. Streams end when the server closes.
 */
export async function registerLive(
  app: FastifyInstance,
  options: { kind: DatabaseKind; databaseUrl: string },
): Promise<void> {
  const hub = new LiveHub(
    (meetingId, afterSeq, limit) => listLiveEventsAfter(app.db, meetingId, afterSeq, limit),
    (error) => app.log.warn({ err: error }, 'live board: delivery failed; retrying'),
  );
  app.decorate('liveHub', hub);
  let stop: () => Promise<void>;
  if (options.kind === 'postgres') {
    const listener = await listenForLiveEvents(options.databaseUrl, {
      onEvent: (meetingId) => hub.wake(meetingId),
      onReconnect: () => hub.wakeAll(),
      onError: (error) => app.log.warn({ err: error }, 'live board: LISTEN connection lost'),
    });
    stop = listener.close;
  } else {
    const unregister = onLocalLiveEvent((meetingId) => hub.wake(meetingId));
    stop = () => Promise.resolve(void unregister());
  }
  // Open streams would keep the server from closing: end them first (clients reconnect elsewhere).
  app.addHook('preClose', (done) => {
    hub.close();
    done();
  });
  app.addHook('onClose', async () => {
    await stop();
  });
}
