#!/usr/bin/env node
// `npm test`: every test — unit, API on SQLite and PostgreSQL, and end-to-end in Chromium.
// Makes sure Debian's Chromium is there first (installs it when running as root), then runs Vitest
// and closes with one plain summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const chromium = process.env.RAMSTEIN_CHROMIUM ?? '/usr/bin/chromium';

/** Debian packages the tests use: Chromium for the end-to-end tests, xmllint to validate IATI XML. */
const packages = [
  { name: 'chromium', binary: chromium, why: 'the end-to-end tests' },
  { name: 'libxml2-utils', binary: '/usr/bin/xmllint', why: 'validating IATI XML (xmllint)' },
];

function ensurePackages() {
  const missing = packages.filter((p) => !existsSync(p.binary));
  if (missing.length === 0) return;
  const names = missing.map((p) => p.name).join(' ');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      `The tests need Debian's ${names} (${missing.map((p) => p.why).join('; ')}). Install with:\n` +
        `  sudo apt-get update && sudo apt-get install -y ${names}\n` +
        '(RAMSTEIN_CHROMIUM may point at another Chromium binary).',
    );
    process.exit(1);
  }
  console.log(`Installing Debian ${names} for the tests (about 30 s)...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', ...missing.map((p) => p.name)],
  ]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) {
      console.error(
        `apt-get ${args.join(' ')} failed; install ${names} by hand and run npm test again.`,
      );
      process.exit(1);
    }
  }
}

ensurePackages();

const report = join(mkdtempSync(join(tmpdir(), 'ramstein-vitest-')), 'report.json');
const extra = process.argv.slice(2);
const run = spawnSync(
  'npx',
  [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...extra,
  ],
  { stdio: 'inherit', env: { ...process.env, TZ: 'UTC' } },
);

if (existsSync(report)) {
  const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = JSON.parse(
    readFileSync(report, 'utf8'),
  );
  console.log(
    `\n${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped`,
  );
}
process.exit(run.status ?? 1);
