import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

const bin = join(process.cwd(), 'bin/ramstein.mjs');

function ramstein(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'silent' },
    timeout: 90_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each step spawns the command; on a loaded 2-core machine that takes a while.
describe('ramstein import spending', { timeout: 300_000 }, () => {
  it('imports a NATO table all or nothing, idempotently, and names each bad cell', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ramstein-spending-cli-'));
    const database = join(dir, 'cli.sqlite');
    const release = '2026-06 (Defence Expenditure of NATO Countries 2014-2026)';
    const table = join(dir, 'table3.csv');
    writeFileSync(
      table,
      [
        'Table 3: Defence expenditure as a share of GDP (%),,',
        'Country,2024,2025e',
        'United Kingdom,2.33,2.4',
        'Poland,4.12,4.48',
      ].join('\n'),
    );

    expect(ramstein(['--database', database, 'migrate', 'up']).code).toBe(0);
    const early = ramstein([
      '--database',
      database,
      'import',
      'spending',
      table,
      '--release',
      release,
    ]);
    expect(early.code).toBe(1);
    expect(early.stderr).toMatch(
      /no nations are known yet\n\s+nations: load the reference data first \(ramstein seed\)/,
    );
    expect(ramstein(['--database', database, 'seed']).code).toBe(0);
    const dry = ramstein([
      '--database',
      database,
      'import',
      'spending',
      table,
      '--release',
      release,
      '--dry-run',
    ]);
    expect(dry.stderr).toBe('');
    expect(dry.stdout).toMatch(
      /^Dry run, nothing written: table3\.csv: 4 figure\(s\) of 2 nation\(s\) for 2024–2025, pct-gdp \(title\)/,
    );
    const first = ramstein([
      '--database',
      database,
      'import',
      'spending',
      table,
      '--release',
      release,
    ]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/inserted 4, filled 0, unchanged 0/);
    const again = ramstein([
      '--database',
      database,
      'import',
      'spending',
      table,
      '--release',
      release,
    ]);
    expect(again.stdout).toMatch(/inserted 0, filled 0, unchanged 4/);

    writeFileSync(table, ['Country,2024,2025e', 'United Kingdom,2.33,2.5', 'Narnia,1,'].join('\n'));
    const bad = ramstein([
      '--database',
      database,
      'import',
      'spending',
      table,
      '--release',
      release,
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      /Spending figures not imported: 1 problem\(s\) in table3\.csv, nothing was written/,
    );
    expect(bad.stderr).toMatch(/table3\.csv:3:1: A3: "Narnia" is not a nation Ramstein knows/);
    writeFileSync(table, ['Country,2024,2025e', 'United Kingdom,2.33,2.5'].join('\n'));
    const conflict = ramstein([
      '--database',
      database,
      'import',
      'spending',
      table,
      '--release',
      release,
    ]);
    expect(conflict.code).toBe(1);
    expect(conflict.stderr).toMatch(
      /table3\.csv:2:3: GBR 2025 in .* is stored as 2\.4, the table says 2\.5/,
    );

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Table 2');
    sheet.addRow(['Table 2: Defence expenditure (million US dollars)']);
    sheet.addRow(['Country', '2025e']);
    sheet.addRow(['Poland', 44500]);
    const xlsx = join(dir, 'def-exp.xlsx');
    await workbook.xlsx.writeFile(xlsx);
    const usd = ramstein([
      '--database',
      database,
      'import',
      'spending',
      xlsx,
      '--release',
      release,
    ]);
    expect(usd.stdout).toMatch(
      /def-exp\.xlsx \(sheet "Table 2"\): 1 figure\(s\).*usd-million \(title\)[\s\S]*filled 1/,
    );

    const usage = ramstein([
      '--database',
      database,
      'import',
      'spending',
      table,
      '--release',
      release,
      '--measure',
      'tons',
    ]);
    expect(usage.code).toBe(1);
    expect(usage.stderr).toMatch(
      /--measure: must be one of pct-gdp, usd-million, national-million, gdp-usd-billion/,
    );
  });
});
