import { describe, expect, it } from 'vitest';
import {
  type AidAmounts,
  compareDecimalText,
  monthNumber,
  percentOf,
  sumAmounts,
  yearMonth,
} from './published-aid';

const month = (overrides: Partial<AidAmounts>): AidAmounts => ({
  totalBn: '0',
  financialBn: '0',
  humanitarianBn: '0',
  militaryBn: '0',
  commitmentsBn: '0',
  toBeAllocatedBn: '0',
  ...overrides,
});

describe('sumAmounts', () => {
  it('sums each amount exactly, where adding floats would drift', () => {
    const months = [
      month({ totalBn: '0.1', militaryBn: '0.088192', toBeAllocatedBn: '-0.088192' }),
      month({ totalBn: '0.2', militaryBn: '0.204644', toBeAllocatedBn: '1.2' }),
      month({ financialBn: '1.6475' }),
    ];
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumAmounts(months)).toEqual({
      totalBn: '0.3',
      financialBn: '1.6475',
      humanitarianBn: '0',
      militaryBn: '0.292836',
      commitmentsBn: '0',
      toBeAllocatedBn: '1.111808',
    });
  });

  it('gives zero for no months', () => {
    expect(sumAmounts([])).toEqual(month({}));
  });
});

describe('percentOf', () => {
  it("gives the share in percent, half to even at four decimals: the UK's tracked aid of its GDP", () => {
    expect(percentOf('21.298104', '2647.56154520574')).toBe('0.8044');
    expect(percentOf('1', '8')).toBe('12.5');
    expect(percentOf('0.000025', '1', 4)).toBe('0.0025');
    expect(percentOf('0.0000025', '1', 4)).toBe('0.0002'); // 0.00025 → half to even
    expect(percentOf('0.0000035', '1', 4)).toBe('0.0004');
    expect(percentOf('2', '3', 2)).toBe('66.67');
  });

  it('has no answer for a GDP of zero (the EU institutions)', () => {
    expect(percentOf('1.2', '0')).toBeNull();
  });
});

describe('compareDecimalText', () => {
  it('orders by value, not by text', () => {
    expect(compareDecimalText('9.949754', '16.18573')).toBe(-1);
    expect(compareDecimalText('64.616886', '9.9')).toBe(1);
    expect(compareDecimalText('1.50', '1.5')).toBe(0);
    expect(compareDecimalText('-0.1', '0')).toBe(-1);
  });
});

describe('months', () => {
  it('writes and numbers months so that they sort', () => {
    expect(yearMonth(2022, 3)).toBe('2022-03');
    expect(monthNumber('2022-03')).toBe(202203);
    expect(monthNumber('2025-12') < monthNumber('2026-01')).toBe(true);
  });
});
