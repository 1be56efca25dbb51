import { z } from 'zod';
import {
  nationCode,
  nationRefSchema,
  pageOf,
  pageQuery,
  slug,
  sourceSchema,
} from '../common.schema';
import { rateUsedSchema } from '../currency/exchange-rate.schema';

/**
 * The contract of defence spending against targets (docs/spending.md has the formulas). Conventions:
 * shares of GDP and gaps are exact decimal text in per cent or percentage points ('2.33', '-0.1');
 * amounts are exact decimal text in the unit their field names (billions rounded half to even at 3
 * places, i.e. to the million); growth rates and projected shares are numbers worked out in floating
 * point and rounded (rates to 0.01 %, shares to 0.001 %). Every figure carries its source and whether
 * it is an estimate. All of it is public reference data.
 */

const percentText = z.string().describe('% of GDP as exact decimal text, e.g. "2.33"');
const pointsText = z
  .string()
  .describe(
    'Percentage points as exact decimal text: target minus figure, so positive is short of it',
  );

export const spendingReleaseSchema = z.object({
  name: z.string().describe("As published: '2025-04 (NATO Secretary General Annual Report 2024)'"),
  date: z
    .string()
    .describe('YYYY-MM or YYYY-MM-DD, read from the name: releases are ordered by it'),
});
export type SpendingRelease = z.infer<typeof spendingReleaseSchema>;

export const spendingReleaseSummarySchema = spendingReleaseSchema.extend({
  figures: z.number().int(),
  nations: z.number().int(),
  firstYear: z.number().int(),
  lastYear: z.number().int(),
});
export const spendingReleaseListSchema = z.array(spendingReleaseSummarySchema);
export type SpendingReleaseSummary = z.infer<typeof spendingReleaseSummarySchema>;

export const spendingFigureSchema = z.object({
  id: z.string(),
  nation: nationRefSchema,
  year: z.number().int(),
  pctGdp: percentText.nullable().describe('Defence expenditure as % of GDP; null when not given'),
  usdMillion: z.string().nullable().describe('Million US dollars, current prices'),
  nationalMillion: z.string().nullable().describe('Million units of nationalCurrency'),
  nationalCurrency: z.string().nullable().describe('ISO 4217'),
  gdpUsdBillion: z
    .string()
    .nullable()
    .describe('GDP in billion US dollars, as the release gives it'),
  estimate: z.boolean().describe('The release marks the figure as an estimate (NATO\'s "e")'),
  release: spendingReleaseSchema,
  current: z
    .boolean()
    .describe(
      'The figure shown by default for its nation and year: from the latest release that states a % of GDP (or the latest release when none does)',
    ),
  notes: z.string().nullable(),
  source: sourceSchema,
});
export type SpendingFigure = z.infer<typeof spendingFigureSchema>;
export const spendingFigurePageSchema = pageOf(spendingFigureSchema);
export type SpendingFigurePage = z.infer<typeof spendingFigurePageSchema>;

const year = z.coerce.number().int().min(1949).max(2100);
const queryBoolean = z.enum(['true', 'false']).transform((value) => value === 'true');

export const spendingFigureQuerySchema = z.strictObject({
  nation: nationCode.optional(),
  year: year.optional(),
  release: z.string().min(1).max(200).optional().describe('Only the figures of this release'),
  history: queryBoolean
    .optional()
    .describe(
      'true: every release of each nation and year (the revision history); default: the current figure only',
    ),
  ...pageQuery,
});
export type SpendingFigureQuery = z.infer<typeof spendingFigureQuerySchema>;

/** A figure as an analysis cites it: the value, when, from which release and source. */
export const figureCitationSchema = z.object({
  year: z.number().int(),
  pctGdp: percentText,
  estimate: z.boolean(),
  release: spendingReleaseSchema,
  source: sourceSchema,
});
export type FigureCitation = z.infer<typeof figureCitationSchema>;

// ---------------------------------------------------------------------------------------------------
// Targets

export const targetKindSchema = z
  .enum(['alliance', 'national', 'call'])
  .describe(
    "alliance: agreed by NATO; national: a nation's own pledge; call: a nation's public call on the alliance",
  );
export const targetMeasureSchema = z
  .enum([
    'defence',
    'core_and_related',
    'related',
    'equipment_share',
    'wider_defence',
    'support_to_ukraine',
    'fiscal_rule',
  ])
  .describe("What the level measures; only 'defence' is comparable with NATO's figures");

