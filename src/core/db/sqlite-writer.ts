import { Worker } from 'node:worker_threads';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import type { Database } from './database';

/**
 * A second connection to a SQLite file, in a worker thread, so that writing runs on the other core while
 * this thread goes on with its own work. A bulk import checks its rows here and sends each checked batch
 * to be inserted at once, without waiting: the checking and the writing overlap instead of following
 * each other (docs/ledger-import.md, "Speed").
 *
 * `db` is a Kysely over that connection for what must be awaited (the transaction, reads, the last
 * writes); `send` queues a statement behind everything sent before it and returns at once. A sent
 * statement that fails makes every later one fail with its error until the transaction rolls back, so
 * nothing after a failed write can commit.
 *
 * Only for a process whose own connection does not write meanwhile: while this connection holds the
 * write lock, a write on the main connection would wait for it, blocking its thread (better-sqlite3 is
 * synchronous). The CLI's import is such a process; the server imports on its own connection.
 */
export interface SqliteWriter {
  db: Kysely<Database>;
  send(query: CompiledQuery): void;
  close(): Promise<void>;
}

interface Answer {
  id: number;
  rows?: unknown[];
  changes?: number;
  lastInsertRowid?: number | bigint;
  error?: { message: string; code?: string };
}

/** An error from the writer thread, with SQLite's code (SQLITE_CONSTRAINT_UNIQUE, ...) as `code`. */
export class SqliteWriterError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'SqliteWriterError';
  }
}

export function openSqliteWriter(path: string): SqliteWriter {
  const worker = new Worker(new URL('./sqlite-writer.worker.mjs', import.meta.url), {
    workerData: { path },
  });
  const waiting = new Map<number, { resolve: (a: Answer) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let gone: Error | null = null;
  const fail = (error: Error) => {
    gone ??= error;
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  worker.on('message', (answer: Answer) => {
    const w = waiting.get(answer.id);
    if (w === undefined) return;
    waiting.delete(answer.id);
    w.resolve(answer);
  });
  worker.on('error', fail);
  worker.on('exit', () => fail(new Error('the SQLite writer thread has stopped')));

  const run = (query: CompiledQuery): Promise<QueryResult<unknown>> => {
    if (gone) return Promise.reject(gone);
    const id = nextId++;
    const answered = new Promise<Answer>((resolve, reject) => waiting.set(id, { resolve, reject }));
    worker.postMessage({ id, sql: query.sql, params: query.parameters });
    return answered.then((answer) => {
      if (answer.error) throw new SqliteWriterError(answer.error.message, answer.error.code);
      if (answer.rows) return { rows: answer.rows };
      return {
        rows: [],
        numAffectedRows: BigInt(answer.changes ?? 0),
        insertId: BigInt(answer.lastInsertRowid ?? 0),
      };
    });
  };

  const connection: DatabaseConnection = {
    executeQuery: run as DatabaseConnection['executeQuery'],
    streamQuery: () => {
      throw new Error('the SQLite writer does not stream queries');
    },
  };
  const raw = (sql: string) => run(CompiledQuery.raw(sql)).then(() => undefined);
  // One import uses a writer, one statement or transaction at a time: no pool, no mutex.
  const driver: Driver = {
    init: () => Promise.resolve(),
    acquireConnection: () => Promise.resolve(connection),
    // IMMEDIATE: the write lock is taken at the start, so nothing another connection writes can come
    // between what the transaction reads and what it writes.
    beginTransaction: () => raw('begin immediate'),
    commitTransaction: () => raw('commit'),
    rollbackTransaction: () => raw('rollback'),
    releaseConnection: () => Promise.resolve(),
    destroy: () => close(),
  };
  // Closed here rather than by Kysely's destroy, which skips a driver that never ran a query (a writer
  // opened for an import that did not need it), and would leave the thread holding the process open.
  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= gone
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          worker.once('exit', () => resolve());
          worker.postMessage({ close: true });
        });
    return closing;
  };
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => driver,
      createIntrospector: (k) => new SqliteIntrospector(k),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  });
  return {
    db,
    send: (query) => {
      if (!gone) worker.postMessage({ id: 0, sql: query.sql, params: query.parameters });
    },
    close,
  };
}
