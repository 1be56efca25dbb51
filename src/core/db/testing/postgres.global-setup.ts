import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Maintenance URL of the PostgreSQL server the API tests use, or null when none answers. */
    postgresAdminUrl: string | null;
    /** Prefix of every database this run creates, so teardown drops exactly those. */
    postgresRunPrefix: string;
  }
}

const adminUrl =
  process.env.RAMSTEIN_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Checks once per run that PostgreSQL answers. In CI an absent server fails the run: the same API
 * tests must pass on both databases. Elsewhere the PostgreSQL half is skipped with a loud warning.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const prefix = `ramstein_t_${process.pid}_${Date.now().toString(36)}`;
  project.provide('postgresRunPrefix', prefix);
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (process.env.CI)
      throw new Error(`PostgreSQL is required in CI and does not answer at ${adminUrl}: ${reason}`);
    process.stderr.write(
      `\n${'!'.repeat(78)}\n!! PostgreSQL does not answer at ${adminUrl} (${reason}).\n` +
        `!! The PostgreSQL half of the API tests is SKIPPED. Start it with:\n` +
        `!!   pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n${'!'.repeat(78)}\n\n`,
    );
    project.provide('postgresAdminUrl', null);
    return () => Promise.resolve();
  }
  await client.end();
  project.provide('postgresAdminUrl', adminUrl);

  return async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    const { rows } = await admin.query<{ datname: string }>(
      'select datname from pg_database where datname like $1',
      [`${prefix}%`],
    );
    for (const { datname } of rows) {
      await admin.query(`drop database if exists "${datname}" with (force)`);
    }
    await admin.end();
  };
}
