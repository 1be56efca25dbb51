import { z } from 'zod';
import { renderDocumentHtml, renderDocumentPdf } from '../../core/meetings/meeting-document';
import {
  finalizeMeetingTextSchema,
  generateSummarySchema,
  meetingTextSchema,
  preReadQuerySchema,
  preReadSchema,
  writeMeetingTextSchema,
} from '../../core/meetings/meeting-text.schema';
import {
  finalizeMeetingText,
  getMeetingText,
  writeMeetingText,
} from '../../core/meetings/meeting-text.service';
import { generateSummary, summaryDocument } from '../../core/meetings/summary.service';
import { meetingParamsSchema } from '../../core/meetings/meeting.schema';
import { preRead, preReadDocument } from '../../core/meetings/pre-read.service';
import type { AppServer } from '../app';
import { readErrors, writeErrors } from './error-responses';

/**
 * The meeting's papers: minutes (written, then approved), the summary (drafted from the record, edited,
 * then published; as HTML and as a PDF brief), and the pre-read pack before the meeting. A draft is
 * the chair secretariat's; others read final texts, as the meeting's marking allows.
 */
export function meetingTextRoutes(app: AppServer): void {
  for (const kind of ['minutes', 'summary'] as const) {
    app.get(
      `/meetings/:id/${kind}`,
      {
        config: { access: 'public' },
        schema: {
          tags: ['meetings'],
          summary: `The ${kind} with every revision (a draft only for the chair secretariat)`,
          params: meetingParamsSchema,
          response: { 200: meetingTextSchema, ...readErrors },
        },
      },
      (request) => getMeetingText(app.db, request.viewer, request.params.id, kind),
    );

    app.put(
      `/meetings/:id/${kind}`,
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['meetings'],
          summary: `Write the ${kind} (the chair secretariat; version 0 for the first text)`,
          params: meetingParamsSchema,
          body: writeMeetingTextSchema,
          response: { 200: meetingTextSchema, ...writeErrors },
        },
      },
      (request) =>
        app.db
          .transaction()
          .execute((trx) =>
            writeMeetingText(trx, request.viewer, request.params.id, kind, request.body),
          ),
    );
  }

  app.post(
    '/meetings/:id/minutes/approve',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['meetings'],
        summary: 'Approve the minutes of a closed meeting: they no longer change',
        params: meetingParamsSchema,
        body: finalizeMeetingTextSchema,
        response: { 200: meetingTextSchema, ...writeErrors },
      },
    },
    (request) =>
      app.db
        .transaction()
        .execute((trx) =>
          finalizeMeetingText(trx, request.viewer, request.params.id, 'minutes', request.body),
        ),
  );

  app.post(
    '/meetings/:id/summary/generate',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['meetings'],
        summary:
          'Draft the summary from the record of the closed meeting (replaces the draft at the version you read)',
        params: meetingParamsSchema,
        body: generateSummarySchema,
        response: {
          200: z.object({ summary: meetingTextSchema, warnings: z.array(z.string()) }),
          ...writeErrors,
        },
      },
    },
    (request) =>
      app.db
        .transaction()
        .execute((trx) => generateSummary(trx, request.viewer, request.params.id, request.body)),
  );

  app.post(
    '/meetings/:id/summary/publish',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['meetings'],
        summary: 'Publish the summary: it is frozen and readable by all the meeting is released to',
        params: meetingParamsSchema,
        body: finalizeMeetingTextSchema,
        response: { 200: meetingTextSchema, ...writeErrors },
      },
    },
    (request) =>
      app.db
        .transaction()
        .execute((trx) =>
          finalizeMeetingText(trx, request.viewer, request.params.id, 'summary', request.body),
        ),
  );

  app.get(
    '/meetings/:id/summary.html',
    {
      config: { access: 'public' },
      schema: {
        tags: ['meetings'],
        summary: 'The summary as an HTML page, with its marking',
        params: meetingParamsSchema,
        response: { 200: z.string(), ...readErrors },
      },
    },
    async (request, reply) => {
      const doc = await summaryDocument(app.db, request.viewer, request.params.id);
      return reply.type('text/html; charset=utf-8').send(renderDocumentHtml(doc));
    },
  );

  app.get(
    '/meetings/:id/summary.pdf',
    {
      config: { access: 'public' },
      schema: {
        tags: ['meetings'],
        summary: 'The summary as a PDF brief, with its marking on every page',
        params: meetingParamsSchema,
        response: { 200: z.instanceof(Buffer).describe('application/pdf'), ...readErrors },
      },
    },
    async (request, reply) => {
      const doc = await summaryDocument(app.db, request.viewer, request.params.id);
      const pdf = await renderDocumentPdf(doc);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${request.params.id}-summary.pdf"`)
        .send(pdf);
    },
  );

  app.get(
    '/meetings/:id/pre-read',
    {
      config: { access: 'public' },
      schema: {
        tags: ['meetings'],
        summary:
          'The pre-read pack: agenda, top priority gaps, open action items, attendance so far (as you may read them)',
        params: meetingParamsSchema,
        querystring: preReadQuerySchema,
        response: { 200: preReadSchema, ...readErrors },
      },
    },
    (request) => preRead(app.db, request.viewer, request.params.id, request.query),
  );

  app.get(
    '/meetings/:id/pre-read.html',
    {
      config: { access: 'public' },
      schema: {
        tags: ['meetings'],
        summary: 'The pre-read pack as an HTML page',
        params: meetingParamsSchema,
        querystring: preReadQuerySchema,
        response: { 200: z.string(), ...readErrors },
      },
    },
    async (request, reply) => {
      const pack = await preRead(app.db, request.viewer, request.params.id, request.query);
      return reply.type('text/html; charset=utf-8').send(renderDocumentHtml(preReadDocument(pack)));
    },
  );
}
