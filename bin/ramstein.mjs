#!/usr/bin/env node
// The `ramstein` command. TypeScript runs through tsx's loader, so there is no separate build step
// for the server; the web app is built by Vite (`ramstein start` builds it when missing).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
