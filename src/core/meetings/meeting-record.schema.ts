import { z } from 'zod';
import { isoDate, nationCode, nationRefSchema, uuid } from '../common.schema';
import { markingSchema } from '../marking.schema';
import { createPledgeSchema } from '../pledges/pledge.schema';
import { meetingLevelSchema } from './meeting.schema';

/** What is recorded while a meeting runs: attendance, pledges, outcomes and action items. */

export const attendanceModeSchema = z.enum(['in_person', 'virtual']);

export const attendanceSchema = z.object({
  nation: nationRefSchema,
  headOfDelegation: z.string().nullable(),
  level: meetingLevelSchema.nullable(),
  mode: attendanceModeSchema,
  checkedInAt: z.string().describe('UTC instant the server recorded the check-in'),
  recordedBy: z.string().describe('User name of whoever recorded it'),
  recordedByNation: z.string(),
  selfCheckIn: z.boolean().describe('The delegation checked itself in'),
  note: z.string().nullable(),
});
export type Attendance = z.infer<typeof attendanceSchema>;

export const attendanceListSchema = z.object({
  meetingId: z.string(),
  marking: markingSchema.describe("The meeting's marking, which its record carries"),
  items: z.array(attendanceSchema),
  count: z.number().int(),
  inPerson: z.number().int(),
  virtual: z.number().int(),
});
export type AttendanceList = z.infer<typeof attendanceListSchema>;

export const recordAttendanceSchema = z.strictObject({
  nation: nationCode.describe('Your own nation for a self check-in'),
  headOfDelegation: z.string().trim().min(1).max(300).optional(),
  level: meetingLevelSchema.optional(),
  mode: attendanceModeSchema.optional().describe('From the answer to the invitation if omitted'),
  note: z.string().max(2000).optional(),
});
export type RecordAttendance = z.infer<typeof recordAttendanceSchema>;

/** A pledge announced at the meeting: the ledger's pledge, linked to the meeting by the route. */
export const meetingPledgeSchema = createPledgeSchema.omit({ meetingId: true }).extend({
  announcedOn: isoDate
    .optional()
    .describe("Today's date at the venue when omitted (never after today in UTC)"),
});
export type MeetingPledge = z.infer<typeof meetingPledgeSchema>;

export const outcomeKindSchema = z.enum(['outcome', 'decision']);

export const outcomeSchema = z.object({
  id: z.string(),
  agendaItemId: z.string().nullable(),
  kind: outcomeKindSchema,
  text: z.string(),
  recordedBy: z.string(),
  recordedAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Outcome = z.infer<typeof outcomeSchema>;
export const outcomeListSchema = z.array(outcomeSchema);

export const recordOutcomeSchema = z.strictObject({
  agendaItemId: uuid.optional(),
  kind: outcomeKindSchema,
  text: z.string().trim().min(1, 'is required').max(20_000),
});
export type RecordOutcome = z.infer<typeof recordOutcomeSchema>;

export const updateOutcomeSchema = z.strictObject({
  version: z
    .number()
    .int()
    .min(1)
    .describe('The version you read; a stale one is refused with 409'),
  agendaItemId: uuid.nullable().optional(),
  kind: outcomeKindSchema.optional(),
  text: z.string().trim().min(1, 'is required').max(20_000).optional(),
});
export type UpdateOutcome = z.infer<typeof updateOutcomeSchema>;

export const actionItemStatusSchema = z.enum(['open', 'in_progress', 'done', 'dropped']);

export const actionItemSchema = z.object({
  id: z.string(),
  meeting: z.object({
    id: z.string(),
    number: z.number().int().nullable(),
    code: z.string(),
    date: z.string(),
  }),
  agendaItemId: z.string().nullable(),
  title: z.string(),
  owner: nationRefSchema,
  dueOn: z.string().nullable(),
  status: actionItemStatusSchema,
  overdue: z.boolean().describe('Still open after its due day'),
  note: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type ActionItem = z.infer<typeof actionItemSchema>;

export const meetingActionItemsSchema = z.object({
  raisedHere: z.array(actionItemSchema),
  carried: z
    .array(actionItemSchema)
    .describe('Still open, raised at earlier meetings of the group: they follow until closed'),
});
export type MeetingActionItems = z.infer<typeof meetingActionItemsSchema>;

export const actionItemListSchema = z.array(actionItemSchema);
export const actionItemListQuerySchema = z.strictObject({
  status: z.enum(['open', 'all']).default('open').describe('open: not done or dropped'),
  owner: nationCode.optional().describe("Only this nation's items (ISO 3166-1 alpha-3)"),
});
export type ActionItemListQuery = z.infer<typeof actionItemListQuerySchema>;

export const createActionItemSchema = z.strictObject({
  title: z.string().trim().min(1, 'is required').max(1000),
  ownerNation: nationCode,
  dueOn: isoDate.optional(),
  agendaItemId: uuid.optional(),
  note: z.string().max(5000).optional(),
});
export type CreateActionItem = z.infer<typeof createActionItemSchema>;

export const updateActionItemSchema = z.strictObject({
  version: z
    .number()
    .int()
    .min(1)
    .describe('The version you read; a stale one is refused with 409'),
  status: actionItemStatusSchema.optional(),
  title: z.string().trim().min(1, 'is required').max(1000).optional(),
  ownerNation: nationCode.optional(),
  dueOn: isoDate.nullable().optional(),
  note: z.string().max(5000).nullable().optional(),
});
export type UpdateActionItem = z.infer<typeof updateActionItemSchema>;

export const recordParamsSchema = z.strictObject({ id: uuid });
