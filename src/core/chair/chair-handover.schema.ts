import { z } from 'zod';
import { isoDate, nationCode, nationRefSchema, slug, uuid } from '../common.schema';
import { markingSchema } from '../marking.schema';

export const handoverStatusSchema = z.enum(['proposed', 'accepted', 'effective', 'withdrawn']);

const text = (max: number) => z.string().trim().min(1, { message: 'must not be empty' }).max(max);

/** The outgoing chair's proposal: the next chair (and co-chair), from a day or from a meeting. */
export const proposeHandoverSchema = z
  .strictObject({
    toNation: nationCode.describe('The next chair nation: a member of the group'),
    toCoChair: nationCode.optional().describe('Its co-chair, if any: another member'),
    effectiveOn: isoDate.optional().describe('The first day of the new term'),
    effectiveMeeting: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe('Or: the number of the meeting the new chair first chairs (its date is the day)'),
    reason: text(2000).describe('Why: kept in the history'),
  })
  .superRefine((input, ctx) => {
    const given = [input.effectiveOn, input.effectiveMeeting].filter((v) => v !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['effectiveOn'],
        message:
          given.length === 0
            ? 'give effectiveOn (a day) or effectiveMeeting (a meeting number)'
            : 'give effectiveOn or effectiveMeeting, not both',
      });
    }
  });
export type ProposeHandover = z.infer<typeof proposeHandoverSchema>;

export const acceptHandoverSchema = z.strictObject({
  version: z.number().int().min(1),
  note: text(2000).optional(),
});
export type AcceptHandover = z.infer<typeof acceptHandoverSchema>;

export const withdrawHandoverSchema = z.strictObject({
  version: z.number().int().min(1),
  reason: text(2000),
});
export type WithdrawHandover = z.infer<typeof withdrawHandoverSchema>;

const actorSchema = z.object({ username: z.string(), nation: z.string().nullable() });

export const handoverSchema = z.object({
  id: z.string(),
  group: z.string(),
  status: handoverStatusSchema,
  from: nationRefSchema.describe('The chair that hands over'),
  to: nationRefSchema,
  toCoChair: nationRefSchema.nullable(),
  effectiveOn: z.string().describe('The first day of the new term'),
  effectiveMeeting: z.object({ id: z.string(), number: z.number().int().nullable() }).nullable(),
  reason: z.string(),
  proposedBy: actorSchema,
  proposedAt: z.string(),
  acceptedBy: actorSchema.nullable(),
  acceptedAt: z.string().nullable(),
  acceptanceNote: z.string().nullable(),
  withdrawnBy: actorSchema.nullable(),
  withdrawnAt: z.string().nullable(),
  withdrawalReason: z.string().nullable(),
  effectiveAt: z.string().nullable().describe('When the terms changed and the rights moved'),
  newTermId: z.string().nullable(),
  actionItemsPassed: z
    .number()
    .int()
    .describe('Open action items of the outgoing secretariat passed to the incoming one'),
  marking: markingSchema,
  version: z.number().int(),
});
export type Handover = z.infer<typeof handoverSchema>;

export const handoverListSchema = z.object({ items: z.array(handoverSchema) });

export const groupHandoverParamsSchema = z.strictObject({ slug });
export const handoverParamsSchema = z.strictObject({ id: uuid });
