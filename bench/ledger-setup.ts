import { statSync } from 'node:fs';
import { addUser } from '../src/core/accounts/account.service';
import { createApiToken, viewerFor } from '../src/core/accounts/auth.service';
import { findUserByUsername } from '../src/core/accounts/user.repository';
import { systemActor } from '../src/core/audit/audit.service';
import { randomSecret } from '../src/core/accounts/secrets';
import type { Connection } from '../src/core/db/connect';
import {
  generateLedger,
  type GenerateReport,
  isLedgerScale,
  ledgerScales,
  type LedgerScaleName,
} from './ledger-generator';

/** The ledger the benchmarks run on: generated afresh at BENCH_SCALE, or a file generated before. */

/** BENCH_SCALE: the generator's scale, m by default (a few minutes of `npm run bench` on 2 cores). */
export function benchScale(value: string | undefined): LedgerScaleName {
  if (value === undefined || value === '') return 'm';
  if (!isLedgerScale(value)) {
    throw new Error(
      `BENCH_SCALE must be one of ${Object.keys(ledgerScales).join(', ')}, not "${value}"`,
    );
  }
  return value;
}

export interface BenchLedger {
  scale: LedgerScaleName;
  /** Null when the ledger was generated before the run (BENCH_LEDGER_DB). */
  generated: GenerateReport | null;
  pledges: number;
  deliveries: number;
}

/**
 * Generates the ledger into a migrated, seeded database, or checks that a reused one holds the
 * ledger of that scale (so a result never names the wrong scale).
 */
export async function prepareLedger(
  connection: Connection,
  scale: LedgerScaleName,
  reused: boolean,
  log: (line: string) => void,
): Promise<BenchLedger> {
  const count = async (table: 'pledges' | 'deliveries') =>
    Number(
      (
        await connection.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  if (reused) {
    const pledges = await count('pledges');
    if (pledges !== ledgerScales[scale].pledges) {
      throw new Error(
        `BENCH_LEDGER_DB holds ${pledges} pledges, not the ${ledgerScales[scale].pledges} of scale ` +
          `${scale}: generate it with \`ramstein bench generate --scale ${scale}\` into an empty database`,
      );
    }
    return { scale, generated: null, pledges, deliveries: await count('deliveries') };
  }
  let phase = '';
  const generated = await generateLedger(connection, {
    scale,
    onProgress: (p) => {
      if (p.phase !== phase) log(`  generating ${p.phase}...`);
      phase = p.phase;
    },
  });
  return { scale, generated, pledges: generated.pledges, deliveries: generated.deliveries };
}

/**
 * A coordinator of `nation` with a read-only API token: the GROUP-member delegate the ledger
 * endpoints are loaded as. Reuses the account on a reused database; the token is new each run.
 */
export async function addDelegate(connection: Connection, nation: string): Promise<string> {
  const db = connection.db;
  const username = `bench-delegate-${nation.toLowerCase()}`;
  if (!(await findUserByUsername(db, username))) {
    await db.transaction().execute((trx) =>
      addUser(trx, systemActor, {
        username,
        displayName: `Bench delegate (${nation})`,
        nation,
        roles: ['coordinator'],
        password: randomSecret(24),
      }),
    );
  }
  const row = await findUserByUsername(db, username);
  if (!row) throw new Error(`${username} was not created`);
  const viewer = await viewerFor(db, row, 'session', 'write');
  const created = await db
    .transaction()
    .execute((trx) =>
      createApiToken(trx, viewer, { name: 'bench', scope: 'read', expiresInDays: 1 }),
    );
  return created.token;
}

/** The SQLite file and its write-ahead log, in MB. */
export function sqliteMegabytes(file: string): number {
  const bytes = [file, `${file}-wal`].reduce((sum, f) => {
    try {
      return sum + statSync(f).size;
    } catch {
      return sum;
    }
  }, 0);
  return bytes / 1_048_576;
}
