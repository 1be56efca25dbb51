import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { ErrorIssue } from '../errors';
import type { Cell, CellValue, GridRow, Sheet } from './nato-table';

/**
 * Turns a CSV text or an XLSX workbook into rows of cells for nato-table.ts. The caller reads the
 * file (the edge does I/O); a file that cannot be parsed at all is one problem, never a throw.
 */

/** A CSV file as one sheet: every cell text, every row with the line it starts on. */
export function csvSheet(
  text: string,
  file: string,
): { sheet: Sheet } | { problems: ErrorIssue[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: false,
    }) as unknown as typeof records;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { problems: [{ path: file, message: `is not valid CSV: ${reason}` }] };
  }
  const rows: GridRow[] = records.map(({ record, info }) => ({
    // csv-parse counts the line a record ends on; a quoted cell may span lines, so count back.
    line: info.lines - (record.join(',').split('\n').length - 1),
    cells: record.map((value) => ({ value: value.trim() === '' ? null : value })),
  }));
  return { sheet: { name: null, rows } };
}

function cellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) {
    const result: unknown = value.result;
    return typeof result === 'number' || typeof result === 'string' ? result : null;
  }
  if ('error' in value) return String(value.error);
  if ('text' in value) return String(value.text);
  return null;
}

/** Every worksheet of an XLSX workbook, in order, as rows of cells (formulas give their results). */
export async function xlsxSheets(
  data: Uint8Array,
  file: string,
): Promise<{ sheets: Sheet[] } | { problems: ErrorIssue[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type; the bytes are what it reads.
    await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { problems: [{ path: file, message: `is not a readable XLSX workbook: ${reason}` }] };
  }
  const sheets = workbook.worksheets.map((worksheet) => {
    const rows: GridRow[] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, line) => {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        const value = cellValue(cell.value);
        cells[column - 1] = {
          value: typeof value === 'string' && value.trim() === '' ? null : value,
          ...(typeof value === 'number' && cell.numFmt?.includes('%') ? { percent: true } : {}),
        };
      });
      rows.push({ line, cells: Array.from(cells, (cell) => cell ?? { value: null }) });
    });
    return { name: worksheet.name, rows };
  });
  return { sheets };
}
