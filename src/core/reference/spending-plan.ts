import { join } from 'node:path';
import { z } from 'zod';
import { nationCode } from '../common.schema';
import type { ErrorIssue } from '../errors';
import { parseDecimal } from '../money';
import {
  amountProblem,
  futureYearProblem,
  percentProblem,
  releaseDateOf,
} from '../spending/spending';
import {
  deadlineProblem,
  deadlineYearOf,
  linkProblems,
  type TargetKind,
  targetKindOf,
  type TargetMeasure,
  targetMeasureOf,
  targetPartOf,
  targetSupersedes,
} from '../spending/spending-target';
import { isIsoDate } from '../time';
import { type CsvFile, readCsv } from './csv';
import { sourceColumns } from './reference-rows';

/** NATO's defence expenditure and the spending targets, as shipped in data/reference. */
export const spendingFiles = {
  figures: 'nato_defence_expenditure.csv',
  targets: 'spending_targets.csv',
} as const;

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? null : value), schema.nullable());

const decimalText = z.string().refine((text) => parseDecimal(text) !== null, {
  message: 'must be a decimal number such as 2.33',
});
const percent = decimalText.superRefine((text, ctx) => {
  const problem = percentProblem(text);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
});
const amount = decimalText.superRefine((text, ctx) => {
  const problem = amountProblem(text);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
});
/** As published: a year, a year and month, or a day. */
const partialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD')
  .refine(
    (text) =>
      text.length === 4 ||
      (text.length === 7 && Number(text.slice(5)) >= 1 && Number(text.slice(5)) <= 12) ||
      isIsoDate(text),
    { message: 'is not a calendar date' },
  );

export const figureRowSchema = z
  .object({
    nation_iso3: nationCode,
    nation_name: z.string().min(1, 'is required'),
    year: z.coerce.number().int().min(1949).max(2100),
    pct_gdp: optional(percent),
    usd_million_current: optional(amount),
    estimate: z.enum(['true', 'false']).transform((value) => value === 'true'),
    nato_release: z
      .string()
      .min(1, 'is required')
      .refine((name) => releaseDateOf(name) !== null, {
        message: 'must name its publication date (YYYY-MM or YYYY-MM-DD), e.g. "2025-04 (...)"',
      }),
    notes: optional(z.string()),
    ...sourceColumns,
  })
  .refine((row) => row.pct_gdp !== null || row.usd_million_current !== null, {
    path: ['pct_gdp'],
    message: 'a figure needs a % of GDP or a USD amount',
  });
export const figureColumns = Object.keys(figureRowSchema.shape);

export const targetRowSchema = z.object({
  target_id: z.string().regex(/^[A-Z0-9_]{1,64}$/, 'must be capitals, digits and _'),
  scope: z.enum(['NATO', 'national']),
  nation_iso3: optional(nationCode),
  announced_date: partialDate,
  target_year: optional(z.string()),
  target_pct_gdp: optional(percent),
  description: z.string().min(1, 'is required'),
  announced_by: z.string().min(1, 'is required'),
  ...sourceColumns,
});
export const targetColumns = Object.keys(targetRowSchema.shape);

interface Sourced {
  source_url: string;
  source_title: string;
  confidence: string;
}

export interface SpendingFigurePlan extends Sourced {
  nationCode: string;
  year: number;
  release: string;
  releaseDate: string;
  pctGdp: string | null;
  usdMillion: string | null;
  estimate: boolean;
  notes: string | null;
}

export interface SpendingTargetPlan extends Sourced {
  id: string;
  kind: TargetKind;
  nationCode: string | null;
  announcedOn: string;
  announcedBy: string;
  deadlineYear: number | null;
  deadline: string | null;
  pctGdp: string | null;
  measure: TargetMeasure;
  description: string;
  supersedesId: string | null;
  partOfId: string | null;
}

