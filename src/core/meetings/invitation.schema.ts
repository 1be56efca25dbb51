import { z } from 'zod';
import { nationCode, nationRefSchema, uuid } from '../common.schema';
import { meetingLevelSchema } from './meeting.schema';

/** Invitations and answers (RSVP): the contract shared by the API and the web app. */

export const rsvpResponseSchema = z.enum(['no_answer', 'attending', 'virtual', 'declined']);
export type RsvpResponse = z.infer<typeof rsvpResponseSchema>;
export const invitedAsSchema = z.enum(['member', 'observer', 'recipient']);

export const invitationSchema = z.object({
  nation: nationRefSchema,
  invitedAs: invitedAsSchema,
  response: rsvpResponseSchema,
  headOfDelegation: z.string().nullable(),
  level: meetingLevelSchema.nullable(),
  respondedAt: z.string().nullable(),
  respondedBy: z.string().nullable().describe('User name of whoever recorded the answer'),
  invitedAt: z.string(),
  version: z.number().int(),
});
export type Invitation = z.infer<typeof invitationSchema>;

export const rsvpCountsSchema = z.object({
  invited: z.number().int(),
  attending: z.number().int().describe('In person'),
  virtual: z.number().int(),
  declined: z.number().int(),
  noAnswer: z.number().int(),
});
export type RsvpCounts = z.infer<typeof rsvpCountsSchema>;

export const invitationListSchema = z.object({
  meetingId: z.string(),
  items: z.array(invitationSchema),
  counts: rsvpCountsSchema.describe('Over every invitation, whatever the filter'),
  notAnswered: z.array(z.string()).describe('Codes of the nations that have not answered yet'),
});
export type InvitationList = z.infer<typeof invitationListSchema>;

export const invitationListQuerySchema = z.strictObject({
  response: rsvpResponseSchema.optional(),
});
export type InvitationListQuery = z.infer<typeof invitationListQuerySchema>;

export const inviteNationsSchema = z.strictObject({
  nations: z.array(nationCode).min(1).max(60).describe('Members, observers or the recipient'),
});
export type InviteNations = z.infer<typeof inviteNationsSchema>;

export const rsvpSchema = z.strictObject({
  version: z
    .number()
    .int()
    .min(1)
    .describe('The version of the invitation you read; a stale one is refused with 409'),
  response: z.enum(['attending', 'virtual', 'declined']),
  headOfDelegation: z.string().trim().min(1).max(300).optional(),
  level: meetingLevelSchema.optional(),
});
export type Rsvp = z.infer<typeof rsvpSchema>;

export const invitationParamsSchema = z.strictObject({ id: uuid, nation: nationCode });
