import { z } from 'zod';
import { nationRefSchema, slug, sourceSchema, uuid } from '../common.schema';

export const capabilityAreaRefSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
});
export type CapabilityAreaRef = z.infer<typeof capabilityAreaRefSchema>;

export const coalitionRefSchema = z.object({ id: z.string(), name: z.string() });

export const capabilityAreaSchema = capabilityAreaRefSchema.extend({
  sortOrder: z.number().int(),
  note: z.string().nullable(),
  coalitions: z.array(coalitionRefSchema).describe('The coalitions serving this area; often one'),
});
export type CapabilityArea = z.infer<typeof capabilityAreaSchema>;

export const coalitionNationSchema = nationRefSchema.extend({
  joinedOn: z.string().nullable(),
});
export type CoalitionNation = z.infer<typeof coalitionNationSchema>;

export const coalitionSchema = z.object({
  id: z.string(),
  groupSlug: z.string(),
  name: z.string(),
  area: capabilityAreaRefSchema,
  formedOn: z.string().nullable().describe('The day it was formed, when the source gives one'),
  formedIn: z
    .string()
    .nullable()
    .describe("The year or year-month as published when the day is not known, e.g. '2024-01'"),
  formedDateNote: z.string().nullable(),
  keyMilestones: z.string().nullable(),
  leads: z.array(coalitionNationSchema),
  members: z.array(coalitionNationSchema),
  source: sourceSchema,
});
export type Coalition = z.infer<typeof coalitionSchema>;

export const capabilityAreaListSchema = z.array(capabilityAreaSchema);
export const coalitionListSchema = z.array(coalitionSchema);

export const capabilityGroupParamsSchema = z.strictObject({ slug });
export const coalitionParamsSchema = z.strictObject({ id: uuid });