export interface SpendingPlan {
  figures: SpendingFigurePlan[];
  targets: SpendingTargetPlan[];
  problems: ErrorIssue[];
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
 * Reads and checks both spending files; `nations` are the codes the seed knows, `today` (YYYY-MM-DD)
 * decides which years are in the future. Every problem is named as `file:line` and the column, and the
 * caller writes nothing while there is one: a share of GDP outside 0–100, a future year marked final,
 * an unknown nation, the same nation, year and release twice, a deadline before the announcement.
 */
export function planSpendingReference(
  dir: string,
  nations: ReadonlySet<string>,
  today: string,
): SpendingPlan {
  const problems: ErrorIssue[] = [];
  const figures: SpendingFigurePlan[] = [];
  const figureLines = new Map<string, number>();
  const figureFile = readCsv(join(dir, spendingFiles.figures), figureColumns);
  for (const { line, row } of parseRows(figureFile, figureRowSchema, problems)) {
    const where = `${spendingFiles.figures}:${line}`;
    if (!nations.has(row.nation_iso3)) {
      problems.push({
        path: where,
        message: `nation_iso3: ${row.nation_iso3} is not a nation Ramstein knows`,
      });
      continue;
    }
    const future = futureYearProblem(row.year, row.estimate, today);
    if (future !== null) {
      problems.push({ path: where, message: `estimate: ${future}` });
      continue;
    }
    const key = `${row.nation_iso3}|${row.year}|${row.nato_release}`;
    const earlier = figureLines.get(key);
    if (earlier !== undefined) {
      problems.push({
        path: where,
        message: `nato_release: ${row.nation_iso3} ${row.year} is already given for this release on line ${earlier}`,
      });
      continue;
    }
    figureLines.set(key, line);
    figures.push({
      nationCode: row.nation_iso3,
      year: row.year,
      release: row.nato_release,
      releaseDate: releaseDateOf(row.nato_release) ?? '',
      pctGdp: row.pct_gdp,
      usdMillion: row.usd_million_current,
      estimate: row.estimate,
      notes: row.notes,
      source_url: row.source_url,
      source_title: row.source_title,
      confidence: row.confidence,
    });
  }

  const targets: SpendingTargetPlan[] = [];
  const targetLines = new Map<string, number>();
  const targetFile = readCsv(join(dir, spendingFiles.targets), targetColumns);
  for (const { line, row } of parseRows(targetFile, targetRowSchema, problems)) {
    const where = `${spendingFiles.targets}:${line}`;
    if (row.nation_iso3 !== null && !nations.has(row.nation_iso3)) {
      problems.push({
        path: where,
        message: `nation_iso3: ${row.nation_iso3} is not a nation Ramstein knows`,
      });
      continue;
    }
    if (row.scope === 'national' && row.nation_iso3 === null) {
      problems.push({ path: where, message: 'nation_iso3: a national target needs its nation' });
      continue;
    }
    const deadlineYear = deadlineYearOf(row.target_year);
    const late = deadlineProblem(row.announced_date, deadlineYear);
    if (late !== null) {
      problems.push({ path: where, message: `target_year: ${late}` });
      continue;
    }
    const earlier = targetLines.get(row.target_id);
    if (earlier !== undefined) {
      problems.push({
        path: where,
        message: `target_id: ${row.target_id} is already on line ${earlier}`,
      });
      continue;
    }
    targetLines.set(row.target_id, line);
    targets.push({
      id: row.target_id,
      kind: targetKindOf(row.scope, row.nation_iso3),
      nationCode: row.nation_iso3,
      announcedOn: row.announced_date,
      announcedBy: row.announced_by,
      deadlineYear,
      deadline: row.target_year,
      pctGdp: row.target_pct_gdp,
      measure: targetMeasureOf[row.target_id] ?? 'defence',
      description: row.description,
      supersedesId: null,
      partOfId: null,
      source_url: row.source_url,
      source_title: row.source_title,
      confidence: row.confidence,
    });
  }
  // Links are applied only between targets that are both in the file.
  const present = new Set(targets.map((t) => t.id));
  for (const target of targets) {
    const old = targetSupersedes[target.id];
    const whole = targetPartOf[target.id];
    if (old !== undefined && present.has(old)) target.supersedesId = old;
    if (whole !== undefined && present.has(whole)) target.partOfId = whole;
  }
  for (const { id, message } of linkProblems(new Map(targets.map((t) => [t.id, t.announcedOn])))) {
    problems.push({
      path: `${spendingFiles.targets}:${targetLines.get(id) ?? 1}`,
      message: `target_id: ${id} ${message}`,
    });
  }
  return { figures, targets, problems };
}
