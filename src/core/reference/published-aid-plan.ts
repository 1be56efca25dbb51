import { join } from 'node:path';
import { z } from 'zod';
import { isoDate, nationCode } from '../common.schema';
import type { ErrorIssue } from '../errors';
import { isCurrencyCode, parseDecimal } from '../money';
import { isIsoDate } from '../time';
import { type CsvFile, readCsv } from './csv';
import { sourceColumns } from './reference-rows';

/**
 * The Kiel Institute's Ukraine Support Tracker, as shipped in data/reference: headline figures from its
 * releases and the monthly series per donor of release 29. Public reference data, loaded into their own
 * tables and never into the ledger's totals.
 */
export const publishedAidFiles = {
  figures: 'kiel_military_aid.csv',
  monthly: 'kiel_ust_r29_monthly_by_donor.csv',
} as const;

/** The monthly file carries no source columns: every row of it comes from this one release. */
export const monthlyRelease = {
  release: 'Kiel UST release 29 (2026-08-04)',
  source_url: 'https://github.com/UkraineSupportTrackerWebsite/ukraine-support-tracker',
  source_title:
    'Kiel Institute for the World Economy, Ukraine Support Tracker release 29 (2026-08-04): ' +
    'data/data_explorer.csv, the CSV behind the public data explorer',
  confidence: 'high',
} as const;

/** The tracker's code for the EU institutions (Commission and Council), which Ramstein calls XEU. */
const trackerCodes: Readonly<Record<string, string>> = { EU: 'XEU' };

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? null : value), schema.nullable());

/** Exact decimal text, kept as published ('42.0' stays '42.0'); a float is never made of it. */
const decimalText = z.string().refine((text) => parseDecimal(text) !== null, {
  message: 'must be a decimal number such as 12.5',
});
const nonNegativeDecimal = decimalText.refine((text) => !text.startsWith('-'), {
  message: 'must not be negative',
});

export const figureRowSchema = z
  .object({
    donor_iso3: optional(nationCode),
    donor_name: z.string().min(1, 'is required'),
    aid_type: z.string().regex(/^[a-z_]+$/, 'must be lower-case letters and _'),
    measure: z.enum(['commitment', 'allocation']),
    amount_bn: nonNegativeDecimal,
    currency: z.string().refine(isCurrencyCode, { message: 'must be an ISO 4217 currency code' }),
    data_period_start: optional(isoDate),
    data_cutoff: optional(isoDate),
    release_date: optional(
      z
        .string()
        .regex(/^\d{4}-\d{2}(-\d{2})?$/, 'must be YYYY-MM or YYYY-MM-DD')
        .refine((text) => text.length === 7 || isIsoDate(text), {
          message: 'is not a calendar date',
        }),
    ),
    notes: optional(z.string()),
    ...sourceColumns,
  })
  .refine(
    (row) =>
      row.data_period_start === null ||
      row.data_cutoff === null ||
      row.data_period_start <= row.data_cutoff,
    { path: ['data_cutoff'], message: 'must not be before data_period_start' },
  );
export type FigureRow = z.infer<typeof figureRowSchema>;
export const figureColumns = Object.keys(figureRowSchema.shape);

export const monthlyRowSchema = z.object({
  country: z.string().min(1, 'is required'),
  iso: z.string().regex(/^([A-Z]{3}|EU)$/, 'must be an ISO 3166-1 alpha-3 code, or EU'),
  year: z.coerce.number().int().min(2000).max(2100),
  month: z.coerce.number().int().min(1).max(12),
  total: decimalText,
  financial: decimalText,
  humanitarian: decimalText,
  military: decimalText,
  commitments: decimalText,
  to_be_allocated: decimalText,
  gdp: nonNegativeDecimal,
});
export type MonthlyRow = z.infer<typeof monthlyRowSchema>;
export const monthlyColumns = Object.keys(monthlyRowSchema.shape);

interface Sourced {
  source_url: string;
  source_title: string;
  confidence: string;
}

export interface PublishedAidFigurePlan extends Sourced {
  /** What makes a figure the same figure on a second run (figureKey): who, what, which period and release. */
  key: string;
  donorNation: string | null;
  donorName: string;
  aidType: string;
  measure: string;
  amountBn: string;
  currency: string;
  periodStart: string | null;
  dataCutoff: string | null;
  releaseDate: string | null;
  notes: string | null;
}

export interface PublishedAidMonthPlan extends Sourced {
  donorNation: string;
  year: number;
  month: number;
  totalBn: string;
  financialBn: string;
  humanitarianBn: string;
  militaryBn: string;
  commitmentsBn: string;
  toBeAllocatedBn: string;
  gdpBn: string;
  release: string;
}

export interface PublishedAidPlan {
  figures: PublishedAidFigurePlan[];
  monthly: PublishedAidMonthPlan[];
  problems: ErrorIssue[];
}

