import { fileURLToPath } from 'node:url';
import { isAbsolute, resolve } from 'node:path';

/** The installed package's root, so `npx ramstein` finds its data and web app from any directory. */
export const packageRoot = fileURLToPath(new URL('../../', import.meta.url));

export const referenceDir = resolve(packageRoot, 'data/reference');

export const fromPackage = (path: string): string =>
  isAbsolute(path) ? path : resolve(packageRoot, path);
