import { z } from 'zod';
import { nationCode, nationRefSchema, uuid } from '../common.schema';

/** A meeting's agenda: ordered items, what each is about, and every earlier state of the order. */

export const agendaLinkKindSchema = z.enum(['requirement', 'capability_area', 'initiative']);
export const agendaLinkSchema = z.strictObject({
  kind: agendaLinkKindSchema,
  ref: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .describe('A requirement or initiative id, or a capability area slug'),
});
export type AgendaLink = z.infer<typeof agendaLinkSchema>;

export const agendaItemSchema = z.object({
  id: z.string(),
  position: z.number().int().describe('1..n'),
  title: z.string(),
  description: z.string().nullable(),
  presenter: z.object({ nation: nationRefSchema.nullable(), person: z.string().nullable() }),
  minutes: z.number().int().nullable().describe('Time box'),
  startsAfterMinutes: z
    .number()
    .int()
    .describe('Sum of the time boxes before it: where it falls in the meeting'),
  links: z.array(agendaLinkSchema),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

export const agendaSchema = z.object({
  meetingId: z.string(),
  agendaVersion: z.number().int().describe('Send it back to re-order; bumped by every change'),
  items: z.array(agendaItemSchema),
  totalMinutes: z.number().int(),
});
export type Agenda = z.infer<typeof agendaSchema>;

/** Links an agenda item holds at most. */
export const MAX_AGENDA_LINKS = 20;
const links = z.array(agendaLinkSchema).max(MAX_AGENDA_LINKS);
const minutes = z.number().int().min(1).max(600);

export const createAgendaItemSchema = z.strictObject({
  title: z.string().trim().min(1, 'is required').max(300),
  description: z.string().max(10_000).optional(),
  presenterNation: nationCode.optional(),
  presenterPerson: z.string().trim().min(1).max(300).optional(),
  minutes: minutes.optional(),
  links: links.default([]),
  position: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe('Where to insert it; at the end if omitted'),
});
export type CreateAgendaItem = z.infer<typeof createAgendaItemSchema>;

export const updateAgendaItemSchema = z.strictObject({
  version: z
    .number()
    .int()
    .min(1)
    .describe('The version you read; a stale one is refused with 409'),
  title: z.string().trim().min(1, 'is required').max(300).optional(),
  description: z.string().max(10_000).nullable().optional(),
  presenterNation: nationCode.nullable().optional(),
  presenterPerson: z.string().trim().min(1).max(300).nullable().optional(),
  minutes: minutes.nullable().optional(),
  links: links.optional(),
});
export type UpdateAgendaItem = z.infer<typeof updateAgendaItemSchema>;

export const reorderAgendaSchema = z.strictObject({
  agendaVersion: z.number().int().min(0).describe('The agenda version you read'),
  itemIds: z.array(uuid).max(200).describe('Every item of the agenda, in the new order'),
});
export type ReorderAgenda = z.infer<typeof reorderAgendaSchema>;

export const agendaRevisionSchema = z.object({
  revision: z.number().int(),
  action: z.enum(['add', 'edit', 'remove', 'reorder', 'template']),
  items: z.array(
    z.object({
      id: z.string(),
      position: z.number().int(),
      title: z.string(),
      presenterNation: z.string().nullable(),
      presenterPerson: z.string().nullable(),
      minutes: z.number().int().nullable(),
      links: z.array(agendaLinkSchema),
    }),
  ),
  changedBy: z.string(),
  changedAt: z.string(),
});
export type AgendaRevision = z.infer<typeof agendaRevisionSchema>;
export const agendaHistorySchema = z.array(agendaRevisionSchema);

export const agendaItemParamsSchema = z.strictObject({ id: uuid });
export const agendaItemDeleteQuerySchema = z.strictObject({
  version: z.coerce.number().int().min(1),
});
