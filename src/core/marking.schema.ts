import { z } from 'zod';
import { nationCode } from './common.schema';

/** Releasability: who may read a record. The contract shared by API, CLI and web (imports zod only). */
export const classificationSchema = z.enum(['PUBLIC', 'GROUP', 'RESTRICTED']);
export type Classification = z.infer<typeof classificationSchema>;

/** A marking as a client sends it; the originating nation is added to REL TO by the server. */
export const markingInputSchema = z
  .object({
    classification: classificationSchema,
    relTo: z.array(nationCode).max(60).default([]).describe('REL TO nations, for RESTRICTED only'),
  })
  .refine((m) => m.classification === 'RESTRICTED' || m.relTo.length === 0, {
    path: ['relTo'],
    message: 'is only allowed with RESTRICTED',
  });
export type MarkingInput = z.input<typeof markingInputSchema>;

export const markingSchema = z.object({
  classification: classificationSchema,
  relTo: z
    .array(z.string())
    .describe('Sorted; always holds the originating nation when RESTRICTED'),
  label: z.string().describe('As printed on the record: RESTRICTED REL TO GBR, UKR'),
});
export type Marking = z.infer<typeof markingSchema>;

/** The banner text of a marking. */
export const markingLabel = (classification: Classification, relTo: readonly string[]): string =>
  classification === 'RESTRICTED' ? `RESTRICTED REL TO ${relTo.join(', ')}` : classification;
