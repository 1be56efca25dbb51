import type { Insertable, Transaction } from 'kysely';
import { type Actor, recordAudit } from '../audit/audit.service';
import type { Database } from '../db/database';
import type { SpendingFiguresTable } from '../db/tables/spending';
import { AppError, type ErrorIssue } from '../errors';
import { newId } from '../ids';
import { todayIso } from '../time';
import {
  measureFromTitle,
  type ParsedTable,
  parseNatoTable,
  type Sheet,
  type SpendingMeasure,
} from './nato-table';
import { compareDecimal, decimal, releaseDateOf } from './spending';
import {
  fillFigure,
  insertFigures,
  listFiguresOfRelease,
  listNationNames,
} from './spending.repository';
import type { SpendingImportReport } from './spending.schema';

/** The column each measure of a NATO table is stored in. */
const columnOf = {
  'pct-gdp': 'pct_gdp',
  'usd-million': 'usd_million',
  'national-million': 'national_million',
  'gdp-usd-billion': 'gdp_usd_billion',
} as const satisfies Record<SpendingMeasure, keyof SpendingFiguresTable>;

/** Names NATO prints that are not the names Ramstein (ISO 3166, the participants file) gives. */
const nationAliases: Readonly<Record<string, string>> = {
  'czech republic': 'CZE',
  'slovak republic': 'SVK',
  turkey: 'TUR',
  turkiye: 'TUR',
  'the former yugoslav republic of macedonia': 'MKD',
  'republic of north macedonia': 'MKD',
  'united states of america': 'USA',
  'united states': 'USA',
  us: 'USA',
  'united kingdom': 'GBR',
  uk: 'GBR',
  netherlands: 'NLD',
};

/** Lower case, no accents, single spaces: 'Türkiye' and 'turkiye' are the same name. */
const normalise = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/** A resolver from a table's nation labels to codes: ISO code, Ramstein's name, or a known alias. */
async function nationResolver(
  db: Transaction<Database>,
): Promise<(label: string) => string | null> {
  const nations = await listNationNames(db);
  if (nations.length === 0) {
    throw new AppError('invalid', 'Spending figures not imported: no nations are known yet', [
      { path: 'nations', message: 'load the reference data first (ramstein seed)' },
    ]);
  }
  const byName = new Map<string, string>();
  for (const n of nations) {
    byName.set(normalise(n.name), n.code);
    byName.set(n.code.toLowerCase(), n.code);
  }
  const codes = new Set(nations.map((n) => n.code));
  return (label) => {
    const key = normalise(label);
    const alias = nationAliases[key];
    if (alias !== undefined && codes.has(alias)) return alias;
    return byName.get(key) ?? null;
  };
}

export interface SpendingImportOptions {
  file: string;
  /** The release the table is part of, named with its date: '2025-08 (Defence Expenditure of NATO Countries 2014-2025)'. */
  release: string;
  measure?: SpendingMeasure | undefined;
  /** The worksheet to read; by default the only one, or the first whose title names the measure. */
  sheet?: string | undefined;
  source?: {
    url: string | null;
    title: string | null;
    confidence: 'high' | 'medium' | 'uncertain';
  };
  dryRun?: boolean;
  now?: Date;
}

/** The worksheet to read, or a problem naming the sheets there are. */
function chooseSheet(
  sheets: readonly Sheet[],
  options: SpendingImportOptions,
  parse: (sheet: Sheet) => ParsedTable,
): { sheet: Sheet; parsed: ParsedTable } | ErrorIssue {
  const names = sheets.map((s) => `"${s.name ?? ''}"`).join(', ');
  if (options.sheet !== undefined) {
    const sheet = sheets.find((s) => s.name === options.sheet);
    return sheet
      ? { sheet, parsed: parse(sheet) }
      : {
          path: 'sheet',
          message: `"${options.sheet}" is not a sheet of ${options.file} (${names})`,
        };
  }
  const only = sheets.length === 1 ? sheets[0] : undefined;
  if (only) return { sheet: only, parsed: parse(only) };
  const wanted = options.measure ?? 'pct-gdp';
  for (const sheet of sheets) {
    const parsed = parse(sheet);
    if (parsed.title !== null && measureFromTitle(parsed.title) === wanted)
      return { sheet, parsed };
  }
  return {
    path: 'sheet',
    message: `no sheet of ${options.file} has a title naming ${wanted}: name one with --sheet (${names})`,
  };
}

/**
 * Imports one NATO table (nations as rows, years as columns) as figures of one release, in the caller's
 * transaction with its audit entry. All or nothing: any bad cell (file:line:column), an unknown
 * nation, a figure twice, or a value that differs from the one stored for the same nation, year and
 * release fails the whole import and writes nothing. Idempotent: the same table again changes nothing.
 * A stored figure of the release that lacks this measure (the % of GDP came first, the USD now) is
 * completed, never overwritten.
 */
