import { z } from 'zod';
import {
  isoDate,
  nationCode,
  nationRefSchema,
  pageOf,
  pageQuery,
  slug,
  sourceSchema,
  uuid,
} from '../common.schema';
import { markingInputSchema, markingSchema } from '../marking.schema';

export const initiativeKindSchema = z.enum([
  'peace_plan',
  'sanctions_package',
  'security_guarantees',
  'other',
]);
export type InitiativeKind = z.infer<typeof initiativeKindSchema>;

/** A party's stance: no_position records that a party was asked or spoke without taking one. */
export const stanceSchema = z.enum([
  'supports',
  'conditionally_supports',
  'opposes',
  'no_position',
]);
export type Stance = z.infer<typeof stanceSchema>;

const text = (max: number) => z.string().trim().min(1, { message: 'must not be empty' }).max(max);

/** Where a statement comes from: a title (a read-out, a speech) and, where there is one, a URL. */
export const sourceInputSchema = z.strictObject({
  title: text(300),
  url: z.url().max(2000).optional(),
});

export const raisingInputSchema = z
  .strictObject({
    meetingId: uuid.optional(),
    eventId: uuid.optional(),
    raisedOn: isoDate
      .optional()
      .describe("Defaults to the meeting's date or the event's first day"),
    note: text(1000).optional(),
  })
  .refine((r) => (r.meetingId === undefined) !== (r.eventId === undefined), {
    path: ['meetingId'],
    message: 'give a meetingId or an eventId, one of them',
  });
export type RaisingInput = z.infer<typeof raisingInputSchema>;

export const createInitiativeSchema = z.strictObject({
  title: text(300),
  kind: initiativeKindSchema,
  proposer: nationCode.describe('The party that put it forward'),
  proposerDetail: text(300).optional().describe('The people who put it forward, as published'),
  summary: text(10_000),
  elements: z.array(text(500)).max(50).default([]).describe('In order: freeze the front line, ...'),
  raisedAt: z.array(raisingInputSchema).max(50).default([]),
  source: sourceInputSchema.optional(),
  marking: markingInputSchema,
});
export type CreateInitiative = z.infer<typeof createInitiativeSchema>;

export const updateInitiativeSchema = z.strictObject({
  version: z.number().int().min(1),
  title: text(300).optional(),
  kind: initiativeKindSchema.optional(),
  proposerDetail: text(300).nullable().optional(),
  summary: text(10_000).optional(),
  elements: z.array(text(500)).max(50).optional().describe('Replaces the list'),
  marking: markingInputSchema.optional(),
});
export type UpdateInitiative = z.infer<typeof updateInitiativeSchema>;

export const recordPositionSchema = z.strictObject({
  party: nationCode,
  stance: stanceSchema,
  statedOn: isoDate.describe('When the party stated it (not after today)'),
  statement: text(2000).optional().describe('What was said, or the condition attached'),
  source: sourceInputSchema,
  marking: markingInputSchema,
});
export type RecordPosition = z.infer<typeof recordPositionSchema>;

export const positionSchema = z.object({
  id: z.string(),
  party: nationRefSchema,
  stance: stanceSchema,
  statedOn: z.string(),
  statement: z.string().nullable(),
  source: sourceSchema,
  marking: markingSchema,
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
});
export type Position = z.infer<typeof positionSchema>;

export const partyPositionsSchema = z.object({
  party: nationRefSchema,
  current: positionSchema.describe('The latest stated position releasable to you'),
  history: z.array(positionSchema).describe('Every position releasable to you, oldest first'),
});

export const raisingSchema = z.object({
  id: z.string(),
  meeting: z
    .object({ id: z.string(), number: z.number().int().nullable(), date: z.string() })
    .nullable(),
  event: z.object({ id: z.string(), ref: z.string(), name: z.string() }).nullable(),
  raisedOn: z.string(),
  note: z.string().nullable(),
  source: sourceSchema,
});

const initiativeBase = {
  id: z.string(),
  ref: z.string().nullable().describe('Key of a reference (seeded) initiative'),
  group: z.string(),
  title: z.string(),
  kind: initiativeKindSchema,
  proposer: nationRefSchema,
  proposerDetail: z.string().nullable(),
  summary: z.string(),
  originNation: z.string().nullable().describe('Who recorded it; null for reference data'),
  marking: markingSchema,
  source: sourceSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
};

export const initiativeSummarySchema = z.object({
  ...initiativeBase,
  stances: z
    .array(z.object({ party: z.string(), stance: stanceSchema, statedOn: z.string() }))
    .describe("Each party's current stance, as far as it is releasable to you"),
});

export const initiativeSchema = z.object({
  ...initiativeBase,
  elements: z.array(z.object({ text: z.string(), source: sourceSchema })),
  raisedAt: z.array(raisingSchema),
  positions: z
    .array(partyPositionsSchema)
    .describe('Per party: the timeline; a party not listed has stated no position on record'),
});
export type Initiative = z.infer<typeof initiativeSchema>;
export type InitiativeSummary = z.infer<typeof initiativeSummarySchema>;

export const initiativePageSchema = pageOf(initiativeSummarySchema);
export type InitiativePage = z.infer<typeof initiativePageSchema>;

export const initiativeListQuerySchema = z.strictObject({
  kind: initiativeKindSchema.optional(),
  proposer: nationCode.optional(),
  party: nationCode.optional().describe('Only initiatives on which this party has a position'),
  q: z.string().trim().min(1).max(200).optional(),
  ...pageQuery,
});
export type InitiativeListQuery = z.infer<typeof initiativeListQuerySchema>;

export const groupInitiativeParamsSchema = z.strictObject({ slug });
export const initiativeParamsSchema = z.strictObject({ id: uuid });
