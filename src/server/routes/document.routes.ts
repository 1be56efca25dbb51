import { z } from 'zod';
import { errorSchema } from '../../core/common.schema';
import {
  createDocumentSchema,
  documentDeleteQuerySchema,
  documentListQuerySchema,
  documentPageSchema,
  documentParamsSchema,
  documentSchema,
  documentStatsSchema,
  documentWriteResultSchema,
  groupDocumentParamsSchema,
  updateDocumentSchema,
} from '../../core/documents/document.schema';
import {
  createDocument,
  deleteDocument,
  documentStats,
  exportDocuments,
  getDocument,
  listDocuments,
  updateDocument,
} from '../../core/documents/document.service';
import type { AppServer } from '../app';
import { toCsv } from '../csv';

/** Documents are read by anyone their marking releases them to (PUBLIC ones without signing in). */
export function documentRoutes(app: AppServer): void {
  app.get(
    '/groups/:slug/documents',
    {
      config: { access: 'public' },
      schema: {
        tags: ['documents'],
        summary: "A group's documents releasable to you: search, filter, page",
        params: groupDocumentParamsSchema,
        querystring: documentListQuerySchema,
        response: { 200: documentPageSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    (request) => listDocuments(app.db, request.viewer, request.params.slug, request.query),
  );

  app.get(
    '/groups/:slug/documents/stats',
    {
      config: { access: 'public' },
      schema: {
        tags: ['documents'],
        summary: 'Counts by marking and nation, over the documents releasable to you',
        params: groupDocumentParamsSchema,
        response: { 200: documentStatsSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    (request) => documentStats(app.db, request.viewer, request.params.slug),
  );

  app.get(
    '/groups/:slug/documents/export.csv',
    {
      config: { access: 'public' },
      schema: {
        tags: ['documents'],
        summary: 'The documents releasable to you, as CSV with each marking',
        params: groupDocumentParamsSchema,
        response: { 200: z.string(), 400: errorSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const documents = await exportDocuments(app.db, request.viewer, request.params.slug);
      const csv = toCsv(
        [
          'id',
          'marking',
          'title',
          'body',
          'scope',
          'origin_nation',
          'meeting_id',
          'created_by',
          'created_at',
          'updated_at',
          'version',
        ],
        documents.map((d) => [
          d.id,
          d.marking.label,
          d.title,
          d.body,
          d.scope,
          d.originNation,
          d.meetingId,
          d.createdBy,
          d.createdAt,
          d.updatedAt,
          d.version,
        ]),
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="${request.params.slug}-documents.csv"`,
        )
        .send(csv);
    },
  );

  app.post(
    '/groups/:slug/documents',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['documents'],
        summary: 'Record a document for your nation (or, as the chair secretariat, for the group)',
        params: groupDocumentParamsSchema,
        body: createDocumentSchema,
        response: {
          201: documentWriteResultSchema,
          400: errorSchema,
          401: errorSchema,
          403: errorSchema,
          404: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const result = await app.db
        .transaction()
        .execute((trx) => createDocument(trx, request.viewer, request.params.slug, request.body));
      return reply.code(201).send(result);
    },
  );

  app.get(
    '/documents/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['documents'],
        summary: 'One document; 404 when it does not exist or is not releasable to you',
        params: documentParamsSchema,
        response: { 200: documentSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    (request) => getDocument(app.db, request.viewer, request.params.id),
  );

  app.patch(
    '/documents/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['documents'],
        summary:
          'Edit a document or its marking (originating nation, or secretariat for group documents)',
        params: documentParamsSchema,
        body: updateDocumentSchema,
        response: {
          200: documentWriteResultSchema,
          400: errorSchema,
          401: errorSchema,
          403: errorSchema,
          404: errorSchema,
          409: errorSchema,
        },
      },
    },
    (request) =>
      app.db
        .transaction()
        .execute((trx) => updateDocument(trx, request.viewer, request.params.id, request.body)),
  );

  app.delete(
    '/documents/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['documents'],
        summary: 'Delete a document (the version you read must still be current)',
        params: documentParamsSchema,
        querystring: documentDeleteQuerySchema,
        response: {
          204: z.null(),
          400: errorSchema,
          401: errorSchema,
          403: errorSchema,
          404: errorSchema,
          409: errorSchema,
        },
      },
    },
    async (request, reply) => {
      await app.db
        .transaction()
        .execute((trx) =>
          deleteDocument(trx, request.viewer, request.params.id, request.query.version),
        );
      return reply.code(204).send(null);
    },
  );
}
