import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrationNames } from '../core/db/migrate';

const bin = join(process.cwd(), 'bin/ramstein.mjs');

function ramstein(args: string[], env: Record<string, string> = {}, input?: string) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    ...(input === undefined ? {} : { input }),
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const tempDatabase = () => join(mkdtempSync(join(tmpdir(), 'ramstein-cli-')), 'cli.sqlite');

// Each test spawns the command several times; on a loaded 2-core machine that takes a while.
describe('the ramstein command', { timeout: 120_000 }, () => {
  it('has --help on every command', () => {
    for (const args of [
      [],
      ['start'],
      ['serve'],
      ['migrate'],
      ['migrate', 'up'],
      ['migrate', 'status'],
      ['seed'],
      ['import'],
      ['import', 'rates'],
    ]) {
      const result = ramstein([...args, '--help']);
      expect(result.code, args.join(' ')).toBe(0);
      expect(result.stdout).toMatch(/Usage: ramstein/);
    }
  });

  it('migrates, reports status, and seeds idempotently', () => {
    const database = tempDatabase();
    const status = ramstein(['--database', database, 'migrate', 'status']);
    expect(migrationNames.slice(0, 4)).toEqual([
      '0001_foundation',
      '0002_access',
      '0003_exchange_rates',
      '0004_capabilities',
    ]);
    expect(status.stdout).toMatch(
      new RegExp(migrationNames.map((name) => `pending\\s+${name}`).join('[\\s\\S]*')),
    );
    expect(ramstein(['--database', database, 'migrate', 'up']).stdout).toMatch(
      new RegExp(`Applied ${migrationNames.length} migration`),
    );
    expect(ramstein(['--database', database, 'migrate', 'up']).stdout).toMatch(/up to date/);
    const first = ramstein(['--database', database, 'seed']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Reference data loaded: 253 nations, 1 groups, 57 memberships/);
    expect(first.stdout).toMatch(/12 capability_areas, 8 coalitions, 17 coalition_nations\./);
    expect(first.stdout).toMatch(
      /Exchange rates: ecb_eurofxref_2022_2024\.csv: 713 day\(s\) \(2022-01-03 to 2024-10-11\), 21689 rate\(s\)\.\n\s+inserted 21689, unchanged 0/,
    );
    const second = ramstein(['seed'], { DATABASE_URL: database });
    expect(second.stdout).toMatch(/already loaded .* nothing added/);
    expect(second.stdout).toMatch(/inserted 0, unchanged 21689/);
  });

  it('exits non-zero with a clear message on a bad argument', () => {
    const unknownCommand = ramstein(['frobnicate']);
    expect(unknownCommand.code).toBe(2);
    expect(unknownCommand.stderr).toMatch(/unknown command 'frobnicate'/);
    const badOption = ramstein(['serve', '--colour']);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toMatch(/unknown option '--colour'/);
    const badPort = ramstein(['serve', '--port', 'eighty'], { DATABASE_URL: tempDatabase() });
    expect(badPort.code).toBe(1);
    expect(badPort.stderr).toMatch(/PORT/);
  });

  it('exits non-zero naming a database it cannot reach', () => {
    const result = ramstein(['migrate', 'up'], {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /Cannot reach the database at postgres:\/\/postgres@127\.0\.0\.1:1\/nowhere/,
    );
  });

  it('refuses a reference folder with a bad row, naming file and line, and loads nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ramstein-ref-'));
    writeFileSync(join(dir, 'udcg_meetings.csv'), 'meeting_number,date\n1,2022-04-26\n');
    const result = ramstein(['--database', tempDatabase(), 'seed', '--dir', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Reference data not loaded/);
    expect(result.stderr).toMatch(/udcg_meetings\.csv:1: missing column\(s\): status/);
  });
});

