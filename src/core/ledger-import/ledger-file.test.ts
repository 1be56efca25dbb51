import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CellReader, standardRows } from './ledger-columns';
import { csvCellValue, ImportRefused, openLedgerFile, parseCsv } from './ledger-file';
import { MAX_IMPORT_BYTES } from './ledger-import.schema';

const utf8 = (text: string) => new TextEncoder().encode(text);

async function refusal(bytes: Uint8Array, file: string): Promise<string> {
  try {
    await openLedgerFile(bytes, file);
  } catch (error) {
    if (error instanceof ImportRefused) return error.message;
    throw error;
  }
  throw new Error(`${file} was not refused`);
}

async function workbook(build: (book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  build(book);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('reading CSV', () => {
  it('parses quotes, doubled quotes, delimiters and line breaks inside cells, with the line each row starts on', () => {
    const rows = parseCsv(
      'a,b,c\r\n"x, y","say ""hi""",3\n"two\nlines",,\r\nlast,"",\rcr,1,2\n',
      ',',
    );
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['x, y', 'say "hi"', '3'] },
      { line: 3, cells: ['two\nlines', '', ''] },
      { line: 5, cells: ['last', '', ''] },
      { line: 6, cells: ['cr', '1', '2'] },
    ]);
  });

  it('refuses a quote that is never closed, or text after a closing quote, naming the line', () => {
    expect(() => parseCsv('a\n"open\nstill open', ',')).toThrow(/opened on line 2 is never closed/);
    expect(() => parseCsv('a,b\n"x"y,1', ',')).toThrow(/line 2/);
  });

  it('reads UTF-8 with and without a byte-order mark, and says which', async () => {
    const plain = await openLedgerFile(utf8('item\nFrançaise Łódź\n'), 'plain.csv');
    expect(plain.encoding).toBe('utf-8');
    expect(plain.table().rows[0]?.cells).toEqual(['Française Łódź']);
    const bom = await openLedgerFile(utf8('\uFEFFitem\nKyiv\n'), 'bom.csv');
    expect(bom.encoding).toBe('utf-8-bom');
    expect(bom.table().header).toEqual(['item']);
    expect(bom.notes.join(' ')).toMatch(/byte-order mark/);
  });

  it('reads a file that is not valid UTF-8 as Windows-1252, and says so with the first bad byte', async () => {
    // "Équipement 5 €" in Windows-1252: É = 0xC9, € = 0x80.
    const bytes = new Uint8Array([...utf8('item\n'), 0xc9, ...utf8('quipement 5 '), 0x80, 0x0a]);
    const file = await openLedgerFile(bytes, 'latin.csv');
    expect(file.encoding).toBe('windows-1252');
    expect(file.table().rows[0]?.cells).toEqual(['Équipement 5 €']);
    expect(file.notes.join(' ')).toMatch(/Windows-1252.*offset 5.*0xC9/);
  });

  it('refuses UTF-16, binary, empty and oversized files, naming the file', async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...utf8('i\0t\0e\0m\0')]);
    expect(await refusal(utf16, 'unicode.csv')).toMatch(/unicode\.csv is UTF-16/);
    expect(await refusal(utf8('item\nab\0c\n'), 'nul.csv')).toMatch(/nul\.csv holds a NUL byte/);
    expect(await refusal(new Uint8Array(0), 'empty.csv')).toBe('empty.csv is empty');
    await expect(
      openLedgerFile(utf8('\n , \n'), 'blank.csv').then((f) => f.table()),
    ).rejects.toThrow(/blank\.csv has no header row/);
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61);
    expect(await refusal(big, 'huge.csv')).toMatch(
      /huge\.csv is 50\.0 MB: larger than the 50\.0 MB/,
    );
    expect(await refusal(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2]), 'old.xls')).toMatch(
      /old Excel \(\.xls\)/,
    );
    expect(await refusal(utf8('a,b\n'), 'fake.xlsx')).toMatch(/named \.xlsx but is not/);
  });

  it('finds semicolon- and tab-separated files', async () => {
    const semi = await openLedgerFile(utf8('item;quantity\n"a;b";3\n'), 's.csv');
    expect(semi.table().rows[0]?.cells).toEqual(['a;b', '3']);
    expect(semi.notes.join(' ')).toMatch(/semicolons/);
    const tabs = await openLedgerFile(utf8('item\tquantity\nx\t4\n'), 't.csv');
    expect(tabs.table().rows[0]?.cells).toEqual(['x', '4']);
  });

  it('refuses a cell a spreadsheet would run as a formula, naming line and column, and says why', async () => {
    const text =
      'item,note,quantity\n=SUM(A1:A3),ok,1\nshells,@cmd,-5\nx,"+1+1",+3.5\ny,\'=kept as text,2\n';
    const table = (await openLedgerFile(utf8(text), 'f.csv')).table();
    expect(table.problems.map((p) => [p.line, p.column])).toEqual([
      [2, 'item'],
      [3, 'note'],
      [4, 'note'],
    ]);
    expect(table.problems[0]?.message).toMatch(
      /looks like a formula; formulas are refused: a cell/,
    );
    // Plain numbers with a sign are numbers; a leading apostrophe keeps text as text.
    expect(table.rows[1]?.cells).toEqual(['shells', null, '-5']);
    expect(table.rows[2]?.cells[2]).toBe('+3.5');
    expect(table.rows[3]?.cells).toEqual(['y', '=kept as text', '2']);
    expect(csvCellValue('\t=1+2')).toEqual({ formula: '=1+2' });
  });
});

