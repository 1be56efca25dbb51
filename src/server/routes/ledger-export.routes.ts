import { z } from 'zod';
import { errorSchema, slug } from '../../core/common.schema';
import {
  type ExportTable,
  pledgeExport,
  requirementExport,
  workbookOf,
} from '../../core/ledger-import/ledger-export';
import { pledgeListQuerySchema } from '../../core/pledges/pledge.schema';
import { requirementListQuerySchema } from '../../core/requirements/requirement.schema';
import type { AppServer } from '../app';
import { toCsv } from '../csv';

const groupParamsSchema = z.strictObject({ slug });
// The lists' own filters without paging: an export holds everything the list would page through.
const pledgeExportQuerySchema = pledgeListQuerySchema.omit({ limit: true, offset: true });
const requirementExportQuerySchema = requirementListQuerySchema.omit({ limit: true, offset: true });

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const fileResponses = { 400: errorSchema, 404: errorSchema };

const csvOf = (table: ExportTable) => toCsv(table.header, table.rows);

/**
 * The ledger's lists as CSV and XLSX, in the columns the import reads (docs/ledger-import.md): only what
 * the caller may read, filtered as the lists are, each row with its marking. Cells that a spreadsheet
 * would run as formulas are neutralised (CSV) or written as text cells (XLSX).
 */
export function ledgerExportRoutes(app: AppServer): void {
  app.get(
    '/groups/:slug/pledges/export.csv',
    {
      config: { access: 'public' },
      schema: {
        tags: ['pledges'],
        summary: 'The pledges releasable to you, filtered as the list, as CSV with each marking',
        params: groupParamsSchema,
        querystring: pledgeExportQuerySchema,
        response: { 200: z.string(), ...fileResponses },
      },
    },
    async (request, reply) => {
      const { pledges } = await pledgeExport(
        app.db,
        request.viewer,
        request.params.slug,
        request.query,
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${request.params.slug}-pledges.csv"`)
        .send(csvOf(pledges));
    },
  );

  app.get(
    '/groups/:slug/pledges/export.xlsx',
    {
      config: { access: 'public' },
      schema: {
        tags: ['pledges'],
        summary:
          'The pledges releasable to you, filtered as the list, as XLSX; their deliveries on a second sheet',
        params: groupParamsSchema,
        querystring: pledgeExportQuerySchema,
        response: { 200: z.unknown().describe('An XLSX workbook'), ...fileResponses },
      },
    },
    async (request, reply) => {
      const { pledges, deliveries } = await pledgeExport(
        app.db,
        request.viewer,
        request.params.slug,
        request.query,
      );
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="${request.params.slug}-pledges.xlsx"`)
        .send(await workbookOf([pledges, deliveries]));
    },
  );

  app.get(
    '/groups/:slug/requirements/export.csv',
    {
      config: { access: 'public' },
      schema: {
        tags: ['requirements'],
        summary:
          'The requirements releasable to you, filtered as the list, as CSV with each marking',
        params: groupParamsSchema,
        querystring: requirementExportQuerySchema,
        response: { 200: z.string(), ...fileResponses },
      },
    },
    async (request, reply) => {
      const table = await requirementExport(
        app.db,
        request.viewer,
        request.params.slug,
        request.query,
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="${request.params.slug}-requirements.csv"`,
        )
        .send(csvOf(table));
    },
  );

  app.get(
    '/groups/:slug/requirements/export.xlsx',
    {
      config: { access: 'public' },
      schema: {
        tags: ['requirements'],
        summary: 'The requirements releasable to you, filtered as the list, as XLSX',
        params: groupParamsSchema,
        querystring: requirementExportQuerySchema,
        response: { 200: z.unknown().describe('An XLSX workbook'), ...fileResponses },
      },
    },
    async (request, reply) => {
      const table = await requirementExport(
        app.db,
        request.viewer,
        request.params.slug,
        request.query,
      );
      return reply
        .type(XLSX)
        .header(
          'content-disposition',
          `attachment; filename="${request.params.slug}-requirements.xlsx"`,
        )
        .send(await workbookOf([table]));
    },
  );
}
