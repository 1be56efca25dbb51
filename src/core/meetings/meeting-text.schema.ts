import { z } from 'zod';
import { markingSchema } from '../marking.schema';
import { agendaSchema } from './agenda.schema';
import { rsvpCountsSchema } from './invitation.schema';
import { actionItemSchema } from './meeting-record.schema';
import { meetingSchema } from './meeting.schema';

/**
 * The minutes and the summary of a meeting, and the pre-read pack. Both texts are written in a small
 * plain-text form: `# ` and `## ` start headings, `- ` starts a list item, a blank line ends a paragraph.
 */

export const meetingTextKindSchema = z.enum(['minutes', 'summary']);
export type MeetingTextKind = z.infer<typeof meetingTextKindSchema>;

export const meetingTextRevisionSchema = z.object({
  version: z.number().int(),
  action: z.enum(['generate', 'edit', 'approve', 'publish']),
  body: z.string().describe('The whole text as it stood after this change'),
  changedBy: z.string(),
  changedAt: z.string(),
});
export type MeetingTextRevision = z.infer<typeof meetingTextRevisionSchema>;

export const meetingTextSchema = z.object({
  meetingId: z.string(),
  kind: meetingTextKindSchema,
  body: z.string(),
  status: z
    .enum(['draft', 'final'])
    .describe('final: the minutes are approved or the summary published; it no longer changes'),
  marking: markingSchema.describe("The meeting's marking, which the text carries"),
  version: z.number().int(),
  updatedBy: z.string(),
  updatedAt: z.string(),
  finalizedBy: z.string().nullable(),
  finalizedAt: z.string().nullable(),
  revisions: z.array(meetingTextRevisionSchema).describe('Oldest first: who changed what, when'),
});
export type MeetingText = z.infer<typeof meetingTextSchema>;

export const writeMeetingTextSchema = z.strictObject({
  version: z
    .number()
    .int()
    .min(0)
    .describe(
      'The version you read (0 when there is no text yet); a stale one is refused with 409',
    ),
  body: z.string().trim().min(1, 'is required').max(200_000),
});
export type WriteMeetingText = z.infer<typeof writeMeetingTextSchema>;

export const finalizeMeetingTextSchema = z.strictObject({
  version: z.number().int().min(1).describe('The version you read'),
});
export type FinalizeMeetingText = z.infer<typeof finalizeMeetingTextSchema>;

export const generateSummarySchema = z.strictObject({
  version: z
    .number()
    .int()
    .min(0)
    .describe('The summary version you read (0 when none): regenerating replaces the draft'),
});
export type GenerateSummary = z.infer<typeof generateSummarySchema>;

export const topGapSchema = z.object({
  requirementId: z.string(),
  priority: z.number().int(),
  capabilityArea: z.string(),
  item: z.string(),
  specification: z.string(),
  unit: z.string(),
  needed: z.number().int(),
  pledged: z.number().int(),
  gap: z.number().int(),
  neededBy: z.string().nullable(),
  marking: markingSchema.describe("The requirement's own marking: a pack mixes records"),
});
export type TopGap = z.infer<typeof topGapSchema>;

export const preReadSchema = z.object({
  meeting: meetingSchema,
  agenda: agendaSchema,
  topGaps: z
    .array(topGapSchema)
    .describe("The recipient's most urgent requirements with a gap, releasable to you"),
  openActionItems: z.array(actionItemSchema),
  rsvp: rsvpCountsSchema.describe('Attendance so far: the answers to the invitations'),
  attending: z.array(z.object({ code: z.string(), name: z.string(), mode: z.string() })),
  generatedAt: z.string(),
});
export type PreRead = z.infer<typeof preReadSchema>;

export const preReadQuerySchema = z.strictObject({
  gaps: z.coerce.number().int().min(1).max(50).default(10).describe('How many top gaps'),
});
export type PreReadQuery = z.infer<typeof preReadQuerySchema>;
