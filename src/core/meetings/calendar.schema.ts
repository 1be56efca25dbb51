import { z } from 'zod';
import { nationCode, slug, uuid } from '../common.schema';

/** Secret calendar feed URLs: the contract of making, listing and revoking them. */

export const calendarTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string().describe('The first characters of the secret, to tell feeds apart'),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type CalendarToken = z.infer<typeof calendarTokenSchema>;
export const calendarTokenListSchema = z.array(calendarTokenSchema);

export const createdCalendarTokenSchema = calendarTokenSchema.extend({
  token: z.string().describe('Shown once: it is the key in the feed URLs and is never stored'),
  feeds: z.object({
    group: z.string().describe('Path of a group feed, with {slug} to fill in'),
    nation: z.string().describe('Path of a nation feed, with {code} to fill in'),
  }),
});
export type CreatedCalendarToken = z.infer<typeof createdCalendarTokenSchema>;

export const createCalendarTokenSchema = z.strictObject({
  name: z.string().trim().min(1, 'is required').max(100).describe('Where it is used: "Outlook"'),
});
export type CreateCalendarToken = z.infer<typeof createCalendarTokenSchema>;

export const calendarTokenParamsSchema = z.strictObject({ id: uuid });

const token = z.string().min(1).max(200);
export const groupFeedParamsSchema = z.strictObject({ token, slug });
export const nationFeedParamsSchema = z.strictObject({ token, code: nationCode });
