import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { systemActor } from '../../core/audit/audit.service';
import { importEcbRates } from '../../core/currency/exchange-rate.service';
import { importReportSchema } from '../../core/ledger-import/ledger-import.schema';
import { pledgeDetailSchema } from '../../core/pledges/pledge.schema';
import { requirementSchema } from '../../core/requirements/requirement.schema';
import { addPrincipal, bearer, type Principal } from '../test/principals';
import { describeApiOnEachDatabase, startTestApp, type TestApp } from '../test/test-app';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One file out of a ZIP archive (an XLSX workbook), read from its central directory. */
function unzip(archive: Buffer, name: string): string {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const entries = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i++) {
    const method = archive.readUInt16LE(at + 10);
    const size = archive.readUInt32LE(at + 20);
    const nameLength = archive.readUInt16LE(at + 28);
    const extra = archive.readUInt16LE(at + 30);
    const comment = archive.readUInt16LE(at + 32);
    const local = archive.readUInt32LE(at + 42);
    if (archive.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const start =
        local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
      const data = archive.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + nameLength + extra + comment;
  }
  throw new Error(`${name} is not in the archive`);
}

async function sheets(bytes: Buffer): Promise<Record<string, Record<string, unknown>[]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as never);
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const sheet of book.worksheets) {
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const rows: Record<string, unknown>[] = [];
    sheet.eachRow((row, line) => {
      if (line === 1) return;
      rows.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).value ?? null])));
    });
    out[sheet.name] = rows;
  }
  return out;
}

/** CSV (as toCsv writes it: BOM, CRLF, quotes) into rows by column name. */
function csvRows(text: string): Record<string, string>[] {
  const records: string[][] = [];
  let cell = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = text.startsWith('\uFEFF') ? 1 : 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      records.push(row);
      row = [];
      cell = '';
    } else if (c !== '\r') cell += c;
  }
  const [header, ...rest] = records;
  return rest.map((r) => Object.fromEntries((header ?? []).map((h, i) => [h, r[i] ?? ''])));
}

// What another database gives different values: ids, who and when. Everything else must match.
const VOLATILE = new Set([
  'id',
  'pledge_id',
  'requirement_id',
  'meeting_id',
  'channel_key',
  'created_by',
  'created_at',
  'updated_at',
  'version',
  'recorded_by',
  'recorded_at',
  'confirmed',
  'confirmed_by',
  'confirmed_at',
]);
// The same ledger, whatever order the lists put it in (newest first by default).
const stable = (rows: Record<string, unknown>[] | undefined) =>
  (rows ?? [])
    .map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !VOLATILE.has(k))))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

const stripIds = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(stripIds)
    : value !== null && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .filter(([k]) => k !== 'id' && !k.endsWith('Id'))
            .map(([k, v]) => [k, stripIds(v)]),
        )
      : value;

