import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/**
 * Builds the web app once into dist/web, where every test's server serves it from. Vitest sets
 * NODE_ENV=test, and Vite would then bundle React's development build (several times slower, and what
 * `npm start` would serve afterwards): the tests drive the production build users get.
 */
export default async function setup(): Promise<void> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
      logLevel: 'warn',
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}