describe('reading XLSX', () => {
  it('reads the first sheet or a named one, with dates, numbers and rich text as typed', async () => {
    const bytes = await workbook((book) => {
      const cover = book.addWorksheet('cover');
      cover.addRow(['not', 'this']);
      const sheet = book.addWorksheet('pledges');
      sheet.addRow(['external_id', 'announced_on', 'quantity', 'item', 'kind', 'marking']);
      sheet.addRow([
        'P1',
        new Date(Date.UTC(2024, 1, 14)),
        40,
        { richText: [{ text: 'Art' }, { text: 'illery' }] },
      ]);
      sheet.addRow([]);
      sheet.addRow(['P2', new Date(Date.UTC(2024, 1, 14, 23, 59, 59, 999)), 2.5, 'x']);
    });
    const file = await openLedgerFile(bytes, 'book.xlsx');
    expect(file.format).toBe('xlsx');
    expect(file.sheetNames).toEqual(['cover', 'pledges']);
    expect(file.table().header).toEqual(['not', 'this']);
    const table = file.table('pledges');
    expect(table.rows.map((r) => r.line)).toEqual([2, 4]);
    const [first, second] = standardRows(table, 'pledges').map((r) => new CellReader(r));
    expect(first?.date('announced_on')).toBe('2024-02-14');
    expect(first?.integer('quantity')).toBe(40);
    expect(first?.text('item')).toBe('Artillery');
    // A spreadsheet day stored a hair short of midnight is the next day: rounded to the nearest day.
    expect(second?.date('announced_on')).toBe('2024-02-15');
    expect(second?.integer('quantity')).toBe(2.5);
    await expect(openLedgerFile(bytes, 'book.xlsx').then((f) => f.table('nope'))).rejects.toThrow(
      /no sheet "nope" \(its sheets: cover, pledges\)/,
    );
  });

  it('refuses formula cells and error values, naming sheet, line and column', async () => {
    const bytes = await workbook((book) => {
      const sheet = book.addWorksheet('pledges');
      sheet.addRow(['external_id', 'quantity', 'value_amount']);
      sheet.addRow(['P1', { formula: 'B3*2', result: 4 }, 10]);
      sheet.addRow(['P2', 2, { error: '#N/A' }]);
    });
    const table = (await openLedgerFile(bytes, 'f.xlsx')).table();
    expect(table.problems).toEqual([
      expect.objectContaining({ sheet: 'pledges', line: 2, column: 'quantity' }),
      expect.objectContaining({ sheet: 'pledges', line: 3, column: 'value_amount' }),
    ]);
    expect(table.problems[0]?.message).toMatch(/holds the formula =B3\*2; formulas are refused/);
    expect(table.problems[1]?.message).toBe('holds the error value #N/A');
    // The formula's cached result is never taken as the value.
    expect(table.rows[0]?.cells[1]).toBeNull();
  });

  it('refuses a sheet with nothing in it and a workbook it cannot read', async () => {
    const empty = await workbook((book) => book.addWorksheet('blank'));
    await expect(openLedgerFile(empty, 'e.xlsx').then((f) => f.table())).rejects.toThrow(
      /the sheet "blank" is empty/,
    );
    const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]);
    expect(await refusal(broken, 'broken.xlsx')).toMatch(
      /broken\.xlsx is not a readable XLSX workbook/,
    );
  });
});
