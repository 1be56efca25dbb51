import { CompiledQuery } from 'kysely';
import type { Database, Db } from '../src/core/db/database';

/**
 * Multi-row INSERTs for the generator: rows as arrays in a fixed column order, written in statements
 * of at most ~16 000 bound values (under SQLite's 32 766 and PostgreSQL's 65 535). The SQL text of
 * each (table, row count) is compiled once by Kysely — so the dialect's own placeholders are used —
 * and reused with new values, which keeps building the statement off the cost of a million rows.
 */

const MAX_VALUES = 16_000;

export type Row = readonly unknown[];

export class BulkWriter<T extends keyof Database> {
  /** SQL text per dialect (its adapter's class) and row count. */
  private readonly texts = new Map<unknown, Map<number, string>>();
  readonly rowsPerStatement: number;

  constructor(
    readonly table: T,
    readonly columns: readonly (keyof Database[T] & string)[],
  ) {
    this.rowsPerStatement = Math.max(1, Math.floor(MAX_VALUES / columns.length));
  }

  private text(db: Db, count: number): string {
    const dialect = db.getExecutor().adapter.constructor;
    let texts = this.texts.get(dialect);
    if (texts === undefined) {
      texts = new Map();
      this.texts.set(dialect, texts);
    }
    let text = texts.get(count);
    if (text === undefined) {
      const blank = Object.fromEntries(this.columns.map((c) => [c, null]));
      const compiled = db
        .insertInto(this.table)
        .values(Array.from({ length: count }, () => blank) as never)
        .compile();
      // The values must bind in row order, then column order; Kysely does exactly that.
      if (compiled.parameters.length !== count * this.columns.length) {
        throw new Error(`unexpected INSERT shape for ${this.table}`);
      }
      text = compiled.sql;
      texts.set(count, text);
    }
    return text;
  }

  /** Inserts every row, in as few statements as the bound-value limit allows. */
  async write(db: Db, rows: readonly Row[]): Promise<void> {
    const width = this.columns.length;
    for (let start = 0; start < rows.length; start += this.rowsPerStatement) {
      const slice = rows.slice(start, start + this.rowsPerStatement);
      const values: unknown[] = new Array(slice.length * width);
      let k = 0;
      for (const row of slice) {
        if (row.length !== width) throw new Error(`a ${this.table} row has ${row.length} values`);
        for (let c = 0; c < width; c++) values[k++] = row[c];
      }
      await db.executeQuery(CompiledQuery.raw(this.text(db, slice.length), values));
    }
  }
}
