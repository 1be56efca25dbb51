import { z } from 'zod';
import { isoDate, nationCode, pageOf, pageQuery, slug, sourceSchema, uuid } from '../common.schema';
import { capabilityAreaRefSchema } from '../capabilities/capability.schema';
import { currencyCode, moneySchema } from '../currency/exchange-rate.schema';
import { markingInputSchema, markingSchema } from '../marking.schema';
import { amountProblem, isCurrencyCode } from '../money';

/** The contract of pledges, their schedule and deliveries, shared by the API, the CLI and the web app. */

export const pledgeStatuses = [
  'announced',
  'committed',
  'contracted',
  'delivering',
  'delivered',
  'withdrawn',
] as const;
export const pledgeStatusSchema = z.enum(pledgeStatuses);
export type PledgeStatus = z.infer<typeof pledgeStatusSchema>;

export const pledgeKindSchema = z.enum([
  'donation',
  'procurement',
  'funding',
  'training',
  'co-production',
]);
export type PledgeKind = z.infer<typeof pledgeKindSchema>;

export const valuationMethodSchema = z.enum(['reported', 'price_list', 'estimated', 'none']);
export type ValuationMethod = z.infer<typeof valuationMethodSchema>;

/** How the pledge reaches the recipient. The funder (the donor) is always counted, never the channel. */
export const channelInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('direct') }),
  z.strictObject({ kind: z.literal('nation'), nation: nationCode }),
  z.strictObject({ kind: z.literal('coalition'), coalitionId: uuid }),
  z.strictObject({ kind: z.literal('fund'), name: z.string().trim().min(1).max(200) }),
]);
export type ChannelInput = z.infer<typeof channelInputSchema>;

export const channelSchema = z.object({
  kind: z.enum(['direct', 'nation', 'coalition', 'fund']),
  nation: z.string().nullable(),
  coalitionId: z.string().nullable(),
  name: z.string().nullable().describe('Fund name, coalition name or nation code'),
  key: z.string().describe('direct, nation:DEU, coalition:<id> or fund:<name>'),
});
export type Channel = z.infer<typeof channelSchema>;

/** An amount as sent: decimal text with the currency's own decimals. */
export const moneyInputSchema = z
  .strictObject({ amount: z.string(), currency: currencyCode })
  .superRefine((money, ctx) => {
    if (!isCurrencyCode(money.currency)) return;
    const problem = amountProblem(money.amount, money.currency);
    if (problem !== null) ctx.addIssue({ code: 'custom', path: ['amount'], message: problem });
    else if (money.amount.startsWith('-'))
      ctx.addIssue({ code: 'custom', path: ['amount'], message: 'must not be negative' });
  });

const quantity = z
  .number({ error: 'must be a whole number' })
  .int('must be a whole number')
  .positive('must be more than 0')
  .max(1_000_000_000_000, 'is beyond any real quantity');

export const trancheInputSchema = z.strictObject({
  plannedOn: isoDate,
  quantity,
  note: z.string().max(1000).optional(),
});
export type TrancheInput = z.infer<typeof trancheInputSchema>;

export const trancheSchema = z.object({
  id: z.string(),
  plannedOn: z.string(),
  quantity: z.number().int(),
  note: z.string().nullable(),
});

export const deliverySchema = z.object({
  id: z.string(),
  pledgeId: z.string(),
  quantity: z.number().int(),
  deliveredOn: z.string(),
  place: z.string().nullable(),
  note: z.string().nullable(),
  externalId: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
  confirmed: z.boolean().describe('Confirmed by the recipient'),
  confirmedBy: z.string().nullable(),
  confirmedAt: z.string().nullable(),
});
export type Delivery = z.infer<typeof deliverySchema>;

export const statusChangeSchema = z.object({
  from: pledgeStatusSchema.nullable(),
  to: pledgeStatusSchema,
  effectiveOn: z.string(),
  note: z.string().nullable(),
  changedBy: z.string(),
  changedAt: z.string(),
});
export type StatusChange = z.infer<typeof statusChangeSchema>;

