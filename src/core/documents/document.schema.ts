import { z } from 'zod';
import { pageOf, pageQuery, slug, uuid } from '../common.schema';
import { markingInputSchema, markingSchema } from '../marking.schema';

export const documentScopeSchema = z.enum(['nation', 'group']);

export const documentSchema = z.object({
  id: z.string(),
  group: z.string().describe('Slug of the group'),
  meetingId: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  scope: documentScopeSchema.describe(
    'nation: its originating nation edits it; group: the chair secretariat does',
  ),
  originNation: z.string(),
  marking: markingSchema,
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Document = z.infer<typeof documentSchema>;

export const documentWriteResultSchema = z.object({
  document: documentSchema,
  warnings: z
    .array(z.string())
    .describe('E.g. that copies already seen cannot be recalled after narrowing'),
});
export type DocumentWriteResult = z.infer<typeof documentWriteResultSchema>;

export const createDocumentSchema = z.strictObject({
  title: z.string().trim().min(1, 'is required').max(300),
  body: z.string().max(100_000).default(''),
  meetingId: uuid.optional(),
  scope: documentScopeSchema.default('nation'),
  marking: markingInputSchema,
});
export type CreateDocument = z.infer<typeof createDocumentSchema>;

export const updateDocumentSchema = z.strictObject({
  version: z
    .number()
    .int()
    .min(1)
    .describe('The version you read; a stale one is refused with 409'),
  title: z.string().trim().min(1, 'is required').max(300).optional(),
  body: z.string().max(100_000).optional(),
  marking: markingInputSchema.optional(),
});
export type UpdateDocument = z.infer<typeof updateDocumentSchema>;

export const documentListQuerySchema = z.strictObject({
  q: z.string().trim().min(1).max(200).optional().describe('Words in the title or body'),
  meetingId: uuid.optional(),
  classification: z.enum(['PUBLIC', 'GROUP', 'RESTRICTED']).optional(),
  ...pageQuery,
});
export type DocumentListQuery = z.infer<typeof documentListQuerySchema>;

export const documentPageSchema = pageOf(documentSchema);
export type DocumentPage = z.infer<typeof documentPageSchema>;

export const documentStatsSchema = z.object({
  total: z.number().int(),
  byClassification: z.object({
    PUBLIC: z.number().int(),
    GROUP: z.number().int(),
    RESTRICTED: z.number().int(),
  }),
  byNation: z.array(z.object({ nation: z.string(), count: z.number().int() })),
});
export type DocumentStats = z.infer<typeof documentStatsSchema>;

export const groupDocumentParamsSchema = z.strictObject({ slug });
export const documentParamsSchema = z.strictObject({ id: uuid });
export const documentDeleteQuerySchema = z.strictObject({
  version: z.coerce.number().int().min(1),
});
