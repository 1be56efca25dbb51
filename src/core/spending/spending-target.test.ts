import { describe, expect, it } from 'vitest';
import {
  appliesTo,
  deadlineProblem,
  deadlineYearOf,
  isComparable,
  linkProblems,
  targetKindOf,
  targetMeasureOf,
  targetPartOf,
  targetSupersedes,
} from './spending-target';

describe('spending targets', () => {
  it('tells alliance targets, national pledges and calls on the alliance apart', () => {
    expect(targetKindOf('NATO', null)).toBe('alliance');
    expect(targetKindOf('national', 'GBR')).toBe('national');
    expect(targetKindOf('NATO', 'USA')).toBe('call');
  });

  it('holds only targets on NATO’s own definition against the figures', () => {
    expect(isComparable(targetMeasureOf.NATO_HAGUE_5PCT_2035 ?? 'defence')).toBe(false);
    expect(isComparable(targetMeasureOf.GBR_2_6_INTEL ?? 'defence')).toBe(false);
    expect(targetMeasureOf.NATO_HAGUE_CORE_3_5).toBeUndefined(); // defence, comparable
    expect(isComparable('defence')).toBe(true);
    expect(targetPartOf.NATO_HAGUE_CORE_3_5).toBe('NATO_HAGUE_5PCT_2035');
    expect(targetPartOf.NATO_HAGUE_RELATED_1_5).toBe('NATO_HAGUE_5PCT_2035');
  });

  it('reads a deadline year only where the source gives a year', () => {
    expect(deadlineYearOf('2027')).toBe(2027);
    expect(deadlineYearOf('next parliament (c.2029-2034)')).toBeNull();
    expect(deadlineYearOf(null)).toBeNull();
  });

  it('refuses a deadline before the announcement', () => {
    expect(deadlineProblem('2025-02-25', 2024)).toMatch(/2024 is before the announcement/);
    expect(deadlineProblem('2025-02-25', 2025)).toBeNull();
    expect(deadlineProblem('2006', null)).toBeNull();
  });

  it('applies alliance targets and calls to every ally, a pledge to its own nation only', () => {
    const uk = { code: 'GBR', natoMember: true };
    const ukraine = { code: 'UKR', natoMember: false };
    expect(appliesTo({ kind: 'alliance', nationCode: null }, uk)).toBe(true);
    expect(appliesTo({ kind: 'alliance', nationCode: null }, ukraine)).toBe(false);
    expect(appliesTo({ kind: 'call', nationCode: 'USA' }, uk)).toBe(true);
    expect(appliesTo({ kind: 'national', nationCode: 'GBR' }, uk)).toBe(true);
    expect(appliesTo({ kind: 'national', nationCode: 'DEU' }, uk)).toBe(false);
  });

  it('finds no problem in the shipped links, and names a backward or circular one', () => {
    const announced = new Map([
      ['NATO_2PCT_2006', '2006'],
      ['NATO_WALES_DIP_2014', '2014-09-05'],
      ['NATO_VILNIUS_2023', '2023-07'],
      ['GBR_LABOUR_2_5', '2024-07'],
      ['GBR_2_5_APR2027', '2025-02-25'],
      ['NATO_HAGUE_5PCT_2035', '2025-06-25'],
      ['NATO_HAGUE_CORE_3_5', '2025-06-25'],
    ]);
    expect(linkProblems(announced)).toEqual([]);
    // Published to different precisions: 2023-07 and 2023-07-11 are the same month, no problem.
    expect(
      linkProblems(
        new Map([
          ['A', '2023-07'],
          ['B', '2023-07-11'],
        ]),
        { A: 'B' },
        {},
      ),
    ).toEqual([]);
    expect(
      linkProblems(new Map([...announced, ['NATO_VILNIUS_2023', '2013']]), targetSupersedes, {}),
    ).toEqual([
      {
        id: 'NATO_VILNIUS_2023',
        message: 'supersedes NATO_WALES_DIP_2014, announced later (2014-09-05)',
      },
    ]);
    expect(linkProblems(new Map(), { A: 'B', B: 'A' }, {}).map((p) => p.id)).toEqual(['A', 'B']);
  });
});
