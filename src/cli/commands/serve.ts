import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config } from '../../core/config';
import { connect } from '../../core/db/connect';
import { buildApp } from '../../server/app';
import { packageRoot } from '../paths';

/** Builds the web app with Vite when it has not been built yet (first `npm start` on a machine). */
export async function ensureWebBuilt(config: Config): Promise<void> {
  if (existsSync(resolve(config.RAMSTEIN_WEB_DIR, 'index.html'))) return;
  process.stdout.write('Building the web app (first start only)...\n');
  const { build } = await import('vite');
  await build({
    configFile: resolve(packageRoot, 'vite.config.ts'),
    root: resolve(packageRoot, 'src/web'),
    logLevel: 'warn',
  });
}

/** Listens until SIGINT or SIGTERM, then closes the server and the database cleanly. */
export async function serve(config: Config): Promise<void> {
  const connection = await connect(config.DATABASE_URL);
  const app = await buildApp({ config, connection });
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await connection.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  try {
    await app.listen({ port: config.PORT, host: config.HOST });
  } catch (error) {
    await connection.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  process.stdout.write(
    `\nRamstein is running at http://${host}:${port}/  (API docs: http://${host}:${port}/api/docs; database: ${connection.kind} ${connection.label})\n\n`,
  );
}
