import { z } from 'zod';
import { nationCode, nationRefSchema, sourceSchema } from '../common.schema';

/**
 * The contract of the Kiel Institute's published aid figures: public reference data shown beside the
 * pledges delegations record, never added into them. Amounts are exact decimal text in billions.
 */

export const aidMeasureSchema = z
  .enum(['commitment', 'allocation'])
  .describe('Kiel changed its main measure from commitments to allocations in 2024');

const yearMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'must be a month written YYYY-MM' });

/** An exact decimal amount in billions, as text: '64.616886'. */
const billions = z.string();

export const publishedAidFigureSchema = z.object({
  id: z.string(),
  donor: nationRefSchema.nullable().describe('Null for a total over several donors'),
  donorName: z.string().describe("As published: 'All donors', 'Europe (incl. UK)', 'Germany'"),
  aidType: z.string(),
  measure: z.string(),
  amountBn: billions.describe('As published, e.g. 130.0'),
  currency: z.string(),
  periodStart: z.string().nullable(),
  dataCutoff: z.string().nullable(),
  releaseDate: z.string().nullable().describe('YYYY-MM or YYYY-MM-DD as published'),
  notes: z.string().nullable(),
  source: sourceSchema,
});
export type PublishedAidFigure = z.infer<typeof publishedAidFigureSchema>;
export const publishedAidFigureListSchema = z.array(publishedAidFigureSchema);

export const publishedAidFigureQuerySchema = z.strictObject({
  donor: nationCode.optional().describe('Only this donor (totals over several donors have none)'),
  measure: aidMeasureSchema.optional(),
});
export type PublishedAidFigureQuery = z.infer<typeof publishedAidFigureQuerySchema>;

const period = {
  from: yearMonth.optional().describe('First month, inclusive (YYYY-MM)'),
  to: yearMonth.optional().describe('Last month, inclusive (YYYY-MM)'),
};
const fromNotAfterTo = (query: { from?: string | undefined; to?: string | undefined }) =>
  query.from === undefined || query.to === undefined || query.from <= query.to;
const fromNotAfterToIssue = { path: ['to'], message: 'must not be before from' };

export const publishedAidPeriodQuerySchema = z
  .strictObject(period)
  .refine(fromNotAfterTo, fromNotAfterToIssue);
export type PublishedAidPeriodQuery = z.infer<typeof publishedAidPeriodQuerySchema>;

export const publishedAidMonthlyQuerySchema = z
  .strictObject({ donor: nationCode.describe('The donor, e.g. GBR; XEU for the EU'), ...period })
  .refine(fromNotAfterTo, fromNotAfterToIssue);
export type PublishedAidMonthlyQuery = z.infer<typeof publishedAidMonthlyQuerySchema>;

const amounts = {
  totalBn: billions.describe('Financial + humanitarian + military allocations'),
  financialBn: billions,
  humanitarianBn: billions,
  militaryBn: billions,
  commitmentsBn: billions,
  toBeAllocatedBn: billions.describe('Committed but not yet allocated'),
};

/** A donor's GDP in EUR billions: the figure the tracker divides by for its % of GDP. */
export const gdpSchema = z.object({
  amount: billions,
  currency: z.literal('EUR'),
  unit: z.literal('billion'),
  source: z.string().describe('The tracker release the figure is from'),
});
export type Gdp = z.infer<typeof gdpSchema>;

export const publishedAidMonthSchema = z.object({
  month: z.string().describe('YYYY-MM'),
  ...amounts,
  release: z.string(),
});
export type PublishedAidMonth = z.infer<typeof publishedAidMonthSchema>;

export const publishedAidMonthlySchema = z.object({
  donor: nationRefSchema,
  from: z.string().nullable(),
  to: z.string().nullable(),
  currency: z.literal('EUR'),
  unit: z.literal('billion'),
  gdp: gdpSchema.nullable(),
  months: z.array(publishedAidMonthSchema).describe('Months with no activity are absent, not zero'),
  source: sourceSchema.nullable(),
});
export type PublishedAidMonthly = z.infer<typeof publishedAidMonthlySchema>;

export const publishedAidDonorTotalSchema = z.object({
  donor: nationRefSchema,
  months: z.number().int().describe('Donor-months with figures in the period'),
  firstMonth: z.string(),
  lastMonth: z.string(),
  ...amounts,
  gdp: gdpSchema.nullable().describe('Null where the tracker gives none (the EU institutions)'),
  totalPctGdp: z.string().nullable().describe('totalBn as % of GDP, 4 decimals'),
  militaryPctGdp: z.string().nullable().describe('militaryBn as % of GDP, 4 decimals'),
  source: sourceSchema,
});
export type PublishedAidDonorTotal = z.infer<typeof publishedAidDonorTotalSchema>;

export const publishedAidDonorTotalsSchema = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  currency: z.literal('EUR'),
  unit: z.literal('billion'),
  releases: z.array(z.string()).describe('The tracker releases the sums are made from'),
  donors: z.array(publishedAidDonorTotalSchema).describe('Largest military allocations first'),
});
export type PublishedAidDonorTotals = z.infer<typeof publishedAidDonorTotalsSchema>;