export const targetRefSchema = z.object({
  id: z.string().describe('The published key, e.g. GBR_2_5_APR2027'),
  kind: targetKindSchema,
  pctGdp: percentText.nullable(),
  deadlineYear: z.number().int().nullable(),
  description: z.string(),
});
export type TargetRef = z.infer<typeof targetRefSchema>;

export const spendingTargetSchema = targetRefSchema.extend({
  nation: nationRefSchema
    .nullable()
    .describe('The pledging nation (national), the calling nation (call), or null (alliance)'),
  announcedBy: z.string(),
  announcedOn: z.string().describe('As published: YYYY, YYYY-MM or YYYY-MM-DD'),
  deadline: z
    .string()
    .nullable()
    .describe(
      "As published: '2027', 'next parliament (c.2029-2034)'; deadlineYear when it is a year",
    ),
  measure: targetMeasureSchema,
  measureDescription: z.string(),
  comparable: z
    .boolean()
    .describe("Whether NATO's defence figures measure what the level measures"),
  supersedes: z.array(targetRefSchema),
  supersededBy: z.array(targetRefSchema).describe('Empty while the target is in force'),
  partOf: targetRefSchema.nullable().describe('The Hague 3.5 % core is part of the 5 %'),
  components: z.array(targetRefSchema),
  source: sourceSchema,
});
export type SpendingTarget = z.infer<typeof spendingTargetSchema>;
export const spendingTargetListSchema = z.array(spendingTargetSchema);

export const spendingTargetQuerySchema = z.strictObject({
  kind: targetKindSchema.optional(),
  nation: nationCode.optional().describe('Targets that apply to this nation'),
});
export type SpendingTargetQuery = z.infer<typeof spendingTargetQuerySchema>;

const targetId = z
  .string()
  .regex(/^[A-Z0-9_]{1,64}$/, { message: 'must be a target id such as GBR_2_5_APR2027' });
export const spendingTargetParamsSchema = z.strictObject({ id: targetId });

// ---------------------------------------------------------------------------------------------------
// Analysis

/** Scenario assumptions, as query parameters: stated defaults, bounded so a typo is a 400. */
export const DEFAULT_GDP_GROWTH_PCT = 1.5;
export const DEFAULT_BAND_PP = 1;
const gdpGrowth = z.coerce
  .number()
  .min(-10)
  .max(20)
  .default(DEFAULT_GDP_GROWTH_PCT)
  .describe('Assumed GDP growth, % a year (real, like the shares): -10 to 20, default 1.5');

export const assumptionsSchema = z.object({
  gdpGrowthPct: z.number(),
});

const moneyBillions = z.object({
  amount: z.string().describe('Billions, exact decimal text rounded half to even to the million'),
  currency: z.enum(['EUR', 'USD']),
  unit: z.literal('billion'),
});

export const gdpUsedSchema = z.object({
  amount: z.string(),
  currency: z.enum(['EUR', 'USD']),
  unit: z.literal('billion'),
  basis: z
    .enum(['release', 'published_aid'])
    .describe(
      "release: the GDP the figure's own release gives; published_aid: the Kiel Institute's GDP of the nation (one figure, not the figure's year)",
    ),
  source: z.string(),
});

export const moneyGapSchema = z
  .object({
    eur: moneyBillions.nullable(),
    usd: moneyBillions.nullable(),
    gdp: gdpUsedSchema,
    rateUsed: rateUsedSchema
      .nullable()
      .describe(
        "The ECB rate that converted between EUR and USD: the last fixing on or before 31 December of the figure's year",
      ),
    note: z.string().nullable().describe('Why a currency is missing, when one is'),
  })
  .describe('GDP × gap; positive is what it would take to meet the target');

export const analysisStatusSchema = z
  .enum(['met', 'not_met', 'no_figure', 'no_level', 'not_comparable'])
  .describe(
    'no_figure: no % of GDP for the nation; no_level: the target states none; not_comparable: it measures something else',
  );

export const requiredGrowthSchema = z.object({
  years: z.number().int().describe('From the latest figure to the deadline'),
  sharePctPerYear: z.number().describe('(target / latest)^(1/years) − 1, in %'),
  spendingPctPerYear: z
    .number()
    .describe(
      'Compound annual growth in spending needed: (1 + share growth)(1 + GDP growth) − 1, in %',
    ),
});

