import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { countryCode, kielArea, kielKind, kielRows } from './kiel-mapping';
import { CellReader, type ImportRow } from './ledger-columns';
import { ImportRefused, openLedgerFile } from './ledger-file';

const FIXTURE = 'src/core/ledger-import/fixtures/kiel-ust-items.csv';
const known = (name: string) => ({ czechia: 'CZE' })[name.toLowerCase()];

async function fixtureRows() {
  const file = await openLedgerFile(readFileSync(FIXTURE), 'kiel-ust-items.csv');
  return kielRows(file.table(), 'kiel-ust-items.csv', known);
}

const read = (row: ImportRow | undefined) => {
  const reader = new CellReader(row ?? (undefined as never));
  return {
    externalId: reader.text('external_id'),
    donor: reader.text('donor'),
    area: reader.text('capability_area'),
    item: reader.text('item'),
    quantity: reader.integer('quantity') ?? null,
    unit: reader.text('unit') ?? null,
    kind: reader.text('kind'),
    value:
      reader.text('value_amount') === undefined
        ? null
        : `${reader.text('value_amount')} ${reader.text('value_currency')}`,
    announcedOn: reader.text('announced_on'),
    marking: reader.text('marking'),
    problems: reader.problems.map((p) => `${p.column}: ${p.message}`),
  };
};

describe('the Kiel Ukraine Support Tracker mapping', () => {
  it('maps donors, areas, kinds, quantities and values of a Kiel item sheet, and leaves humanitarian aid out', async () => {
    const { rows, skipped } = await fixtureRows();
    expect(skipped).toEqual([
      { line: 10, reason: 'humanitarian aid is not recorded in the support ledger' },
    ]);
    const mapped = rows.map(read);
    expect(mapped.map((m) => m.problems).flat()).toEqual([]);
    expect(mapped.map((m) => [m.donor, m.area, m.kind, m.quantity, m.unit, m.value])).toEqual([
      ['USA', 'artillery-ammunition', 'donation', 18, 'units', null],
      ['DEU', 'armour', 'donation', 14, 'units', null],
      ['GBR', 'armour', 'donation', 14, 'units', null],
      ['NOR', 'artillery-ammunition', 'donation', 22, 'units', null],
      ['NLD', 'air-force', 'training', null, null, '150000000.00 EUR'],
      // The converted value has more decimals than the euro: rounded half-even to the cent.
      ['CZE', 'artillery-ammunition', 'donation', 800000, 'units', '1500000000.46 EUR'],
      ['XEU', 'other', 'funding', null, null, '5000000000.00 EUR'],
      ['DNK', 'air-force', 'donation', 19, 'units', null],
      // No euro value: the value as the source gave it, in its own currency.
      ['CAN', 'air-defence', 'donation', 1, 'units', '406000000.00 CAD'],
      // An undisclosed number of items is one package of them; anti-tank weapons count under armour.
      ['EST', 'armour', 'donation', 1, 'package', null],
      ['SWE', 'armour', 'donation', 50, 'units', null],
      ['LTU', 'drones-ew', 'donation', 1, 'package', '2600000.00 EUR'],
      ['FRA', 'other', 'funding', null, null, '200000000.00 EUR'],
    ]);
    expect(mapped[0]).toMatchObject({
      item: 'M777 howitzers',
      announcedOn: '2022-04-13',
      marking: 'PUBLIC',
    });
    // Without an item, the explanation is the item.
    expect(mapped[6]?.item).toBe('European Peace Facility: Ukraine Assistance Fund');
  });

  it('derives the same external id from the same row on every run, and different ones for different rows', async () => {
    const first = (await fixtureRows()).rows.map((r) => read(r).externalId);
    const again = (await fixtureRows()).rows.map((r) => read(r).externalId);
    expect(again).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
    expect(first[0]).toMatch(/^kiel:[0-9a-f]{24}$/);
  });

  it('reads an XLSX release with date cells and names the Kiel column of each problem', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Bilateral Assistance, MAIN DATA');
    sheet.addRow([
      'ID',
      'countries',
      'Announcement Date',
      'Type of Aid General',
      'Item',
      'Quantity',
    ]);
    sheet.addRow([7, 'Poland', new Date(Date.UTC(2022, 3, 5)), 'Military', 'T-72 tanks', 200]);
    sheet.addRow([8, 'Atlantis', 44656, 'Military', 'Radios', 'many']);
    sheet.addRow([9, 'Latvia', 'spring 2022', 'Cultural', 'Concerts', 2]);
    const file = await openLedgerFile(new Uint8Array(await book.xlsx.writeBuffer()), 'kiel.xlsx');
    const { rows } = kielRows(file.table(), 'kiel.xlsx', known);
    const [poland, atlantis, latvia] = rows.map(read);
    expect(poland).toMatchObject({
      donor: 'POL',
      area: 'armour',
      announcedOn: '2022-04-05',
      quantity: 200,
      problems: [],
    });
    // A day number is read as a spreadsheet date; an unknown country and a count that is no number are named.
    expect(atlantis?.announcedOn).toBe('2022-04-05');
    expect(atlantis?.area).toBe('it-cyber-comms');
    expect(atlantis?.problems).toEqual([
      'countries: "Atlantis" is not a country Ramstein knows',
      'Quantity: "many" is not a whole number of units',
    ]);
    expect(latvia?.problems).toEqual([
      'Type of Aid General: is "Cultural": Ramstein maps Military, Financial and Humanitarian',
      'Announcement Date: "spring 2022" is not a date (YYYY-MM-DD or a date cell)',
    ]);
  });

  it('refuses a sheet without the columns it needs, naming them', async () => {
    const file = await openLedgerFile(
      new TextEncoder().encode('Countries,Item\nPoland,Tanks\n'),
      'k.csv',
    );
    try {
      kielRows(file.table(), 'k.csv', known);
      throw new Error('not refused');
    } catch (error) {
      if (!(error instanceof ImportRefused)) throw error;
      expect(error.problems.map((p) => p.column)).toEqual([
        'announcement date',
        'type of aid general',
      ]);
    }
  });

  it('keeps its keyword map, kinds and country names as documented', () => {
    expect(kielArea('IRIS-T SLM launchers')).toBe('air-defence');
    expect(kielArea('Gepard anti-aircraft guns with ammunition')).toBe('air-defence');
    expect(kielArea('Bayraktar UAVs')).toBe('drones-ew');
    expect(kielArea('Tankers for fuel')).toBe('logistics'); // "tank" only as a word
    expect(kielArea('Blankets')).toBe('other');
    expect(kielKind('Military', 'Training of soldiers')).toEqual({ kind: 'training' });
    expect(kielKind('Military', 'Grant for procurement')).toEqual({ kind: 'funding' });
    expect(kielKind('Military', 'Procurement contract')).toEqual({ kind: 'procurement' });
    expect(kielKind('Financial', 'Loan')).toEqual({ kind: 'funding' });
    expect(countryCode('United States', known)).toBe('USA');
    expect(countryCode('EU (Commission and Council)', known)).toBe('XEU');
    expect(countryCode('Türkiye', known)).toBe('TUR');
    expect(countryCode('Nowhere', known)).toBeUndefined();
  });
});
