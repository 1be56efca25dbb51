import { describe, expect, it } from 'vitest';
import { isOverdue, percentOf, quantityFigures, shareOf } from './coverage';

describe('coverage arithmetic', () => {
  it('works out the gap and coverage, never below 0 or above 100 %', () => {
    expect(quantityFigures(10_000, { pledged: 4_000, contracted: 1_000, delivered: 500 })).toEqual({
      needed: 10_000,
      pledged: 4_000,
      contracted: 1_000,
      delivered: 500,
      gap: 6_000,
      coveragePercent: 40,
      deliveredPercent: 5,
    });
    expect(quantityFigures(10, { pledged: 15, contracted: 0, delivered: 0 })).toMatchObject({
      gap: 0,
      coveragePercent: 100,
    });
  });

  it('rounds percentages to a tenth, half to even', () => {
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(1, 8000)).toBe(0); // 0.0125 % → 0.0
    expect(percentOf(0, 0)).toBe(0);
  });

  it('calls a requirement overdue only when its day has passed and it has not all arrived', () => {
    expect(isOverdue('2024-06-30', 10, 100, '2024-07-01')).toBe(true);
    expect(isOverdue('2024-06-30', 100, 100, '2024-07-01')).toBe(false);
    expect(isOverdue('2024-07-01', 10, 100, '2024-07-01')).toBe(false);
    expect(isOverdue(null, 0, 100, '2024-07-01')).toBe(false);
  });

  it('gives shares to two decimals', () => {
    expect(shareOf(1, 3)).toBe(33.33);
    expect(shareOf(5, 0)).toBe(0);
  });
});
