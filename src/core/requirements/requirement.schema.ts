import { z } from 'zod';
import { isoDate, pageOf, pageQuery, slug, sourceSchema, uuid } from '../common.schema';
import { capabilityAreaRefSchema } from '../capabilities/capability.schema';
import { markingInputSchema, markingSchema } from '../marking.schema';

/** The contract of the recipient's requirements, shared by the API, the CLI and the web app. */

export const requirementStatusSchema = z.enum(['open', 'partly_met', 'met', 'withdrawn']);
export type RequirementStatus = z.infer<typeof requirementStatusSchema>;

const quantity = z
  .number({ error: 'must be a whole number' })
  .int('must be a whole number')
  .positive('must be more than 0')
  .max(1_000_000_000_000, 'is beyond any real quantity');

const text = (max: number) => z.string().trim().min(1, 'is required').max(max);

export const requirementSchema = z.object({
  id: z.string(),
  group: z.string().describe('Slug of the group'),
  capabilityArea: capabilityAreaRefSchema,
  item: z.string(),
  specification: z.string().describe("Calibre or system family ('155 mm NATO'); '' when none"),
  quantity: z.number().int(),
  unit: z.string(),
  priority: z.number().int().describe('1 = most urgent'),
  neededBy: z.string().nullable(),
  status: requirementStatusSchema,
  note: z.string().nullable(),
  originNation: z.string(),
  externalId: z.string().nullable(),
  marking: markingSchema,
  source: sourceSchema,
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Requirement = z.infer<typeof requirementSchema>;

export const createRequirementSchema = z.strictObject({
  capabilityArea: slug.describe('Slug of a capability area of the group, e.g. air-defence'),
  item: text(300),
  specification: z.string().trim().max(300).default(''),
  quantity,
  unit: text(60),
  neededBy: isoDate.optional(),
  priority: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe('Where to insert it; the lowest priority (last) when omitted'),
  note: z.string().max(10_000).optional(),
  externalId: z.string().trim().min(1).max(200).optional(),
  marking: markingInputSchema,
});
export type CreateRequirement = z.infer<typeof createRequirementSchema>;

export const updateRequirementSchema = z.strictObject({
  version: z
    .number()
    .int()
    .min(1)
    .describe('The version you read; a stale one is refused with 409'),
  capabilityArea: slug.optional(),
  item: text(300).optional(),
  specification: z.string().trim().max(300).optional(),
  quantity: quantity.optional(),
  unit: text(60).optional(),
  neededBy: isoDate.nullable().optional(),
  status: requirementStatusSchema.optional(),
  note: z.string().max(10_000).nullable().optional(),
  marking: markingInputSchema.optional(),
});
export type UpdateRequirement = z.infer<typeof updateRequirementSchema>;

export const moveRequirementSchema = z.strictObject({
  version: z.number().int().min(1),
  priority: z.number().int().min(1).describe('The new rank; the others shift to make room'),
  reason: z.string().trim().max(1000).optional(),
});
export type MoveRequirement = z.infer<typeof moveRequirementSchema>;

export const priorityChangeSchema = z.object({
  fromPriority: z.number().int().nullable().describe('Null when the requirement was published'),
  toPriority: z.number().int(),
  reason: z.string().nullable(),
  changedBy: z.string(),
  changedAt: z.string(),
});
export type PriorityChange = z.infer<typeof priorityChangeSchema>;
export const priorityHistorySchema = z.array(priorityChangeSchema);

export const requirementListQuerySchema = z.strictObject({
  area: slug.optional().describe('Capability area slug'),
  status: requirementStatusSchema.optional(),
  q: z.string().trim().min(1).max(200).optional().describe('Words in the item or specification'),
  ...pageQuery,
});
export type RequirementListQuery = z.infer<typeof requirementListQuerySchema>;

export const requirementPageSchema = pageOf(requirementSchema);
export type RequirementPage = z.infer<typeof requirementPageSchema>;

export const requirementParamsSchema = z.strictObject({ id: uuid });
export const requirementGroupParamsSchema = z.strictObject({ slug });
