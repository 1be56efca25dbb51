import type { ErrorIssue } from '../errors';
import { formatDecimal, isCurrencyCode, parseDecimal } from '../money';
import { amountProblem, futureYearProblem, percentProblem } from './spending';

/**
 * Reads one of NATO's "Defence Expenditure of NATO Countries" tables, already read into rows of cells
 * from CSV or XLSX (nato-table-file.ts), with no I/O: nations as rows, years as columns. The layout:
 *
 *   Table 3: Defence expenditure as a share of GDP (%)        ← title rows (optional): name the measure
 *   Country          | Currency | 2014 | 2015 | … | 2024e    ← header: the first row with year cells
 *   Albania          | Lek      | 1.35 | 1.16 | … | 2.03     ← a nation per row
 *   NATO Europe …    |          | …                          ← aggregates are skipped
 *
 * A year written with an `e` (2024e) is an estimate. Only the first run of year columns is read (NATO's
 * Table 3 repeats the years for the annual real change). Every bad cell is a problem at
 * `file:line:column`, and nothing is imported while there is one.
 */

export type CellValue = string | number | null;
export interface Cell {
  value: CellValue;
  /** The spreadsheet displays the number as a percentage: 0.0212 is shown, and meant, as 2.12 %. */
  percent?: boolean;
}
export interface GridRow {
  /** 1-based line of a CSV file or row of a worksheet. */
  line: number;
  /** cells[0] is column 1 (A). */
  cells: Cell[];
}
export interface Sheet {
  /** The worksheet's name; null for a CSV file. */
  name: string | null;
  rows: GridRow[];
}

export const spendingMeasures = [
  'pct-gdp',
  'usd-million',
  'national-million',
  'gdp-usd-billion',
] as const;
export type SpendingMeasure = (typeof spendingMeasures)[number];

/** What each measure is, and the NATO table that usually holds it. */
export const measureLabels: Readonly<Record<SpendingMeasure, string>> = {
  'pct-gdp': 'defence expenditure as % of GDP (NATO Table 3)',
  'usd-million': 'defence expenditure in million US dollars, current prices (NATO Table 2)',
  'national-million': 'defence expenditure in million national currency (NATO Table 1)',
  'gdp-usd-billion': 'GDP in billion US dollars',
};

/** The measure a table's title names, or null when it names none (checked most specific first). */
export function measureFromTitle(title: string): SpendingMeasure | null {
  const text = title.toLowerCase().replace(/\s+/g, ' ');
  if (/national currency/.test(text)) return 'national-million';
  if (/million (of )?(us dollars|usd|us\$)|(usd|us\$) ?million/.test(text)) return 'usd-million';
  if (/(gross domestic product|gdp)\b.*billion (of )?(us dollars|usd)/.test(text))
    return 'gdp-usd-billion';
  if (/(share|percentage|per ?cent|%) of (real )?gdp|as a share of (real )?gdp/.test(text))
    return 'pct-gdp';
  return null;
}

const YEAR_HEADER = /^(\d{4})\s*(?:\(?(e)\)?)?$/i;
const EMPTY_CELL = /^(-+|–|—|\.\.|…|n\/?a|na)?$/i;
/** Rows that total or summarise several nations: NATO's own aggregates, skipped rather than refused. */
const AGGREGATE = /^nato\b|total|median|average|europe and canada|^allies\b/i;

/** The spreadsheet name of column `n` (1-based): 1 → A, 28 → AB. */
export function columnName(n: number): string {
  let name = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26))
    name = String.fromCharCode(65 + ((rest - 1) % 26)) + name;
  return name;
}

const textOf = (cell: Cell | undefined): string =>
  cell === undefined || cell.value === null ? '' : String(cell.value).trim();

function yearOf(cell: Cell | undefined): { year: number; estimate: boolean } | null {
  if (cell === undefined || cell.value === null) return null;
  if (typeof cell.value === 'number') {
    return Number.isInteger(cell.value) && cell.value >= 1949 && cell.value <= 2100
      ? { year: cell.value, estimate: false }
      : null;
  }
  const match = YEAR_HEADER.exec(cell.value.trim());
  if (!match) return null;
  const year = Number(match[1]);
  return year >= 1949 && year <= 2100 ? { year, estimate: match[2] !== undefined } : null;
}

/** A nation's name as NATO prints it, without footnote marks: 'Montenegro*' → 'Montenegro'. */
export function cleanLabel(label: string): string {
  return label
    .replace(/\s*(\*+|\(\d+\)|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\d+\))$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A cell's number as exact decimal text, or a reason it is not one. Text keeps its digits ('2.10' stays
 * '2.10'; thousands separators go); a spreadsheet number is written as the shortest text that reads
 * back as the same number, i.e. as the file stores it; a percentage-formatted cell is moved two places.
 */
