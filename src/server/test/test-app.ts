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
export async function startTestApp(kind: DatabaseKind, options: { seed?: boolean } = {}) {
  const database = await openTestDatabase(kind, options);
  const config = loadConfig({
    DATABASE_URL: database.url,
    LOG_LEVEL: 'silent',
    RAMSTEIN_WEB_DIR: 'dist/no-web',
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
export const describeApiOnEachDatabase = (
  name: string,
  suite: (ctx: () => TestApp) => void,
): void =>
  describeOnEachDatabase(
    name,
    async (kind) => {
      const { testApp, stop } = await startTestApp(kind);
      return { value: testApp, close: stop };
    },
    suite,
  );
