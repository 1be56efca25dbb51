import { errorSchema } from '../../core/common.schema';
import {
  eventListQuerySchema,
  eventPageSchema,
  eventParamsSchema,
  eventSchema,
} from '../../core/events/event.schema';
import { getEvent, listEvents } from '../../core/events/event.service';
import type { AppServer } from '../app';

export function eventRoutes(app: AppServer): void {
  app.get(
    '/events',
    {
      config: { access: 'public' },
      schema: {
        tags: ['events'],
        summary: 'Events around the group: ministerials, summits, conferences',
        querystring: eventListQuerySchema,
        response: { 200: eventPageSchema, 400: errorSchema },
      },
    },
    (request) => listEvents(app.db, request.viewer, request.query),
  );

  app.get(
    '/events/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['events'],
        summary: 'One event and the meetings linked to it',
        params: eventParamsSchema,
        response: { 200: eventSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    (request) => getEvent(app.db, request.viewer, request.params.id),
  );
}
