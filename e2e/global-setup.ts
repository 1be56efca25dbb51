import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** Builds the web app once into dist/web, where every test's server serves it from. */
export default async function setup(): Promise<void> {
  await build({
    configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
    logLevel: 'warn',
  });
}
