import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../core/audit/audit.service';
import { errorSchema } from '../../core/common.schema';
import { importEcbRates } from '../../core/currency/exchange-rate.service';
import type { Db } from '../../core/db/database';
import {
  importJobSchema,
  importReportSchema,
  MAX_IMPORT_BYTES,
} from '../../core/ledger-import/ledger-import.schema';
import { contributionOf } from '../../core/pledges/pledge';
import { pledgeDetailSchema, pledgePageSchema } from '../../core/pledges/pledge.schema';
import { figuresOf } from '../../core/pledges/pledge.service';
import { requirementPageSchema } from '../../core/requirements/requirement.schema';
import { addPrincipal, bearer, type Principal } from '../test/principals';
import { describeApiOnEachDatabase } from '../test/test-app';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A CSV file from a header and rows (cells with , or " quoted). */
const csv = (header: string, ...rows: string[][]) =>
  `${[header, ...rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(','))].join('\n')}\n`;

const PLEDGE_HEADER =
  'external_id,donor,channel_kind,channel_nation,channel_coalition,channel_fund,requirement_external_id,' +
  'capability_area,item,specification,quantity,unit,kind,value_amount,value_currency,valuation_date,' +
  'announced_on,meeting_number,status,status_on,marking,rel_to';

/** A pledge row in PLEDGE_HEADER's order, from the fields that differ from a plain GBR donation. */
function pledgeRow(fields: Record<string, string>): string[] {
  const row: Record<string, string> = {
    donor: 'GBR',
    capability_area: 'logistics',
    item: 'Trucks',
    quantity: '10',
    unit: 'trucks',
    kind: 'donation',
    announced_on: '2024-03-01',
    marking: 'GROUP',
    ...fields,
  };
  return PLEDGE_HEADER.split(',').map((c) => row[c] ?? '');
}

/** Every bucket total recomputed from the pledges themselves: what the kept sums must equal. */
async function fullScan(db: Db) {
  const pledges = await db.selectFrom('pledges').selectAll().execute();
  const sums = new Map<string, Record<string, number | string>>();
  for (const p of pledges) {
    const c = contributionOf(
      figuresOf({
        ...p,
        quantity: p.quantity === null ? null : Number(p.quantity),
        delivered_quantity: Number(p.delivered_quantity),
        reporting_value_minor:
          p.reporting_value_minor === null ? null : Number(p.reporting_value_minor),
      }),
    );
    for (const [table, bucket] of [
      ['requirement_totals', c.requirement],
      ['donor_totals', c.donor],
      ['timeline_totals', c.timeline],
    ] as const) {
      if (bucket === null) continue;
      const entries = Object.entries(bucket as unknown as Record<string, string | number>);
      const key = `${table}|${entries
        .filter(([, v]) => typeof v === 'string')
        .map(([k, v]) => `${k}=${String(v)}`)
        .sort()
        .join('|')}`;
      const sum = sums.get(key) ?? { table };
      for (const [k, v] of entries) sum[k] = typeof v === 'number' ? Number(sum[k] ?? 0) + v : v;
      sums.set(key, sum);
    }
  }
  return normalise([...sums.values()]);
}

async function storedTotals(db: Db) {
  const rows: Record<string, unknown>[] = [];
  for (const table of ['requirement_totals', 'donor_totals', 'timeline_totals'] as const) {
    for (const row of await db.selectFrom(table).selectAll().execute())
      rows.push({ table, ...row });
  }
  return normalise(rows);
}

/** Buckets as sorted JSON lines, numbers as numbers, all-zero buckets left out. */
function normalise(rows: Record<string, unknown>[]): string[] {
  return rows
    .map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([k, v]) => [
          k,
          typeof v === 'string' && /^-?\d+$/.test(v) && k !== 'month' ? Number(v) : v,
        ]),
      ),
    )
    .filter((row) =>
      Object.entries(row).some(([k, v]) => typeof v === 'number' && v !== 0 && k !== 'table'),
    )
    .map((row) =>
      JSON.stringify(
        Object.fromEntries(Object.entries(row).sort(([a], [b]) => a.localeCompare(b))),
      ),
    )
    .sort();
}

