import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { describeDatabaseUrl, type DatabaseKind } from '../config';
import { AppError } from '../errors';
import type { Database } from './database';
import { openSqliteWriter, type SqliteWriter } from './sqlite-writer';

export interface Connection {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Where it points, with any password removed, for logs and messages. */
  label: string;
  close: () => Promise<void>;
  /**
   * A second connection in a worker thread, for writing beside this thread's work (a file database
   * only; see sqlite-writer.ts for when it may be used). The caller closes it.
   */
  openWriter?: () => SqliteWriter;
}

/**
 * Opens the database a DATABASE_URL names. This is the only place that knows about dialects;
 * everything above it speaks Kysely.
 */
export async function connect(databaseUrl: string): Promise<Connection> {
  const { kind, target } = describeDatabaseUrl(databaseUrl);
  const db = kind === 'postgres' ? openPostgres(target) : openSqlite(target);
  const label = kind === 'postgres' ? redact(target) : target;
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw new AppError('unavailable', `Cannot reach the database at ${label}: ${describe(error)}`);
  }
  const connection: Connection = { db, kind, label, close: () => db.destroy() };
  if (kind === 'sqlite' && target !== ':memory:')
    connection.openWriter = () => openSqliteWriter(target);
  return connection;
}

function openSqlite(path: string): Kysely<Database> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new SQLite(path);
  // WAL lets readers run beside the writer; FULL sync makes an acknowledged commit survive power loss.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(database) }),
  });
}

/**
 * Kysely prepares every query afresh; preparing costs more than running most of ours. A statement is
 * reusable once prepared, so keep the most recent ones by their SQL text (bounded: queries with IN
 * lists of varying length each have their own text).
 */
function withStatementCache(database: SQLite.Database, size = 500) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => database.close(),
    prepare(text: string) {
      let statement = cache.get(text);
      if (statement) {
        cache.delete(text); // re-inserted below: the Map's order is the recency order
      } else {
        statement = database.prepare(text);
        if (cache.size >= size) {
          const oldest = cache.keys().next().value;
          if (oldest !== undefined) cache.delete(oldest);
        }
      }
      cache.set(text, statement);
      return statement;
    },
  };
}

const INT8 = 20;
const NUMERIC = 1700;

/**
 * bigint columns and sums (int8, and numeric from sum()) arrive as numbers, as they do from SQLite, while
 * they are safe integers; anything larger stays text rather than being silently rounded.
 */
function parseInteger(text: string): number | string {
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : text;
}

const defaultParser = (oid: number): ((text: string) => unknown) =>
  pg.types.getTypeParser(oid, 'text') as (text: string) => unknown;

const pgTypes = {
  getTypeParser: ((oid: number) =>
    oid === INT8 || oid === NUMERIC
      ? parseInteger
      : defaultParser(oid)) as unknown as typeof pg.types.getTypeParser,
};

function openPostgres(url: string): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5000,
    types: pgTypes,
  });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparseable url)';
  }
}

function describe(error: unknown): string {
  if (error instanceof AggregateError) return error.errors.map(describe).join('; ');
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
