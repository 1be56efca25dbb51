import { join } from 'node:path';
import type { Config } from '../../core/config';
import { migrateUp, migrationStatus } from '../../core/db/migrate';
import { planReferenceData } from '../../core/reference/reference-plan';
import { seedReferenceData, type SeedReport } from '../../core/reference/seed';
import { AppError } from '../../core/errors';
import { withConnection } from '../context';
import { describeRatesImport, importRatesText, readRatesFile } from './import';
import { referenceDir } from '../paths';

export async function runMigrateUp(config: Config): Promise<void> {
  await withConnection(config, async ({ db, kind, label }) => {
    const applied = await migrateUp(db);
    process.stdout.write(
      applied.length === 0
        ? `Database ${kind} ${label} is up to date.\n`
        : `Applied ${applied.length} migration(s) to ${kind} ${label}: ${applied.join(', ')}\n`,
    );
  });
}

export async function runMigrateStatus(config: Config): Promise<void> {
  await withConnection(config, async ({ db, kind, label }) => {
    const status = await migrationStatus(db);
    process.stdout.write(`Migrations on ${kind} ${label}:\n`);
    for (const m of status) {
      process.stdout.write(
        `  ${m.executedAt ? 'applied ' + m.executedAt : 'pending'.padEnd(32)}  ${m.name}\n`,
      );
    }
    const pending = status.filter((m) => m.executedAt === null).length;
    process.stdout.write(
      pending === 0
        ? 'All migrations applied.\n'
        : `${pending} pending: run \`ramstein migrate up\`.\n`,
    );
  });
}

export function describeSeed(report: SeedReport): string {
  const tables = Object.keys(report.inserted) as (keyof SeedReport['inserted'])[];
  const added = tables
    .filter((t) => report.inserted[t] > 0)
    .map((t) => `${report.inserted[t]} ${t}`);
  const kept = tables.reduce((sum, t) => sum + report.kept[t], 0);
  return added.length === 0
    ? `Reference data already loaded (${kept} rows kept, nothing added).`
    : `Reference data loaded: ${added.join(', ')}${kept > 0 ? ` (${kept} rows already there, kept)` : ''}.`;
}

/** The ECB euro reference rates that `ramstein seed` loads after the foundation. */
export const ratesFile = 'ecb_eurofxref_2022_2024.csv';

/**
 * Migrates first, then seeds, so `ramstein seed` works on an empty database too. The rates file is
 * checked before anything is written, so a bad one leaves the database as it was; rates already
 * stored are kept as they are (never overwritten), so a second run adds nothing.
 */
export async function runSeed(config: Config, dir: string = referenceDir): Promise<void> {
  const planned = planReferenceData(dir);
  const problems = 'problems' in planned ? [...planned.problems] : [];
  const rates = readRatesFile(join(dir, ratesFile));
  problems.push(...rates.problems);
  if (problems.length > 0) {
    throw new AppError(
      'invalid',
      `Reference data not loaded: ${problems.length} problem(s) found, nothing was written`,
      problems,
    );
  }
  await withConnection(config, async ({ db }) => {
    await migrateUp(db);
    const report = await seedReferenceData(db, { dir });
    process.stdout.write(`${describeSeed(report)}\n`);
    const ratesReport = await importRatesText(db, rates, { onConflict: 'keep' });
    process.stdout.write(`Exchange rates: ${describeRatesImport(ratesReport)}`);
  });
}
