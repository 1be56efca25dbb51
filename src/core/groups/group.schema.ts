import { z } from 'zod';
import { isoDate, nationRefSchema, slug, sourceSchema } from '../common.schema';

export const groupSchema = z.object({
  slug: z.string(),
  name: z.string(),
  shortName: z.string(),
  recipient: nationRefSchema,
  reportingCurrency: z.string().describe('ISO 4217 code every total is reported in'),
  description: z.string().nullable(),
  memberCount: z.number().int().describe('Nations and organisations taking part today'),
  source: sourceSchema,
});
export type Group = z.infer<typeof groupSchema>;

export const groupListSchema = z.object({ items: z.array(groupSchema) });

export const membershipRoleSchema = z.enum(['member', 'observer', 'recipient']);

export const memberSchema = z.object({
  nation: nationRefSchema.extend({
    kind: z.enum(['state', 'organisation']),
    natoMember: z.boolean(),
    euMember: z.boolean(),
  }),
  role: membershipRoleSchema,
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  firstSeenMeeting: z.number().int().nullable(),
  note: z.string().nullable(),
  source: sourceSchema,
});
export type Member = z.infer<typeof memberSchema>;

export const memberListSchema = z.object({ items: z.array(memberSchema), total: z.number().int() });
export type MemberList = z.infer<typeof memberListSchema>;

export const groupParamsSchema = z.strictObject({ slug });

export const memberListQuerySchema = z.strictObject({
  role: membershipRoleSchema.optional(),
  on: isoDate.optional().describe('Only memberships active on this date'),
});
export type MemberListQuery = z.infer<typeof memberListQuerySchema>;
