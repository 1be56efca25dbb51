import { describe, expect, it } from 'vitest';
import {
  addDecimal,
  amountProblem,
  divideHalfEven,
  formatDecimal,
  formatMoney,
  isCurrencyCode,
  minorUnitExponent,
  parseDecimal,
  parseMoney,
} from './money';

describe('isCurrencyCode', () => {
  it('knows current ISO 4217 codes and refuses retired, lower-case or invented ones', () => {
    for (const code of ['EUR', 'USD', 'GBP', 'JPY', 'UAH', 'PLN'])
      expect(isCurrencyCode(code)).toBe(true);
    for (const code of ['eur', 'EU', 'XYZ', 'CYP', 'DEM', ''])
      expect(isCurrencyCode(code)).toBe(false);
  });
});

describe('minorUnitExponent', () => {
  it('reads the minor unit from ICU: cents, none for the yen, fils for the dinar', () => {
    expect(minorUnitExponent('EUR')).toBe(2);
    expect(minorUnitExponent('USD')).toBe(2);
    expect(minorUnitExponent('JPY')).toBe(0);
    expect(minorUnitExponent('KRW')).toBe(0);
    expect(minorUnitExponent('KWD')).toBe(3);
  });
});

describe('parseMoney', () => {
  it('parses decimal strings into exact minor units', () => {
    expect(parseMoney('1234.56', 'EUR')).toEqual({ minor: 123456n, currency: 'EUR' });
    expect(parseMoney('1234.5', 'EUR').minor).toBe(123450n);
    expect(parseMoney('1234', 'EUR').minor).toBe(123400n);
    expect(parseMoney('0.1', 'EUR').minor).toBe(10n);
    expect(parseMoney('-0.07', 'USD').minor).toBe(-7n);
    expect(parseMoney('5000', 'JPY').minor).toBe(5000n);
    expect(parseMoney('1.234', 'KWD').minor).toBe(1234n);
    // Floating point would give 0.1 + 0.2 = 0.30000000000000004; integers do not.
    expect(parseMoney('0.1', 'EUR').minor + parseMoney('0.2', 'EUR').minor).toBe(30n);
    // Beyond Number.MAX_SAFE_INTEGER, still exact.
    expect(parseMoney('90071992547409.93', 'EUR').minor).toBe(9007199254740993n);
  });

  it('refuses more decimals than the currency has, naming the field', () => {
    expect(() => parseMoney('1.005', 'EUR', 'query.amount')).toThrow(
      'query.amount: EUR allows at most 2 decimal places',
    );
    expect(() => parseMoney('100.5', 'JPY')).toThrow('amount: JPY has no minor unit');
  });

  it('refuses anything that is not a plain decimal number', () => {
    for (const text of ['', 'abc', '1,000.00', '1e3', '.5', '5.', '+5', ' 5', 'NaN', '0x10']) {
      expect(amountProblem(text, 'EUR'), text).toMatch(/is not a decimal number/);
      expect(() => parseMoney(text, 'EUR', 'price')).toThrow(/^price: /);
    }
  });
});

describe('formatMoney', () => {
  it('writes the currency’s decimals back', () => {
    expect(formatMoney({ minor: 123450n, currency: 'EUR' })).toBe('1234.50');
    expect(formatMoney({ minor: 5n, currency: 'EUR' })).toBe('0.05');
    expect(formatMoney({ minor: -5n, currency: 'EUR' })).toBe('-0.05');
    expect(formatMoney({ minor: 0n, currency: 'USD' })).toBe('0.00');
    expect(formatMoney({ minor: 5000n, currency: 'JPY' })).toBe('5000');
    expect(formatMoney({ minor: 1n, currency: 'KWD' })).toBe('0.001');
  });

  it('round-trips every amount: format(parse(x)) is x in canonical form', () => {
    // A deterministic pseudo-random walk over signs, sizes and currencies (no fast-check here).
    let seed = 20240315n;
    const next = () => (seed = (seed * 6364136223846793005n + 1442695040888963407n) % 2n ** 64n);
    for (let i = 0; i < 2000; i += 1) {
      const currency = ['EUR', 'JPY', 'KWD', 'USD'][Number(next() % 4n)] ?? 'EUR';
      const magnitude = 10n ** (next() % 16n);
      const minor = (next() % magnitude) * (next() % 2n === 0n ? 1n : -1n);
      const text = formatMoney({ minor, currency });
      expect(parseMoney(text, currency)).toEqual({ minor, currency });
      expect(formatMoney(parseMoney(text, currency))).toBe(text);
    }
  });
});

describe('decimals', () => {
  it('parses and writes exact decimals, dropping trailing zeros', () => {
    expect(parseDecimal('148.50')).toEqual({ coefficient: 14850n, scale: 2 });
    expect(parseDecimal('1.2.3')).toBeNull();
    expect(formatDecimal({ coefficient: 14850n, scale: 2 })).toBe('148.5');
    expect(formatDecimal({ coefficient: 17043210n, scale: 3 })).toBe('17043.21');
    expect(formatDecimal({ coefficient: 100n, scale: 2 })).toBe('1');
    expect(formatDecimal({ coefficient: 3n, scale: 5 })).toBe('0.00003');
  });

  it('adds exactly, aligning scales, where floating point would drift', () => {
    const add = (a: string, b: string) => {
      const [x, y] = [parseDecimal(a), parseDecimal(b)];
      if (x === null || y === null) throw new Error(`not decimals: ${a}, ${b}`);
      return formatDecimal(addDecimal(x, y));
    };
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(add('0.1', '0.2')).toBe('0.3');
    expect(add('0.002645', '0.142911')).toBe('0.145556');
    expect(add('3601.74999999994', '0.00000000006')).toBe('3601.75');
    expect(add('12', '-12.50')).toBe('-0.5');
    expect(add('-0.07', '0.07')).toBe('0');
    expect(addDecimal({ coefficient: 1n, scale: 1 }, { coefficient: 25n, scale: 2 })).toEqual({
      coefficient: 35n,
      scale: 2,
    });
  });

  it('rounds half to even, on both signs', () => {
    const cases: [bigint, bigint, bigint][] = [
      [5n, 2n, 2n], // 2.5 → 2
      [7n, 2n, 4n], // 3.5 → 4
      [-5n, 2n, -2n],
      [-7n, 2n, -4n],
      [251n, 100n, 3n], // 2.51 → 3
      [249n, 100n, 2n],
      [10n, 5n, 2n],
      [1n, 3n, 0n],
      [2n, 3n, 1n],
    ];
    for (const [n, d, expected] of cases) expect(divideHalfEven(n, d), `${n}/${d}`).toBe(expected);
    expect(() => divideHalfEven(1n, 0n)).toThrow(RangeError);
  });
});