export const targetAnalysisSchema = z.object({
  target: spendingTargetSchema,
  status: analysisStatusSchema,
  latest: figureCitationSchema.nullable(),
  gapPp: pointsText.nullable(),
  met: z.boolean().nullable(),
  gapMoney: moneyGapSchema.nullable().describe('Null when there is no gap to price or no GDP'),
  deadlinePassed: z
    .boolean()
    .nullable()
    .describe('The deadline is not after the latest figure: nothing left to grow into'),
  requiredGrowth: requiredGrowthSchema.nullable(),
});
export type TargetAnalysis = z.infer<typeof targetAnalysisSchema>;

export const nationSpendingQuerySchema = z.strictObject({ gdpGrowth });
export type NationSpendingQuery = z.infer<typeof nationSpendingQuerySchema>;
export const nationSpendingParamsSchema = z.strictObject({ code: nationCode });

export const nationSpendingSchema = z.object({
  nation: nationRefSchema.extend({ natoMember: z.boolean() }),
  baseYear: z.number().int().describe('2014, the year of the Wales pledge'),
  series: z
    .array(figureCitationSchema)
    .describe('The current figure of each year from baseYear on, oldest first'),
  changeSinceBasePp: pointsText
    .nullable()
    .describe('Latest minus baseYear, percentage points (positive is a rise)'),
  targets: z
    .array(targetAnalysisSchema)
    .describe(
      "Every target that applies: alliance targets and calls (draw as lines) and the nation's own pledges (kind national: draw as markers at announcedOn)",
    ),
  assumptions: assumptionsSchema,
});
export type NationSpending = z.infer<typeof nationSpendingSchema>;

export const leagueSortSchema = z.enum(['pct', 'change', 'gap', 'nation']);
export const spendingLeagueQuerySchema = z.strictObject({
  year: year.optional().describe('Default: the latest year with figures'),
  target: targetId
    .default('NATO_VILNIUS_2023')
    .describe('Gap and met against it; default the 2 % floor'),
  sort: leagueSortSchema.default('pct'),
  order: z.enum(['asc', 'desc']).optional().describe('Default: desc, but asc for nation'),
});
export type SpendingLeagueQuery = z.infer<typeof spendingLeagueQuerySchema>;

export const leagueRowSchema = z.object({
  rank: z.number().int().nullable().describe('By % of GDP, highest first; null without a figure'),
  nation: nationRefSchema,
  figure: figureCitationSchema.nullable(),
  changeSinceBasePp: pointsText.nullable(),
  gapPp: pointsText.nullable(),
  met: z.boolean().nullable(),
  gapMoney: moneyGapSchema.nullable(),
});

export const targetCountSchema = z.object({
  target: targetRefSchema,
  meeting: z.number().int(),
  notMeeting: z.number().int(),
  noFigure: z.number().int(),
});

const gapSumSchema = z.object({
  amount: z.string().describe('Billions: the sum of the gaps of the nations short of the target'),
  nations: z.number().int().describe('How many gaps the sum adds up'),
  missing: z
    .array(z.string())
    .describe(
      'Nations short of the target whose gap has no amount in this currency (no GDP or rate)',
    ),
});

const totalGapSchema = z.object({ eur: gapSumSchema, usd: gapSumSchema });

export const spendingLeagueSchema = z.object({
  year: z.number().int(),
  baseYear: z.number().int(),
  target: spendingTargetSchema,
  rows: z
    .array(leagueRowSchema)
    .describe('Every ally, and any other nation with a figure that year'),
  summary: z.object({
    nations: z.number().int(),
    withFigure: z.number().int(),
    meeting: z.number().int(),
    notMeeting: z.number().int(),
    meetingInBaseYear: z
      .number()
      .int()
      .describe('Of the same nations, how many met it in baseYear'),
    changeSinceBase: z.object({
      nations: z.number().int().describe('Nations with a figure in both years'),
      meanPp: pointsText.nullable().describe('Their mean change, rounded half to even at 3 places'),
      rose: z.number().int(),
      fell: z.number().int(),
    }),
    totalGap: totalGapSchema,
  }),
  targets: z
    .array(targetCountSchema)
    .describe('How many allies meet each comparable alliance target and call that year'),
});
export type SpendingLeague = z.infer<typeof spendingLeagueSchema>;