export function cellNumber(cell: Cell): { text: string } | { problem: string } | null {
  if (cell.value === null) return null;
  let text: string;
  if (typeof cell.value === 'number') {
    if (!Number.isFinite(cell.value)) return { problem: 'is not a number' };
    text = String(cell.value);
    if (/e/i.test(text)) return { problem: `${text} is not a plain decimal number` };
  } else {
    const raw = cell.value.replace(/[\s\u00a0]/g, '');
    if (EMPTY_CELL.test(raw)) return null;
    text = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(raw) ? raw.replaceAll(',', '') : raw;
    if (parseDecimal(text) === null) return { problem: `"${cell.value}" is not a number` };
  }
  if (cell.percent === true) {
    const value = parseDecimal(text);
    if (value === null) return { problem: `"${text}" is not a number` };
    // 0.0212 shown as 2.12 %: the same digits, the decimal point two places further right.
    const shifted =
      value.scale >= 2
        ? { coefficient: value.coefficient, scale: value.scale - 2 }
        : { coefficient: value.coefficient * 10n ** BigInt(2 - value.scale), scale: 0 };
    text = formatDecimal(shifted, shifted.scale);
  }
  return { text };
}

/** The currency of a row of a national-currency table: an ISO 4217 code, or NATO's name for it. */
const currencyNames: Readonly<Record<string, string>> = {
  euro: 'EUR',
  euros: 'EUR',
  lek: 'ALL',
  leks: 'ALL',
  lev: 'BGN',
  leva: 'BGN',
  'canadian dollars': 'CAD',
  koruny: 'CZK',
  'czech koruny': 'CZK',
  'danish kroner': 'DKK',
  kuna: 'HRK',
  forint: 'HUF',
  forints: 'HUF',
  kronur: 'ISK',
  denars: 'MKD',
  'norwegian kroner': 'NOK',
  zloty: 'PLN',
  zlotys: 'PLN',
  lei: 'RON',
  'new lei': 'RON',
  'pounds sterling': 'GBP',
  pounds: 'GBP',
  kronor: 'SEK',
  'swedish kronor': 'SEK',
  'turkish liras': 'TRY',
  liras: 'TRY',
  'us dollars': 'USD',
};
/** 'Kroner' is both Denmark's and Norway's in NATO's tables: the row's nation decides. */
const kronerOf: Readonly<Record<string, string>> = { DNK: 'DKK', NOR: 'NOK' };

function currencyOf(text: string, nation: string): string | null {
  const trimmed = text.trim();
  if (/^[A-Z]{3}$/.test(trimmed) && isCurrencyCode(trimmed)) return trimmed;
  const name = trimmed.toLowerCase().replace(/\s+/g, ' ');
  if (name === 'kroner') return kronerOf[nation] ?? null;
  return currencyNames[name] ?? null;
}

export interface TableFigure {
  nationCode: string;
  label: string;
  line: number;
  /** The column of the value (1-based). */
  column: number;
  year: number;
  /** Exact decimal text in the measure's unit. */
  value: string;
  estimate: boolean;
  /** The row's currency, for a national-currency table; null otherwise. */
  currency: string | null;
}

export interface ParsedTable {
  measure: SpendingMeasure;
  /** How the measure was chosen: given, read from the title, or the default (% of GDP). */
  measureFrom: 'option' | 'title' | 'default';
  title: string | null;
  headerLine: number | null;
  years: { year: number; estimate: boolean }[];
  figures: TableFigure[];
  /** Rows read past on purpose: aggregates and rows without figures (notes, blank lines). */
  skipped: { line: number; label: string; reason: string }[];
  problems: ErrorIssue[];
}

export interface ParseOptions {
  /** The file's name, for `file:line:column` in problems. */
  file: string;
  measure?: SpendingMeasure | undefined;
  /** Today, YYYY-MM-DD: a future year must be an estimate. */
  today: string;
  /** The ISO 3166-1 alpha-3 code of a nation as the table names it, or null for an unknown name. */
  nationOf: (label: string) => string | null;
}

