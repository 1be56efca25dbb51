import { parse } from 'csv-parse/sync';
import type { ErrorIssue } from '../errors';
import { formatDecimal, isCurrencyCode, parseDecimal } from '../money';
import { isIsoDate } from '../time';

/** One published rate: `unitsPerEur` units of `currency` for one euro on `date`. */
export interface EcbRate {
  currency: string;
  date: string;
  /** Canonical decimal text: no trailing zeros ('148.5' for the ECB's '148.50'). */
  unitsPerEur: string;
  /** The line of the file it came from, for conflict reports. */
  line: number;
}

export interface EcbFile {
  rates: EcbRate[];
  /** Business days (rows) in the file. */
  days: number;
  /** Header columns that are not current ISO 4217 codes (CYP, EEK, ... retired by the euro): skipped. */
  ignored: string[];
  /** One per bad cell, as `file:line` and `column: reason`. */
  problems: ErrorIssue[];
}

const CODE = /^[A-Z]{3}$/;
// The ECB writes N/A where a currency had no fixing that day (or was no longer quoted).
const NO_RATE = new Set(['', 'N/A']);

/**
 * Reads the ECB's `eurofxref-hist.csv` layout: a header `Date,USD,JPY,...`, one row per business day
 * (newest first, though order is not relied on), a trailing comma on every line, `N/A` where there is
 * no rate. UTF-8 with or without a BOM. Every bad cell is reported; a file with problems yields no rates.
 */
export function parseEcbFile(text: string, fileName: string): EcbFile {
  const fail = (line: number, message: string): EcbFile => ({
    rates: [],
    days: 0,
    ignored: [],
    problems: [{ path: `${fileName}:${line}`, message }],
  });
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    }) as unknown as typeof records;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail(1, `is not valid CSV: ${reason}`);
  }
  const [head, ...body] = records;
  if (!head) return fail(1, 'the file is empty');
  const header = [...head.record];
  if (header.at(-1) === '') header.pop(); // the ECB's trailing comma
  if (header[0] !== 'Date')
    return fail(1, `Date: the first column must be Date, not "${header[0]}"`);

  const problems: ErrorIssue[] = [];
  const columns = header.slice(1);
  const ignored: string[] = [];
  columns.forEach((column, i) => {
    if (!CODE.test(column)) {
      problems.push({
        path: `${fileName}:1`,
        message: `column ${i + 2}: "${column}" is not a currency code`,
      });
    } else if (columns.indexOf(column) !== i) {
      problems.push({ path: `${fileName}:1`, message: `${column}: the column is listed twice` });
    } else if (column === 'EUR') {
      problems.push({ path: `${fileName}:1`, message: 'EUR: the euro is the base, not a column' });
    } else if (!isCurrencyCode(column)) ignored.push(column);
  });

  const rates: EcbRate[] = [];
  const dates = new Map<string, number>();
  for (const { record, info } of body) {
    const line = info.lines;
    const cells =
      record.length === header.length + 1 && record.at(-1) === '' ? record.slice(0, -1) : record;
    const where = `${fileName}:${line}`;
    if (cells.length !== header.length) {
      problems.push({
        path: where,
        message: `has ${cells.length} cells where the header has ${header.length}`,
      });
      continue;
    }
    const date = cells[0] ?? '';
    if (!isIsoDate(date)) {
      problems.push({ path: where, message: `Date: "${date}" is not a date written YYYY-MM-DD` });
      continue;
    }
    const seen = dates.get(date);
    if (seen !== undefined) {
      problems.push({ path: where, message: `Date: ${date} is listed twice (also line ${seen})` });
      continue;
    }
    dates.set(date, line);
    columns.forEach((currency, i) => {
      const cell = cells[i + 1] ?? '';
      if (NO_RATE.has(cell) || ignored.includes(currency)) return;
      const value = parseDecimal(cell);
      if (value === null || value.coefficient <= 0n) {
        problems.push({
          path: where,
          message: `${currency}: "${cell}" is not a positive decimal rate`,
        });
        return;
      }
      rates.push({ currency, date, unitsPerEur: formatDecimal(value), line });
    });
  }
  if (problems.length > 0) return { rates: [], days: 0, ignored, problems };
  return { rates, days: dates.size, ignored, problems };
}