/**
 * A figure's natural key, from the columns it is stored with: the amount and notes are not part of it, so
 * a figure corrected since it was loaded is kept as corrected rather than loaded a second time.
 */
export function figureKey(row: {
  donor_nation: string | null;
  donor_name: string;
  aid_type: string;
  measure: string;
  currency: string;
  period_start: string | null;
  data_cutoff: string | null;
  release_date: string | null;
  source_url: string | null;
}): string {
  return [
    row.donor_nation ?? '',
    row.donor_name,
    row.aid_type,
    row.measure,
    row.currency,
    row.period_start ?? '',
    row.data_cutoff ?? '',
    row.release_date ?? '',
    row.source_url ?? '',
  ].join('|');
}

function parseRows<S extends z.ZodType>(file: CsvFile, schema: S, problems: ErrorIssue[]) {
  problems.push(...file.problems);
  const rows: { line: number; row: z.infer<S> }[] = [];
  for (const { line, values } of file.rows) {
    const result = schema.safeParse(values);
    if (result.success) rows.push({ line, row: result.data });
    else {
      for (const issue of result.error.issues) {
        problems.push({
          path: `${file.name}:${line}`,
          message: `${issue.path.join('.')}: ${issue.message}`,
        });
      }
    }
  }
  return rows;
}

/**
 * Reads and checks both Kiel files; `nations` are the codes the seed knows. Every problem is named as
 * `file:line` and the field, and the caller writes nothing while there is one.
 */
export function planPublishedAid(dir: string, nations: ReadonlySet<string>): PublishedAidPlan {
  const problems: ErrorIssue[] = [];
  const unknownNation = (where: string, field: string, code: string) =>
    problems.push({ path: where, message: `${field}: ${code} is not an ISO 3166-1 alpha-3 code` });

  const figures: PublishedAidFigurePlan[] = [];
  const figureKeys = new Set<string>();
  const figureFile = readCsv(join(dir, publishedAidFiles.figures), figureColumns);
  for (const { line, row } of parseRows(figureFile, figureRowSchema, problems)) {
    const where = `${publishedAidFiles.figures}:${line}`;
    if (row.donor_iso3 !== null && !nations.has(row.donor_iso3)) {
      unknownNation(where, 'donor_iso3', row.donor_iso3);
      continue;
    }
    const key = figureKey({
      donor_nation: row.donor_iso3,
      donor_name: row.donor_name,
      aid_type: row.aid_type,
      measure: row.measure,
      currency: row.currency,
      period_start: row.data_period_start,
      data_cutoff: row.data_cutoff,
      release_date: row.release_date,
      source_url: row.source_url,
    });
    if (figureKeys.has(key)) {
      problems.push({ path: where, message: 'the same figure is listed twice' });
      continue;
    }
    figureKeys.add(key);
    figures.push({
      key,
      // An empty donor_iso3 is a total over several donors ("All donors", "Europe"): no one nation.
      donorNation: row.donor_iso3,
      donorName: row.donor_name,
      aidType: row.aid_type,
      measure: row.measure,
      amountBn: row.amount_bn,
      currency: row.currency,
      periodStart: row.data_period_start,
      dataCutoff: row.data_cutoff,
      releaseDate: row.release_date,
      notes: row.notes,
      source_url: row.source_url,
      source_title: row.source_title,
      confidence: row.confidence,
    });
  }

  const monthly: PublishedAidMonthPlan[] = [];
  const monthKeys = new Set<string>();
  const monthlyFile = readCsv(join(dir, publishedAidFiles.monthly), monthlyColumns);
  for (const { line, row } of parseRows(monthlyFile, monthlyRowSchema, problems)) {
    const where = `${publishedAidFiles.monthly}:${line}`;
    const code = trackerCodes[row.iso] ?? row.iso;
    if (!nations.has(code)) {
      unknownNation(where, 'iso', row.iso);
      continue;
    }
    const key = `${code}|${row.year}|${row.month}`;
    if (monthKeys.has(key)) {
      problems.push({
        path: where,
        message: `iso: ${row.iso} has ${row.year}-${String(row.month).padStart(2, '0')} twice`,
      });
      continue;
    }
    monthKeys.add(key);
    monthly.push({
      donorNation: code,
      year: row.year,
      month: row.month,
      totalBn: row.total,
      financialBn: row.financial,
      humanitarianBn: row.humanitarian,
      militaryBn: row.military,
      commitmentsBn: row.commitments,
      toBeAllocatedBn: row.to_be_allocated,
      gdpBn: row.gdp,
      release: monthlyRelease.release,
      source_url: monthlyRelease.source_url,
      source_title: monthlyRelease.source_title,
      confidence: monthlyRelease.confidence,
    });
  }
  return { figures, monthly, problems };
}
