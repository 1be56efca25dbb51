import { z } from 'zod';
import { errorSchema } from '../../core/common.schema';
import {
  calendarTokenListSchema,
  calendarTokenParamsSchema,
  calendarTokenSchema,
  createCalendarTokenSchema,
  createdCalendarTokenSchema,
  groupFeedParamsSchema,
  nationFeedParamsSchema,
} from '../../core/meetings/calendar.schema';
import {
  createCalendarToken,
  groupFeed,
  listCalendarTokens,
  nationFeed,
  revokeCalendarToken,
} from '../../core/meetings/calendar.service';
import type { AppServer } from '../app';

const feedHeaders = (name: string) => ({
  'content-disposition': `inline; filename="${name}.ics"`,
  // The URL is a secret: keep it and the feed out of shared caches and referrers.
  'cache-control': 'private, max-age=300',
  'referrer-policy': 'no-referrer',
});

/**
 * Calendar feeds and their secret URLs. The feeds are `public` routes on purpose: calendar applications
 * (Outlook, Google Calendar, Apple Calendar) subscribe to a URL and cannot sign in or send a header, so
 * the per-user secret in the path is what authenticates; the feed holds what that user may read.
 */
export function calendarRoutes(app: AppServer): void {
  app.get(
    '/account/calendar-tokens',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['calendar'],
        summary: 'Your calendar feed URLs (their secrets are never shown again)',
        response: { 200: calendarTokenListSchema, 401: errorSchema },
      },
    },
    (request) => listCalendarTokens(app.db, request.viewer),
  );

  app.post(
    '/account/calendar-tokens',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['calendar'],
        summary: 'Make a secret calendar feed URL for yourself (the secret is shown once)',
        body: createCalendarTokenSchema,
        response: {
          201: createdCalendarTokenSchema,
          400: errorSchema,
          401: errorSchema,
          403: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const created = await app.db
        .transaction()
        .execute((trx) => createCalendarToken(trx, request.viewer, request.body));
      return reply.code(201).send(created);
    },
  );

  app.delete(
    '/account/calendar-tokens/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['calendar'],
        summary: 'Revoke one of your calendar feed URLs: it answers 404 from then on',
        params: calendarTokenParamsSchema,
        response: {
          200: calendarTokenSchema,
          400: errorSchema,
          401: errorSchema,
          404: errorSchema,
        },
      },
    },
    (request) =>
      app.db
        .transaction()
        .execute((trx) => revokeCalendarToken(trx, request.viewer, request.params.id)),
  );

  app.get(
    '/calendar/:token/group/:slug.ics',
    {
      config: { access: 'public' },
      schema: {
        tags: ['calendar'],
        summary:
          "A group's meetings as an iCalendar feed, as the URL's owner may read them (the token authenticates)",
        params: groupFeedParamsSchema,
        response: { 200: z.string(), 400: errorSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const ics = await app.db
        .transaction()
        .execute((trx) => groupFeed(trx, request.params.token, request.params.slug));
      return reply
        .type('text/calendar; charset=utf-8')
        .headers(feedHeaders(request.params.slug))
        .send(ics);
    },
  );

  app.get(
    '/calendar/:token/nation/:code.ics',
    {
      config: { access: 'public' },
      schema: {
        tags: ['calendar'],
        summary:
          'The meetings a nation is invited to, with its answers, as an iCalendar feed (the token authenticates)',
        params: nationFeedParamsSchema,
        response: { 200: z.string(), 400: errorSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const ics = await app.db
        .transaction()
        .execute((trx) => nationFeed(trx, request.params.token, request.params.code));
      return reply
        .type('text/calendar; charset=utf-8')
        .headers(feedHeaders(request.params.code))
        .send(ics);
    },
  );
}
