import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { addUser } from '../src/core/accounts/account.service';
import { viewerFor } from '../src/core/accounts/auth.service';
import { randomSecret } from '../src/core/accounts/secrets';
import { findUserByUsername } from '../src/core/accounts/user.repository';
import { systemActor } from '../src/core/audit/audit.service';
import { importEcbRates } from '../src/core/currency/exchange-rate.service';
import { connect } from '../src/core/db/connect';
import { migrateUp } from '../src/core/db/migrate';
import { importLedger } from '../src/core/ledger-import/ledger-import.service';
import { seedReferenceData } from '../src/core/reference/seed';

// ---------------------------------------------------------------------------------------------------
// importBench: the import against raw prepared INSERTs, each on its own fresh copy of one database.

const BENCH_DONORS = ['USA', 'DEU', 'GBR', 'POL', 'NOR', 'NLD', 'DNK', 'CAN', 'FRA', 'SWE'];
const BENCH_AREAS: readonly [area: string, item: string, specification: string, unit: string][] = [
  ['air-defence', 'Interceptor missiles', 'IRIS-T SLM', 'missiles'],
  ['artillery-ammunition', 'Artillery shells', '155 mm NATO', 'rounds'],
  ['armour', 'Infantry fighting vehicles', 'CV90', 'vehicles'],
  ['drones-ew', 'FPV drones', '', 'drones'],
  ['demining', 'Mine clearing vehicles', '', 'vehicles'],
  ['logistics', 'Trucks', '8x8', 'trucks'],
  ['medical', 'Ambulances', '', 'vehicles'],
  ['it-cyber-comms', 'Satellite terminals', '', 'terminals'],
];
const BENCH_CURRENCIES = ['EUR', 'EUR', 'EUR', 'USD', 'GBP', 'NOK'];

/** A small seeded generator (mulberry32), so every run imports the same file. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `rows` pledges of ten donors as the chair's secretariat would file them: mixed areas, currencies
 * (valued at the ECB rate of their day), markings, statuses, meetings and channels. Deterministic.
 */