export async function importSpendingTable(
  trx: Transaction<Database>,
  actor: Actor,
  sheets: readonly Sheet[],
  options: SpendingImportOptions,
): Promise<SpendingImportReport> {
  const now = options.now ?? new Date();
  const releaseDate = releaseDateOf(options.release);
  if (releaseDate === null) {
    throw new AppError('invalid', 'Spending figures not imported: the release has no date', [
      {
        path: 'release',
        message: `"${options.release}" names no publication date: write it first, e.g. "2025-08 (Defence Expenditure of NATO Countries 2014-2025)"`,
      },
    ]);
  }
  const nationOf = await nationResolver(trx);
  const chosen = chooseSheet(sheets, options, (sheet) =>
    parseNatoTable(sheet, {
      file: options.file,
      measure: options.measure,
      today: todayIso(now),
      nationOf,
    }),
  );
  if ('path' in chosen) {
    throw new AppError('invalid', `Spending figures not imported: ${chosen.message}`, [chosen]);
  }
  const { sheet, parsed } = chosen;
  if (parsed.problems.length > 0) {
    throw new AppError(
      'invalid',
      `Spending figures not imported: ${parsed.problems.length} problem(s) in ${options.file}, nothing was written`,
      parsed.problems,
    );
  }

  const column = columnOf[parsed.measure];
  const stored = new Map(
    (await listFiguresOfRelease(trx, options.release)).map((row) => [
      `${row.nation_code}|${row.year}`,
      row,
    ]),
  );
  const loadedAt = now.toISOString();
  const source = options.source ?? { url: null, title: null, confidence: 'high' as const };
  const sourceTitle =
    source.title ??
    `${options.release}: ${options.file}${sheet.name === null ? '' : ` (${sheet.name})`}`;
  const fresh: Insertable<SpendingFiguresTable>[] = [];
  const fills: { id: string; values: Partial<SpendingFiguresTable> }[] = [];
  const conflicts: ErrorIssue[] = [];
  let unchanged = 0;
  for (const figure of parsed.figures) {
    const where = `${options.file}:${figure.line}:${figure.column}`;
    const existing = stored.get(`${figure.nationCode}|${figure.year}`);
    const values: Partial<SpendingFiguresTable> = {
      [column]: figure.value,
      ...(parsed.measure === 'national-million' ? { national_currency: figure.currency } : {}),
    };
    if (existing === undefined) {
      fresh.push({
        id: newId(now.getTime()),
        nation_code: figure.nationCode,
        year: figure.year,
        release: options.release,
        release_date: releaseDate,
        pct_gdp: null,
        usd_million: null,
        national_million: null,
        national_currency: null,
        gdp_usd_billion: null,
        ...values,
        estimate: figure.estimate ? 1 : 0,
        notes: null,
        loaded_from: options.file,
        loaded_at: loadedAt,
        source_url: source.url,
        source_title: sourceTitle,
        confidence: source.confidence,
      });
      continue;
    }
    const before = existing[column];
    const label = `${figure.nationCode} ${figure.year} in ${options.release}`;
    if ((existing.estimate === 1) !== figure.estimate) {
      conflicts.push({
        path: where,
        message: `${label} is stored as ${existing.estimate === 1 ? 'an estimate' : 'final'}, the table says ${figure.estimate ? 'an estimate' : 'final'}`,
      });
    } else if (before === null) {
      fills.push({ id: existing.id, values });
    } else if (compareDecimal(decimal(before), decimal(figure.value)) !== 0) {
      conflicts.push({
        path: where,
        message: `${label} is stored as ${before}, the table says ${figure.value}: a release is imported once; a revision is a new release`,
      });
    } else if (
      parsed.measure === 'national-million' &&
      existing.national_currency !== figure.currency
    ) {
      conflicts.push({
        path: where,
        message: `${label} is stored in ${existing.national_currency ?? 'no currency'}, the table says ${figure.currency ?? 'none'}`,
      });
    } else unchanged += 1;
  }
  if (conflicts.length > 0) {
    throw new AppError(
      'conflict',
      `Spending figures not imported: ${conflicts.length} figure(s) differ from those stored for ${options.release}; nothing was written`,
      conflicts,
    );
  }

  const report: SpendingImportReport = {
    file: options.file,
    sheet: sheet.name,
    release: { name: options.release, date: releaseDate },
    measure: parsed.measure,
    measureFrom: parsed.measureFrom,
    dryRun: options.dryRun === true,
    nations: new Set(parsed.figures.map((f) => f.nationCode)).size,
    years: [...new Set(parsed.figures.map((f) => f.year))].sort((a, b) => a - b),
    cells: parsed.figures.length,
    inserted: fresh.length,
    filled: fills.length,
    unchanged,
    skipped: parsed.skipped,
  };
  if (report.dryRun || (fresh.length === 0 && fills.length === 0)) return report;

  await insertFigures(trx, fresh);
  for (const fill of fills) await fillFigure(trx, fill.id, fill.values);
  const { dryRun: _dryRun, skipped: _skipped, ...summary } = report;
  await recordAudit(
    trx,
    actor,
    {
      action: 'spending.import',
      entity: 'spending_figures',
      entityId: null,
      marking: { marking: 'PUBLIC', rel_to: null, group_id: null },
      after: summary,
    },
    now,
  );
  return report;
}
