import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { sql } from 'kysely';
import { recordAudit } from '../../core/audit/audit.service';
import type { Config } from '../../core/config';
import { AppError, invalid } from '../../core/errors';
import { withConnection } from '../context';
import { cliActor } from './accounts';

/**
 * A consistent copy of the whole database, taken while the platform runs: SQLite's VACUUM INTO (a
 * snapshot in one transaction), or pg_dump's custom format for PostgreSQL. Audited like any write.
 */
export async function runBackup(config: Config, target: string): Promise<void> {
  const file = resolve(target);
  if (existsSync(file)) throw invalid('file', `${file} exists; choose a new file name`);
  mkdirSync(dirname(file), { recursive: true });
  await withConnection(config, async ({ db, kind, label }) => {
    if (kind === 'sqlite') {
      await sql`vacuum into ${file}`.execute(db);
    } else {
      const dump = spawnSync(
        'pg_dump',
        ['--format=custom', '--no-owner', `--file=${file}`, config.DATABASE_URL],
        {
          encoding: 'utf8',
        },
      );
      if (dump.error || dump.status !== 0) {
        throw new AppError(
          'unavailable',
          `pg_dump failed: ${dump.error?.message ?? dump.stderr.trim()}`,
        );
      }
    }
    const bytes = statSync(file).size;
    await db.transaction().execute((trx) =>
      recordAudit(trx, cliActor(), {
        action: 'backup.create',
        entity: 'database',
        entityId: null,
        after: { file, bytes, kind },
      }),
    );
    process.stdout.write(`Backed up ${kind} ${label} to ${file} (${bytes} bytes).\n`);
  });
}
