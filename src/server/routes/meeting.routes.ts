import { errorSchema } from '../../core/common.schema';
import { groupParamsSchema } from '../../core/groups/group.schema';
import { conveneMeeting } from '../../core/meetings/meeting-convene.service';
import {
  cancelMeeting,
  closeMeeting,
  openMeeting,
  updateMeeting,
} from '../../core/meetings/meeting-schedule.service';
import {
  cancelMeetingSchema,
  conveneMeetingSchema,
  groupMeetingParamsSchema,
  meetingListQuerySchema,
  meetingPageSchema,
  meetingParamsSchema,
  meetingSchema,
  meetingVersionSchema,
  meetingWriteResultSchema,
  updateMeetingSchema,
} from '../../core/meetings/meeting.schema';
import { getMeeting, getMeetingByNumber, listMeetings } from '../../core/meetings/meeting.service';
import type { AppServer } from '../app';
import { writeErrors } from './error-responses';

/**
 * Meetings: read by anyone their marking releases them to (reference meetings are PUBLIC); convened,
 * moved, cancelled, opened and closed by the chair secretariat (docs/meetings.md).
 */
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
    (request) => listMeetings(app.db, request.viewer, request.params.slug, request.query),
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
    (request) =>
      getMeetingByNumber(app.db, request.viewer, request.params.slug, request.params.number),
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
    (request) => getMeeting(app.db, request.viewer, request.params.id),
  );

  app.post(
    '/groups/:slug/meetings',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['meetings'],
        summary:
          "Convene the group's next meeting (the chair secretariat): numbered in sequence, invitations sent",
        params: groupParamsSchema,
        body: conveneMeetingSchema,
        response: { 201: meetingWriteResultSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const result = await app.db
        .transaction()
        .execute((trx) => conveneMeeting(trx, request.viewer, request.params.slug, request.body));
      return reply.code(201).send(result);
    },
  );

  app.patch(
    '/meetings/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['meetings'],
        summary:
          'Reschedule or edit a meeting (a new time or place needs a reason and bumps the calendar SEQUENCE)',
        params: meetingParamsSchema,
        body: updateMeetingSchema,
        response: { 200: meetingWriteResultSchema, ...writeErrors },
      },
    },
    (request) =>
      app.db
        .transaction()
        .execute((trx) => updateMeeting(trx, request.viewer, request.params.id, request.body)),
  );

  app.post(
    '/meetings/:id/cancel',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['meetings'],
        summary: 'Cancel a planned meeting, with the reason',
        params: meetingParamsSchema,
        body: cancelMeetingSchema,
        response: { 200: meetingWriteResultSchema, ...writeErrors },
      },
    },
    (request) =>
      app.db
        .transaction()
        .execute((trx) => cancelMeeting(trx, request.viewer, request.params.id, request.body)),
  );

  app.post(
    '/meetings/:id/open',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['meetings'],
        summary: 'Open the meeting (status held) on its day or the day before, to take its record',
        params: meetingParamsSchema,
        body: meetingVersionSchema,
        response: { 200: meetingWriteResultSchema, ...writeErrors },
      },
    },
    (request) =>
      app.db
        .transaction()
        .execute((trx) => openMeeting(trx, request.viewer, request.params.id, request.body)),
  );

  app.post(
    '/meetings/:id/close',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['meetings'],
        summary: 'Close an open meeting: its record is then frozen; minutes and summary follow',
        params: meetingParamsSchema,
        body: meetingVersionSchema,
        response: { 200: meetingWriteResultSchema, ...writeErrors },
      },
    },
    (request) =>
      app.db
        .transaction()
        .execute((trx) => closeMeeting(trx, request.viewer, request.params.id, request.body)),
  );
}
