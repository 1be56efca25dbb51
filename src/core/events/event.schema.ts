import { z } from 'zod';
import { isoDate, nationRefSchema, pageOf, pageQuery, sourceSchema, uuid } from '../common.schema';

export const eventKindSchema = z.enum([
  'contact_group',
  'nato_ministerial',
  'summit',
  'conference',
  'bilateral',
  'announcement',
  'appointment',
  'publication',
  'other',
]);
export type EventKind = z.infer<typeof eventKindSchema>;

export const eventSchema = z.object({
  id: z.string(),
  ref: z.string().describe('Stable key from the reference data, e.g. NATO_DEFMIN_FEB25'),
  name: z.string(),
  kind: eventKindSchema,
  startsOn: z.string(),
  endsOn: z.string(),
  location: z.string().nullable(),
  country: nationRefSchema.nullable(),
  actors: z.array(z.string()),
  note: z.string().nullable(),
  meetings: z.array(
    z.object({
      id: z.string(),
      groupSlug: z.string(),
      number: z.number().int().nullable(),
      date: z.string(),
      relation: z.enum(['same', 'ahead_of', 'alongside', 'after']),
    }),
  ),
  source: sourceSchema,
});
export type Event = z.infer<typeof eventSchema>;

export const eventListQuerySchema = z
  .strictObject({
    from: isoDate.optional().describe('Events ending on or after this date'),
    to: isoDate.optional().describe('Events starting on or before this date'),
    kind: eventKindSchema.optional(),
    ...pageQuery,
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    path: ['to'],
    message: 'must not be before from',
  });
export type EventListQuery = z.infer<typeof eventListQuerySchema>;

export const eventPageSchema = pageOf(eventSchema);
export type EventPage = z.infer<typeof eventPageSchema>;

export const eventParamsSchema = z.strictObject({ id: uuid });
