import { z } from 'zod';
import {
  isoDate,
  nationCode,
  nationRefSchema,
  pageOf,
  pageQuery,
  slug,
  sourceSchema,
  timeZone,
  uuid,
} from '../common.schema';
import { eventKindSchema } from '../events/event.schema';
import { markingInputSchema, markingSchema } from '../marking.schema';

export const meetingStatusSchema = z.enum(['planned', 'held', 'cancelled']);
export type MeetingStatus = z.infer<typeof meetingStatusSchema>;
export const meetingFormatSchema = z.enum(['in_person', 'virtual', 'hybrid']);
export const eventRelationSchema = z.enum(['same', 'ahead_of', 'alongside', 'after']);
/** Who meets: defence ministers, chiefs of defence, or experts (directors, officials). */
export const meetingLevelSchema = z.enum(['ministers', 'chiefs_of_defence', 'experts']);
export type MeetingLevel = z.infer<typeof meetingLevelSchema>;
/**
 * Where a meeting is in its cycle, derived from status and stamps: planned (convened), open (held, being
 * recorded), closed (its record frozen; every reference meeting that was held), or cancelled.
 */
export const meetingPhaseSchema = z.enum(['planned', 'open', 'closed', 'cancelled']);
export type MeetingPhase = z.infer<typeof meetingPhaseSchema>;

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
  marking: markingSchema,
  level: meetingLevelSchema.nullable(),
  durationMinutes: z.number().int().nullable(),
  endsAt: z
    .string()
    .nullable()
    .describe('UTC instant of the planned end, when start and length are known'),
  phase: meetingPhaseSchema,
  fromMeetingId: z.string().nullable().describe('The meeting this one was convened from'),
  convenedAt: z.string().nullable(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  rescheduleReason: z.string().nullable(),
  sequence: z
    .number()
    .int()
    .describe('iCalendar SEQUENCE: bumped when time, place or status change'),
  agendaVersion: z.number().int(),
  version: z.number().int(),
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

// ---------------------------------------------------------------------------------------------------
// Convening, rescheduling, cancelling, opening and closing

const localTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time written HH:MM (24 hours)' });
const version = z
  .number()
  .int()
  .min(1)
  .describe('The version you read; a stale one is refused with 409');
const reason = z.string().trim().min(1, 'is required').max(2000);
const virtualUrl = z.url({ protocol: /^https$/, error: 'must be an https:// link' }).max(2000);

/** A linked event: an existing one by id, or a new one described here (a ministerial not yet listed). */
export const eventLinkInputSchema = z.union([
  z.strictObject({ eventId: uuid, relation: eventRelationSchema }),
  z.strictObject({
    event: z.strictObject({
      name: z.string().trim().min(1).max(300),
      kind: eventKindSchema,
      startsOn: isoDate,
      endsOn: isoDate.optional(),
      location: z.string().trim().max(300).optional(),
      country: nationCode.optional(),
    }),
    relation: eventRelationSchema,
  }),
]);
export type EventLinkInput = z.infer<typeof eventLinkInputSchema>;

/** Where and how: a venue for in-person and hybrid meetings, a link for virtual and hybrid ones. */
function placeProblems(
  m: {
    format?: string | undefined;
    venue?: string | null | undefined;
    virtualUrl?: string | null | undefined;
  },
  ctx: z.RefinementCtx,
): void {
  if ((m.format === 'in_person' || m.format === 'hybrid') && !m.venue)
    ctx.addIssue({
      code: 'custom',
      path: ['venue'],
      message: `is required for a ${m.format} meeting`,
    });
  if ((m.format === 'virtual' || m.format === 'hybrid') && !m.virtualUrl)
    ctx.addIssue({
      code: 'custom',
      path: ['virtualUrl'],
      message: `is required for a ${m.format} meeting`,
    });
}

export const conveneMeetingSchema = z
  .strictObject({
    date: isoDate.describe('Local date at the venue'),
    startTime: localTime.describe('Local start time at the venue'),
    durationMinutes: z.number().int().min(15).max(1440).default(180),
    timeZone: timeZone.describe('IANA time zone of the venue, e.g. Europe/Brussels'),
    format: meetingFormatSchema,
    venue: z.string().trim().min(1).max(300).optional(),
    venueCountry: nationCode.optional(),
    virtualUrl: virtualUrl.optional(),
    level: meetingLevelSchema,
    events: z.array(eventLinkInputSchema).max(10).default([]),
    observers: z
      .array(nationCode)
      .max(60)
      .default([])
      .describe('Observers invited besides every member and the recipient'),
    fromMeetingId: uuid
      .optional()
      .describe('Start from an earlier meeting: its invite list and agenda skeleton'),
    note: z.string().max(10_000).optional(),
    marking: markingInputSchema,
  })
  .superRefine(placeProblems);
export type ConveneMeeting = z.infer<typeof conveneMeetingSchema>;

export const updateMeetingSchema = z
  .strictObject({
    version,
    date: isoDate.optional(),
    startTime: localTime.optional(),
    durationMinutes: z.number().int().min(15).max(1440).optional(),
    timeZone: timeZone.optional(),
    format: meetingFormatSchema.optional(),
    venue: z.string().trim().min(1).max(300).nullable().optional(),
    venueCountry: nationCode.nullable().optional(),
    virtualUrl: virtualUrl.nullable().optional(),
    level: meetingLevelSchema.optional(),
    note: z.string().max(10_000).nullable().optional(),
    marking: markingInputSchema.optional(),
    reason: reason.optional().describe('Required when the date, time, zone or place changes'),
  })
  .superRefine((m, ctx) => {
    if (m.format !== undefined) placeProblems(m, ctx);
  });
export type UpdateMeeting = z.infer<typeof updateMeetingSchema>;

export const cancelMeetingSchema = z.strictObject({ version, reason });
export type CancelMeeting = z.infer<typeof cancelMeetingSchema>;

export const meetingVersionSchema = z.strictObject({ version });
export type MeetingVersion = z.infer<typeof meetingVersionSchema>;

export const meetingWriteResultSchema = z.object({
  meeting: meetingSchema,
  warnings: z.array(z.string()),
});
export type MeetingWriteResult = z.infer<typeof meetingWriteResultSchema>;
