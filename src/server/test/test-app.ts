import type { DatabaseKind } from '../../core/config';
import type { Connection } from '../../core/db/connect';
import { loadConfig } from '../../core/config';
import { describeOnEachDatabase, openTestDatabase } from '../../core/db/testing/test-database';
import { type AppServer, buildApp } from '../app';

export interface TestApp {
  kind: DatabaseKind;
  app: AppServer;
  connection: Connection;
}

/** Builds the real app on a fresh, migrated and seeded database of the given kind. */
export async function startTestApp(
  kind: DatabaseKind,
  options: { seed?: boolean; env?: Record<string, string> } = {},
) {
  const database = await openTestDatabase(kind, options);
  // Tests sign in far more often than a person; the rate limit has its own test.
  const config = loadConfig({
    DATABASE_URL: database.url,
    LOG_LEVEL: 'silent',
    RAMSTEIN_WEB_DIR: 'dist/no-web',
    SIGN_IN_RATE_PER_MINUTE: '10000',
    ...options.env,
  });
  const app = await buildApp({ config, connection: database.connection });
  await app.ready();
  return {
    testApp: { kind, app, connection: database.connection } satisfies TestApp,
    stop: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** Runs the same HTTP suite once on SQLite and once on PostgreSQL, each on its own seeded database. */
export const describeApiOnEachDatabase = Object.assign(
  (name: string, suite: (ctx: () => TestApp) => void): void => describeApiWithEnv({})(name, suite),
  { withEnv: (env: Record<string, string>) => describeApiWithEnv(env) },
);

function describeApiWithEnv(env: Record<string, string>) {
  return (name: string, suite: (ctx: () => TestApp) => void): void =>
    describeOnEachDatabase(
      name,
      async (kind) => {
        const { testApp, stop } = await startTestApp(kind, { env });
        return { value: testApp, close: stop };
      },
      suite,
    );
}
