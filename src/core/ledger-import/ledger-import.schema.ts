import { z } from 'zod';
import { slug, uuid } from '../common.schema';

/**
 * The contract of ledger imports (CSV and XLSX files of requirements, pledges and deliveries): the
 * report every import answers with, and the job a large import runs as. Shared by the API, the CLI and
 * the web app's import wizard, so it imports zod only. The column format is in docs/ledger-import.md.
 */

export const importKinds = ['requirements', 'pledges', 'deliveries'] as const;
export const importKindSchema = z.enum(importKinds);
export type ImportKind = z.infer<typeof importKindSchema>;

/** `standard`: Ramstein's own columns. `kiel`: the Kiel Institute's Ukraine Support Tracker items. */
export const importMappingSchema = z.enum(['standard', 'kiel']);
export type ImportMapping = z.infer<typeof importMappingSchema>;

export const importPhaseSchema = z.enum(['reading', 'checking', 'writing', 'done']);
export type ImportPhase = z.infer<typeof importPhaseSchema>;

export const fileFormatSchema = z.enum(['csv', 'xlsx']);
export type FileFormat = z.infer<typeof fileFormatSchema>;

export const textEncodingSchema = z
  .enum(['utf-8', 'utf-8-bom', 'windows-1252'])
  .describe('How a CSV file was decoded: valid UTF-8 is UTF-8, anything else Windows-1252');
export type TextEncoding = z.infer<typeof textEncodingSchema>;

/** The largest file an import reads: 50 MB. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** Imports of more rows than this run as a job (202 and a job id) rather than within the request. */
export const SYNCHRONOUS_IMPORT_ROWS = 5000;

export const importProblemSchema = z.object({
  sheet: z.string().nullable().describe('The workbook sheet; null for a CSV file'),
  line: z
    .number()
    .int()
    .nullable()
    .describe('The line of the CSV file or the row of the sheet; null for the file as a whole'),
  column: z.string().nullable().describe('The column as the header names it; null for the row'),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof importProblemSchema>;

export const importCountsSchema = z.object({
  rows: z.number().int().describe('Data rows read (the header excluded)'),
  created: z.number().int().describe('Rows that are new (or would be, in a dry run)'),
  unchanged: z
    .number()
    .int()
    .describe('Rows whose external id exists with the same content: left alone'),
  skipped: z.number().int().describe('Rows the mapping leaves out, each listed with its reason'),
  refused: z.number().int().describe('Rows with at least one problem'),
});
export type ImportCounts = z.infer<typeof importCountsSchema>;

export const importReportSchema = z.object({
  kind: importKindSchema,
  file: z.string(),
  sha256: z.string().describe('Of the file as received'),
  bytes: z.number().int(),
  format: fileFormatSchema,
  encoding: textEncodingSchema.nullable().describe('CSV only'),
  sheet: z.string().nullable().describe('XLSX only: the sheet read'),
  mapping: importMappingSchema,
  dryRun: z.boolean(),
  written: z.boolean().describe('True only when the import committed; all or nothing'),
  counts: importCountsSchema,
  deliveries: importCountsSchema
    .nullable()
    .describe('A pledges workbook with a "deliveries" sheet imports it in the same transaction'),
  problems: z
    .array(importProblemSchema)
    .describe('Every problem found; any one means nothing was written'),
  skipped: z.array(z.object({ line: z.number().int(), reason: z.string() })),
  notes: z
    .array(z.string())
    .describe('What the reader decided, in words (encoding, delimiter, ...)'),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export const importJobStateSchema = z.enum(['running', 'succeeded', 'failed']);
export type ImportJobState = z.infer<typeof importJobStateSchema>;

export const importJobSchema = z.object({
  id: z.string(),
  kind: importKindSchema,
  file: z.string(),
  state: importJobStateSchema,
  phase: importPhaseSchema,
  done: z.number().int().describe('Rows (bytes while reading) done in this phase'),
  total: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  report: importReportSchema.nullable().describe('Once finished: the import report'),
  error: z
    .string()
    .nullable()
    .describe('A failure that is not about the file (the database went away)'),
});
export type ImportJob = z.infer<typeof importJobSchema>;

/** What an upload says besides its bytes. */
export const importQuerySchema = z.strictObject({
  dryRun: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: check everything and answer the full report, writing nothing'),
  mapping: importMappingSchema.optional(),
  sheet: z
    .string()
    .trim()
    .min(1)
    .max(31)
    .optional()
    .describe('XLSX: the sheet to read (the first by default)'),
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .optional()
    .describe('The name of the uploaded file, for the report and the audit trail'),
});
export type ImportQuery = z.infer<typeof importQuerySchema>;

export const importParamsSchema = z.strictObject({ slug, kind: importKindSchema });

export const importJobParamsSchema = z.strictObject({ id: uuid });
