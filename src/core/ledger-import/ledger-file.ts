import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import {
  type FileFormat,
  type ImportProblem,
  MAX_IMPORT_BYTES,
  type TextEncoding,
} from './ledger-import.schema';

/**
 * Reads an import file into rows of cells, whatever it is: CSV (UTF-8 with or without a byte-order
 * mark, or Windows-1252; comma, semicolon or tab) or an XLSX workbook. It refuses what it cannot read
 * honestly — too large, empty, UTF-16, an old .xls, a formula — and says why.
 */

/** A cell as read: text, a number, a truth value, a date (XLSX), or nothing. */
export type Cell = string | number | boolean | Date | null;

export interface SheetRow {
  /** The line of the CSV file (where the record starts) or the row number of the sheet. */
  line: number;
  cells: Cell[];
}

export interface LedgerTable {
  sheet: string | null;
  header: string[];
  headerLine: number;
  rows: SheetRow[];
  /** Cells refused while reading (formulas, error values), each with its line and column. */
  problems: ImportProblem[];
}

export interface LedgerFile {
  file: string;
  bytes: number;
  sha256: string;
  format: FileFormat;
  encoding: TextEncoding | null;
  notes: string[];
  sheetNames: string[];
  /** The named sheet of a workbook (the first when none is named); the only table of a CSV file. */
  table(sheet?: string): LedgerTable;
}

/** A file refused as a whole: every problem is about the file, its header or a sheet. */
export class ImportRefused extends Error {
  override readonly name = 'ImportRefused';
  constructor(readonly problems: ImportProblem[]) {
    super(problems.map((p) => p.message).join('; '));
  }
}

const refuse = (message: string, column: string | null = null, line: number | null = null) =>
  new ImportRefused([{ sheet: null, line, column, message }]);

/** Why formulas are refused, said once in every formula problem. */
export const FORMULA_REASON =
  'formulas are refused: a cell must hold the value itself, not what a spreadsheet would compute, ' +
  'and a formula can run when the file is opened in a spreadsheet again (write the value, or ' +
  "start the text with ' to keep it as text)";

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** Opens an import file from its bytes. Throws ImportRefused for a file it cannot read. */
export async function openLedgerFile(bytes: Uint8Array, file: string): Promise<LedgerFile> {
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw refuse(
      `${file} is ${megabytes(bytes.length)} MB: larger than the ${megabytes(MAX_IMPORT_BYTES)} MB an import reads; split it into smaller files`,
    );
  }
  if (bytes.length === 0) throw refuse(`${file} is empty`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const base = { file, bytes: bytes.length, sha256 };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]))
    return { ...base, ...(await openXlsx(bytes, file)) };
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw refuse(`${file} is an old Excel (.xls) workbook: save it as .xlsx or as CSV UTF-8`);
  }
  if (/\.xlsx$/i.test(file)) throw refuse(`${file} is named .xlsx but is not an XLSX workbook`);
  return { ...base, ...openCsv(bytes, file) };
}

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

// ---------------------------------------------------------------------------------------------------
// CSV

function decode(
  bytes: Uint8Array,
  file: string,
): { text: string; encoding: TextEncoding; note: string } {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    throw refuse(`${file} is UTF-16 text: save it as CSV UTF-8 (or Windows-1252) and import that`);
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw refuse(
      `${file} holds a NUL byte at offset ${nul}: it is not a text file (or is UTF-16 without a byte-order mark); save it as CSV UTF-8`,
    );
  }
  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    return bom
      ? {
          text,
          encoding: 'utf-8-bom',
          note: 'Read as UTF-8 (the file starts with a byte-order mark).',
        }
      : { text, encoding: 'utf-8', note: 'Read as UTF-8.' };
  } catch {
    if (bom) {
      throw refuse(
        `${file} starts with a UTF-8 byte-order mark but is not valid UTF-8: save it again as CSV UTF-8`,
      );
    }
    const at = firstInvalidUtf8(body);
    return {
      text: decodeWindows1252(body),
      encoding: 'windows-1252',
      note: `Read as Windows-1252: the file is not valid UTF-8 (the first byte that is not, at offset ${at}, is 0x${(body[at] ?? 0).toString(16).toUpperCase()}).`,
    };
  }
}

