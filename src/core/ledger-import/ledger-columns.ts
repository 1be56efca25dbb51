import type { ImportKind, ImportProblem } from './ledger-import.schema';
import { type Cell, ImportRefused, type LedgerTable } from './ledger-file';

/**
 * The columns of each import kind (docs/ledger-import.md): the API's field names, flattened. A header
 * names each column once; case, spaces and hyphens do not matter (`Capability Area` is
 * `capability_area`). Export-only columns (ids, computed values, who and when) are what Ramstein's own
 * exports add: an import accepts and ignores them, so an export can be imported again as it is.
 */

export type ColumnType = 'text' | 'integer' | 'decimal' | 'date';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  /** The header must name it (its cells may still be empty where the rules allow). */
  required?: boolean;
  /** Written by exports, ignored by imports. */
  exportOnly?: boolean;
}

const col = (name: string, type: ColumnType = 'text', required = false): ColumnSpec => ({
  name,
  type,
  required,
});
const exported = (name: string): ColumnSpec => ({ name, type: 'text', exportOnly: true });

const marking = [col('marking', 'text', true), col('rel_to')];
const source = [col('source_url'), col('source_title'), col('confidence')];

export const requirementColumns: readonly ColumnSpec[] = [
  col('external_id', 'text', true),
  col('capability_area', 'text', true),
  col('item', 'text', true),
  col('specification'),
  col('quantity', 'integer', true),
  col('unit', 'text', true),
  col('needed_by', 'date'),
  col('priority', 'integer'),
  col('status'),
  col('note'),
  ...marking,
  ...source,
  ...['id', 'group', 'capability_area_name', 'origin_nation', 'marking_label'].map(exported),
  ...['created_by', 'created_at', 'updated_at', 'version'].map(exported),
];

export const pledgeColumns: readonly ColumnSpec[] = [
  col('external_id', 'text', true),
  col('donor'),
  col('channel_kind'),
  col('channel_nation'),
  col('channel_coalition'),
  col('channel_fund'),
  col('requirement_external_id'),
  col('capability_area'),
  col('item'),
  col('specification'),
  col('quantity', 'integer'),
  col('unit'),
  col('kind', 'text', true),
  col('value_amount', 'decimal'),
  col('value_currency'),
  col('valuation_date', 'date'),
  col('valuation_method'),
  col('announced_on', 'date', true),
  col('meeting_number', 'integer'),
  col('meeting_date', 'date'),
  col('event'),
  col('status'),
  col('status_on', 'date'),
  col('external_ref'),
  col('note'),
  ...marking,
  ...source,
  ...['id', 'group', 'capability_area_name', 'channel_key', 'requirement_id', 'meeting_id'].map(
    exported,
  ),
  ...['reporting_value_amount', 'reporting_currency', 'rate_used', 'rate_date'].map(exported),
  ...['is_estimate', 'delivered_quantity', 'marking_label'].map(exported),
  ...['created_by', 'created_at', 'updated_at', 'version'].map(exported),
];

export const deliveryColumns: readonly ColumnSpec[] = [
  col('pledge_external_id', 'text', true),
  col('external_id', 'text', true),
  col('quantity', 'integer', true),
  col('delivered_on', 'date', true),
  col('place'),
  col('note'),
  ...['id', 'pledge_id', 'donor', 'item', 'marking', 'marking_label'].map(exported),
  ...['recorded_by', 'recorded_at', 'confirmed', 'confirmed_by', 'confirmed_at'].map(exported),
];

export const columnsOf = (kind: ImportKind): readonly ColumnSpec[] =>
  kind === 'requirements'
    ? requirementColumns
    : kind === 'pledges'
      ? pledgeColumns
      : deliveryColumns;

/** `Capability Area`, `capability-area` and `CAPABILITY_AREA` all name capability_area. */
export const normaliseHeader = (name: string): string =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** One data row, its cells by column name, and how each column is labelled in the file. */
export interface ImportRow {
  sheet: string | null;
  line: number;
  /** Its cells, found by column name through `columns`, which every row of the file shares. */
  cells: readonly Cell[];
  columns: ReadonlyMap<string, number>;
  /** The column as the file's header names it, for problems. */
  label: (column: string) => string;
  /** Problems found while reading its cells (formulas, error values). */
  preset: readonly ImportProblem[];
}

/**
 * Checks the header against the kind's columns — every name known, none twice, the required ones
 * there — and returns the rows by column name. A bad header refuses the file, naming each column.
 */
