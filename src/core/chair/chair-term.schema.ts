import { z } from 'zod';
import { nationRefSchema, sourceSchema } from '../common.schema';

export const chairTermSchema = z.object({
  id: z.string(),
  chair: nationRefSchema,
  coChair: nationRefSchema.nullable(),
  startsOn: z.string(),
  endsOn: z
    .string()
    .nullable()
    .describe('Exclusive: the day the next term starts; null while it runs'),
  startsAtMeeting: z.number().int().nullable(),
  note: z.string().nullable(),
  source: sourceSchema,
});
export type ChairTerm = z.infer<typeof chairTermSchema>;

export const chairSchema = z.object({
  current: chairTermSchema.nullable().describe('The term in force today, derived from the history'),
  history: z.array(chairTermSchema).describe('Every term, oldest first'),
});
export type Chair = z.infer<typeof chairSchema>;
