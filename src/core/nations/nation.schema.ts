import { z } from 'zod';
import { nationCode, pageOf, pageQuery, slug } from '../common.schema';

export const nationKindSchema = z.enum(['state', 'organisation']);

export const nationSchema = z.object({
  code: z.string(),
  alpha2: z.string().nullable(),
  name: z.string(),
  kind: nationKindSchema,
  natoMember: z.boolean(),
  euMember: z.boolean(),
});
export type Nation = z.infer<typeof nationSchema>;

export const nationMembershipSchema = z.object({
  group: z.object({ slug: z.string(), name: z.string(), shortName: z.string() }),
  role: z.enum(['member', 'observer', 'recipient']),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
});

export const nationDetailSchema = nationSchema.extend({
  memberships: z.array(nationMembershipSchema),
});
export type NationDetail = z.infer<typeof nationDetailSchema>;

export const nationListQuerySchema = z.strictObject({
  q: z.string().trim().min(1).max(100).optional().describe('Part of the name or code'),
  kind: nationKindSchema.optional(),
  group: slug.optional().describe('Only nations taking part in this group (slug)'),
  ...pageQuery,
  limit: pageQuery.limit.default(500),
});
export type NationListQuery = z.infer<typeof nationListQuerySchema>;

export const nationParamsSchema = z.strictObject({ code: nationCode });

export const nationPageSchema = pageOf(nationSchema);
export type NationPage = z.infer<typeof nationPageSchema>;
