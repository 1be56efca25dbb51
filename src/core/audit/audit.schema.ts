import { z } from 'zod';
import { pageOf, pageQuery } from '../common.schema';
import { markingSchema } from '../marking.schema';

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  actorNation: z.string().nullable(),
  via: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  marking: markingSchema,
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditListQuerySchema = z.strictObject({
  entity: z.string().max(60).optional(),
  entityId: z.string().max(60).optional(),
  action: z.string().max(60).optional(),
  actor: z.string().max(100).optional(),
  ...pageQuery,
});
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;

export const auditPageSchema = pageOf(auditEntrySchema);
export type AuditPage = z.infer<typeof auditPageSchema>;

export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBroken: z
    .object({ seq: z.number().int(), id: z.string().nullable(), reason: z.string() })
    .nullable(),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;
