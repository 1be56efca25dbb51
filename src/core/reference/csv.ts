import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { ErrorIssue } from '../errors';

export interface CsvRow {
  /** 1-based line in the file where the record starts, for error messages. */
  line: number;
  values: Record<string, string>;
}

export interface CsvFile {
  name: string;
  rows: CsvRow[];
  problems: ErrorIssue[];
}

/**
 * Reads a UTF-8 CSV file with a header row (a BOM is tolerated). A file whose header lacks one of the
 * required columns yields one problem and no rows, so nothing downstream guesses at its shape.
 */
export function readCsv(path: string, requiredColumns: readonly string[]): CsvFile {
  const name = basename(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { name, rows: [], problems: [{ path: name, message: `cannot be read: ${reason}` }] };
  }
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      columns: true,
      info: true,
      skip_empty_lines: true,
      trim: true,
    }) as typeof records;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { name, rows: [], problems: [{ path: name, message: `is not valid CSV: ${reason}` }] };
  }
  const header = records[0] ? Object.keys(records[0].record) : [];
  const missing = requiredColumns.filter((column) => !header.includes(column));
  if (records.length > 0 && missing.length > 0) {
    return {
      name,
      rows: [],
      problems: [{ path: `${name}:1`, message: `missing column(s): ${missing.join(', ')}` }],
    };
  }
  // csv-parse reports the line a record ends on; a quoted field may span lines, so count back.
  const rows = records.map(({ record, info }) => ({
    line: info.lines - (Object.values(record).join(',').split('\n').length - 1),
    values: record,
  }));
  return { name, rows, problems: [] };
}