export function standardRows(table: LedgerTable, kind: ImportKind): ImportRow[] {
  const specs = new Map(columnsOf(kind).map((s) => [s.name, s]));
  const problems: ImportProblem[] = [];
  const at = (column: string | null, message: string): ImportProblem => ({
    sheet: table.sheet,
    line: table.headerLine,
    column,
    message,
  });
  const indexOf = new Map<string, number>();
  const labels = new Map<string, string>();
  table.header.forEach((written, i) => {
    const name = normaliseHeader(written);
    if (name === '') {
      const hasData = table.rows.some((r) => r.cells[i] !== null && r.cells[i] !== undefined);
      if (hasData) problems.push(at(`column ${i + 1}`, 'has data but no name in the header'));
      return;
    }
    if (!specs.has(name)) {
      problems.push(
        at(
          written,
          `is not a column of a ${kind} file (see docs/ledger-import.md for the columns)`,
        ),
      );
      return;
    }
    if (indexOf.has(name)) {
      problems.push(
        at(written, `appears twice in the header (also column ${(indexOf.get(name) ?? 0) + 1})`),
      );
      return;
    }
    indexOf.set(name, i);
    labels.set(name, written);
  });
  for (const spec of specs.values()) {
    if (spec.required && !indexOf.has(spec.name)) {
      problems.push(at(spec.name, `is missing: a ${kind} file needs this column`));
    }
  }
  if (problems.length > 0) throw new ImportRefused(problems);
  const label = (column: string) => labels.get(column) ?? column;
  const presetOf = problemsByLine(table.problems);
  // Export-only columns are read by nobody: left out, an import ignores them.
  const columns = new Map([...indexOf].filter(([name]) => specs.get(name)?.exportOnly !== true));
  return table.rows.map((row) => ({
    sheet: table.sheet,
    line: row.line,
    cells: row.cells,
    columns,
    label,
    preset: presetOf(row.line),
  }));
}

/** A row's cell in a column; undefined when the file has no such column. */
export function cellOf(row: ImportRow, column: string): Cell | undefined {
  const i = row.columns.get(column);
  return i === undefined ? undefined : (row.cells[i] ?? null);
}

/** The reading problems of each line, so each row reports its own. */
export function problemsByLine(problems: readonly ImportProblem[]) {
  const byLine = new Map<number, ImportProblem[]>();
  for (const p of problems) {
    if (p.line !== null) byLine.set(p.line, [...(byLine.get(p.line) ?? []), p]);
  }
  return (line: number): readonly ImportProblem[] => byLine.get(line) ?? [];
}

/** A number as plain decimal text (never 1e+21 or 1e-7). */
export function numberText(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return value.toFixed(0);
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

/** A date cell's calendar day; spreadsheet dates can sit a hair off midnight, so round to the day. */
export function dayOf(date: Date): string {
  const day = 86_400_000;
  return new Date(Math.round(date.getTime() / day) * day).toISOString().slice(0, 10);
}

const PLAIN_INTEGER = /^[+-]?\d+$/;
const PLAIN_DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * Reads typed values from a row, collecting a problem for a cell of the wrong kind. An empty cell is
 * undefined. Values that are the wrong shape but readable pass through for the Zod schema to judge, so
 * its message (and only one message) names the problem.
 */
export class CellReader {
  readonly problems: ImportProblem[];
  constructor(readonly row: ImportRow) {
    this.problems = [...row.preset];
  }

  problem(column: string, message: string): void {
    // A cell that could not be read (a formula) says so once; what follows from its absence is noise.
    const label = this.row.label(column);
    if (this.row.preset.some((p) => p.column === label)) return;
    this.problems.push({
      sheet: this.row.sheet,
      line: this.row.line,
      column: label,
      message,
    });
  }

  has(column: string): boolean {
    const cell = cellOf(this.row, column);
    return cell !== null && cell !== undefined;
  }

  text(column: string): string | undefined {
    const cell = cellOf(this.row, column);
    if (cell === null || cell === undefined) return undefined;
    if (typeof cell === 'string') {
      const text = cell.trim();
      return text === '' ? undefined : text;
    }
    if (typeof cell === 'number') return numberText(cell);
    if (cell instanceof Date) return dayOf(cell);
    return cell ? 'true' : 'false';
  }

  /** A whole number, or the text as written for the schema to refuse. */
  integer(column: string): number | string | undefined {
    const cell = cellOf(this.row, column);
    if (typeof cell === 'number') return cell;
    const text = this.text(column);
    if (text === undefined) return undefined;
    if (PLAIN_INTEGER.test(text) || PLAIN_DECIMAL.test(text)) return Number(text);
    return text;
  }

  decimal(column: string): string | undefined {
    return this.text(column);
  }

  /** A calendar day: a date cell, or text the schema checks is YYYY-MM-DD. */
  date(column: string): string | undefined {
    const cell = cellOf(this.row, column);
    if (typeof cell === 'number') {
      this.problem(
        column,
        `is the number ${numberText(cell)}, not a date: format the cell as a date or write YYYY-MM-DD`,
      );
      return undefined;
    }
    return this.text(column);
  }
}
