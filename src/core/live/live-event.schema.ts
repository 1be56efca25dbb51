import { z } from 'zod';
import { uuid } from '../common.schema';
import { markingSchema } from '../marking.schema';

/**
 * The meeting's live board: what an SSE subscriber receives. Each event is the `data:` of one SSE
 * message whose `id:` is `seq` and whose `event:` is `kind`.
 */
export const liveEventKindSchema = z.enum(['pledge.recorded', 'attendance.recorded']);
export type LiveEventKind = z.infer<typeof liveEventKindSchema>;

export const liveEventSchema = z.object({
  seq: z.number().int().describe('1, 2, 3... per meeting, in commit order: the SSE id'),
  meetingId: z.string(),
  kind: liveEventKindSchema,
  at: z.string().describe('When it was recorded (UTC)'),
  marking: markingSchema,
  data: z.record(z.string(), z.unknown()),
});
export type LiveEvent = z.infer<typeof liveEventSchema>;

/** What a pledge event carries: enough for the board, nothing the pledge's marking does not cover. */
export const livePledgeDataSchema = z.object({
  pledgeId: z.string(),
  donor: z.string(),
  item: z.string(),
  quantity: z.number().nullable(),
  unit: z.string().nullable(),
  kind: z.string(),
  capabilityArea: z.string(),
  value: z.object({ amount: z.string(), currency: z.string() }).nullable(),
  reportingValue: z.object({ amount: z.string(), currency: z.string() }).nullable(),
  status: z.string(),
  announcedOn: z.string(),
});
export type LivePledgeData = z.infer<typeof livePledgeDataSchema>;

export const liveParamsSchema = z.strictObject({ id: uuid });

const lastEventId = z
  .string()
  .regex(/^\d{1,15}$/, { message: 'must be the id of an event received before (a whole number)' });

/** Where to resume: the Last-Event-ID header (what EventSource sends on reconnect) or `?lastEventId=`. */
export const liveQuerySchema = z.strictObject({ lastEventId: lastEventId.optional() });
export const liveHeadersSchema = z.looseObject({ 'last-event-id': lastEventId.optional() });
