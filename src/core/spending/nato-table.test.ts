import { describe, expect, it } from 'vitest';
import { csvSheet } from './nato-table-file';
import { cellNumber, columnName, measureFromTitle, parseNatoTable, type Sheet } from './nato-table';

const nations: Record<string, string> = {
  albania: 'ALB',
  'united kingdom': 'GBR',
  poland: 'POL',
  denmark: 'DNK',
  norway: 'NOR',
};
const nationOf = (label: string) => nations[label.toLowerCase()] ?? null;
const today = '2026-11-26';

function sheetOf(text: string): Sheet {
  const read = csvSheet(text, 'table.csv');
  if ('problems' in read) throw new Error(JSON.stringify(read.problems));
  return read.sheet;
}

describe("NATO's table layout", () => {
  it('reads nations as rows and years as columns, estimates from the e, skipping aggregates and notes', () => {
    const sheet = sheetOf(
      [
        'Table 3: Defence expenditure as a share of GDP (%),,,,,,',
        ',,,,,,',
        'Country,2014,2023,2024e,,2023,2024e',
        'Albania*,1.35,1.75,2.03,,0.5,0.6',
        'United Kingdom,2.14,2.28,2.33,,1.1,1.2',
        'NATO Europe and Canada,1.43,1.83,2.02,,,',
        'Poland,1.88,-,4.12,,,',
        ',,,,,,',
        'e = estimate,,,,,,',
      ].join('\n'),
    );
    const table = parseNatoTable(sheet, { file: 'table.csv', today, nationOf });
    expect(table.problems).toEqual([]);
    expect(table).toMatchObject({ measure: 'pct-gdp', measureFrom: 'title', headerLine: 3 });
    // Only the first run of years: the second (NATO's annual real change) is not read.
    expect(table.years).toEqual([
      { year: 2014, estimate: false },
      { year: 2023, estimate: false },
      { year: 2024, estimate: true },
    ]);
    expect(table.figures.map((f) => [f.nationCode, f.year, f.value, f.estimate])).toEqual([
      ['ALB', 2014, '1.35', false],
      ['ALB', 2023, '1.75', false],
      ['ALB', 2024, '2.03', true],
      ['GBR', 2014, '2.14', false],
      ['GBR', 2023, '2.28', false],
      ['GBR', 2024, '2.33', true],
      ['POL', 2014, '1.88', false],
      ['POL', 2024, '4.12', true],
    ]);
    expect(table.figures.find((f) => f.nationCode === 'POL' && f.year === 2024)).toMatchObject({
      line: 7,
      column: 4,
    });
    expect(table.skipped).toEqual([
      { line: 6, label: 'NATO Europe and Canada', reason: 'an aggregate of several nations' },
      { line: 9, label: 'e = estimate', reason: 'no figures' },
    ]);
  });

  it('names every bad cell as file:line:column, and reads nothing from a bad table', () => {
    const sheet = sheetOf(
      [
        'Country,2024,2028',
        'Albania,101,2.1',
        'Narnia,1.2,',
        'Albania,1.3,',
        'Poland,2.1x,4.7',
        ',1.5,',
      ].join('\n'),
    );
    const table = parseNatoTable(sheet, { file: 'table.csv', today, nationOf });
    expect(table.problems).toEqual([
      {
        path: 'table.csv:2:2',
        message: 'B2: 101 is over 100: a share of GDP is between 0 and 100',
      },
      { path: 'table.csv:3:1', message: 'A3: "Narnia" is not a nation Ramstein knows' },
      {
        path: 'table.csv:4:1',
        message: 'A4: ALB is listed twice (also line 2): one figure per nation, year and release',
      },
      { path: 'table.csv:5:2', message: 'B5: "2.1x" is not a number' },
      { path: 'table.csv:6:1', message: 'A6: figures without a nation' },
      {
        path: 'table.csv:1:3',
        message:
          'C1: 2028 is in the future (this is 2026) and cannot be a final figure: mark it as an estimate (write 2028e)',
      },
    ]);
  });

  it('reads amounts with thousands separators and a national-currency table with its currencies', () => {
    const sheet = sheetOf(
      [
        'Table 1: Defence expenditure (million national currency),,,',
        'Country,Currency unit,2023,2024e',
        'United Kingdom,Pounds sterling,"55,456",60123.5',
        'Denmark,Kroner,"33,120","47,000"',
        'Norway,Kroner,"90,000",..',
        'Poland,Zlotys,"131,000",',
        'Albania,Quatloos,1,2',
      ].join('\n'),
    );
    const table = parseNatoTable(sheet, { file: 'table.csv', today, nationOf });
    expect(table.measure).toBe('national-million');
    expect(table.problems).toEqual([
      {
        path: 'table.csv:7:2',
        message:
          'B7: "Quatloos" is not a currency (an ISO 4217 code such as EUR, or NATO\'s name for it)',
      },
    ]);
    expect(table.figures.map((f) => [f.nationCode, f.year, f.value, f.currency])).toEqual([
      ['GBR', 2023, '55456', 'GBP'],
      ['GBR', 2024, '60123.5', 'GBP'],
      ['DNK', 2023, '33120', 'DKK'],
      ['DNK', 2024, '47000', 'DKK'],
      ['NOR', 2023, '90000', 'NOK'],
      ['POL', 2023, '131000', 'PLN'],
    ]);
  });

  it('takes the measure from the option, else the title, else % of GDP', () => {
    expect(measureFromTitle('Table 2: Defence expenditure (million US dollars)')).toBe(
      'usd-million',
    );
    expect(measureFromTitle('Defence expenditure as a share of GDP and annual real change')).toBe(
      'pct-gdp',
    );
    expect(measureFromTitle('Gross domestic product (billion US dollars)')).toBe('gdp-usd-billion');
    expect(measureFromTitle('Military personnel (thousands)')).toBeNull();
    const plain = sheetOf('Country,2023\nPoland,3.9');
    expect(parseNatoTable(plain, { file: 'p.csv', today, nationOf })).toMatchObject({
      measure: 'pct-gdp',
      measureFrom: 'default',
    });
    const usd = parseNatoTable(plain, { file: 'p.csv', today, nationOf, measure: 'usd-million' });
    expect(usd).toMatchObject({ measure: 'usd-million', measureFrom: 'option', problems: [] });
  });

  it('says so when no header row with years is found', () => {
    const table = parseNatoTable(sheetOf('Country,Spending\nPoland,3.9'), {
      file: 'p.csv',
      today,
      nationOf,
    });
    expect(table.problems).toEqual([
      { path: 'p.csv', message: 'no header row with years (2014, 2015, … 2024e) was found' },
    ]);
  });

  it('keeps the digits a spreadsheet stores, and moves a percentage-formatted fraction', () => {
    expect(cellNumber({ value: 2.33 })).toEqual({ text: '2.33' });
    expect(cellNumber({ value: 0.0233, percent: true })).toEqual({ text: '2.33' });
    expect(cellNumber({ value: 0.02, percent: true })).toEqual({ text: '2' });
    expect(cellNumber({ value: 1e-7 })).toEqual({ problem: '1e-7 is not a plain decimal number' });
    expect(cellNumber({ value: ' – ' })).toBeNull();
    expect(cellNumber({ value: '2.10' })).toEqual({ text: '2.10' });
    expect(columnName(1)).toBe('A');
    expect(columnName(28)).toBe('AB');
  });
});
