import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEcbFile } from './ecb-file';

// The ECB's own layout: a trailing comma on every line, newest first, N/A where there is no rate.
const sample = [
  'Date,USD,JPY,CYP,GBP,',
  '2024-03-15,1.0892,162.03,N/A,0.8541,',
  '2024-03-14,1.0925,161.70,N/A,0.8542,',
  '',
].join('\n');

describe('parseEcbFile', () => {
  it('reads the ECB layout: trailing commas, N/A, canonical decimals, retired codes skipped', () => {
    const file = parseEcbFile(sample, 'eurofxref-hist.csv');
    expect(file.problems).toEqual([]);
    expect(file.days).toBe(2);
    expect(file.ignored).toEqual(['CYP']);
    expect(file.rates).toEqual([
      { currency: 'USD', date: '2024-03-15', unitsPerEur: '1.0892', line: 2 },
      { currency: 'JPY', date: '2024-03-15', unitsPerEur: '162.03', line: 2 },
      { currency: 'GBP', date: '2024-03-15', unitsPerEur: '0.8541', line: 2 },
      { currency: 'USD', date: '2024-03-14', unitsPerEur: '1.0925', line: 3 },
      { currency: 'JPY', date: '2024-03-14', unitsPerEur: '161.7', line: 3 },
      { currency: 'GBP', date: '2024-03-14', unitsPerEur: '0.8542', line: 3 },
    ]);
  });

  it('accepts a BOM, Windows line ends and lines without the trailing comma', () => {
    const text = '\uFEFFDate,USD\r\n2024-03-15,1.0892\r\n';
    const file = parseEcbFile(text, 'x.csv');
    expect(file.problems).toEqual([]);
    expect(file.rates).toEqual([
      { currency: 'USD', date: '2024-03-15', unitsPerEur: '1.0892', line: 2 },
    ]);
  });

  it('names every bad cell as file:line: column: reason, and then yields no rates', () => {
    const text = [
      'Date,USD,GBP,',
      '2024-03-15,1.0892,abc,',
      '2024-02-30,1.0925,0.8542,',
      '2024-03-13,-1,0,',
      '2024-03-15,1.09,0.85,',
      '2024-03-12,1.09',
    ].join('\n');
    const file = parseEcbFile(text, 'bad.csv');
    expect(file.rates).toEqual([]);
    expect(file.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'bad.csv:2: GBP: "abc" is not a positive decimal rate',
      'bad.csv:3: Date: "2024-02-30" is not a date written YYYY-MM-DD',
      'bad.csv:4: USD: "-1" is not a positive decimal rate',
      'bad.csv:4: GBP: "0" is not a positive decimal rate',
      'bad.csv:5: Date: 2024-03-15 is listed twice (also line 2)',
      'bad.csv:6: has 2 cells where the header has 3',
    ]);
  });

  it('refuses a header that is not the ECB layout', () => {
    expect(parseEcbFile('', 'e.csv').problems).toEqual([
      { path: 'e.csv:1', message: 'the file is empty' },
    ]);
    expect(parseEcbFile('Day,USD\n', 'd.csv').problems[0]?.message).toMatch(
      /first column must be Date/,
    );
    const header = parseEcbFile('Date,usd,USD,USD,EUR\n', 'h.csv').problems.map((p) => p.message);
    expect(header).toEqual([
      'column 2: "usd" is not a currency code',
      'USD: the column is listed twice',
      'EUR: the euro is the base, not a column',
    ]);
  });

  it('reads the shipped file whole: 713 business days from 2022-01-03 to 2024-10-11', () => {
    const text = readFileSync('data/reference/ecb_eurofxref_2022_2024.csv', 'utf8');
    const file = parseEcbFile(text, 'ecb_eurofxref_2022_2024.csv');
    expect(file.problems).toEqual([]);
    expect(file.days).toBe(713);
    const dates = file.rates.map((r) => r.date).sort();
    expect([dates[0], dates.at(-1)]).toEqual(['2022-01-03', '2024-10-11']);
    // Never a weekend: the ECB fixes on TARGET business days only.
    expect(dates.every((d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()))).toBe(true);
  });
});
