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
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      trim: true,
      // Rows with too few or too many cells are reported below with their line, not thrown for the file.
      relax_column_count: true,
    }) as unknown as typeof records;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { name, rows: [], problems: [{ path: name, message: `is not valid CSV: ${reason}` }] };
  }
  const [head, ...body] = records;
  const header = head?.record ?? [];
  const missing = requiredColumns.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    return {
      name,
      rows: [],
      problems: [{ path: `${name}:1`, message: `missing column(s): ${missing.join(', ')}` }],
    };
  }
  const rows: CsvRow[] = [];
  const problems: ErrorIssue[] = [];
  for (const { record, info } of body) {
    // csv-parse counts the line a record ends on; a quoted cell may span lines, so count back.
    const line = info.lines - (record.join(',').split('\n').length - 1);
    if (record.length !== header.length) {
      problems.push({
        path: `${name}:${line}`,
        message: `has ${record.length} cells where the header has ${header.length}`,
      });
      continue;
    }
    rows.push({
      line,
      values: Object.fromEntries(header.map((column, i) => [column, record[i] ?? ''])),
    });
  }
  return { name, rows, problems };
}
