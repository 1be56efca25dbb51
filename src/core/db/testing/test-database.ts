import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { connect, type Connection } from '../connect';
import { migrateUp } from '../migrate';
import { seedReferenceData } from '../../reference/seed';
import type { DatabaseKind } from '../../config';

export const databaseKinds: readonly DatabaseKind[] = ['sqlite', 'postgres'];

let counter = 0;

/** True when this run can use PostgreSQL (see postgres.global-setup.ts). */
export const postgresAvailable = (): boolean => inject('postgresAdminUrl') !== null;

/**
 * A brand-new, empty database of the given kind: a SQLite file in a temporary folder, or a PostgreSQL
 * database created for this test file (dropped at the end of the run). Returns its URL and a cleanup.
 */
export async function createTestDatabase(
  kind: DatabaseKind,
): Promise<{ url: string; drop: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'ramstein-test-'));
    return {
      url: join(dir, 'test.sqlite'),
      drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    };
  }
  const adminUrl = inject('postgresAdminUrl');
  if (adminUrl === null) throw new Error('PostgreSQL is not available for this run');
  counter += 1;
  const name = `${inject('postgresRunPrefix')}_${process.pid}_${counter}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.end();
    },
  };
}

/** A fresh database of the given kind, migrated and (unless told otherwise) loaded with the reference data. */
export async function openTestDatabase(kind: DatabaseKind, options: { seed?: boolean } = {}) {
  const database = await createTestDatabase(kind);
  const connection = await connect(database.url);
  await migrateUp(connection.db);
  if (options.seed ?? true) await seedReferenceData(connection.db, { dir: 'data/reference' });
  return {
    url: database.url,
    connection,
    close: async () => {
      await connection.close();
      await database.drop();
    },
  };
}

/**
 * Runs the same suite on SQLite and on PostgreSQL, each on its own fresh seeded database. The
 * PostgreSQL run is skipped only when no server answers (never in CI: the global setup fails there).
 */
export function describeOnEachDatabase<T>(
  name: string,
  open: (kind: DatabaseKind) => Promise<{ value: T; close: () => Promise<void> }>,
  suite: (ctx: () => T) => void,
): void {
  for (const kind of databaseKinds) {
    const run = kind === 'postgres' && !postgresAvailable() ? describe.skip : describe;
    run(`${name} [${kind}]`, () => {
      let opened: { value: T; close: () => Promise<void> } | undefined;
      beforeAll(async () => {
        opened = await open(kind);
      });
      afterAll(async () => {
        await opened?.close();
      });
      suite(() => {
        if (!opened) throw new Error('the test database is not open');
        return opened.value;
      });
    });
  }
}

/** The suite gets a seeded connection of each kind: for repository and seed tests below HTTP. */
export const describeOnEachConnection = (
  name: string,
  suite: (ctx: () => { kind: DatabaseKind; connection: Connection }) => void,
) =>
  describeOnEachDatabase(
    name,
    async (kind) => {
      const opened = await openTestDatabase(kind);
      return { value: { kind, connection: opened.connection }, close: opened.close };
    },
    suite,
  );