/** Windows-1252's characters for bytes 0x80–0x9F (Latin-1 has control codes there). */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Windows-1252 as the WHATWG Encoding Standard defines it. Node 20's TextDecoder decodes this label as
 * Latin-1 (0x80 as U+0080, not €), so the 32 characters where the two differ are mapped here; on a
 * runtime that already maps them, there is nothing left to map.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

/** The offset of the first byte that breaks UTF-8, for the report. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const length =
      b < 0x80 ? 1 : b >> 5 === 0b110 ? 2 : b >> 4 === 0b1110 ? 3 : b >> 3 === 0b11110 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += length;
  }
  return i;
}

/** The delimiter of the header line: the most frequent of comma, semicolon and tab outside quotes. */
function delimiterOf(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch] += 1;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A CSV cell that a spreadsheet would run as a formula: it starts with = + - or @ and is not a plain
 * number. A leading apostrophe (how Ramstein's own CSV export neutralises such text) keeps it as text.
 */
export function csvCellValue(raw: string): { value: string } | { formula: string } {
  const text = raw.trim();
  // Most cells start with a letter or digit: neither a formula nor an escaped one.
  const first = text.charCodeAt(0);
  if (first !== 39 && first !== 61 && first !== 43 && first !== 45 && first !== 64) {
    return { value: text };
  }
  if (/^'[=+\-@\t\r]/.test(text)) return { value: text.slice(1) };
  if (/^[=+\-@]/.test(text) && !PLAIN_NUMBER.test(text)) return { formula: text };
  return { value: text };
}

class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/** Line breaks (\n, \r\n or a lone \r) in text[from, to). */
function lineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) count += 1;
  }
  return count;
}

/**
 * RFC 4180 records with the line each starts on: fields quoted with " (a doubled "" inside is one "),
 * quoted fields may hold delimiters and line breaks, records end at \n, \r\n or \r. Rows may have
 * any number of cells; the header decides what they mean.
 */
export function parseCsv(text: string, delimiter: string): SheetRow[] {
  const rows: SheetRow[] = [];
  const separator = delimiter.charCodeAt(0);
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const start = line;
    const cells: string[] = [];
    for (;;) {
      if (text.charCodeAt(i) === 34) {
        let value = '';
        let from = i + 1;
        for (;;) {
          const quote = text.indexOf('"', from);
          if (quote === -1)
            throw new CsvSyntaxError(`a quoted cell opened on line ${line} is never closed`, line);
          value += text.slice(from, quote);
          line += lineBreaks(text, from, quote);
          if (text.charCodeAt(quote + 1) === 34) {
            value += '"';
            from = quote + 2;
          } else {
            i = quote + 1;
            break;
          }
        }
        const next = text.charCodeAt(i);
        if (i < n && next !== separator && next !== 10 && next !== 13) {
          throw new CsvSyntaxError(
            `text follows the closing quote of a cell on line ${line}`,
            line,
          );
        }
        cells.push(value);
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === separator || c === 10 || c === 13) break;
          j += 1;
        }
        cells.push(text.slice(i, j));
        i = j;
      }
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === separator) {
        i += 1;
        if (i >= n) cells.push('');
        if (i >= n) break;
        continue;
      }
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      line += 1;
      break;
    }
    rows.push({ line: start, cells });
  }
  return rows;
}

