import { errorSchema } from '../../core/common.schema';
import {
  createRequirementSchema,
  moveRequirementSchema,
  priorityHistorySchema,
  requirementGroupParamsSchema as groupParamsSchema,
  requirementListQuerySchema,
  requirementPageSchema,
  requirementParamsSchema,
  requirementSchema,
  updateRequirementSchema,
} from '../../core/requirements/requirement.schema';
import {
  createRequirement,
  getRequirement,
  listRequirements,
  moveRequirement,
  priorityHistory,
  updateRequirement,
} from '../../core/requirements/requirement.service';
import type { AppServer } from '../app';
import { writeErrors } from './error-responses';

/** The recipient's requirements: read by anyone their marking releases them to, written by the recipient. */
export function requirementRoutes(app: AppServer): void {
  app.get(
    '/groups/:slug/requirements',
    {
      config: { access: 'public' },
      schema: {
        tags: ['requirements'],
        summary: "The recipient's requirements releasable to you, most urgent first",
        params: groupParamsSchema,
        querystring: requirementListQuerySchema,
        response: { 200: requirementPageSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    (request) => listRequirements(app.db, request.viewer, request.params.slug, request.query),
  );

  app.post(
    '/groups/:slug/requirements',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['requirements'],
        summary: 'Publish a requirement (the recipient nation only)',
        params: groupParamsSchema,
        body: createRequirementSchema,
        response: { 201: requirementSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const requirement = await app.db
        .transaction()
        .execute((trx) =>
          createRequirement(trx, request.viewer, request.params.slug, request.body),
        );
      return reply.code(201).send(requirement);
    },
  );

  app.get(
    '/requirements/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['requirements'],
        summary: 'One requirement; 404 when it does not exist or is not releasable to you',
        params: requirementParamsSchema,
        response: { 200: requirementSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    (request) => getRequirement(app.db, request.viewer, request.params.id),
  );

  app.patch(
    '/requirements/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['requirements'],
        summary: 'Edit a requirement, its status or marking (409 with the current one if stale)',
        params: requirementParamsSchema,
        body: updateRequirementSchema,
        response: { 200: requirementSchema, ...writeErrors },
      },
    },
    (request) =>
      app.db
        .transaction()
        .execute((trx) => updateRequirement(trx, request.viewer, request.params.id, request.body)),
  );

  app.post(
    '/requirements/:id/priority',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['requirements'],
        summary:
          'Move a requirement to another rank; the others shift, the move is kept in history',
        params: requirementParamsSchema,
        body: moveRequirementSchema,
        response: { 200: requirementSchema, ...writeErrors },
      },
    },
    (request) =>
      app.db
        .transaction()
        .execute((trx) => moveRequirement(trx, request.viewer, request.params.id, request.body)),
  );

  app.get(
    '/requirements/:id/priority-history',
    {
      config: { access: 'public' },
      schema: {
        tags: ['requirements'],
        summary: "Every change of a requirement's rank: from, to, who, when and why",
        params: requirementParamsSchema,
        response: { 200: priorityHistorySchema, 400: errorSchema, 404: errorSchema },
      },
    },
    (request) => priorityHistory(app.db, request.viewer, request.params.id),
  );
}
