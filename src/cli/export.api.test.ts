import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../core/accounts/account.service';
import { viewerFor } from '../core/accounts/auth.service';
import { findUserByUsername } from '../core/accounts/user.repository';
import { systemActor } from '../core/audit/audit.service';
import { openTestDatabase } from '../core/db/testing/test-database';
import { validateIati } from '../core/iati/testing/xmllint';
import { createPledge } from '../core/pledges/pledge.service';

const bin = join(process.cwd(), 'bin/ramstein.mjs');

function ramstein(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'silent' },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('ramstein export iati', { timeout: 120_000 }, () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;

  beforeAll(async () => {
    database = await openTestDatabase('sqlite');
    const db = database.connection.db;
    await db.transaction().execute((trx) =>
      addUser(trx, systemActor, {
        username: 'cli.gbr',
        displayName: 'UK coordinator',
        nation: 'GBR',
        roles: ['coordinator'],
        password: 'a long test passphrase for the contact group',
      }),
    );
    const row = await findUserByUsername(db, 'cli.gbr');
    if (!row) throw new Error('user not created');
    const viewer = await viewerFor(db, row, 'session', 'write');
    const pledge = (item: string, classification: 'PUBLIC' | 'GROUP') =>
      db.transaction().execute((trx) =>
        createPledge(trx, viewer, 'udcg', {
          channel: { kind: 'direct' },
          capabilityArea: 'air-defence',
          item,
          quantity: 4,
          unit: 'launchers',
          kind: 'donation',
          value: { amount: '1200000.00', currency: 'EUR' },
          valuationMethod: 'reported',
          announcedOn: '2024-06-13',
          status: 'announced',
          tranches: [],
          marking: { classification, relTo: [] },
        }),
      );
    await pledge('Public launchers', 'PUBLIC');
    await pledge('Group-only radars', 'GROUP');
  });

  afterAll(async () => {
    await database.close();
  });

  it('writes the PUBLIC pledges as a file that validates against the IATI schema', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ramstein-iati-cli-')), 'udcg.xml');
    const result = ramstein([
      '--database',
      database.url,
      'export',
      'iati',
      '--group',
      'udcg',
      '--out',
      out,
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Wrote 1 IATI activity \(the PUBLIC pledges of udcg\)/);
    expect(existsSync(`${out}.partial`)).toBe(false);
    const xml = readFileSync(out, 'utf8');
    expect(validateIati(xml).code).toBe(0);
    expect(xml).toContain('Public launchers');
    expect(xml).not.toContain('Group-only radars');
  });

  it('prints to standard output, and fails clearly when nothing matches or a filter is bad', () => {
    const stdout = ramstein(['--database', database.url, 'export', 'iati', '--group', 'udcg']);
    expect(stdout.code, stdout.stderr).toBe(0);
    expect(stdout.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<iati-activities/);
    const none = ramstein([
      '--database',
      database.url,
      'export',
      'iati',
      '--group',
      'udcg',
      '--donor',
      'usa',
    ]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/No pledge releasable to you matches these filters/);
    const bad = ramstein([
      '--database',
      database.url,
      'export',
      'iati',
      '--group',
      'udcg',
      '--status',
      'lost',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--status: /);
    const missing = ramstein(['export', 'iati']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/required option '--group <slug>'/);
  });
});
