import { readFileSync } from 'node:fs';
import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../accounts/account.service';
import { viewerFor } from '../accounts/auth.service';
import { randomSecret } from '../accounts/secrets';
import { findUserByUsername } from '../accounts/user.repository';
import type { Viewer } from '../accounts/viewer';
import { systemActor } from '../audit/audit.service';
import { importEcbRates } from '../currency/exchange-rate.service';
import type { Connection } from '../db/connect';
import type { Db } from '../db/database';
import { openTestDatabase } from '../db/testing/test-database';
import { importLedger } from './ledger-import.service';

// The CLI's import of a pledges file on a SQLite file: new pledges inserted by a writer thread while
// the rest of the file is checked (sqlite-writer.ts). Only a SQLite file has a writer, so these run on
// SQLite alone; the CLI tests run the same path end to end.

const HEADER =
  'external_id,donor,channel_kind,channel_nation,capability_area,item,quantity,unit,kind,' +
  'value_amount,value_currency,announced_on,status,marking,rel_to';
const DONORS = ['GBR', 'DEU', 'POL', 'NOR'];
const AREAS = ['logistics', 'armour', 'air-defence', 'medical'];
const NOW = new Date('2025-03-01T12:00:00Z');

/** `rows` pledges (more than two batches of a hundred), mixed donors, areas, money, statuses, markings. */
function pledgesCsv(rows: number, edit: (i: number, cells: string[]) => string[] = (_, c) => c) {
  const lines = [HEADER];
  for (let i = 1; i <= rows; i++) {
    const donor = DONORS[i % 4] as string;
    const cells = [
      `SENT-${i}`,
      donor,
      i % 10 === 0 ? 'nation' : 'direct',
      i % 10 === 0 ? (donor === 'POL' ? 'DEU' : 'POL') : '',
      AREAS[i % 3] as string,
      `Item ${i % 7}`,
      String(1 + i),
      'units',
      'donation',
      i % 5 === 0 ? '' : `${i * 1000}.50`,
      i % 5 === 0 ? '' : i % 2 === 0 ? 'EUR' : 'USD',
      `2024-0${1 + (i % 9)}-1${i % 10}`,
      ['announced', 'committed', 'contracted'][i % 3] as string,
      i % 6 === 0 ? 'RESTRICTED' : i % 4 === 0 ? 'PUBLIC' : 'GROUP',
      i % 6 === 0 ? `UKR;GBR;${donor}` : '',
    ];
    lines.push(edit(i, cells).join(','));
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

type Opened = Awaited<ReturnType<typeof openTestDatabase>>;

async function openLedger(): Promise<{ opened: Opened; viewer: Viewer }> {
  const opened = await openTestDatabase('sqlite');
  const { db } = opened.connection;
  const rates = 'ecb_eurofxref_2022_2024.csv';
  await db.transaction().execute((trx) =>
    importEcbRates(trx, systemActor, readFileSync(`data/reference/${rates}`, 'utf8'), {
      fileName: rates,
      onConflict: 'keep',
    }),
  );
  const user = await db.transaction().execute((trx) =>
    addUser(trx, systemActor, {
      username: 'sent-chair',
      displayName: 'Chair secretariat',
      nation: 'GBR',
      roles: ['secretariat'],
      password: randomSecret(24),
    }),
  );
  const row = await findUserByUsername(db, user.username);
  if (!row) throw new Error('the user was not added');
  return { opened, viewer: await viewerFor(db, row, 'cli', 'write') };
}

/** Imports `bytes` as the chair's secretariat, through a writer thread or without one. */
async function importPledges(
  connection: Connection,
  viewer: Viewer,
  bytes: Buffer,
  withWriter: boolean,
) {
  const writer = withWriter ? connection.openWriter?.() : undefined;
  if (withWriter && !writer) throw new Error('a SQLite file has a writer');
  try {
    return await importLedger(connection.db, viewer, 'udcg', bytes, {
      kind: 'pledges',
      fileName: 'sent.csv',
      now: NOW,
      ...(writer ? { writer } : {}),
    });
  } finally {
    await writer?.close();
  }
}

/** What an import leaves in the ledger, without ids that differ between two databases. */
async function ledgerOf(db: Db) {
  const pledges = await db
    .selectFrom('pledges')
    .innerJoin('capability_areas', 'capability_areas.id', 'pledges.capability_area_id')
    .select([
      'pledges.external_id',
      'donor_nation',
      'channel_kind',
      'channel_nation',
      'capability_areas.slug as area',
      'item',
      'quantity',
      'unit',
      'value_minor',
      'currency',
      'reporting_value_minor',
      'reporting_rate',
      'reporting_rate_date',
      'announced_on',
      'status',
      'status_on',
      'marking',
      'rel_to',
      'created_at',
      'version',
    ])
    .orderBy('pledges.external_id')
    .execute();
  const changes = await db
    .selectFrom('pledge_status_changes')
    .innerJoin('pledges', 'pledges.id', 'pledge_status_changes.pledge_id')
    .select(['pledges.external_id', 'from_status', 'to_status', 'effective_on'])
    .orderBy('pledges.external_id')
    .orderBy('pledge_status_changes.id')
    .execute();
  const donors = await db
    .selectFrom('donor_totals')
    .select(['donor_nation', 'marking', 'rel_to', 'channel'])
    .select((eb) => [
      eb.fn.sum<number>('pledge_count').as('pledges'),
      eb.fn.sum<number>('pledged_value_minor').as('value'),
      eb.fn.sum<number>('contracted_value_minor').as('contracted'),
    ])
    .groupBy(['donor_nation', 'marking', 'rel_to', 'channel'])
    .orderBy('donor_nation')
    .orderBy('marking')
    .orderBy('rel_to')
    .orderBy('channel')
    .execute();
  const timeline = await db
    .selectFrom('timeline_totals')
    .select(['month', 'donor_nation', 'marking'])
    .select((eb) => eb.fn.sum<number>('pledge_count').as('pledges'))
    .groupBy(['month', 'donor_nation', 'marking'])
    .orderBy('month')
    .orderBy('donor_nation')
    .orderBy('marking')
    .execute();
  const audits = await db
    .selectFrom('audit_entries')
    .select(['action', 'marking', 'rel_to'])
    .where('action', '=', 'pledges.import')
    .execute();
  return { pledges, changes, donors, timeline, audits };
}

describe('a pledges import through a writer thread [sqlite]', () => {
  let sent: { opened: Opened; viewer: Viewer };
  let checkedFirst: { opened: Opened; viewer: Viewer };

  beforeAll(async () => {
    [sent, checkedFirst] = await Promise.all([openLedger(), openLedger()]);
  });
  afterAll(async () => {
    await Promise.all([sent.opened.close(), checkedFirst.opened.close()]);
  });

  it('rolls back what it sent when a row after the first batches is refused', async () => {
    const { connection } = sent.opened;
    const bad = pledgesCsv(250, (i, cells) => (i === 240 ? cells.with(6, '-5') : cells));
    const report = await importPledges(connection, sent.viewer, bad, true);
    expect(report.written).toBe(false);
    expect(report.counts).toMatchObject({ rows: 250, created: 249, refused: 1 });
    expect(report.problems).toEqual([expect.objectContaining({ line: 241, column: 'quantity' })]);
    const ledger = await ledgerOf(connection.db);
    expect(ledger.pledges).toEqual([]);
    expect(ledger.changes).toEqual([]);
    expect(ledger.donors).toEqual([]);
    expect(ledger.audits).toEqual([]);
  });

  it('writes the same ledger as checking every row first and writing after', async () => {
    const file = pledgesCsv(250);
    const [viaWriter, withoutWriter] = await Promise.all([
      importPledges(sent.opened.connection, sent.viewer, file, true),
      importPledges(checkedFirst.opened.connection, checkedFirst.viewer, file, false),
    ]);
    expect(viaWriter).toEqual(withoutWriter);
    expect(viaWriter).toMatchObject({ written: true, counts: { rows: 250, created: 250 } });
    const ledger = await ledgerOf(sent.opened.connection.db);
    expect(ledger.pledges).toHaveLength(250);
    expect(ledger.changes.length).toBeGreaterThan(250);
    expect(ledger.audits).toHaveLength(1);
    expect(ledger).toEqual(await ledgerOf(checkedFirst.opened.connection.db));
  });

  it('writes nothing, not even an audit entry, when the same file comes again', async () => {
    const { connection } = sent.opened;
    const before = await ledgerOf(connection.db);
    const again = await importPledges(connection, sent.viewer, pledgesCsv(250), true);
    expect(again).toMatchObject({ written: false, counts: { created: 0, unchanged: 250 } });
    expect(await ledgerOf(connection.db)).toEqual(before);
  });

  it('closes a writer that never ran a statement (the process is not held open)', async () => {
    const writer = sent.opened.connection.openWriter?.();
    if (!writer) throw new Error('a SQLite file has a writer');
    await writer.close();
    await writer.close();
    await expect(writer.db.selectFrom('groups').select('id').execute()).rejects.toThrow(
      /writer thread has stopped/,
    );
  });

  it('fails the transaction at the next awaited statement when a statement sent fails', async () => {
    const { connection } = sent.opened;
    const writer = connection.openWriter?.();
    if (!writer) throw new Error('a SQLite file has a writer');
    try {
      const before = await ledgerOf(connection.db);
      const attempt = writer.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('pledges')
          .set({ note: 'changed in the failed transaction' })
          .where('external_id', '=', 'SENT-1')
          .execute();
        // A status change of no pledge: refused by the foreign key, with no one waiting for it.
        writer.send(
          CompiledQuery.raw(
            'insert into pledge_status_changes (id, pledge_id, from_status, to_status, effective_on, note, changed_by, changed_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
            [
              '00000000-0000-7000-8000-000000000001',
              'no such pledge',
              null,
              'announced',
              '2024-01-01',
              null,
              'x',
              'x',
            ],
          ),
        );
        await trx.selectFrom('pledges').select('id').limit(1).execute();
      });
      await expect(attempt).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' });
      expect(await ledgerOf(connection.db)).toEqual(before);
      const notes = await connection.db
        .selectFrom('pledges')
        .select('note')
        .where('external_id', '=', 'SENT-1')
        .executeTakeFirstOrThrow();
      expect(notes.note).toBeNull();
      // Rolled back, the writer takes the next transaction.
      const counted = await writer.db.transaction().execute((trx) =>
        trx
          .selectFrom('pledges')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .execute(),
      );
      expect(Number(counted[0]?.n)).toBe(250);
    } finally {
      await writer.close();
    }
  });
});
