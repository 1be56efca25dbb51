import type { FastifyRequest } from 'fastify';
import { errorSchema } from '../../core/common.schema';
import { AppError } from '../../core/errors';
import { ImportJobs } from '../../core/ledger-import/import-jobs';
import {
  importJobParamsSchema,
  importJobSchema,
  importParamsSchema,
  importQuerySchema,
  importReportSchema,
  MAX_IMPORT_BYTES,
  SYNCHRONOUS_IMPORT_ROWS,
} from '../../core/ledger-import/ledger-import.schema';
import { issuesOf, prepareImport } from '../../core/ledger-import/ledger-import.service';
import type { AppServer } from '../app';

/** What an upload may be sent as; the file's own bytes then say whether it is CSV or XLSX. */
export const IMPORT_CONTENT_TYPES = [
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
  'application/octet-stream',
];

const refusedSchema = errorSchema.extend({
  report: importReportSchema.optional().describe('The import report, with every problem'),
});

const fileNameOf = (request: FastifyRequest): string => {
  const name = (request.query as { fileName?: unknown }).fileName;
  return typeof name === 'string' && name.trim() !== '' ? name.trim().slice(0, 255) : 'the upload';
};

/**
 * Imports of requirements, pledges and deliveries from CSV or XLSX (docs/ledger-import.md). The file is
 * the request body. A dry run, or a file of up to 5 000 rows, is answered at once (200 with the report,
 * or 400 with the report when any row is refused); a larger import runs as a job (202), polled at
 * GET /imports/:id on the same node.
 */
export function ledgerImportRoutes(app: AppServer): void {
  const jobs = new ImportJobs((job, error) =>
    app.log.error({ err: error, job: job.id }, 'import job failed'),
  );

  // Scoped to these routes: only here is a body a file, and only here may it be 50 MB.
  void app.register((scope: AppServer) => {
    scope.addContentTypeParser(IMPORT_CONTENT_TYPES, (request, payload, done) => {
      const tooLarge = (bytes: number) =>
        Object.assign(
          new Error(
            `${fileNameOf(request)} is ${(bytes / 1024 / 1024).toFixed(1)} MB or more: larger than the 50 MB an import reads; split it into smaller files`,
          ),
          { statusCode: 413 },
        );
      const declared = Number(request.headers['content-length']);
      if (Number.isFinite(declared) && declared > MAX_IMPORT_BYTES) {
        payload.resume();
        done(tooLarge(declared), undefined);
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      let settled = false;
      payload.on('data', (chunk: Buffer) => {
        if (settled) return;
        size += chunk.length;
        if (size > MAX_IMPORT_BYTES) {
          settled = true;
          chunks.length = 0;
          done(tooLarge(size), undefined);
          return;
        }
        chunks.push(chunk);
      });
      payload.on('end', () => {
        if (settled) return;
        settled = true;
        done(null, Buffer.concat(chunks));
      });
      payload.on('error', (error) => {
        if (settled) return;
        settled = true;
        done(error, undefined);
      });
    });

    scope.post(
      '/groups/:slug/imports/:kind',
      {
        config: { access: 'signed-in' },
        bodyLimit: MAX_IMPORT_BYTES + 1,
        schema: {
          tags: ['imports'],
          summary:
            'Import requirements, pledges or deliveries from a CSV or XLSX file (the body); all or nothing',
          description:
            'Send the file as text/csv or as an XLSX workbook. ?dryRun=true answers the full report and writes ' +
            'nothing. Up to 5 000 rows are imported within the request; more run as a job (202).',
          params: importParamsSchema,
          querystring: importQuerySchema,
          response: {
            200: importReportSchema,
            202: importJobSchema,
            400: refusedSchema,
            401: errorSchema,
            403: errorSchema,
            404: errorSchema,
            409: errorSchema,
            413: errorSchema,
            415: errorSchema,
          },
        },
      },
      async (request, reply) => {
        // An empty upload arrives as no body at all: it is an empty file, which the reader refuses.
        const body: unknown = request.body ?? Buffer.alloc(0);
        if (!Buffer.isBuffer(body)) {
          const message = `Send the file as the request body, as ${IMPORT_CONTENT_TYPES.join(' or ')}`;
          return reply.code(415).send({
            error: 'invalid',
            message,
            issues: [{ path: 'headers.content-type', message }],
          });
        }
        const { kind, slug } = request.params;
        const { dryRun, mapping, sheet, fileName } = request.query;
        const name =
          fileName ?? `upload.${body.subarray(0, 2).toString() === 'PK' ? 'xlsx' : 'csv'}`;
        const prepared = await prepareImport(app.db, request.viewer, slug, body, {
          kind,
          fileName: name,
          dryRun: dryRun === 'true',
          ...(mapping === undefined ? {} : { mapping }),
          ...(sheet === undefined ? {} : { sheet }),
        });
        if (dryRun !== 'true' && prepared.rows > SYNCHRONOUS_IMPORT_ROWS) {
          const job = jobs.start(request.viewer.userId ?? '', kind, name, prepared);
          return reply.code(202).header('location', `/api/v1/imports/${job.id}`).send(job);
        }
        const report = await prepared.run();
        if (report.dryRun || report.problems.length === 0) return reply.code(200).send(report);
        const issues = issuesOf(report);
        return reply.code(400).send({
          error: 'invalid',
          message: `${report.file}: ${issues.length} problem(s); nothing was written`,
          issues,
          report,
        });
      },
    );

    scope.get(
      '/imports/:id',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['imports'],
          summary: 'A running or finished import job: phase, rows done of total, and its report',
          description:
            'Jobs live in the memory of the node that runs them, for an hour after they finish: ' +
            'ask the node that answered 202 (another node answers 404).',
          params: importJobParamsSchema,
          response: { 200: importJobSchema, 400: errorSchema, 401: errorSchema, 404: errorSchema },
        },
      },
      (request) => {
        const job = jobs.get(request.params.id, request.viewer.userId ?? '');
        if (!job) throw new AppError('not_found', `Import ${request.params.id} not found`);
        return job;
      },
    );
  });
}
