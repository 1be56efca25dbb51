import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const bin = join(process.cwd(), 'bin/ramstein.mjs');

function ramstein(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    ...(input === undefined ? {} : { input }),
    env: { ...process.env, LOG_LEVEL: 'silent' },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each test spawns the command several times; on a loaded 2-core machine that takes a while.
describe('ramstein import requirements|pledges|deliveries', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'ramstein-ledger-cli-'));
  const database = join(dir, 'ledger.sqlite');
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const run = (...args: string[]) => ramstein(['--database', database, 'import', ...args]);

  beforeAll(() => {
    expect(ramstein(['--database', database, 'seed']).code).toBe(0);
    for (const [name, nation, role] of [
      ['cli.ukr', 'UKR', 'recipient'],
      ['cli.gbr', 'GBR', 'coordinator'],
      ['cli.chair', 'GBR', 'secretariat'],
    ] as const) {
      const added = ramstein(
        [
          '--database',
          database,
          'user',
          'add',
          name,
          '--nation',
          nation,
          '--role',
          role,
          '--password-stdin',
        ],
        'a long test passphrase for the contact group\n',
      );
      expect(added.code, added.stderr).toBe(0);
    }
  }, 120_000);

  it('imports as a user, all or nothing, and importing the same file again changes nothing', () => {
    const requirements = file(
      'requirements.csv',
      'external_id,capability_area,item,specification,quantity,unit,marking\n' +
        'R-1,artillery-ammunition,Artillery shells,155 mm NATO,10000,rounds,GROUP\n',
    );
    const imported = run('requirements', requirements, '--group', 'udcg', '--as', 'cli.ukr');
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(
      /^Imported: requirements\.csv \(CSV, utf-8, requirements, mapping standard\): 1 row\(s\): 1 new, 0 unchanged/,
    );
    expect(run('requirements', requirements, '--group', 'udcg', '--as', 'cli.gbr').stderr).toMatch(
      /Only the recipient \(UKR\)/,
    );

    const pledges = file(
      'pledges.csv',
      'external_id,requirement_external_id,quantity,kind,value_amount,value_currency,announced_on,marking\n' +
        'P-1,R-1,400,donation,1000000.00,USD,2024-02-14,GROUP\n' +
        'P-2,R-1,100,donation,,,2024-03-01,PUBLIC\n',
    );
    const dry = run('pledges', pledges, '--group', 'udcg', '--as', 'cli.gbr', '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/^Dry run, nothing written: pledges\.csv .*: 2 row\(s\): 2 new/);
    const first = run('pledges', pledges, '--group', 'udcg', '--as', 'cli.gbr');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^Imported: .*2 new, 0 unchanged/);
    const again = run('pledges', pledges, '--group', 'udcg', '--as', 'cli.gbr');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/^Nothing to write: .*0 new, 2 unchanged/);

    const deliveries = file(
      'deliveries.csv',
      'pledge_external_id,external_id,quantity,delivered_on\nP-1,D-1,400,2024-03-01\n',
    );
    expect(run('deliveries', deliveries, '--group', 'udcg', '--as', 'cli.gbr').stdout).toMatch(
      /^Imported: .*1 new/,
    );
  });

  it('refuses a bad file with line, column and reason, exits 1, and writes nothing', () => {
    const bad = file(
      'bad.csv',
      'external_id,capability_area,item,quantity,unit,kind,announced_on,marking\n' +
        'B-1,logistics,Trucks,10,trucks,donation,2024-03-01,GROUP\n' +
        'B-2,logistics,Trucks,-5,trucks,donation,2024-03-01,GROUP\n' +
        'B-3,logistics,=cmd|calc,1,trucks,donation,2024-03-01,GROUP\n',
    );
    const refused = run('pledges', bad, '--group', 'udcg', '--as', 'cli.gbr');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/^Refused, nothing written: bad\.csv/);
    expect(refused.stdout).toMatch(/line 3, column quantity: must be more than 0/);
    expect(refused.stdout).toMatch(
      /line 4, column item: "=cmd\|calc" looks like a formula; formulas are refused/,
    );
    expect(refused.stderr).toMatch(/bad\.csv: 2 problem\(s\); nothing was written/);
    // Nothing was written: B-1 is still new.
    expect(run('pledges', bad, '--group', 'udcg', '--as', 'cli.gbr', '--dry-run').stdout).toMatch(
      /3 row\(s\): 1 new, 0 unchanged, 0 skipped, 2 refused/,
    );
    const unknown = file(
      'unknown.csv',
      'external_id,kind,announced_on,marking,colour\nX,donation,2024-01-01,GROUP,red\n',
    );
    expect(run('pledges', unknown, '--group', 'udcg', '--as', 'cli.gbr').stdout).toMatch(
      /line 1, column colour: is not a column of a pledges file/,
    );
    const nobody = run('pledges', bad, '--group', 'udcg', '--as', 'nobody');
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toMatch(/--as: must be the user name of an active account/);
  });

  it('refuses a file over 50 MB by name, and reads the Kiel tracker with --mapping kiel', () => {
    const huge = join(dir, 'huge.csv');
    writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024 + 1, 'a'));
    const big = run('pledges', huge, '--group', 'udcg', '--as', 'cli.gbr');
    expect(big.code).toBe(1);
    expect(big.stderr).toMatch(/huge\.csv is 50\.0 MB: larger than the 50 MB an import reads/);

    const kiel = run(
      'pledges',
      'src/core/ledger-import/fixtures/kiel-ust-items.csv',
      '--group',
      'udcg',
      '--as',
      'cli.chair',
      '--mapping',
      'kiel',
    );
    expect(kiel.code, kiel.stdout + kiel.stderr).toBe(0);
    expect(kiel.stdout).toMatch(/14 row\(s\): 13 new, 0 unchanged, 1 skipped, 0 refused/);
    expect(kiel.stdout).toMatch(/line 10: humanitarian aid is not recorded in the support ledger/);
    const help = ramstein(['import', 'deliveries', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(
      /--group <slug>[\s\S]*--as <username>[\s\S]*--dry-run[\s\S]*--sheet <name>/,
    );
  });
});