describe('ramstein import rates', { timeout: 120_000 }, () => {
  const ratesFile = (lines: string[]) => {
    const path = join(mkdtempSync(join(tmpdir(), 'ramstein-rates-')), 'eurofxref-hist.csv');
    writeFileSync(path, `${lines.join('\n')}\n`);
    return path;
  };

  it('imports, reports, is idempotent, refuses a differing rate, and audits each write', () => {
    const database = tempDatabase();
    expect(ramstein(['--database', database, 'migrate', 'up']).code).toBe(0);
    const v1 = ratesFile(['Date,USD,GBP,CYP,', '2024-03-15,1.0892,0.8541,N/A,']);
    const dry = ramstein(['--database', database, 'import', 'rates', v1, '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/^Dry run, nothing written: eurofxref-hist\.csv: 1 day\(s\)/);
    expect(dry.stdout).toMatch(/inserted 2, unchanged 0, replaced 0, kept 0/);
    expect(dry.stdout).toMatch(/ignored column\(s\), not current ISO 4217 codes: CYP/);

    const first = ramstein(['--database', database, 'import', 'rates', v1]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(
      /^eurofxref-hist\.csv: 1 day\(s\) \(2024-03-15 to 2024-03-15\), 2 rate/,
    );
    expect(first.stdout).toMatch(/inserted 2, unchanged 0/);
    const again = ramstein(['--database', database, 'import', 'rates', v1]);
    expect(again.stdout).toMatch(/inserted 0, unchanged 2/);

    const v2 = ratesFile(['Date,USD,GBP,', '2024-03-18,1.0892,0.8556,', '2024-03-15,1.0892,0.86,']);
    const conflict = ramstein(['--database', database, 'import', 'rates', v2]);
    expect(conflict.code).toBe(1);
    expect(conflict.stderr).toMatch(/1 rate\(s\) differ from those stored; nothing was written/);
    expect(conflict.stderr).toMatch(
      /eurofxref-hist\.csv:3: GBP: 2024-03-15 is stored as 0\.8541, the file says 0\.86/,
    );
    const replaced = ramstein(['--database', database, 'import', 'rates', v2, '--replace']);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(replaced.stdout).toMatch(/inserted 2, unchanged 1, replaced 1/);
    // Two imports wrote something; the dry run, the repeat and the refused one did not.
    expect(ramstein(['--database', database, 'audit', 'verify']).stdout).toMatch(
      /Audit chain intact: 2 entries/,
    );
  });

  it('refuses a bad file with file:line: column: reason and exit 1, writing nothing', () => {
    const database = tempDatabase();
    const bad = ratesFile(['Date,USD,GBP,', '2024-03-15,1.0892,abc,', '2024-03-32,1.09,0.85,']);
    const result = ramstein(['--database', database, 'import', 'rates', bad]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /Exchange rates not imported: 2 problem\(s\) found, nothing was written/,
    );
    expect(result.stderr).toMatch(
      /eurofxref-hist\.csv:2: GBP: "abc" is not a positive decimal rate/,
    );
    expect(result.stderr).toMatch(/eurofxref-hist\.csv:3: Date: "2024-03-32" is not a date/);
    const missing = ramstein(['--database', database, 'import', 'rates', '/nonexistent/rates.csv']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/rates\.csv: cannot be read/);
    // Checked before the database was opened: nothing was even migrated.
    expect(ramstein(['--database', database, 'migrate', 'status']).stdout).toMatch(
      new RegExp(`${migrationNames.length} pending`),
    );
  });
});

describe('ramstein user', { timeout: 120_000 }, () => {
  it('adds, lists, re-passwords, disables and enables accounts, all audited', () => {
    const database = tempDatabase();
    expect(ramstein(['--database', database, 'seed']).code).toBe(0);
    const added = ramstein([
      '--database',
      database,
      'user',
      'add',
      'Alice',
      '--nation',
      'gbr',
      '--role',
      'coordinator',
      '--role',
      'viewer',
      '--name',
      'Alice Example',
    ]);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/Created alice \(GBR; coordinator, viewer\)/);
    expect(added.stdout).toMatch(/Password \(shown once\): \S{20,}/);

    const typed = ramstein(
      ['--database', database, 'user', 'passwd', 'alice', '--password-stdin'],
      {},
      'lanterns over the river at dusk\n',
    );
    expect(typed.code, typed.stderr).toBe(0);
    expect(typed.stdout).not.toMatch(/shown once/);
    const weak = ramstein(
      ['--database', database, 'user', 'passwd', 'alice', '--password-stdin'],
      {},
      'password\n',
    );
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/must be at least 15 characters/);

    expect(ramstein(['--database', database, 'user', 'disable', 'alice']).stdout).toMatch(
      /alice disabled/,
    );
    const list = ramstein(['--database', database, 'user', 'list']);
    expect(list.stdout).toMatch(/alice\s+GBR\s+coordinator,viewer\s+disabled/);
    expect(ramstein(['--database', database, 'user', 'enable', 'alice']).stdout).toMatch(
      /alice enabled/,
    );
    expect(ramstein(['--database', database, 'audit', 'verify']).stdout).toMatch(
      // The seed's two (reference data, exchange rates) and the four changes to alice.
      /Audit chain intact: 6 entries/,
    );
  });

  it('refuses bad input with the field named and exit 1', () => {
    const database = tempDatabase();
    ramstein(['--database', database, 'seed']);
    const badRole = ramstein([
      '--database',
      database,
      'user',
      'add',
      'bob',
      '--nation',
      'GBR',
      '--role',
      'king',
    ]);
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toMatch(/--role: king is not a role/);
    const badNation = ramstein([
      '--database',
      database,
      'user',
      'add',
      'bob',
      '--nation',
      'ZZZ',
      '--role',
      'viewer',
    ]);
    expect(badNation.code).toBe(1);
    expect(badNation.stderr).toMatch(/body.nation: ZZZ is not a known nation code/);
    const missing = ramstein(['--database', database, 'user', 'add', 'bob', '--role', 'viewer']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/required option '--nation <code>'/);
    const nobody = ramstein(['--database', database, 'user', 'disable', 'nobody']);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toMatch(/User nobody not found/);
  });
});

describe('ramstein backup', { timeout: 120_000 }, () => {
  it('writes a consistent copy that opens with the same data, refuses to overwrite, and audits it', () => {
    const database = tempDatabase();
    expect(ramstein(['--database', database, 'seed']).code).toBe(0);
    const entries = () =>
      Number(
        /intact: (\d+) entries/.exec(
          ramstein(['--database', database, 'audit', 'verify']).stdout,
        )?.[1],
      );
    const before = entries();
    const copy = join(mkdtempSync(join(tmpdir(), 'ramstein-backup-')), 'copy.sqlite');
    const result = ramstein(['--database', database, 'backup', copy]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Backed up sqlite .* to .*copy\.sqlite/);
    expect(ramstein(['--database', copy, 'seed']).stdout).toMatch(/already loaded/);
    const again = ramstein(['--database', database, 'backup', copy]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/file: .* exists/);
    expect(entries()).toBe(before + 1);
  });
});

describe('ramstein start (what npm start runs)', { timeout: 120_000 }, () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    child?.kill('SIGTERM');
  });

  /** Starts the platform and resolves with its URL once it says it is running. */
  function start(database: string, webDir: string): Promise<{ url: string; output: () => string }> {
    child = spawn(process.execPath, [bin, 'start', '--port', '0', '--host', '127.0.0.1'], {
      env: {
        ...process.env,
        DATABASE_URL: database,
        RAMSTEIN_WEB_DIR: webDir,
        LOG_LEVEL: 'silent',
      },
    });
    let output = '';
    return new Promise((resolve, reject) => {
      child?.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /running at (http:\/\/\S+?)\/ /.exec(output);
        if (match?.[1]) resolve({ url: match[1], output: () => output });
      });
      child?.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child?.on('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
    });
  }

  it('migrates, seeds and serves on the first run and on the second, without duplicates', async () => {
    const database = tempDatabase();
    const webDir = mkdtempSync(join(tmpdir(), 'ramstein-web-'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Ramstein</title>');
    for (let run = 1; run <= 2; run += 1) {
      const { url, output } = await start(database, webDir);
      // The first start creates the admin and prints its password once; the second prints none.
      if (run === 1) expect(output()).toMatch(/user name: admin\s+password:\s+\S{20,}/);
      else expect(output()).not.toMatch(/password/);
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      const meetings = (await (
        await fetch(`${url}/api/v1/groups/udcg/meetings?limit=1`)
      ).json()) as { total: number };
      expect(meetings.total).toBe(33);
      const page = await fetch(`${url}/meetings/26`);
      expect(await page.text()).toContain('<title>Ramstein</title>');
      const stopped = new Promise((resolve) => child?.once('exit', resolve));
      child?.kill('SIGTERM');
      await stopped;
    }
  });
});
