import { errorSchema } from '../../core/common.schema';
import {
  acceptHandoverSchema,
  groupHandoverParamsSchema,
  handoverListSchema,
  handoverParamsSchema,
  handoverSchema,
  proposeHandoverSchema,
  withdrawHandoverSchema,
} from '../../core/chair/chair-handover.schema';
import {
  acceptHandover,
  getHandover,
  listHandovers,
  proposeHandover,
  withdrawHandover,
} from '../../core/chair/chair-handover.service';
import type { AppServer } from '../app';
import { writeErrors } from './error-responses';

/**
 * Handing the chair over: the outgoing chair's secretariat proposes, the incoming nation's accepts,
 * either (or an admin) may withdraw before it takes effect. GROUP-marked, like the group's business.
 */
export function chairHandoverRoutes(app: AppServer): void {
  app.get(
    '/groups/:slug/chair/handovers',
    {
      config: { access: 'public' },
      schema: {
        tags: ['chair'],
        summary:
          "The group's chair handovers releasable to you: who asked, who accepted, when, why",
        params: groupHandoverParamsSchema,
        response: { 200: handoverListSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    (request) => listHandovers(app.db, request.viewer, request.params.slug),
  );

  app.post(
    '/groups/:slug/chair/handovers',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['chair'],
        summary: 'Propose the next chair (the outgoing chair secretariat, or an admin)',
        params: groupHandoverParamsSchema,
        body: proposeHandoverSchema,
        response: { 201: handoverSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const handover = await app.db
        .transaction()
        .execute((trx) => proposeHandover(trx, request.viewer, request.params.slug, request.body));
      return reply.code(201).send(handover);
    },
  );

  app.get(
    '/chair-handovers/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['chair'],
        summary: 'One handover; 404 when it does not exist or is not releasable to you',
        params: handoverParamsSchema,
        response: { 200: handoverSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    (request) => getHandover(app.db, request.viewer, request.params.id),
  );

  app.post(
    '/chair-handovers/:id/accept',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['chair'],
        summary:
          "Accept (the incoming nation's secretariat); takes effect at once if its day has come",
        params: handoverParamsSchema,
        body: acceptHandoverSchema,
        response: { 200: handoverSchema, ...writeErrors },
      },
    },
    (request) =>
      app.db
        .transaction()
        .execute((trx) => acceptHandover(trx, request.viewer, request.params.id, request.body)),
  );

  app.post(
    '/chair-handovers/:id/withdraw',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['chair'],
        summary: 'Withdraw (or decline) a handover before it takes effect',
        params: handoverParamsSchema,
        body: withdrawHandoverSchema,
        response: { 200: handoverSchema, ...writeErrors },
      },
    },
    (request) =>
      app.db
        .transaction()
        .execute((trx) => withdrawHandover(trx, request.viewer, request.params.id, request.body)),
  );
}
