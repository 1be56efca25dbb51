import {
  agendaHistorySchema,
  agendaItemDeleteQuerySchema,
  agendaItemParamsSchema,
  agendaSchema,
  createAgendaItemSchema,
  reorderAgendaSchema,
  updateAgendaItemSchema,
} from '../../core/meetings/agenda.schema';
import {
  addAgendaItem,
  getAgenda,
  getAgendaHistory,
  removeAgendaItem,
  reorderAgenda,
  updateAgendaItem,
} from '../../core/meetings/agenda.service';
import {
  invitationListQuerySchema,
  invitationListSchema,
  invitationParamsSchema,
  invitationSchema,
  inviteNationsSchema,
  rsvpSchema,
} from '../../core/meetings/invitation.schema';
import {
  inviteNations,
  listInvitations,
  respondToInvitation,
} from '../../core/meetings/invitation.service';
import { meetingParamsSchema } from '../../core/meetings/meeting.schema';
import type { AppServer } from '../app';
import { readErrors, writeErrors } from './error-responses';

/**
 * Invitations and answers, and the agenda. Reads follow the meeting's marking; the secretariat
 * invites and sets the agenda; each delegation answers for its own nation.
 */
export function meetingCycleRoutes(app: AppServer): void {
  app.get(
    '/meetings/:id/invitations',
    {
      config: { access: 'public' },
      schema: {
        tags: ['meetings'],
        summary: 'Who is invited and what each answered; notAnswered lists those to chase',
        params: meetingParamsSchema,
        querystring: invitationListQuerySchema,
        response: { 200: invitationListSchema, ...readErrors },
      },
    },
    (request) => listInvitations(app.db, request.viewer, request.params.id, request.query),
  );

  app.post(
    '/meetings/:id/invitations',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['meetings'],
        summary: 'Invite more nations (observers, late joiners): the chair secretariat',
        params: meetingParamsSchema,
        body: inviteNationsSchema,
        response: { 200: invitationListSchema, ...writeErrors },
      },
    },
    (request) =>
      app.db
        .transaction()
        .execute((trx) => inviteNations(trx, request.viewer, request.params.id, request.body)),
  );

  app.put(
    '/meetings/:id/invitations/:nation',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['meetings'],
        summary:
          'Answer an invitation (RSVP) for your nation: attending, virtual or declined, with the head of delegation',
        params: invitationParamsSchema,
        body: rsvpSchema,
        response: { 200: invitationSchema, ...writeErrors },
      },
    },
    (request) =>
      app.db
        .transaction()
        .execute((trx) =>
          respondToInvitation(
            trx,
            request.viewer,
            request.params.id,
            request.params.nation,
            request.body,
          ),
        ),
  );

  app.get(
    '/meetings/:id/agenda',
    {
      config: { access: 'public' },
      schema: {
        tags: ['meetings'],
        summary: 'The agenda in order, with presenters, time boxes and links',
        params: meetingParamsSchema,
        response: { 200: agendaSchema, ...readErrors },
      },
    },
    (request) => getAgenda(app.db, request.viewer, request.params.id),
  );

  app.get(
    '/meetings/:id/agenda/history',
    {
      config: { access: 'public' },
      schema: {
        tags: ['meetings'],
        summary: 'Every earlier state of the agenda, with who changed it and when',
        params: meetingParamsSchema,
        response: { 200: agendaHistorySchema, ...readErrors },
      },
    },
    (request) => getAgendaHistory(app.db, request.viewer, request.params.id),
  );

  app.post(
    '/meetings/:id/agenda',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['meetings'],
        summary: 'Add an agenda item (the chair secretariat)',
        params: meetingParamsSchema,
        body: createAgendaItemSchema,
        response: { 201: agendaSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const agenda = await app.db
        .transaction()
        .execute((trx) => addAgendaItem(trx, request.viewer, request.params.id, request.body));
      return reply.code(201).send(agenda);
    },
  );

  app.put(
    '/meetings/:id/agenda/order',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['meetings'],
        summary:
          'Re-order the agenda: every item, in the new order (the old order stays in the history)',
        params: meetingParamsSchema,
        body: reorderAgendaSchema,
        response: { 200: agendaSchema, ...writeErrors },
      },
    },
    (request) =>
      app.db
        .transaction()
        .execute((trx) => reorderAgenda(trx, request.viewer, request.params.id, request.body)),
  );

  app.patch(
    '/agenda-items/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['meetings'],
        summary: 'Edit an agenda item (the chair secretariat)',
        params: agendaItemParamsSchema,
        body: updateAgendaItemSchema,
        response: { 200: agendaSchema, ...writeErrors },
      },
    },
    (request) =>
      app.db
        .transaction()
        .execute((trx) => updateAgendaItem(trx, request.viewer, request.params.id, request.body)),
  );

  app.delete(
    '/agenda-items/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['meetings'],
        summary: 'Remove an agenda item with nothing recorded under it (the version you read)',
        params: agendaItemParamsSchema,
        querystring: agendaItemDeleteQuerySchema,
        response: { 200: agendaSchema, ...writeErrors },
      },
    },
    (request) =>
      app.db
        .transaction()
        .execute((trx) =>
          removeAgendaItem(trx, request.viewer, request.params.id, request.query.version),
        ),
  );
}
