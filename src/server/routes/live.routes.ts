import { z } from 'zod';
import { errorSchema } from '../../core/common.schema';
import type { LiveEvent } from '../../core/live/live-event.schema';
import {
  liveHeadersSchema,
  liveParamsSchema,
  liveQuerySchema,
} from '../../core/live/live-event.schema';
import { openLiveBoard } from '../../core/live/live-board.service';
import type { AppServer } from '../app';

/** One SSE message: the id is the event's sequence number, so EventSource resumes from it. */
export const sseMessage = (event: LiveEvent): string =>
  `id: ${event.seq}\nevent: ${event.kind}\ndata: ${JSON.stringify(event)}\n\n`;

/**
 * The meeting's live board as server-sent events. Each event is filtered by the subscriber's markings;
 * a reconnect with Last-Event-ID (or `?lastEventId=`) is replayed exactly what came after that id.
 */
export function liveRoutes(app: AppServer, options: { heartbeatMs?: number } = {}): void {
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  app.get(
    '/meetings/:id/live',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['live'],
        summary:
          'The live board of a meeting (text/event-stream): pledges and attendance as they are recorded, releasable to you',
        params: liveParamsSchema,
        querystring: liveQuerySchema,
        headers: liveHeadersSchema,
        response: {
          200: z.string().describe('text/event-stream: one message per event, id = seq'),
          400: errorSchema,
          401: errorSchema,
          404: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const board = await openLiveBoard(app.db, request.viewer, request.params.id);
      const after = Number(request.headers['last-event-id'] ?? request.query.lastEventId ?? 0);
      reply.hijack();
      const res = reply.raw;
      // The headers set so far (helmet's), which a hijacked reply would otherwise drop.
      for (const [name, value] of Object.entries(reply.getHeaders())) {
        if (value !== undefined) res.setHeader(name, value);
      }
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        // Reverse proxies must pass each event on at once rather than buffer the stream.
        'x-accel-buffering': 'no',
      });
      res.write('retry: 3000\n\n');
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), heartbeatMs);
      heartbeat.unref();
      const subscription = app.liveHub.subscribe(
        board.meetingId,
        request.viewer,
        after,
        (event) => res.write(sseMessage(event)),
        () => {
          clearInterval(heartbeat);
          if (!res.writableEnded) res.end();
        },
      );
      res.on('close', () => subscription.close());
      if (res.destroyed) subscription.close(); // the client left before we subscribed
    },
  );
}
