import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { connect } from './connect';

describe('connect (SQLite)', () => {
  it('turns on WAL and foreign keys', async () => {
    const { db, close } = await connect(
      join(mkdtempSync(join(tmpdir(), 'ramstein-connect-')), 'x.sqlite'),
    );
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
    const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
    expect(mode.rows[0]?.journal_mode).toBe('wal');
    expect(fk.rows[0]?.foreign_keys).toBe(1);
    await close();
  });

  it('reuses prepared statements and still answers right when more texts than the cache holds pass by', async () => {
    const { db, close } = await connect(
      join(mkdtempSync(join(tmpdir(), 'ramstein-connect-')), 'x.sqlite'),
    );
    for (let i = 0; i < 700; i += 1) {
      const row = await sql<{ n: number }>`select ${sql.lit(i)} as n`.execute(db);
      expect(row.rows[0]?.n).toBe(i);
    }
    for (const i of [0, 699, 0]) {
      const row = await sql<{
        n: number;
        p: number;
      }>`select ${sql.lit(i)} as n, ${i * 2} as p`.execute(db);
      expect(row.rows[0]).toEqual({ n: i, p: i * 2 });
    }
    await close();
  });
});