describeApiOnEachDatabase('ledger exports', (ctx) => {
  let ukr: Principal;
  let gbr: Principal;
  let pol: Principal;
  let chair: Principal;

  const call = (
    app: TestApp,
    method: 'GET' | 'POST',
    url: string,
    who?: Principal,
    payload?: object,
  ) =>
    app.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: who ? bearer(who.token) : {},
      ...(payload ? { payload } : {}),
    });
  const created = async (app: TestApp, url: string, who: Principal, payload: object) => {
    const response = await call(app, 'POST', url, who, payload);
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.json<{ id: string; version: number; deliveries?: { id: string }[] }>();
  };
  const loadRates = async (app: TestApp) => {
    const rates = 'ecb_eurofxref_2022_2024.csv';
    const text = readFileSync(`data/reference/${rates}`, 'utf8');
    await app.connection.db
      .transaction()
      .execute((trx) =>
        importEcbRates(trx, systemActor, text, { fileName: rates, onConflict: 'keep' }),
      );
  };

  beforeAll(async () => {
    const app = ctx();
    await loadRates(app);
    ukr = await addPrincipal(app, 'export.ukr', 'UKR', ['recipient']);
    gbr = await addPrincipal(app, 'export.gbr', 'GBR', ['coordinator']);
    pol = await addPrincipal(app, 'export.pol', 'POL', ['coordinator']);
    chair = await addPrincipal(app, 'export.chair', 'GBR', ['secretariat']);

    const shells = requirementSchema.parse(
      await created(app, '/groups/udcg/requirements', ukr, {
        capabilityArea: 'artillery-ammunition',
        item: 'Artillery shells',
        specification: '155 mm NATO',
        quantity: 10_000,
        unit: 'rounds',
        neededBy: '2024-12-31',
        marking: { classification: 'GROUP' },
      }),
    );
    await created(app, '/groups/udcg/requirements', ukr, {
      capabilityArea: 'air-defence',
      item: '=HYPERLINK("http://evil.example","Interceptors")',
      quantity: 60,
      unit: 'missiles',
      externalId: 'REQ-AD-1',
      marking: { classification: 'RESTRICTED', relTo: ['GBR'] },
    });
    // Contracted, then delivered in two parts (one confirmed by the recipient).
    const uk = await created(app, '/groups/udcg/pledges', gbr, {
      requirementId: shells.id,
      quantity: 4_000,
      kind: 'donation',
      value: { amount: '12000000.00', currency: 'EUR' },
      announcedOn: '2024-02-14',
      marking: { classification: 'GROUP' },
    });
    const contracted = await created(app, `/pledges/${uk.id}/status`, gbr, {
      version: uk.version,
      status: 'contracted',
      effectiveOn: '2024-02-21',
    });
    const first = await created(app, `/pledges/${uk.id}/deliveries`, gbr, {
      quantity: 1_500,
      deliveredOn: '2024-03-02',
      place: 'Rzeszów',
    });
    await created(app, `/deliveries/${first.deliveries?.[0]?.id ?? ''}/confirm`, ukr, {});
    await created(app, `/pledges/${uk.id}/deliveries`, gbr, {
      quantity: 2_500,
      deliveredOn: '2024-04-10',
      externalId: 'UK-D2',
    });
    expect(contracted.version).toBeGreaterThan(1);
    // In USD through another nation, at a meeting; a fund; a coalition; withdrawn; restricted; money delivered by hand.
    await created(app, '/groups/udcg/pledges', pol, {
      channel: { kind: 'nation', nation: 'GBR' },
      capabilityArea: 'air-defence',
      item: '+1 radar (spare)',
      quantity: 2,
      unit: 'systems',
      kind: 'procurement',
      value: { amount: '1000000.00', currency: 'USD' },
      valuationDate: '2024-05-04',
      announcedOn: '2024-05-20',
      meetingId: (await call(app, 'GET', '/groups/udcg/meetings?number=22')).json<{
        items: { id: string }[];
      }>().items[0]?.id,
      externalId: 'PL-RADAR',
      marking: { classification: 'PUBLIC' },
    });
    await created(app, '/groups/udcg/pledges', chair, {
      donor: 'NOR',
      channel: { kind: 'fund', name: 'Czech ammunition initiative' },
      capabilityArea: 'artillery-ammunition',
      item: 'Ammunition fund contribution',
      kind: 'funding',
      value: { amount: '50000000.00', currency: 'NOK' },
      announcedOn: '2023-06-15',
      marking: { classification: 'GROUP' },
    });
    const coalitions = (await call(app, 'GET', '/groups/udcg/coalitions')).json<
      { id: string; name: string }[]
    >();
    await created(app, '/groups/udcg/pledges', chair, {
      donor: 'POL',
      channel: {
        kind: 'coalition',
        coalitionId: coalitions.find((c) => c.name.startsWith('Drone'))?.id,
      },
      capabilityArea: 'drones-ew',
      item: 'FPV drones',
      quantity: 5000,
      unit: 'drones',
      kind: 'donation',
      announcedOn: '2024-01-23',
      marking: { classification: 'RESTRICTED', relTo: ['GBR', 'UKR'] },
    });
    const withdrawn = await created(app, '/groups/udcg/pledges', gbr, {
      capabilityArea: 'armour',
      item: '@Challenger 2 tanks',
      quantity: 14,
      unit: 'tanks',
      kind: 'donation',
      announcedOn: '2023-01-14',
      marking: { classification: 'GROUP' },
    });
    await created(app, `/pledges/${withdrawn.id}/status`, gbr, {
      version: withdrawn.version,
      status: 'withdrawn',
      effectiveOn: '2023-02-01',
    });
    const money = await created(app, '/groups/udcg/pledges', gbr, {
      capabilityArea: 'training',
      item: 'Training of pilots',
      kind: 'training',
      value: { amount: '2500000.00', currency: 'GBP' },
      announcedOn: '2023-05-16',
      marking: { classification: 'GROUP' },
    });
    const delivering = pledgeDetailSchema.parse(
      await created(app, `/pledges/${money.id}/status`, gbr, {
        version: money.version,
        status: 'delivering',
        effectiveOn: '2023-09-01',
      }),
    );
    await created(app, `/pledges/${money.id}/status`, gbr, {
      version: delivering.version,
      status: 'delivered',
      effectiveOn: '2024-01-31',
    });
  });

  it('exports what the caller may read, filtered as the list, with every marking in a column', async () => {
    const text = (who?: Principal, query = '') =>
      call(ctx(), 'GET', `/groups/udcg/pledges/export.csv${query}`, who).then((r) => {
        expect(r.statusCode, r.body).toBe(200);
        expect(r.headers['content-type']).toMatch(/^text\/csv/);
        return csvRows(r.body);
      });
    expect((await text()).map((r) => r.external_id)).toEqual(['PL-RADAR']);
    const forPoland = await text(pol);
    // Poland reads the GROUP and PUBLIC pledges and the drones released to it (its own); France not those.
    expect(forPoland).toHaveLength(6);
    const forFrance = await text(await addPrincipal(ctx(), 'export.fra', 'FRA', ['viewer']));
    expect(forFrance.some((r) => r.marking === 'RESTRICTED')).toBe(false);
    expect(forFrance).toHaveLength(5);
    expect(
      (await text(gbr, '?donor=NOR')).map((r) => [
        r.donor,
        r.channel_kind,
        r.channel_fund,
        r.marking,
      ]),
    ).toEqual([['NOR', 'fund', 'Czech ammunition initiative', 'GROUP']]);
    const restricted = (await text(gbr)).find((r) => r.marking === 'RESTRICTED');
    expect(restricted).toMatchObject({
      rel_to: 'GBR;POL;UKR',
      marking_label: 'RESTRICTED REL TO GBR, POL, UKR',
    });
    const requirements = await call(
      ctx(),
      'GET',
      '/groups/udcg/requirements/export.csv?area=air-defence',
      gbr,
    );
    expect(csvRows(requirements.body).map((r) => [r.external_id, r.marking_label])).toEqual([
      ['REQ-AD-1', 'RESTRICTED REL TO GBR, UKR'],
    ]);
    expect(
      csvRows((await call(ctx(), 'GET', '/groups/udcg/requirements/export.csv', pol)).body),
    ).toHaveLength(1);
    expect((await call(ctx(), 'GET', '/groups/udcg/pledges/export.csv?limit=5')).statusCode).toBe(
      400,
    );
  });

  it('never lets a cell reach a spreadsheet as a formula: neutralised in CSV, a text cell in XLSX', async () => {
    const csv = (await call(ctx(), 'GET', '/groups/udcg/requirements/export.csv', gbr)).body;
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""Interceptors"")"`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    const pledges = (await call(ctx(), 'GET', '/groups/udcg/pledges/export.csv', gbr)).body;
    expect(pledges).toContain(",'+1 radar (spare),");
    expect(pledges).toContain(",'@Challenger 2 tanks,");

    const response = await call(ctx(), 'GET', '/groups/udcg/requirements/export.xlsx', gbr);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(XLSX);
    const bytes = response.rawPayload;
    const xml = unzip(bytes, 'xl/worksheets/sheet1.xml');
    expect(xml).not.toMatch(/<f[ >]/); // no formula anywhere in the sheet
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as never);
    const sheet = book.getWorksheet('requirements');
    const header = (sheet?.getRow(1).values as unknown[]).slice(1);
    const itemCell = sheet?.getRow(3).getCell(header.indexOf('item') + 1);
    expect(itemCell?.type).toBe(ExcelJS.ValueType.String);
    expect(itemCell?.value).toBe('=HYPERLINK("http://evil.example","Interceptors")');
    expect(itemCell?.numFmt).toBe('@');
    // Stored as a shared or inline string, never as a formula cell.
    const ref = itemCell?.address ?? '';
    expect(xml).toMatch(new RegExp(`<c r="${ref}"[^>]* t="(s|inlineStr|str)"`));
  });

  it('round-trips: the XLSX exports imported into a fresh database give the same ledger', async () => {
    const source = ctx();
    const requirementsXlsx = (
      await call(source, 'GET', '/groups/udcg/requirements/export.xlsx', chair)
    ).rawPayload;
    const pledgesXlsx = (await call(source, 'GET', '/groups/udcg/pledges/export.xlsx', chair))
      .rawPayload;
    const before = await sheets(pledgesXlsx);
    expect(before.pledges).toHaveLength(6);
    expect(before.deliveries).toHaveLength(2);

    const { testApp: fresh, stop } = await startTestApp(source.kind);
    try {
      await loadRates(fresh);
      const ukr2 = await addPrincipal(fresh, 'export.ukr', 'UKR', ['recipient']);
      const chair2 = await addPrincipal(fresh, 'export.chair', 'GBR', ['secretariat']);
      const upload = (who: Principal, kind: string, body: Buffer, name: string) =>
        fresh.app.inject({
          method: 'POST',
          url: `/api/v1/groups/udcg/imports/${kind}?fileName=${name}`,
          headers: { ...bearer(who.token), 'content-type': XLSX },
          payload: body,
        });
      const requirements = await upload(
        ukr2,
        'requirements',
        requirementsXlsx,
        'requirements.xlsx',
      );
      expect(requirements.statusCode, requirements.body).toBe(200);
      const pledges = await upload(chair2, 'pledges', pledgesXlsx, 'pledges.xlsx');
      expect(pledges.statusCode, pledges.body).toBe(200);
      expect(importReportSchema.parse(pledges.json())).toMatchObject({
        counts: { created: 6, refused: 0 },
        deliveries: { created: 2 },
      });

      const again = await sheets(
        (await call(fresh, 'GET', '/groups/udcg/pledges/export.xlsx', chair2)).rawPayload,
      );
      expect(stable(again.pledges)).toEqual(stable(before.pledges));
      expect(stable(again.deliveries)).toEqual(stable(before.deliveries));
      const requirementsAgain = await sheets(
        (await call(fresh, 'GET', '/groups/udcg/requirements/export.xlsx', chair2)).rawPayload,
      );
      expect(stable(requirementsAgain.requirements)).toEqual(
        stable((await sheets(requirementsXlsx)).requirements),
      );
      // The totals kept beside the ledger agree too, figure for figure.
      for (const view of [
        '/groups/udcg/donors',
        '/groups/udcg/coverage/areas',
        '/groups/udcg/timeline',
      ]) {
        const [was, now] = await Promise.all([
          call(source, 'GET', view, chair),
          call(fresh, 'GET', view, chair2),
        ]);
        expect(now.statusCode, now.body).toBe(200);
        expect(stripIds(now.json()), view).toEqual(stripIds(was.json()));
      }
      // And importing the same workbook again changes nothing.
      expect(
        importReportSchema.parse(
          (await upload(chair2, 'pledges', pledgesXlsx, 'pledges.xlsx')).json(),
        ),
      ).toMatchObject({
        counts: { created: 0, unchanged: 6 },
        deliveries: { unchanged: 2 },
      });
    } finally {
      await stop();
    }
  });
});
