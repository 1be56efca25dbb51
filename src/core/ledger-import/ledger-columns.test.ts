import { describe, expect, it } from 'vitest';
import { IdSource } from './id-source';
import { CellReader, normaliseHeader, standardRows } from './ledger-columns';
import { decodeWindows1252, ImportRefused, type LedgerTable } from './ledger-file';

const table = (header: string[], ...rows: (string | number | null)[][]): LedgerTable => ({
  sheet: null,
  header,
  headerLine: 1,
  rows: rows.map((cells, i) => ({ line: i + 2, cells })),
  problems: [],
});

function refused(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportRefused) return error.problems;
    throw error;
  }
  throw new Error('not refused');
}

describe('import columns', () => {
  it('reads a header whatever its case, spaces or hyphens', () => {
    expect(normaliseHeader('  Capability Area ')).toBe('capability_area');
    expect(normaliseHeader('VALUE-CURRENCY')).toBe('value_currency');
    const [row] = standardRows(
      table(
        ['External ID', 'Capability Area', 'Item', 'Quantity', 'Unit', 'Marking'],
        ['R1', 'air-defence', 'Radars', 3, 'systems', 'GROUP'],
      ),
      'requirements',
    );
    const reader = new CellReader(row ?? (undefined as never));
    expect([reader.text('external_id'), reader.integer('quantity')]).toEqual(['R1', 3]);
    expect(reader.row.label('capability_area')).toBe('Capability Area');
  });

  it('refuses unknown, repeated and missing columns, naming every one', () => {
    const problems = refused(() =>
      standardRows(
        table(['external_id', 'item', 'colour', 'item', 'Quantity', 'unit', ''], ['x', null, null]),
        'requirements',
      ),
    );
    expect(problems.map((p) => [p.column, p.message])).toEqual([
      ['colour', expect.stringMatching(/is not a column of a requirements file/)],
      ['item', 'appears twice in the header (also column 2)'],
      ['capability_area', 'is missing: a requirements file needs this column'],
      ['marking', 'is missing: a requirements file needs this column'],
    ]);
    expect(problems.every((p) => p.line === 1)).toBe(true);
    // A nameless column with data in it is refused too.
    const nameless = refused(() =>
      standardRows(table(['pledge_external_id', ''], ['P1', 'stray']), 'deliveries'),
    );
    expect(nameless).toContainEqual(
      expect.objectContaining({
        column: 'column 2',
        message: 'has data but no name in the header',
      }),
    );
  });

  it("accepts an export's own columns and ignores them", () => {
    const [row] = standardRows(
      table(
        ['pledge_external_id', 'external_id', 'quantity', 'delivered_on', 'id', 'confirmed_by'],
        ['P1', 'D1', 5, '2024-03-01', 'not read', 'nobody'],
      ),
      'deliveries',
    );
    expect(row?.columns.has('id')).toBe(false);
    expect(row?.columns.has('quantity')).toBe(true);
  });

  it('passes wrong-looking values through for the schema to judge, and refuses a number as a date', () => {
    const [row] = standardRows(
      table(
        ['pledge_external_id', 'external_id', 'quantity', 'delivered_on'],
        ['P1', 'D1', '1,000', 45335],
      ),
      'deliveries',
    );
    const reader = new CellReader(row ?? (undefined as never));
    expect(reader.integer('quantity')).toBe('1,000');
    expect(reader.date('delivered_on')).toBeUndefined();
    expect(reader.problems).toEqual([
      expect.objectContaining({
        line: 2,
        column: 'delivered_on',
        message: 'is the number 45335, not a date: format the cell as a date or write YYYY-MM-DD',
      }),
    ]);
  });
});

describe('Windows-1252', () => {
  it('decodes every byte from 0x80 to 0x9F as Windows-1252 does, not as Latin-1', () => {
    const bytes = new Uint8Array(32).map((_, i) => 0x80 + i);
    expect(decodeWindows1252(bytes)).toBe(
      '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ',
    );
    expect(decodeWindows1252(new Uint8Array([0x41, 0xe9, 0xff]))).toBe('Aéÿ');
  });
});

describe('import ids', () => {
  it('are distinct UUID version 7 ids carrying the import time, in the order they were made', () => {
    const now = Date.UTC(2026, 10, 26, 12);
    const source = new IdSource(now);
    const ids = Array.from({ length: 3000 }, () => source.next());
    expect(new Set(ids).size).toBe(3000);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(parseInt(id.replace('-', '').slice(0, 12), 16)).toBe(now);
    }
  });
});