export const pledgeSchema = z.object({
  id: z.string(),
  group: z.string(),
  donor: z.string().describe('The funding nation: every total attributes the pledge to it'),
  channel: channelSchema,
  requirementId: z.string().nullable(),
  capabilityArea: capabilityAreaRefSchema,
  item: z.string(),
  specification: z.string(),
  quantity: z.number().int().nullable(),
  unit: z.string().nullable(),
  kind: pledgeKindSchema,
  value: moneySchema.nullable().describe('As reported, or from the price list'),
  valuationDate: z.string().nullable(),
  valuationMethod: valuationMethodSchema,
  isEstimate: z.boolean().describe('Valued from the price list or estimated, not reported'),
  reportingValue: moneySchema
    .nullable()
    .describe("The value in the group's reporting currency, at the rate below"),
  rateUsed: z
    .object({ rate: z.string(), date: z.string() })
    .nullable()
    .describe('Units of the reporting currency per unit of the value currency, and the fixing day'),
  announcedOn: z.string(),
  meetingId: z.string().nullable(),
  eventId: z.string().nullable(),
  status: pledgeStatusSchema,
  statusOn: z.string(),
  deliveredQuantity: z.number().int(),
  externalRef: z.string().nullable(),
  externalId: z.string().nullable(),
  note: z.string().nullable(),
  marking: markingSchema,
  source: sourceSchema,
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Pledge = z.infer<typeof pledgeSchema>;

export const pledgeDetailSchema = pledgeSchema.extend({
  statusHistory: z.array(statusChangeSchema),
  tranches: z.array(trancheSchema),
  deliveries: z.array(deliverySchema),
  schedule: z.object({
    plannedToDate: z.number().int().describe('Quantity planned up to today'),
    deliveredToDate: z.number().int(),
    behind: z.number().int().describe('Planned to date minus delivered, when positive'),
  }),
});
export type PledgeDetail = z.infer<typeof pledgeDetailSchema>;

export const createPledgeSchema = z.strictObject({
  donor: nationCode
    .optional()
    .describe(
      "The funding nation; your own nation when omitted (others' only for the secretariat)",
    ),
  channel: channelInputSchema.default({ kind: 'direct' }),
  requirementId: uuid.optional(),
  capabilityArea: slug.optional().describe("Needed unless requirementId gives the requirement's"),
  item: z.string().trim().min(1).max(300).optional(),
  specification: z.string().trim().max(300).optional(),
  quantity: quantity.optional(),
  unit: z.string().trim().min(1).max(60).optional(),
  kind: pledgeKindSchema,
  value: moneyInputSchema.optional(),
  valuationDate: isoDate.optional().describe('The day the value holds; announcedOn when omitted'),
  valuationMethod: z.enum(['reported', 'estimated']).default('reported'),
  announcedOn: isoDate,
  meetingId: uuid.optional(),
  eventId: z.string().trim().min(1).max(200).optional(),
  status: z.enum(['announced', 'committed']).default('announced'),
  tranches: z.array(trancheInputSchema).max(500).default([]),
  externalRef: z.string().trim().max(200).optional(),
  externalId: z.string().trim().min(1).max(200).optional(),
  note: z.string().max(10_000).optional(),
  marking: markingInputSchema,
});
export type CreatePledge = z.infer<typeof createPledgeSchema>;

export const updatePledgeSchema = z.strictObject({
  version: z
    .number()
    .int()
    .min(1)
    .describe('The version you read; a stale one is refused with 409'),
  channel: channelInputSchema.optional(),
  requirementId: uuid.nullable().optional(),
  capabilityArea: slug.optional(),
  item: z.string().trim().min(1).max(300).optional(),
  specification: z.string().trim().max(300).optional(),
  quantity: quantity.nullable().optional(),
  unit: z.string().trim().min(1).max(60).nullable().optional(),
  kind: pledgeKindSchema.optional(),
  value: moneyInputSchema.nullable().optional(),
  valuationDate: isoDate.nullable().optional(),
  valuationMethod: z.enum(['reported', 'estimated']).optional(),
  announcedOn: isoDate.optional(),
  meetingId: uuid.nullable().optional(),
  externalRef: z.string().trim().max(200).nullable().optional(),
  note: z.string().max(10_000).nullable().optional(),
  marking: markingInputSchema.optional(),
});
export type UpdatePledge = z.infer<typeof updatePledgeSchema>;

export const transitionPledgeSchema = z.strictObject({
  version: z.number().int().min(1),
  status: pledgeStatusSchema,
  effectiveOn: isoDate.describe('The day the status took effect; not before the previous one'),
  note: z.string().max(2000).optional(),
});
export type TransitionPledge = z.infer<typeof transitionPledgeSchema>;

export const scheduleInputSchema = z.strictObject({
  version: z.number().int().min(1),
  tranches: z.array(trancheInputSchema).max(500),
});
export type ScheduleInput = z.infer<typeof scheduleInputSchema>;

export const createDeliverySchema = z.strictObject({
  quantity,
  deliveredOn: isoDate,
  place: z.string().trim().max(300).optional(),
  note: z.string().max(2000).optional(),
  externalId: z.string().trim().min(1).max(200).optional(),
});
export type CreateDelivery = z.infer<typeof createDeliverySchema>;

export const pledgeSortSchema = z.enum(['announced', 'value', 'donor', 'status', 'created']);

export const pledgeListQuerySchema = z.strictObject({
  donor: nationCode.optional().describe('Funding nation'),
  channel: z.string().max(250).optional().describe('Channel key: nation:DEU, fund:<name>, ...'),
  area: slug.optional(),
  status: pledgeStatusSchema.optional(),
  kind: pledgeKindSchema.optional(),
  requirementId: uuid.optional(),
  meetingId: uuid.optional(),
  q: z.string().trim().min(1).max(200).optional().describe('Words in the item or specification'),
  sort: pledgeSortSchema.default('created'),
  order: z.enum(['asc', 'desc']).default('desc'),
  ...pageQuery,
});
export type PledgeListQuery = z.infer<typeof pledgeListQuerySchema>;

export const pledgePageSchema = pageOf(pledgeSchema);
export type PledgePage = z.infer<typeof pledgePageSchema>;

export const pledgeParamsSchema = z.strictObject({ id: uuid });
export const deliveryParamsSchema = z.strictObject({ id: uuid });

export const priceListItemSchema = z.object({
  id: z.string(),
  item: z.string(),
  specification: z.string(),
  unit: z.string(),
  unitPrice: moneySchema,
  validFrom: z.string(),
  source: sourceSchema,
  createdAt: z.string(),
});
export type PriceListItem = z.infer<typeof priceListItemSchema>;
export const priceListSchema = z.array(priceListItemSchema);

export const createPriceListItemSchema = z.strictObject({
  item: z.string().trim().min(1).max(300),
  specification: z.string().trim().max(300).default(''),
  unit: z.string().trim().min(1).max(60),
  unitPrice: moneyInputSchema,
  validFrom: isoDate,
  sourceUrl: z.url().max(2000).optional(),
  sourceTitle: z.string().trim().max(500).optional(),
});
export type CreatePriceListItem = z.infer<typeof createPriceListItemSchema>;