/** Reads a NATO table; see the file comment for the layout. Problems are returned, never thrown. */
export function parseNatoTable(sheet: Sheet, options: ParseOptions): ParsedTable {
  const problems: ErrorIssue[] = [];
  const where = (line: number, column: number) => `${options.file}:${line}:${column}`;
  const cellRef = (line: number, column: number) =>
    `${sheet.name === null ? '' : `sheet "${sheet.name}" `}${columnName(column)}${line}`;
  const problem = (line: number, column: number, message: string) =>
    problems.push({ path: where(line, column), message: `${cellRef(line, column)}: ${message}` });

  const headerIndex = sheet.rows.findIndex((row) => row.cells.some((cell) => yearOf(cell)));
  const header = sheet.rows[headerIndex];
  const titleText = sheet.rows
    .slice(0, Math.max(headerIndex, 0))
    .flatMap((row) => row.cells.map(textOf))
    .filter((text) => text !== '')
    .join(' ');
  const title = titleText === '' ? null : titleText;
  const fromTitle = title === null ? null : measureFromTitle(title);
  const measure = options.measure ?? fromTitle ?? 'pct-gdp';
  const measureFrom = options.measure ? 'option' : fromTitle ? 'title' : 'default';
  const result: ParsedTable = {
    measure,
    measureFrom,
    title,
    headerLine: header?.line ?? null,
    years: [],
    figures: [],
    skipped: [],
    problems,
  };
  if (header === undefined) {
    problems.push({
      path: options.file,
      message: `${sheet.name === null ? '' : `sheet "${sheet.name}": `}no header row with years (2014, 2015, … 2024e) was found`,
    });
    return result;
  }

  // The first run of year columns; the label column is the last text column before it.
  const first = header.cells.findIndex((cell) => yearOf(cell) !== null);
  const yearColumns: { index: number; year: number; estimate: boolean }[] = [];
  for (let index = first; index < header.cells.length; index += 1) {
    const year = yearOf(header.cells[index]);
    if (year === null) break;
    const again = yearColumns.find((c) => c.year === year.year);
    if (again) {
      problem(
        header.line,
        index + 1,
        `${year.year} is a column twice (also ${columnName(again.index + 1)})`,
      );
      continue;
    }
    yearColumns.push({ index, ...year });
  }
  result.years = yearColumns.map(({ year, estimate }) => ({ year, estimate }));
  const before = header.cells.slice(0, first).map(textOf);
  const currencyIndex = before.findIndex((text) => /currency/i.test(text));
  const body = sheet.rows.slice(headerIndex + 1);
  const labelIndex =
    [...Array(first).keys()]
      .filter((index) => index !== currencyIndex)
      .find((index) => body.some((row) => /[a-z]/i.test(textOf(row.cells[index])))) ?? 0;
  if (measure === 'national-million' && currencyIndex < 0) {
    problem(header.line, 1, 'a national-currency table needs a Currency column before the years');
  }

  const futureYears = new Set<number>();
  const seen = new Map<string, number>();
  for (const row of body) {
    const label = cleanLabel(textOf(row.cells[labelIndex]));
    const values = yearColumns.map((column) => ({ column, cell: row.cells[column.index] }));
    const filled = values.filter(({ cell }) => cell !== undefined && cellNumber(cell) !== null);
    if (filled.length === 0) {
      if (label !== '') result.skipped.push({ line: row.line, label, reason: 'no figures' });
      continue;
    }
    if (label === '') {
      problem(row.line, labelIndex + 1, 'figures without a nation');
      continue;
    }
    if (AGGREGATE.test(label)) {
      result.skipped.push({ line: row.line, label, reason: 'an aggregate of several nations' });
      continue;
    }
    const nationCode = options.nationOf(label);
    if (nationCode === null) {
      problem(row.line, labelIndex + 1, `"${label}" is not a nation Ramstein knows`);
      continue;
    }
    const earlier = seen.get(nationCode);
    if (earlier !== undefined) {
      problem(
        row.line,
        labelIndex + 1,
        `${nationCode} is listed twice (also line ${earlier}): one figure per nation, year and release`,
      );
      continue;
    }
    seen.set(nationCode, row.line);
    let currency: string | null = null;
    if (measure === 'national-million' && currencyIndex >= 0) {
      const text = textOf(row.cells[currencyIndex]);
      currency = currencyOf(text, nationCode);
      if (currency === null) {
        problem(
          row.line,
          currencyIndex + 1,
          `"${text}" is not a currency (an ISO 4217 code such as EUR, or NATO's name for it)`,
        );
        continue;
      }
    }
    for (const { column, cell } of filled) {
      if (cell === undefined) continue;
      const parsed = cellNumber(cell);
      if (parsed === null) continue;
      const columnNumber = column.index + 1;
      if ('problem' in parsed) {
        problem(row.line, columnNumber, parsed.problem);
        continue;
      }
      const bad = measure === 'pct-gdp' ? percentProblem(parsed.text) : amountProblem(parsed.text);
      if (bad !== null) {
        problem(row.line, columnNumber, bad);
        continue;
      }
      if (futureYearProblem(column.year, column.estimate, options.today) !== null)
        futureYears.add(column.year);
      result.figures.push({
        nationCode,
        label,
        line: row.line,
        column: columnNumber,
        year: column.year,
        value: parsed.text,
        estimate: column.estimate,
        currency,
      });
    }
  }
  for (const column of yearColumns) {
    if (!futureYears.has(column.year)) continue;
    const message = futureYearProblem(column.year, column.estimate, options.today);
    if (message !== null)
      problem(header.line, column.index + 1, `${message} (write ${column.year}e)`);
  }
  return result;
}