export function benchPledgeCsv(rows: number): string {
  const next = seeded(20_250_212);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const header =
    'external_id,donor,channel_kind,channel_nation,capability_area,item,specification,quantity,unit,kind,' +
    'value_amount,value_currency,announced_on,meeting_number,status,marking,rel_to';
  const day0 = Date.UTC(2022, 3, 26);
  const lines = [header];
  for (let i = 1; i <= rows; i++) {
    const donor = pick(BENCH_DONORS);
    const [area, item, specification, unit] = pick(BENCH_AREAS);
    const announced = new Date(day0 + Math.floor(next() * 880) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const quantity = 1 + Math.floor(next() * 2000);
    const currency = pick(BENCH_CURRENCIES);
    const valued = next() < 0.9;
    const channel = next() < 0.1 ? ['nation', donor === 'POL' ? 'DEU' : 'POL'] : ['direct', ''];
    const draw = next();
    const marking = draw < 0.2 ? 'PUBLIC' : draw < 0.3 ? 'RESTRICTED' : 'GROUP';
    const status = pick(['announced', 'announced', 'committed', 'contracted']);
    lines.push(
      [
        `BENCH-${String(i).padStart(7, '0')}`,
        donor,
        ...channel,
        area,
        item,
        specification,
        String(quantity),
        unit,
        'donation',
        valued
          ? `${quantity * (100 + Math.floor(next() * 9000))}.${String(Math.floor(next() * 100)).padStart(2, '0')}`
          : '',
        valued ? currency : '',
        announced,
        next() < 0.3 ? String(1 + Math.floor(next() * 24)) : '',
        status,
        marking,
        // Released to the recipient and the chair, who imports it (and so must be able to read it).
        marking === 'RESTRICTED' ? 'UKR;GBR' : '',
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Measured rounds of each side; the median is reported, as one round on a shared VM varies by a third. */
export const IMPORT_ROUNDS = 3;
/** The warm-up file's rows: enough for V8 to compile the import's hot paths before anything is timed. */
const WARM_UP_ROWS = 2_000;

type TableRows = { pledges: Record<string, unknown>[]; changes: Record<string, unknown>[] };

/**
 * Import rows/second against raw rows/second. One database is prepared (migrated, reference data and
 * ECB rates loaded, a chair-secretariat user), and every round runs on a fresh copy of it. The ledger
 * import reads, checks and writes a generated CSV of `rows` pledges (20 000 by default); the rows it
 * wrote — the pledges and their status history — are then inserted by better-sqlite3 prepared INSERTs
 * in one transaction, the least any loader of the same data would do. Both sides first run once on a
 * small file (a server imports warm; a one-off CLI import pays V8's compilation on top), then
 * `IMPORT_ROUNDS` times each, alternating; the medians are compared.
 */
export async function importBench(
  rows = 20_000,
  referenceDir = 'data/reference',
): Promise<{ rows: number; ramsteinRowsPerSecond: number; rawRowsPerSecond: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'ramstein-import-bench-'));
  try {
    const base = join(dir, 'base.sqlite');
    await prepareBase(base, referenceDir);
    const copy = (name: string) => {
      const file = join(dir, `${name}.sqlite`);
      copyFileSync(base, file);
      return file;
    };
    const file = Buffer.from(benchPledgeCsv(rows));

    const warmUp = await importRound(
      copy('warm-import'),
      Buffer.from(benchPledgeCsv(WARM_UP_ROWS)),
    );
    rawRound(copy('warm-raw'), warmUp.written);
    const importSeconds: number[] = [];
    const rawSeconds: number[] = [];
    let written: TableRows | null = null;
    for (let round = 0; round < IMPORT_ROUNDS; round++) {
      const imported = await importRound(copy(`import-${round}`), file, written === null);
      importSeconds.push(imported.seconds);
      written ??= imported.written;
      rawSeconds.push(rawRound(copy(`raw-${round}`), written));
      rmSync(join(dir, `import-${round}.sqlite`), { force: true });
      rmSync(join(dir, `raw-${round}.sqlite`), { force: true });
    }
    return {
      rows,
      ramsteinRowsPerSecond: rows / median(importSeconds),
      rawRowsPerSecond: rows / median(rawSeconds),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

/** Migrated, reference data and ECB rates loaded, and the chair's secretariat user who imports. */
async function prepareBase(file: string, referenceDir: string): Promise<void> {
  const prepared = await connect(file);
  try {
    await migrateUp(prepared.db);
    await seedReferenceData(prepared.db, { dir: referenceDir });
    const rates = 'ecb_eurofxref_2022_2024.csv';
    const text = readFileSync(join(referenceDir, rates), 'utf8');
    await prepared.db
      .transaction()
      .execute((trx) =>
        importEcbRates(trx, systemActor, text, { fileName: rates, onConflict: 'keep' }),
      );
    await prepared.db.transaction().execute((trx) =>
      addUser(trx, systemActor, {
        username: 'bench-chair',
        displayName: 'Bench chair secretariat',
        nation: 'GBR',
        roles: ['secretariat'],
        password: randomSecret(24),
      }),
    );
  } finally {
    await prepared.close(); // closing checkpoints the WAL, so the file alone is the database
  }
}

/** One timed import of `bytes` into `file`; with `keep`, the rows it wrote are read back for raw. */
async function importRound(
  file: string,
  bytes: Buffer,
  keep = true,
): Promise<{ seconds: number; written: TableRows }> {
  const connection = await connect(file);
  // As the CLI imports: with a writer thread on the same file, opened (like the connection) untimed.
  const writer = connection.openWriter?.();
  if (!writer) throw new Error('the bench imports into a SQLite file, which has a writer');
  try {
    await writer.db.selectFrom('groups').select('id').execute();
    const user = await findUserByUsername(connection.db, 'bench-chair');
    if (!user) throw new Error('bench-chair was not created');
    const viewer = await viewerFor(connection.db, user, 'cli', 'write');
    if (viewer.chairGroupIds.length === 0) {
      throw new Error('GBR does not chair the UDCG today: the bench needs a secretariat');
    }
    const started = performance.now();
    const report = await importLedger(connection.db, viewer, 'udcg', bytes, {
      kind: 'pledges',
      fileName: 'bench-pledges.csv',
      writer,
    });
    const seconds = (performance.now() - started) / 1000;
    const rows = report.counts.rows;
    if (!report.written || report.counts.created !== rows) {
      const first = report.problems
        .slice(0, 3)
        .map((p) => `line ${p.line ?? '-'} ${p.column ?? ''}: ${p.message}`);
      throw new Error(
        `the import wrote ${report.counts.created} of ${rows} rows: ${first.join('; ')}`,
      );
    }
    return {
      seconds,
      written: keep
        ? {
            pledges: await connection.db.selectFrom('pledges').selectAll().execute(),
            changes: await connection.db.selectFrom('pledge_status_changes').selectAll().execute(),
          }
        : { pledges: [], changes: [] },
    };
  } finally {
    await writer.close();
    await connection.close();
  }
}

/** The raw baseline: the same pragmas as connect(), one prepared statement per table; seconds. */
function rawRound(file: string, rows: TableRows): number {
  const raw = new SQLite(file);
  try {
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    raw.pragma('foreign_keys = ON');
    const insert = (table: string, sample: Record<string, unknown>) => {
      const columns = Object.keys(sample);
      return {
        columns,
        statement: raw.prepare(
          `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
        ),
      };
    };
    const started = performance.now();
    const pledges = insert('pledges', rows.pledges[0] ?? {});
    const changes = insert('pledge_status_changes', rows.changes[0] ?? {});
    raw.transaction(() => {
      for (const p of rows.pledges) pledges.statement.run(pledges.columns.map((c) => p[c]));
      for (const c of rows.changes) changes.statement.run(changes.columns.map((k) => c[k]));
    })();
    const seconds = (performance.now() - started) / 1000;
    const count = raw.prepare('select count(*) as n from pledges').get() as { n: number };
    if (count.n !== rows.pledges.length) {
      throw new Error(`the raw load wrote ${count.n} of ${rows.pledges.length} pledges`);
    }
    return seconds;
  } finally {
    raw.close();
  }
}
