import { CompiledQuery } from 'kysely';
import type { Database, Db } from '../db/database';

/**
 * Multi-row INSERTs for imports. Each statement binds at most 16 000 values, under SQLite's 32 766 and
 * PostgreSQL's 65 535, and the SQL of each (table, row count) is compiled once by Kysely — in the
 * dialect's own placeholders — and reused with new values, so a large file costs one statement per
 * few hundred rows and no query building per row.
 */

export const MAX_BOUND_VALUES = 16_000;

/**
 * About a hundred rows a statement: measured on SQLite, binding thousands of values to one statement
 * costs more than it saves (a hundred-row statement beat both single rows and 16 000-value ones), and on
 * PostgreSQL a hundred rows already make the round trips a small part of the cost.
 */
export const rowsPerStatement = (width: number): number =>
  Math.max(1, Math.min(100, Math.floor(MAX_BOUND_VALUES / width)));

/**
 * A row whose key is taken adds its `add` columns to the stored row's instead of failing: a bucket
 * table's totals (`INSERT ... ON CONFLICT (key) DO UPDATE SET sum = sum + excluded.sum`).
 */
export interface OnConflictAdd {
  key: readonly string[];
  add: readonly string[];
}

// Per connection or transaction, so SQLite's and PostgreSQL's placeholders never mix.
const compiledTexts = new WeakMap<Db, Map<string, string>>();

function insertText(
  db: Db,
  table: string,
  columns: readonly string[],
  count: number,
  conflict: OnConflictAdd | undefined,
): string {
  let texts = compiledTexts.get(db);
  if (texts === undefined) {
    texts = new Map();
    compiledTexts.set(db, texts);
  }
  const key = `${table}|${columns.join(',')}|${count}|${conflict?.key.join(',') ?? ''}|${conflict?.add.join(',') ?? ''}`;
  let text = texts.get(key);
  if (text === undefined) {
    const blank = Object.fromEntries(columns.map((c) => [c, null]));
    const insert = db
      .insertInto(table as 'pledges')
      .values(Array.from({ length: count }, () => blank) as never);
    const compiled = (
      conflict === undefined
        ? insert
        : insert.onConflict((oc) =>
            oc.columns(conflict.key as never).doUpdateSet((eb) => {
              const set: Record<string, unknown> = {};
              for (const s of conflict.add) {
                set[s] = eb(
                  eb.ref(`${table}.${s}` as never),
                  '+',
                  eb.ref(`excluded.${s}` as never),
                );
              }
              return set;
            }),
          )
    ).compile();
    // The values must bind row by row, column by column; Kysely does exactly that.
    if (compiled.parameters.length !== count * columns.length) {
      throw new Error(`unexpected INSERT shape for ${table}`);
    }
    text = compiled.sql;
    texts.set(key, text);
  }
  return text;
}

/**
 * The statements that insert `rows` (objects with every column of the first) in as few statements as
 * the limit allows; with `conflict`, a row whose key is taken adds to the stored one instead.
 */
export function* insertStatements<T extends keyof Database>(
  db: Db,
  table: T,
  rows: readonly Database[T][],
  conflict?: OnConflictAdd,
): Generator<{ query: CompiledQuery; rows: number }> {
  const first = rows[0];
  if (first === undefined) return;
  const columns = Object.keys(first);
  const perStatement = rowsPerStatement(columns.length);
  const width = columns.length;
  for (let start = 0; start < rows.length; start += perStatement) {
    const end = Math.min(rows.length, start + perStatement);
    const values: unknown[] = new Array((end - start) * width);
    let k = 0;
    for (let r = start; r < end; r++) {
      const record = rows[r] as unknown as Record<string, unknown>;
      for (let c = 0; c < width; c++) values[k++] = record[columns[c] as string] ?? null;
    }
    yield {
      query: CompiledQuery.raw(insertText(db, table, columns, end - start, conflict), values),
      rows: end - start,
    };
  }
}

/** Runs insertStatements one after another, telling `onRows` as each is written. */
export async function insertMany<T extends keyof Database>(
  db: Db,
  table: T,
  rows: readonly Database[T][],
  onRows?: (written: number) => void,
  conflict?: OnConflictAdd,
): Promise<void> {
  for (const statement of insertStatements(db, table, rows, conflict)) {
    await db.executeQuery(statement.query);
    onRows?.(statement.rows);
  }
}
