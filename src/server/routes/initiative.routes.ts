import { z } from 'zod';
import { errorSchema } from '../../core/common.schema';
import {
  createInitiativeSchema,
  groupInitiativeParamsSchema,
  initiativeListQuerySchema,
  initiativePageSchema,
  initiativeParamsSchema,
  initiativeSchema,
  raisingInputSchema,
  recordPositionSchema,
  updateInitiativeSchema,
} from '../../core/initiatives/initiative.schema';
import { recordPosition } from '../../core/initiatives/initiative-position.service';
import {
  addRaising,
  createInitiative,
  getInitiative,
  listInitiatives,
  updateInitiative,
} from '../../core/initiatives/initiative.service';
import type { AppServer } from '../app';
import { writeErrors } from './error-responses';

/**
 * Initiatives on the table and the parties' positions over time. Read by anyone the markings release
 * them to; each position carries its own marking.
 */
export function initiativeRoutes(app: AppServer): void {
  app.get(
    '/groups/:slug/initiatives',
    {
      config: { access: 'public' },
      schema: {
        tags: ['initiatives'],
        summary: "The group's initiatives releasable to you, with each party's current stance",
        params: groupInitiativeParamsSchema,
        querystring: initiativeListQuerySchema,
        response: { 200: initiativePageSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    (request) => listInitiatives(app.db, request.viewer, request.params.slug, request.query),
  );

  app.post(
    '/groups/:slug/initiatives',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['initiatives'],
        summary: 'Record an initiative: title, proposer, summary, elements, where it was raised',
        params: groupInitiativeParamsSchema,
        body: createInitiativeSchema,
        response: { 201: initiativeSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const initiative = await app.db
        .transaction()
        .execute((trx) => createInitiative(trx, request.viewer, request.params.slug, request.body));
      return reply.code(201).send(initiative);
    },
  );

  app.get(
    '/initiatives/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['initiatives'],
        summary: 'One initiative with its elements, raisings and every party’s positions over time',
        params: initiativeParamsSchema,
        response: { 200: initiativeSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    (request) => getInitiative(app.db, request.viewer, request.params.id),
  );

  app.patch(
    '/initiatives/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['initiatives'],
        summary: 'Edit an initiative (its nation or the chair secretariat; 409 on a stale version)',
        params: initiativeParamsSchema,
        body: updateInitiativeSchema,
        response: {
          200: z.object({ initiative: initiativeSchema, warnings: z.array(z.string()) }),
          ...writeErrors,
        },
      },
    },
    (request) =>
      app.db
        .transaction()
        .execute((trx) => updateInitiative(trx, request.viewer, request.params.id, request.body)),
  );

  app.post(
    '/initiatives/:id/positions',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['initiatives'],
        summary:
          "Record a party's position on a day, with its source (its own nation, or the chair)",
        params: initiativeParamsSchema,
        body: recordPositionSchema,
        response: { 201: initiativeSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const initiative = await app.db
        .transaction()
        .execute((trx) => recordPosition(trx, request.viewer, request.params.id, request.body));
      return reply.code(201).send(initiative);
    },
  );

  app.post(
    '/initiatives/:id/raisings',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['initiatives'],
        summary: 'Record a meeting or event at which the initiative was raised',
        params: initiativeParamsSchema,
        body: raisingInputSchema,
        response: { 201: initiativeSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const initiative = await app.db
        .transaction()
        .execute((trx) => addRaising(trx, request.viewer, request.params.id, request.body));
      return reply.code(201).send(initiative);
    },
  );
}
