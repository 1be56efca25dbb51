import { z } from 'zod';
import { nationRefSchema, pageOf, pageQuery, slug, uuid } from '../common.schema';
import { capabilityAreaRefSchema, coalitionRefSchema } from '../capabilities/capability.schema';
import { markingSchema } from '../marking.schema';
import { requirementStatusSchema } from '../requirements/requirement.schema';

/**
 * The contract of the ledger's analysis: coverage, gaps, donors, channels and the timeline. Every figure
 * is worked out over the pledges releasable to the viewer only, so two nations may see different totals.
 * Money is decimal text in the group's reporting currency (`currency`).
 */

const quantities = {
  needed: z.number().int(),
  pledged: z.number().int().describe('Quantity of pledges not withdrawn'),
  contracted: z.number().int().describe('Of which contracted, delivering or delivered'),
  delivered: z.number().int(),
  gap: z.number().int().describe('Needed minus pledged, never below 0'),
  coveragePercent: z.number().describe('Pledged ÷ needed × 100, capped at 100'),
  deliveredPercent: z.number().describe('Delivered ÷ needed × 100, capped at 100'),
};

export const requirementCoverageSchema = z.object({
  requirement: z.object({
    id: z.string(),
    priority: z.number().int(),
    capabilityArea: capabilityAreaRefSchema,
    item: z.string(),
    specification: z.string(),
    unit: z.string(),
    neededBy: z.string().nullable(),
    status: requirementStatusSchema,
    marking: markingSchema,
  }),
  ...quantities,
  pledgeCount: z.number().int(),
  overdue: z.boolean().describe('Needed-by has passed and not all of it was delivered'),
});
export type RequirementCoverage = z.infer<typeof requirementCoverageSchema>;

export const requirementCoverageQuerySchema = z.strictObject({
  area: slug.optional(),
  coalitionId: uuid.optional(),
  status: requirementStatusSchema.optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  sort: z.enum(['priority', 'gap', 'neededBy']).default('priority'),
  ...pageQuery,
});
export type RequirementCoverageQuery = z.infer<typeof requirementCoverageQuerySchema>;

export const requirementCoveragePageSchema = pageOf(requirementCoverageSchema).extend({
  asOf: z.string().describe('The day overdue is judged against'),
});
export type RequirementCoveragePage = z.infer<typeof requirementCoveragePageSchema>;

const unitTotalsSchema = z.object({ unit: z.string(), ...quantities });

const valueTotalsSchema = z.object({
  pledged: z.string(),
  contracted: z.string(),
  delivered: z.string(),
  estimated: z.string().describe('Part of pledged valued from the price list or estimated'),
  unvaluedPledges: z.number().int().describe('Pledges with no value and no price to value them'),
});

export const areaCoverageSchema = z.object({
  capabilityArea: capabilityAreaRefSchema,
  coalitions: z.array(coalitionRefSchema),
  requirements: z.object({
    count: z.number().int(),
    open: z.number().int(),
    partlyMet: z.number().int(),
    met: z.number().int(),
    overdue: z.number().int(),
  }),
  byUnit: z
    .array(unitTotalsSchema)
    .describe('Quantities against requirements, per unit (shells and systems never add up)'),
  value: valueTotalsSchema.describe('All pledges in the area, with or without a requirement'),
  pledgeCount: z.number().int(),
});
export type AreaCoverage = z.infer<typeof areaCoverageSchema>;

export const areaCoverageListSchema = z.object({
  currency: z.string(),
  asOf: z.string(),
  items: z.array(areaCoverageSchema),
});
export type AreaCoverageList = z.infer<typeof areaCoverageListSchema>;

export const coalitionCoverageListSchema = z.object({
  currency: z.string(),
  asOf: z.string(),
  items: z.array(
    areaCoverageSchema.extend({
      coalition: coalitionRefSchema,
      leads: z.array(z.string()),
      members: z.array(z.string()),
    }),
  ),
});
export type CoalitionCoverageList = z.infer<typeof coalitionCoverageListSchema>;

export const donorTotalsSchema = z.object({
  donor: nationRefSchema,
  pledged: z.string(),
  contracted: z.string(),
  delivered: z.string(),
  estimated: z.string(),
  pledgeCount: z.number().int(),
  unvaluedPledges: z.number().int(),
  sharePercent: z.number().describe("Share of the group's pledged total"),
  gdpPercent: z.number().nullable().describe("Pledged as % of the donor's GDP, when GDP is known"),
  gdp: z
    .object({ amount: z.string(), currency: z.string(), source: z.string() })
    .nullable()
    .describe('The GDP figure used'),
});
export type DonorTotals = z.infer<typeof donorTotalsSchema>;

export const donorTotalsListSchema = z.object({
  currency: z.string(),
  total: z.string().describe('Every releasable pledge once, attributed to its funder'),
  items: z.array(donorTotalsSchema),
});
export type DonorTotalsList = z.infer<typeof donorTotalsListSchema>;

export const channelTotalsListSchema = z.object({
  currency: z.string(),
  total: z
    .string()
    .describe('The same total as the donors view: channels never add a pledge twice'),
  items: z.array(
    z.object({
      channel: z.object({ kind: z.string(), key: z.string(), label: z.string() }),
      pledged: z.string(),
      pledgeCount: z.number().int(),
      funders: z.array(z.object({ nation: z.string(), pledged: z.string() })),
    }),
  ),
});
export type ChannelTotalsList = z.infer<typeof channelTotalsListSchema>;

export const timelineSchema = z.object({
  currency: z.string(),
  byMeeting: z.array(
    z.object({
      meeting: z
        .object({
          id: z.string(),
          number: z.number().int().nullable(),
          name: z.string(),
          date: z.string(),
        })
        .nullable()
        .describe('Null for pledges not announced at a meeting'),
      pledged: z.string(),
      pledgeCount: z.number().int(),
      donors: z.array(
        z.object({ nation: z.string(), pledged: z.string(), pledgeCount: z.number().int() }),
      ),
    }),
  ),
  byMonth: z.array(
    z.object({
      month: z.string(),
      pledged: z.string(),
      cumulative: z.string(),
      pledgeCount: z.number().int(),
    }),
  ),
});
export type Timeline = z.infer<typeof timelineSchema>;

export const ledgerSearchQuerySchema = z.strictObject({
  q: z.string().trim().min(2, 'needs at least 2 characters').max(200),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type LedgerSearchQuery = z.infer<typeof ledgerSearchQuerySchema>;

export const ledgerSearchResultSchema = z.object({
  items: z.array(
    z.object({
      kind: z.enum(['requirement', 'pledge']),
      id: z.string(),
      title: z.string().describe('Item and specification'),
      detail: z.string().describe('Donor, quantity, status: a line to tell results apart'),
      marking: markingSchema,
    }),
  ),
});
export type LedgerSearchResult = z.infer<typeof ledgerSearchResultSchema>;

export const ledgerGroupParamsSchema = z.strictObject({ slug });
