import { divideHalfEven } from '../money';

/** The arithmetic of coverage and gaps, free of I/O. Quantities are whole numbers of one unit. */

export interface QuantityFigures {
  needed: number;
  pledged: number;
  contracted: number;
  delivered: number;
  gap: number;
  coveragePercent: number;
  deliveredPercent: number;
}

/** Percent to one decimal place, capped at 100: over-pledging does not make a need more than met. */
export function percentOf(part: number, whole: number): number {
  if (whole <= 0) return part > 0 ? 100 : 0;
  const tenths = Number(divideHalfEven(BigInt(Math.min(part, whole)) * 1000n, BigInt(whole)));
  return tenths / 10;
}

export function quantityFigures(
  needed: number,
  sums: { pledged: number; contracted: number; delivered: number },
): QuantityFigures {
  return {
    needed,
    pledged: sums.pledged,
    contracted: sums.contracted,
    delivered: sums.delivered,
    gap: Math.max(0, needed - sums.pledged),
    coveragePercent: percentOf(sums.pledged, needed),
    deliveredPercent: percentOf(sums.delivered, needed),
  };
}

/** Overdue: the needed-by day has passed and not all of it has arrived. */
export const isOverdue = (
  neededBy: string | null,
  delivered: number,
  needed: number,
  today: string,
) => neededBy !== null && neededBy < today && delivered < needed;

/** A share in percent to two decimals (not capped), 0 when the whole is 0. */
export function shareOf(part: number, whole: number): number {
  if (whole === 0) return 0;
  return Number(divideHalfEven(BigInt(part) * 10_000n, BigInt(whole))) / 100;
}
