import { z } from 'zod';
import { isoDate, pageOf, pageQuery } from '../common.schema';
import { amountProblem, isCurrencyCode } from '../money';

/** The contract of euro reference rates and conversions, shared by the API, the CLI and the web app. */

export const currencyCode = z.string().refine(isCurrencyCode, {
  message: 'must be an ISO 4217 currency code in capitals, such as EUR',
});

export const exchangeRateSchema = z.object({
  currency: z.string(),
  date: z.string(),
  /** Units of `currency` per 1 EUR, as the exact published decimal. */
  unitsPerEur: z.string(),
  source: z.string(),
  importedAt: z.string(),
});
export type ExchangeRate = z.infer<typeof exchangeRateSchema>;

export const exchangeRateListQuerySchema = z.strictObject({
  currency: currencyCode.optional(),
  from: isoDate.optional().describe('First date, inclusive'),
  to: isoDate.optional().describe('Last date, inclusive'),
  ...pageQuery,
});
export type ExchangeRateListQuery = z.infer<typeof exchangeRateListQuerySchema>;

export const exchangeRatePageSchema = pageOf(exchangeRateSchema);
export type ExchangeRatePage = z.infer<typeof exchangeRatePageSchema>;

export const convertQuerySchema = z
  .strictObject({
    amount: z.string().describe('A decimal amount of `from`, such as 1000.00'),
    from: currencyCode,
    to: currencyCode,
    date: isoDate.describe('The rate of this day, or of the last business day before it'),
  })
  .superRefine((query, ctx) => {
    // The allowed decimals depend on the currency: 100.5 is fine in EUR, not in JPY.
    const problem = isCurrencyCode(query.from) ? amountProblem(query.amount, query.from) : null;
    if (problem !== null) ctx.addIssue({ code: 'custom', path: ['amount'], message: problem });
  });
export type ConvertQuery = z.infer<typeof convertQuerySchema>;

export const moneySchema = z.object({
  /** Decimal text with the currency's own decimals: '1234.50', '5000' for JPY. */
  amount: z.string(),
  currency: z.string(),
});

/** The euro rate of one currency that went into a conversion. */
export const rateLegSchema = z.object({
  currency: z.string(),
  unitsPerEur: z.string(),
  date: z.string(),
});

export const rateUsedSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** Units of `to` per 1 `from`, rounded half-even to 10 decimal places; the amount uses the exact legs. */
  rate: z.string(),
  /** The fixing day used: the date asked for or the last business day before it, never after. */
  date: z.string(),
  source: z.string(),
  /** The euro rates the cross rate was worked out from (none for EUR to EUR or a currency to itself). */
  legs: z.array(rateLegSchema),
});
export type RateUsed = z.infer<typeof rateUsedSchema>;

export const conversionSchema = z.object({
  from: moneySchema,
  to: moneySchema,
  rateUsed: rateUsedSchema,
});
export type Conversion = z.infer<typeof conversionSchema>;

export const importReportSchema = z.object({
  file: z.string(),
  dryRun: z.boolean(),
  /** Business days (rows) in the file, and the range they cover. */
  days: z.number().int(),
  firstDate: z.string().nullable(),
  lastDate: z.string().nullable(),
  /** Rates in the file (cells with a value). */
  rates: z.number().int(),
  inserted: z.number().int(),
  unchanged: z.number().int(),
  /** Rates that differed from the stored value: overwritten (`replace`) or left as stored (`keep`). */
  replaced: z.number().int(),
  kept: z.number().int(),
  /** Header columns skipped because they are not current ISO 4217 codes (CYP, EEK, ...). */
  ignored: z.array(z.string()),
});
export type ImportReport = z.infer<typeof importReportSchema>;