describeApiOnEachDatabase('ledger import API', (ctx) => {
  let ukr: Principal;
  let gbr: Principal;
  let pol: Principal;
  let chair: Principal;
  let viewer: Principal;
  let dir: string;

  const db = () => ctx().connection.db;
  const upload = (
    who: Principal | undefined,
    kind: string,
    body: string | Buffer | Uint8Array,
    query: Record<string, string> = {},
    contentType = 'text/csv',
  ) =>
    ctx().app.inject({
      method: 'POST',
      url: `/api/v1/groups/udcg/imports/${kind}?${new URLSearchParams({ fileName: `${kind}.csv`, ...query }).toString()}`,
      headers: { ...(who ? bearer(who.token) : {}), 'content-type': contentType },
      payload: typeof body === 'string' ? body : Buffer.from(body),
    });
  const reportOf = (response: { statusCode: number; body: string; json: () => unknown }) => {
    const body = response.json() as { report?: unknown };
    return importReportSchema.parse(response.statusCode === 400 ? body.report : body);
  };
  const where = (report: { problems: { line: number | null; column: string | null }[] }) =>
    report.problems.map((p) => `${p.line ?? '-'}:${p.column ?? '-'}`);
  const count = async (
    table: 'pledges' | 'requirements' | 'deliveries' | 'audit_entries' | 'pledge_status_changes',
  ) =>
    Number(
      (
        await db()
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const imports = () =>
    db()
      .selectFrom('audit_entries')
      .select(['action', 'marking', 'rel_to', 'group_id', 'after'])
      .where('action', 'like', '%.import')
      .orderBy('seq')
      .execute();

  beforeAll(async () => {
    const rates = 'ecb_eurofxref_2022_2024.csv';
    const text = readFileSync(`data/reference/${rates}`, 'utf8');
    await db()
      .transaction()
      .execute((trx) =>
        importEcbRates(trx, systemActor, text, { fileName: rates, onConflict: 'keep' }),
      );
    ukr = await addPrincipal(ctx(), 'import.ukr', 'UKR', ['recipient']);
    gbr = await addPrincipal(ctx(), 'import.gbr', 'GBR', ['coordinator']);
    pol = await addPrincipal(ctx(), 'import.pol', 'POL', ['coordinator']);
    chair = await addPrincipal(ctx(), 'import.chair', 'GBR', ['secretariat']);
    viewer = await addPrincipal(ctx(), 'import.viewer', 'GBR', ['viewer']);
    dir = mkdtempSync(join(tmpdir(), 'ramstein-import-test-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const requirements = csv(
    'external_id,capability_area,item,specification,quantity,unit,needed_by,marking,rel_to',
    [
      'REQ-SHELLS',
      'artillery-ammunition',
      'Artillery shells',
      '155 mm NATO',
      '10000',
      'rounds',
      '2024-12-31',
      'GROUP',
      '',
    ],
    ['REQ-RADAR', 'air-defence', 'Radars', '', '12', 'systems', '', 'RESTRICTED', 'GBR;POL'],
  );

  describe('requirements', () => {
    it('answers a dry run with the full report and writes nothing', async () => {
      const before = await count('requirements');
      const response = await upload(ukr, 'requirements', requirements, { dryRun: 'true' });
      expect(response.statusCode, response.body).toBe(200);
      expect(reportOf(response)).toMatchObject({
        kind: 'requirements',
        format: 'csv',
        encoding: 'utf-8',
        dryRun: true,
        written: false,
        counts: { rows: 2, created: 2, unchanged: 0, refused: 0 },
        problems: [],
      });
      expect(await count('requirements')).toBe(before);
    });

    it('imports the recipient’s requirements once: the same file again changes nothing, other content is a conflict', async () => {
      const before = await count('requirements');
      const audits = (await imports()).length;
      const first = await upload(ukr, 'requirements', requirements);
      expect(first.statusCode, first.body).toBe(200);
      expect(reportOf(first)).toMatchObject({ written: true, counts: { created: 2 } });
      expect(await count('requirements')).toBe(before + 2);
      const list = requirementPageSchema.parse(
        (
          await ctx().app.inject({
            method: 'GET',
            url: '/api/v1/groups/udcg/requirements',
            headers: bearer(pol.token),
          })
        ).json(),
      );
      expect(list.items.find((r) => r.externalId === 'REQ-RADAR')).toMatchObject({
        marking: { label: 'RESTRICTED REL TO GBR, POL, UKR' },
        status: 'open',
      });
      // One audit entry for the import, as narrow as its narrowest row.
      const entries = await imports();
      expect(entries).toHaveLength(audits + 1);
      expect(entries.at(-1)).toMatchObject({
        action: 'requirements.import',
        marking: 'RESTRICTED',
        rel_to: ',GBR,POL,UKR,',
      });
      expect(JSON.parse(entries.at(-1)?.after ?? '{}')).toMatchObject({
        file: 'requirements.csv',
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as string,
        counts: { created: 2 },
      });

      const again = await upload(ukr, 'requirements', requirements);
      expect(again.statusCode, again.body).toBe(200);
      expect(reportOf(again)).toMatchObject({
        written: false,
        counts: { created: 0, unchanged: 2 },
      });
      expect(await count('requirements')).toBe(before + 2);
      expect(await imports()).toHaveLength(audits + 1);

      const changed = await upload(ukr, 'requirements', requirements.replace('10000', '12000'));
      expect(changed.statusCode).toBe(400);
      const report = reportOf(changed);
      expect(report.problems).toEqual([
        {
          sheet: null,
          line: 2,
          column: 'external_id',
          message:
            'REQ-SHELLS exists with other content; it differs in quantity (file 12000, stored 10000)',
        },
      ]);
      expect(errorSchema.parse(changed.json()).issues[0]?.path).toBe('line 2, column external_id');
    });

    it('takes requirements from the recipient only', async () => {
      expect((await upload(gbr, 'requirements', requirements)).statusCode).toBe(403);
      expect((await upload(undefined, 'requirements', requirements)).statusCode).toBe(401);
    });
  });

  describe('pledges', () => {
    it('writes nothing when one row is bad, and names its line and column', async () => {
      const before = [await count('pledges'), await count('audit_entries')];
      const file = csv(
        PLEDGE_HEADER,
        pledgeRow({ external_id: 'ALL-1' }),
        pledgeRow({ external_id: 'ALL-2', quantity: '-5' }),
        pledgeRow({ external_id: 'ALL-3' }),
      );
      const response = await upload(gbr, 'pledges', file);
      expect(response.statusCode).toBe(400);
      const report = reportOf(response);
      expect(report).toMatchObject({ written: false, counts: { rows: 3, created: 2, refused: 1 } });
      expect(report.problems).toEqual([
        expect.objectContaining({ line: 3, column: 'quantity', message: 'must be more than 0' }),
      ]);
      expect([await count('pledges'), await count('audit_entries')]).toEqual(before);
    });

    it('refuses every bad row at once, each with its line, column and reason', async () => {
      const before = await count('pledges');
      const file = csv(
        PLEDGE_HEADER,
        pledgeRow({ external_id: 'BAD-2', quantity: '-3' }),
        pledgeRow({ external_id: 'BAD-3', quantity: '2.5' }),
        pledgeRow({ external_id: 'BAD-4', value_amount: '100', value_currency: 'ABC' }),
        pledgeRow({
          external_id: 'BAD-5',
          value_amount: '100',
          value_currency: 'USD',
          valuation_date: '2021-06-01',
        }),
        pledgeRow({ external_id: 'BAD-6', status: 'delivered' }),
        pledgeRow({ external_id: 'BAD-7', announced_on: '2999-01-01' }),
        pledgeRow({ external_id: 'BAD-8', donor: 'DEU' }),
        pledgeRow({ external_id: 'BAD-9', kind: 'gift' }),
        pledgeRow({ external_id: 'BAD-10', requirement_external_id: 'NO-SUCH-REQ' }),
        pledgeRow({ external_id: 'BAD-11', status: 'committed', status_on: '2024-01-01' }),
        pledgeRow({ external_id: 'BAD-12', item: '=HYPERLINK("http://example.org","x")' }),
        pledgeRow({ external_id: 'BAD-2' }),
        pledgeRow({ external_id: 'BAD-14', channel_kind: 'nation', channel_nation: 'GBR' }),
        pledgeRow({ external_id: 'BAD-15', capability_area: 'space' }),
      );
      const response = await upload(gbr, 'pledges', file);
      expect(response.statusCode).toBe(400);
      const report = reportOf(response);
      expect(where(report)).toEqual([
        '2:quantity',
        '3:quantity',
        '4:value_currency',
        '5:valuation_date',
        '6:status',
        '7:announced_on',
        '8:donor',
        '9:kind',
        '10:requirement_external_id',
        '11:status_on',
        '12:item',
        '13:external_id',
        '14:channel_nation',
        '15:capability_area',
      ]);
      const message = (line: number) => report.problems.find((p) => p.line === line)?.message;
      expect(message(3)).toBe('must be a whole number');
      expect(message(5)).toBe(
        'No exchange rate for USD on or before 2021-06-01 (the first is on 2022-01-03): the value cannot be put in EUR',
      );
      expect(message(6)).toBe(
        'only 0 of 10 delivered; record the deliveries and it becomes delivered',
      );
      expect(message(8)).toMatch(/Only DEU's coordinators record DEU's pledges/);
      expect(message(11)).toBe('is before the pledge was announced (2024-03-01)');
      expect(message(12)).toMatch(/looks like a formula; formulas are refused/);
      expect(message(13)).toBe('appears again (first on line 2)');
      expect(message(14)).toBe('is the donor itself: use the direct channel');
      expect(report.counts).toMatchObject({ rows: 14, refused: 14, created: 0 });
      expect(await count('pledges')).toBe(before);
    });

    it('imports pledges as the API records them: against requirements, channelled, valued at the rate of their day', async () => {
      const file = csv(
        PLEDGE_HEADER,
        pledgeRow({
          external_id: 'UK-1',
          requirement_external_id: 'REQ-SHELLS',
          capability_area: '',
          item: '',
          unit: '',
          quantity: '4000',
          value_amount: '12000000.00',
          value_currency: 'EUR',
          status: 'contracted',
          status_on: '2024-03-10',
          meeting_number: '20',
        }),
        pledgeRow({
          external_id: 'UK-2',
          donor: 'POL',
          channel_kind: 'nation',
          channel_nation: 'GBR',
          capability_area: 'air-defence',
          item: 'Radars',
          unit: 'systems',
          quantity: '2',
          value_amount: '1000000.00',
          value_currency: 'USD',
          valuation_date: '2024-05-04',
          announced_on: '2024-05-04',
          status: 'committed',
        }),
        pledgeRow({
          external_id: 'UK-3',
          donor: 'NOR',
          channel_coalition: 'Drone Coalition (drones and EW)',
          capability_area: 'drones-ew',
          item: 'FPV drones',
          unit: 'drones',
          quantity: '5000',
        }),
        pledgeRow({
          external_id: 'UK-4',
          donor: 'NOR',
          channel_fund: 'Czech ammunition initiative',
          kind: 'funding',
          quantity: '',
          unit: '',
          capability_area: 'artillery-ammunition',
          item: 'Ammunition fund',
          value_amount: '50000000.00',
          value_currency: 'EUR',
          status: 'withdrawn',
          status_on: '2024-04-01',
        }),
        pledgeRow({
          external_id: 'UK-5',
          donor: 'POL',
          marking: 'RESTRICTED',
          rel_to: 'UKR,GBR',
          item: 'Fuel trucks',
        }),
      );
      const dry = await upload(chair, 'pledges', file, { dryRun: 'true' });
      expect(reportOf(dry).problems).toEqual([]);
      const before = await count('pledges');
      const response = await upload(chair, 'pledges', file);
      expect(response.statusCode, response.body).toBe(200);
      expect(reportOf(response).counts).toMatchObject({ created: 5, refused: 0 });
      expect(await count('pledges')).toBe(before + 5);

      const page = pledgePageSchema.parse(
        (
          await ctx().app.inject({
            method: 'GET',
            url: '/api/v1/groups/udcg/pledges?limit=500',
            headers: bearer(gbr.token),
          })
        ).json(),
      );
      const byKey = new Map(page.items.map((p) => [p.externalId, p]));
      expect(byKey.get('UK-1')).toMatchObject({
        item: 'Artillery shells',
        specification: '155 mm NATO',
        unit: 'rounds',
        status: 'contracted',
        statusOn: '2024-03-10',
        reportingValue: { amount: '12000000.00', currency: 'EUR' },
      });
      const usd = byKey.get('UK-2');
      const rate = (
        await ctx().app.inject({
          method: 'GET',
          url: '/api/v1/exchange-rates/convert?amount=1000000.00&from=USD&to=EUR&date=2024-05-04',
        })
      ).json<{ to: { amount: string } }>();
      expect(usd).toMatchObject({
        donor: 'POL',
        channel: { key: 'nation:GBR' },
        rateUsed: { date: '2024-05-03' },
      });
      expect(usd?.reportingValue?.amount).toBe(rate.to.amount);
      expect(byKey.get('UK-3')?.channel.kind).toBe('coalition');
      expect(byKey.get('UK-4')).toMatchObject({
        status: 'withdrawn',
        quantity: null,
        channel: { key: 'fund:Czech ammunition initiative' },
      });
      const detail = pledgeDetailSchema.parse(
        (
          await ctx().app.inject({
            method: 'GET',
            url: `/api/v1/pledges/${byKey.get('UK-1')?.id ?? ''}`,
            headers: bearer(gbr.token),
          })
        ).json(),
      );
      expect(detail.statusHistory.map((h) => [h.from, h.to, h.effectiveOn])).toEqual([
        [null, 'announced', '2024-03-01'],
        ['announced', 'contracted', '2024-03-10'],
      ]);
      // Nations outside REL TO read nothing of the restricted row, not even through the totals.
      expect(page.items.some((p) => p.externalId === 'UK-5')).toBe(true);
      const fra = await addPrincipal(ctx(), 'import.fra', 'FRA', ['viewer']);
      const theirs = pledgePageSchema.parse(
        (
          await ctx().app.inject({
            method: 'GET',
            url: '/api/v1/groups/udcg/pledges?limit=500',
            headers: bearer(fra.token),
          })
        ).json(),
      );
      expect(theirs.items.some((p) => p.externalId === 'UK-5')).toBe(false);

      expect(await storedTotals(db())).toEqual(await fullScan(db()));
      const again = await upload(chair, 'pledges', file);
      expect(reportOf(again)).toMatchObject({
        written: false,
        counts: { created: 0, unchanged: 5 },
      });
      expect(await count('pledges')).toBe(before + 5);
    });

    it('imports deliveries as recordDelivery would, refusing more than is left and any before its pledge', async () => {
      const header = 'pledge_external_id,external_id,quantity,delivered_on,place';
      const bad = csv(
        header,
        ['UK-1', 'D-1', '5000', '2024-04-01', 'Rzeszów'],
        ['UK-1', 'D-2', '10', '2024-02-01', ''],
        ['NOPE', 'D-3', '1', '2024-04-01', ''],
        ['UK-4', 'D-4', '1', '2024-04-02', ''],
        ['UK-1', 'D-5', '1', '2024-04-01', ''],
        ['UK-1', 'D-5', '1', '2024-04-01', ''],
      );
      const before = [await count('deliveries'), await count('pledge_status_changes')];
      const refused = await upload(chair, 'deliveries', bad);
      expect(refused.statusCode).toBe(400);
      const report = reportOf(refused);
      expect(where(report)).toEqual([
        '2:quantity',
        '3:delivered_on',
        '4:pledge_external_id',
        '5:pledge_external_id',
        '7:external_id',
      ]);
      expect(report.problems[0]?.message).toBe(
        'only 4000 of the 4000 pledged remain to be delivered',
      );
      expect(report.problems[1]?.message).toBe('is before the pledge was announced (2024-03-01)');
      expect(report.problems[3]?.message).toBe('the pledge is withdrawn: no more deliveries');
      expect([await count('deliveries'), await count('pledge_status_changes')]).toEqual(before);
      // Another nation's coordinator may not record the UK's deliveries.
      const foreign = await upload(
        pol,
        'deliveries',
        csv(header, ['UK-1', 'D-9', '1', '2024-04-01', '']),
      );
      expect(reportOf(foreign).problems[0]).toMatchObject({
        column: 'pledge_external_id',
        message: expect.stringMatching(/Only GBR's coordinators/) as string,
      });

      const good = csv(
        header,
        ['UK-1', 'D-1', '1500', '2024-04-01', 'Rzeszów'],
        ['UK-1', 'D-2', '2500', '2024-04-20', ''],
      );
      const response = await upload(gbr, 'deliveries', good);
      expect(response.statusCode, response.body).toBe(200);
      expect(reportOf(response).counts).toMatchObject({ created: 2 });
      const uk1 = pledgePageSchema
        .parse(
          (
            await ctx().app.inject({
              method: 'GET',
              url: '/api/v1/groups/udcg/pledges?limit=500',
              headers: bearer(gbr.token),
            })
          ).json(),
        )
        .items.find((p) => p.externalId === 'UK-1');
      expect(uk1).toMatchObject({
        status: 'delivered',
        statusOn: '2024-04-20',
        deliveredQuantity: 4000,
      });
      const detail = pledgeDetailSchema.parse(
        (
          await ctx().app.inject({
            method: 'GET',
            url: `/api/v1/pledges/${uk1?.id ?? ''}`,
            headers: bearer(gbr.token),
          })
        ).json(),
      );
      expect(
        detail.statusHistory.slice(-2).map((h) => [h.from, h.to, h.effectiveOn, h.note]),
      ).toEqual([
        ['contracted', 'delivering', '2024-04-01', 'by delivery'],
        ['delivering', 'delivered', '2024-04-20', 'by delivery'],
      ]);
      expect(await storedTotals(db())).toEqual(await fullScan(db()));
      expect(reportOf(await upload(gbr, 'deliveries', good)).counts).toMatchObject({
        unchanged: 2,
        created: 0,
      });
    });

    it('keeps the totals equal to a full scan when single writes and imports mix', async () => {
      const created = await ctx().app.inject({
        method: 'POST',
        url: '/api/v1/groups/udcg/pledges',
        headers: bearer(pol.token),
        payload: {
          capabilityArea: 'demining',
          item: 'Mine clearing vehicles',
          quantity: 6,
          unit: 'vehicles',
          kind: 'donation',
          value: { amount: '3000000.00', currency: 'GBP' },
          announcedOn: '2024-06-13',
          externalId: 'API-1',
          marking: { classification: 'PUBLIC' },
        },
      });
      expect(created.statusCode, created.body).toBe(201);
      const deliveries = await upload(
        pol,
        'deliveries',
        csv('pledge_external_id,external_id,quantity,delivered_on', [
          'API-1',
          'API-1-D1',
          '2',
          '2024-07-01',
        ]),
      );
      expect(deliveries.statusCode, deliveries.body).toBe(200);
      expect(await storedTotals(db())).toEqual(await fullScan(db()));
    });

    it('imports a pledges workbook with its deliveries sheet in one transaction', async () => {
      const book = new ExcelJS.Workbook();
      const pledges = book.addWorksheet('pledges');
      pledges.addRow([
        'external_id',
        'capability_area',
        'item',
        'quantity',
        'unit',
        'kind',
        'announced_on',
        'status',
        'marking',
      ]);
      pledges.addRow([
        'WB-1',
        'medical',
        'Ambulances',
        20,
        'vehicles',
        'donation',
        new Date(Date.UTC(2024, 0, 10)),
        'delivered',
        'GROUP',
      ]);
      pledges.addRow([
        'WB-2',
        'medical',
        'Field hospitals',
        2,
        'units',
        'donation',
        new Date(Date.UTC(2024, 0, 10)),
        'delivering',
        'GROUP',
      ]);
      const deliveries = book.addWorksheet('deliveries');
      deliveries.addRow(['pledge_external_id', 'external_id', 'quantity', 'delivered_on']);
      deliveries.addRow(['WB-1', 'WB-1-a', 12, new Date(Date.UTC(2024, 1, 1))]);
      deliveries.addRow(['WB-1', 'WB-1-b', 8, new Date(Date.UTC(2024, 2, 1))]);
      deliveries.addRow(['WB-2', 'WB-2-a', 1, new Date(Date.UTC(2024, 2, 1))]);
      const bytes = Buffer.from(await book.xlsx.writeBuffer());
      const response = await upload(gbr, 'pledges', bytes, { fileName: 'ledger.xlsx' }, XLSX);
      expect(response.statusCode, response.body).toBe(200);
      const report = reportOf(response);
      expect(report).toMatchObject({
        format: 'xlsx',
        sheet: 'pledges',
        counts: { created: 2 },
        deliveries: { rows: 3, created: 3 },
      });
      const items = pledgePageSchema.parse(
        (
          await ctx().app.inject({
            method: 'GET',
            url: '/api/v1/groups/udcg/pledges?limit=500',
            headers: bearer(gbr.token),
          })
        ).json(),
      ).items;
      expect(items.find((p) => p.externalId === 'WB-1')).toMatchObject({
        status: 'delivered',
        deliveredQuantity: 20,
        statusOn: '2024-03-01',
      });
      expect(items.find((p) => p.externalId === 'WB-2')).toMatchObject({
        status: 'delivering',
        deliveredQuantity: 1,
      });
      expect(await storedTotals(db())).toEqual(await fullScan(db()));
      expect(
        reportOf(await upload(gbr, 'pledges', bytes, { fileName: 'ledger.xlsx' }, XLSX)),
      ).toMatchObject({
        counts: { unchanged: 2 },
        deliveries: { unchanged: 3 },
      });

      // A status its deliveries do not bear out is refused on the pledge's row.
      deliveries.spliceRows(3, 1);
      pledges.getCell('A2').value = 'WB-3';
      pledges.getCell('A3').value = 'WB-4';
      for (const row of [2, 3, 4]) {
        const cell = deliveries.getCell(`A${row}`);
        if (cell.value === 'WB-1') cell.value = 'WB-3';
        if (cell.value === 'WB-2') cell.value = 'WB-4';
      }
      const short = await upload(
        gbr,
        'pledges',
        Buffer.from(await book.xlsx.writeBuffer()),
        { fileName: 'short.xlsx' },
        XLSX,
      );
      expect(short.statusCode).toBe(400);
      expect(reportOf(short).problems).toEqual([
        expect.objectContaining({
          sheet: 'pledges',
          line: 2,
          column: 'status',
          message: 'is delivered, but its deliveries leave it delivering (12 of 20 delivered)',
        }),
      ]);
    });

    it('refuses formulas in workbook cells, naming sheet, row and column', async () => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('Pledges 2024');
      sheet.addRow([
        'external_id',
        'capability_area',
        'item',
        'quantity',
        'unit',
        'kind',
        'announced_on',
        'marking',
      ]);
      sheet.addRow([
        'F-1',
        'logistics',
        'Trucks',
        { formula: '2*5', result: 10 },
        'trucks',
        'donation',
        '2024-03-01',
        'GROUP',
      ]);
      const response = await upload(
        gbr,
        'pledges',
        Buffer.from(await book.xlsx.writeBuffer()),
        { fileName: 'f.xlsx', sheet: 'Pledges 2024' },
        XLSX,
      );
      expect(response.statusCode).toBe(400);
      expect(errorSchema.parse(response.json()).issues).toEqual([
        {
          path: 'sheet Pledges 2024, line 2, column quantity',
          message: expect.stringMatching(
            /holds the formula =2\*5; formulas are refused: a cell must hold the value itself/,
          ) as string,
        },
      ]);
    });

    it('refuses a file whose columns or encoding are wrong, naming the column or the file', async () => {
      const unknown = await upload(
        gbr,
        'pledges',
        csv('external_id,kind,announced_on,marking,colour', [
          'X',
          'donation',
          '2024-01-01',
          'GROUP',
          'red',
        ]),
      );
      expect(unknown.statusCode).toBe(400);
      expect(reportOf(unknown).problems).toEqual([
        expect.objectContaining({
          line: 1,
          column: 'colour',
          message: expect.stringMatching(/is not a column of a pledges file/) as string,
        }),
      ]);
      const missing = await upload(
        gbr,
        'pledges',
        csv('external_id,kind,marking', ['X', 'donation', 'GROUP']),
      );
      expect(where(reportOf(missing))).toEqual(['1:announced_on']);
      const utf16 = Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from('external_id,kind\n', 'utf16le'),
      ]);
      const wide = await upload(gbr, 'pledges', utf16, { fileName: 'wide.csv' });
      expect(wide.statusCode).toBe(400);
      expect(reportOf(wide).problems[0]?.message).toMatch(
        /wide\.csv is UTF-16 text: save it as CSV UTF-8/,
      );
      const empty = await upload(gbr, 'pledges', '', { fileName: 'nothing.csv' });
      expect(reportOf(empty).problems[0]?.message).toBe('nothing.csv is empty');
      // Windows-1252 is read as such and the report says so.
      const latin = Buffer.from(
        csv(PLEDGE_HEADER, pledgeRow({ external_id: 'W-1', item: 'Véhicules de dépannage' })),
        'latin1',
      );
      const read = await upload(gbr, 'pledges', latin, { dryRun: 'true', fileName: 'latin.csv' });
      expect(reportOf(read)).toMatchObject({ encoding: 'windows-1252', problems: [] });
      expect(reportOf(read).notes.join(' ')).toMatch(/Read as Windows-1252/);
      expect((await upload(gbr, 'pledges', '{"a":1}', {}, 'application/json')).statusCode).toBe(
        415,
      );
    });

    it('refuses a file over 50 MB, naming it, before reading it', async () => {
      const path = join(dir, 'huge.csv');
      writeFileSync(path, Buffer.alloc(MAX_IMPORT_BYTES + 1, 'a'));
      const response = await upload(gbr, 'pledges', readFileSync(path), { fileName: 'huge.csv' });
      expect(response.statusCode).toBe(413);
      expect(errorSchema.parse(response.json()).message).toMatch(
        /^huge\.csv is 50\.0 MB or more: larger than the 50 MB an import reads/,
      );
    });

    it('lets only pledge writers import, each row checked as the API checks it', async () => {
      const file = csv(PLEDGE_HEADER, pledgeRow({ external_id: 'ACC-1' }));
      expect((await upload(viewer, 'pledges', file)).statusCode).toBe(403);
      expect((await upload(ukr, 'pledges', file)).statusCode).toBe(403);
      const readOnly = await ctx().app.inject({
        method: 'POST',
        url: '/api/v1/groups/udcg/imports/pledges?dryRun=true',
        headers: { ...bearer(gbr.readToken), 'content-type': 'text/csv' },
        payload: file,
      });
      expect(readOnly.statusCode).toBe(403);
      const report = reportOf(await upload(pol, 'pledges', file, { dryRun: 'true' }));
      expect(report.problems).toEqual([
        expect.objectContaining({
          line: 2,
          column: 'donor',
          message: expect.stringMatching(
            /Only GBR's coordinators record GBR's pledges: is not your nation \(POL\)/,
          ) as string,
        }),
      ]);
    });

    it('runs a large import as a job that tells its progress, then its report, to its owner only', async () => {
      const rows = Array.from({ length: 5001 }, (_, i) =>
        pledgeRow({ external_id: `JOB-${i}`, quantity: String(1 + (i % 50)) }),
      );
      const started = await upload(gbr, 'pledges', csv(PLEDGE_HEADER, ...rows), {
        fileName: 'big.csv',
      });
      expect(started.statusCode, started.body).toBe(202);
      const job = importJobSchema.parse(started.json());
      expect(job).toMatchObject({
        kind: 'pledges',
        file: 'big.csv',
        state: 'running',
        total: 5001,
      });
      expect(started.headers.location).toBe(`/api/v1/imports/${job.id}`);
      const poll = (who: Principal) =>
        ctx().app.inject({
          method: 'GET',
          url: `/api/v1/imports/${job.id}`,
          headers: bearer(who.token),
        });
      expect((await poll(pol)).statusCode).toBe(404);
      let current = job;
      const phases = new Set<string>();
      for (let i = 0; i < 600 && current.state === 'running'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        current = importJobSchema.parse((await poll(gbr)).json());
        phases.add(current.phase);
      }
      expect(current).toMatchObject({ state: 'succeeded', phase: 'done', error: null });
      expect(current.report).toMatchObject({ written: true, counts: { created: 5001 } });
      expect(phases.has('done')).toBe(true);
      expect(
        (
          await ctx().app.inject({
            method: 'GET',
            url: '/api/v1/imports/01890000-0000-7000-8000-000000000000',
            headers: bearer(gbr.token),
          })
        ).statusCode,
      ).toBe(404);
      expect(await storedTotals(db())).toEqual(await fullScan(db()));
    });

    it("imports the Kiel Institute's item-level tracker data as PUBLIC pledges, once", async () => {
      const fixture = readFileSync('src/core/ledger-import/fixtures/kiel-ust-items.csv');
      const response = await upload(chair, 'pledges', fixture, {
        mapping: 'kiel',
        fileName: 'kiel-ust-items.csv',
      });
      expect(response.statusCode, response.body).toBe(200);
      const report = reportOf(response);
      expect(report).toMatchObject({
        mapping: 'kiel',
        counts: { rows: 14, created: 13, skipped: 1, refused: 0 },
      });
      const anonymous = pledgePageSchema.parse(
        (
          await ctx().app.inject({
            method: 'GET',
            url: '/api/v1/groups/udcg/pledges?donor=CZE&limit=500',
          })
        ).json(),
      );
      expect(anonymous.items).toEqual([
        expect.objectContaining({
          item: '155 mm artillery shells',
          quantity: 800000,
          value: { amount: '1500000000.46', currency: 'EUR' },
          capabilityArea: expect.objectContaining({ slug: 'artillery-ammunition' }) as unknown,
          externalRef: 'Kiel ID 1006',
          marking: expect.objectContaining({ classification: 'PUBLIC' }) as unknown,
          source: expect.objectContaining({
            title: 'Kiel Institute, Ukraine Support Tracker (kiel-ust-items.csv)',
            confidence: 'medium',
          }) as unknown,
        }),
      ]);
      const again = await upload(chair, 'pledges', fixture, {
        mapping: 'kiel',
        fileName: 'kiel-ust-items.csv',
      });
      expect(reportOf(again).counts).toMatchObject({ created: 0, unchanged: 13 });
      // A coordinator may import only its own nation's rows of it.
      const coordinator = reportOf(
        await upload(gbr, 'pledges', fixture, { mapping: 'kiel', dryRun: 'true' }),
      );
      expect(coordinator.problems.length).toBeGreaterThan(0);
      expect((await upload(ukr, 'requirements', fixture, { mapping: 'kiel' })).statusCode).toBe(
        400,
      );
    });

    it('is described in the OpenAPI document', async () => {
      const spec = (await ctx().app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
        paths: Record<string, unknown>;
      }>();
      expect(Object.keys(spec.paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/groups/{slug}/imports/{kind}',
          '/api/v1/imports/{id}',
          '/api/v1/groups/{slug}/pledges/export.xlsx',
        ]),
      );
    });
  });
});