export const spendingProjectionQuerySchema = z.strictObject({
  nation: nationCode,
  target: targetId.optional().describe('Draw it and say when each line reaches it'),
  gdpGrowth,
  spendingGrowth: z.coerce
    .number()
    .min(-50)
    .max(100)
    .optional()
    .describe(
      "Central spending growth, % a year: -50 to 100; default the nation's trend since 2014",
    ),
  band: z.coerce
    .number()
    .min(0)
    .max(20)
    .default(DEFAULT_BAND_PP)
    .describe('Spending growth ± this many percentage points gives the band: 0 to 20, default 1'),
  to: year.optional().describe("Last year: default the target's deadline, else 10 years on"),
});
export type SpendingProjectionQuery = z.infer<typeof spendingProjectionQuerySchema>;

export const spendingProjectionSchema = z.object({
  nation: nationRefSchema,
  from: figureCitationSchema.describe('The latest figure: the first point'),
  target: spendingTargetSchema.nullable(),
  assumptions: z.object({
    gdpGrowthPct: z.number(),
    spendingGrowthPct: z.number().describe('Central, rounded to 0.01'),
    spendingGrowthBasis: z
      .enum(['given', 'trend', 'flat'])
      .describe(
        "given; trend: the nation's own since trendFrom; flat: keeps pace with GDP (one figure only)",
      ),
    trendFrom: figureCitationSchema.nullable(),
    bandPp: z.number(),
  }),
  points: z.array(
    z.object({
      year: z.number().int(),
      low: z.number(),
      central: z.number(),
      high: z.number(),
    }),
  ),
  reachesTarget: z
    .object({
      earliest: z.number().int().nullable().describe('On the high line'),
      central: z.number().int().nullable(),
      latest: z.number().int().nullable().describe('On the low line'),
    })
    .nullable(),
  requiredGrowth: requiredGrowthSchema.nullable(),
});
export type SpendingProjection = z.infer<typeof spendingProjectionSchema>;

// ---------------------------------------------------------------------------------------------------
// Burden sharing

export const burdenSharingParamsSchema = z.strictObject({ slug });
export const burdenSharingQuerySchema = z.strictObject({
  year: year.optional().describe("Defence spending of this year; default each nation's latest"),
});
export type BurdenSharingQuery = z.infer<typeof burdenSharingQuerySchema>;

export const burdenSharingRowSchema = z.object({
  nation: nationRefSchema,
  pledged: z
    .string()
    .describe("Support to the recipient pledged, in the group's currency (ledger)"),
  delivered: z.string(),
  pledgedPctGdp: percentText
    .nullable()
    .describe('Pledged as % of GDP, rounded half to even at 3 places'),
  deliveredPctGdp: percentText.nullable(),
  gdp: z
    .object({
      amount: z.string(),
      currency: z.literal('EUR'),
      unit: z.literal('billion'),
      source: z.string(),
    })
    .nullable()
    .describe("The GDP the support shares use: the Kiel Institute's, in EUR billions"),
  defence: figureCitationSchema.nullable().describe('Defence spending, % of GDP, with its source'),
});
export type BurdenSharingRow = z.infer<typeof burdenSharingRowSchema>;

export const burdenSharingSchema = z.object({
  group: z.object({ slug: z.string(), name: z.string(), recipient: z.string() }),
  currency: z.string(),
  year: z.number().int().nullable(),
  rows: z
    .array(burdenSharingRowSchema)
    .describe(
      "The group's member nations and every donor in the ledger, most support (% of GDP) first",
    ),
  total: z.object({ pledged: z.string(), delivered: z.string() }),
  notes: z.array(z.string()),
});
export type BurdenSharing = z.infer<typeof burdenSharingSchema>;

// ---------------------------------------------------------------------------------------------------
// Import

export const spendingImportReportSchema = z.object({
  file: z.string(),
  sheet: z.string().nullable(),
  release: spendingReleaseSchema,
  measure: z.string(),
  measureFrom: z.enum(['option', 'title', 'default']),
  dryRun: z.boolean(),
  nations: z.number().int(),
  years: z.array(z.number().int()),
  cells: z.number().int().describe('Figures read from the table'),
  inserted: z.number().int().describe('New nation-year figures of this release'),
  filled: z.number().int().describe('Existing figures of this release that lacked this measure'),
  unchanged: z.number().int(),
  skipped: z.array(z.object({ line: z.number().int(), label: z.string(), reason: z.string() })),
});
export type SpendingImportReport = z.infer<typeof spendingImportReportSchema>;
