import { z } from 'zod';
import {
  isoDate,
  nationRefSchema,
  pageOf,
  pageQuery,
  slug,
  sourceSchema,
  uuid,
} from '../common.schema';

export const meetingStatusSchema = z.enum(['planned', 'held', 'cancelled']);
export type MeetingStatus = z.infer<typeof meetingStatusSchema>;
export const meetingFormatSchema = z.enum(['in_person', 'virtual', 'hybrid']);
export const eventRelationSchema = z.enum(['same', 'ahead_of', 'alongside', 'after']);

const personRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string().nullable(),
});

export const meetingSchema = z.object({
  id: z.string(),
  group: z.object({ slug: z.string(), shortName: z.string() }),
  number: z
    .number()
    .int()
    .nullable()
    .describe('Sequence number in the group; null if never numbered'),
  code: z.string().describe('UDCG-26, or the date for an unnumbered meeting'),
  date: z.string().describe('Local date at the venue'),
  startTime: z.string().nullable().describe('Local start time HH:MM, when announced'),
  timeZone: z.string().describe('IANA time zone of the date and time'),
  startsAt: z.string().nullable().describe('UTC instant of the start, when the time is known'),
  venue: z.string().nullable(),
  venueCountry: nationRefSchema.nullable(),
  virtualUrl: z.string().nullable(),
  format: meetingFormatSchema.nullable(),
  status: meetingStatusSchema,
  chair: nationRefSchema,
  chairPerson: personRefSchema.nullable(),
  coChair: nationRefSchema.nullable(),
  coChairPerson: personRefSchema.nullable(),
  events: z.array(
    z.object({
      id: z.string(),
      ref: z.string(),
      name: z.string(),
      kind: z.string(),
      startsOn: z.string(),
      endsOn: z.string(),
      relation: eventRelationSchema,
    }),
  ),
  note: z.string().nullable(),
  source: sourceSchema,
});
export type Meeting = z.infer<typeof meetingSchema>;

const statusList = z
  .string()
  .transform((value) => value.split(',').map((s) => s.trim()))
  .pipe(z.array(meetingStatusSchema).min(1))
  .describe('One status or several separated by commas: planned,held');

export const meetingSortSchema = z.enum(['date', '-date', 'number', '-number']);

export const meetingListQuerySchema = z
  .strictObject({
    status: statusList.optional(),
    from: isoDate.optional().describe('On or after this date'),
    to: isoDate.optional().describe('On or before this date'),
    number: z.coerce.number().int().min(1).optional(),
    sort: meetingSortSchema.default('date'),
    ...pageQuery,
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    path: ['to'],
    message: 'must not be before from',
  });
export type MeetingListQuery = z.infer<typeof meetingListQuerySchema>;

export const meetingPageSchema = pageOf(meetingSchema);
export type MeetingPage = z.infer<typeof meetingPageSchema>;

export const groupMeetingParamsSchema = z.strictObject({
  slug,
  number: z.coerce.number().int().min(1),
});
export const meetingParamsSchema = z.strictObject({ id: uuid });