function openCsv(bytes: Uint8Array, file: string) {
  const { text, encoding, note } = decode(bytes, file);
  const delimiter = delimiterOf(text);
  const notes = [note];
  if (delimiter !== ',') {
    notes.push(`Columns are separated by ${delimiter === ';' ? 'semicolons' : 'tabs'}.`);
  }
  let rows: SheetRow[];
  try {
    rows = parseCsv(text, delimiter);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    throw refuse(`${file} is not valid CSV: ${error.message}`, null, error.line);
  }
  const table = (sheet?: string): LedgerTable => {
    if (sheet !== undefined) throw refuse(`${file} is a CSV file: it has no sheet "${sheet}"`);
    const filled = rows.filter((r) =>
      r.cells.some((c) => typeof c === 'string' && c.trim() !== ''),
    );
    const [head, ...body] = filled;
    if (!head) throw refuse(`${file} has no header row: it holds no text at all`);
    const problems: ImportProblem[] = [];
    const header = head.cells.map((c) => String(c).trim());
    const out = body.map((row) => ({
      line: row.line,
      cells: row.cells.map((raw, i) => {
        const cell = csvCellValue(String(raw));
        if ('value' in cell) return cell.value === '' ? null : cell.value;
        problems.push({
          sheet: null,
          line: row.line,
          column: header[i] ?? `column ${i + 1}`,
          message: `"${cell.formula.slice(0, 40)}" looks like a formula; ${FORMULA_REASON}`,
        });
        return null;
      }),
    }));
    return { sheet: null, header, headerLine: head.line, rows: out, problems };
  };
  return { format: 'csv' as const, encoding, notes, sheetNames: [], table };
}

// ---------------------------------------------------------------------------------------------------
// XLSX

async function openXlsx(bytes: Uint8Array, file: string) {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never,
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw refuse(`${file} is not a readable XLSX workbook: ${reason}`);
  }
  const sheets = workbook.worksheets;
  const sheetNames = sheets.map((s) => s.name);
  const table = (name?: string): LedgerTable => {
    const sheet = name === undefined ? sheets[0] : workbook.getWorksheet(name);
    if (!sheet) {
      throw refuse(
        name === undefined
          ? `${file} has no sheets`
          : `${file} has no sheet "${name}" (its sheets: ${sheetNames.join(', ')})`,
      );
    }
    return readSheet(sheet, file);
  };
  return {
    format: 'xlsx' as const,
    encoding: null,
    notes: [`Workbook with ${sheetNames.length} sheet(s): ${sheetNames.join(', ')}.`],
    sheetNames,
    table,
  };
}

function readSheet(sheet: ExcelJS.Worksheet, file: string): LedgerTable {
  const problems: ImportProblem[] = [];
  let header: string[] | null = null;
  let headerLine = 0;
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const width = Math.max(row.cellCount, header?.length ?? 0);
    const cells: Cell[] = [];
    for (let c = 1; c <= width; c++) {
      const column = header?.[c - 1] ?? `column ${c}`;
      cells.push(cellValue(row.getCell(c), sheet.name, line, column, problems));
    }
    if (cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''))) return;
    if (header === null) {
      header = cells.map((c) => (c === null ? '' : textOfHeader(c)));
      headerLine = line;
      return;
    }
    rows.push({ line, cells });
  });
  if (header === null) throw refuse(`${file}: the sheet "${sheet.name}" is empty`);
  // Problems found in the header row are about the header: report them once, as such.
  return { sheet: sheet.name, header, headerLine, rows, problems };
}

const textOfHeader = (cell: Exclude<Cell, null>): string =>
  cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell).trim();

/** A cell's value as typed; a formula or an error value is a problem, never a value. */
function cellValue(
  cell: ExcelJS.Cell,
  sheet: string,
  line: number,
  column: string,
  problems: ImportProblem[],
): Cell {
  const value = cell.value;
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date)
    return value;
  if ('formula' in value || 'sharedFormula' in value) {
    const formula = 'formula' in value ? value.formula : (value.formula ?? value.sharedFormula);
    problems.push({
      sheet,
      line,
      column,
      message: `holds the formula =${formula}; ${FORMULA_REASON}`,
    });
    return null;
  }
  if ('error' in value) {
    problems.push({ sheet, line, column, message: `holds the error value ${value.error}` });
    return null;
  }
  if ('richText' in value) {
    const text = value.richText
      .map((r) => r.text)
      .join('')
      .trim();
    return text === '' ? null : text;
  }
  if ('text' in value) return String(value.text).trim() || null;
  return null;
}
