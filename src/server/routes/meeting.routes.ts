import { errorSchema } from '../../core/common.schema';
import { groupParamsSchema } from '../../core/groups/group.schema';
import {
  groupMeetingParamsSchema,
  meetingListQuerySchema,
  meetingPageSchema,
  meetingParamsSchema,
  meetingSchema,
} from '../../core/meetings/meeting.schema';
import { getMeeting, getMeetingByNumber, listMeetings } from '../../core/meetings/meeting.service';
import type { AppServer } from '../app';

export function meetingRoutes(app: AppServer): void {
  app.get(
    '/groups/:slug/meetings',
    {
      config: { access: 'public' },
      schema: {
        tags: ['meetings'],
        summary: "A group's meetings: filter by status, date range or number; sorted and paged",
        params: groupParamsSchema,
        querystring: meetingListQuerySchema,
        response: { 200: meetingPageSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    (request) => listMeetings(app.db, request.params.slug, request.query),
  );

  app.get(
    '/groups/:slug/meetings/:number',
    {
      config: { access: 'public' },
      schema: {
        tags: ['meetings'],
        summary: 'A meeting by its number in the group (UDCG-26 is /groups/udcg/meetings/26)',
        params: groupMeetingParamsSchema,
        response: { 200: meetingSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    (request) => getMeetingByNumber(app.db, request.params.slug, request.params.number),
  );

  app.get(
    '/meetings/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['meetings'],
        summary: 'A meeting by id',
        params: meetingParamsSchema,
        response: { 200: meetingSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    (request) => getMeeting(app.db, request.params.id),
  );
}
