import { type Config, loadConfig } from '../core/config';
import { type Connection, connect } from '../core/db/connect';
import { fromPackage } from './paths';

export interface GlobalOptions {
  database?: string;
}

/** Configuration from the environment, with command-line options taking precedence. */
export function configFrom(
  options: GlobalOptions,
  overrides: Record<string, string | undefined> = {},
): Config {
  const config = loadConfig({
    ...process.env,
    ...(options.database === undefined ? {} : { DATABASE_URL: options.database }),
    ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)),
  });
  return Object.freeze({ ...config, RAMSTEIN_WEB_DIR: fromPackage(config.RAMSTEIN_WEB_DIR) });
}

/** Runs `work` with an open connection and always closes it, so the command exits promptly. */
export async function withConnection<T>(
  config: Config,
  work: (connection: Connection) => Promise<T>,
): Promise<T> {
  const connection = await connect(config.DATABASE_URL);
  try {
    return await work(connection);
  } finally {
    await connection.close();
  }
}
