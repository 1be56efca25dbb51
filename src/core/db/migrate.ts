import { type Kysely, type Migration, type MigrationResultSet, Migrator } from 'kysely';
import { AppError } from '../errors';
import type { Database } from './database';
import * as m0001 from './migrations/0001_foundation';
import * as m0002 from './migrations/0002_access';
import * as m0003 from './migrations/0003_exchange_rates';
import * as m0004 from './migrations/0004_capabilities';
import * as m0005 from './migrations/0005_ledger';
import * as m0006 from './migrations/0006_spending';
import * as m0007 from './migrations/0007_meeting_cycle';
import * as m0008 from './migrations/0008_chair_initiatives_live';
import * as m0009 from './migrations/0009_requirement_sums_index';
import * as m0010 from './migrations/0010_pledge_list_indexes';

/** Every migration in order. Listed here (not read from disk) so the same code runs from source or a bundle. */
const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_access': m0002,
  '0003_exchange_rates': m0003,
  '0004_capabilities': m0004,
  '0005_ledger': m0005,
  '0006_spending': m0006,
  '0007_meeting_cycle': m0007,
  '0008_chair_initiatives_live': m0008,
  '0009_requirement_sums_index': m0009,
  '0010_pledge_list_indexes': m0010,
};

/** The names of every migration, in order. */
export const migrationNames: readonly string[] = Object.keys(migrations);

function migrator(db: Kysely<Database>): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    migrationTableName: 'ramstein_migrations',
    migrationLockTableName: 'ramstein_migrations_lock',
  });
}

export interface MigrationStatus {
  name: string;
  executedAt: string | null;
}

/** Applies every pending migration, all in one transaction where the database allows it. */
export async function migrateUp(db: Kysely<Database>): Promise<string[]> {
  const result: MigrationResultSet = await migrator(db).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    const reason =
      result.error instanceof Error ? result.error.message : JSON.stringify(result.error);
    throw new AppError('unavailable', `Migration ${failed} failed: ${reason}`);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export async function migrationStatus(db: Kysely<Database>): Promise<MigrationStatus[]> {
  const found = await migrator(db).getMigrations();
  return found.map((m) => ({
    name: m.name,
    executedAt: m.executedAt ? m.executedAt.toISOString() : null,
  }));
}
