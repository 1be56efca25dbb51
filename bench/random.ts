/**
 * A seeded pseudo-random source (sfc32), so the generated ledger is the same on every run, on every
 * machine and on both databases. Math.random is never used by the generator.
 */
export class Random {
  // The state lives in a typed array: plain number fields holding 32-bit values would be boxed on
  // every write, which made drawing a number some twenty times slower.
  private readonly s = new Int32Array(4);

  constructor(seed: string) {
    // Four 32-bit words from the seed text (cyrb128-style mixing), then a few rounds to spread them.
    let h1 = 1779033703;
    let h2 = 3144134277;
    let h3 = 1013904242;
    let h4 = 2773480762;
    for (let i = 0; i < seed.length; i++) {
      const k = seed.charCodeAt(i);
      h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
      h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
      h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
      h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
    }
    this.s.set([h1, h2, h3, h4]);
    for (let i = 0; i < 15; i++) this.uint32();
  }

  /** A uniform 32-bit unsigned integer. */
  uint32(): number {
    const s = this.s;
    const a = s[0] as number;
    const b = s[1] as number;
    const c = s[2] as number;
    const d = s[3] as number;
    const t = (((a + b) | 0) + d) | 0;
    s[3] = (d + 1) | 0;
    s[0] = b ^ (b >>> 9);
    s[1] = (c + (c << 3)) | 0;
    const rotated = (c << 21) | (c >>> 11);
    s[2] = (rotated + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A whole number from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Log-uniform between min and max (both ≥ 1), rounded: small quantities are as likely as large ones per decade. */
  logInt(min: number, max: number): number {
    const value = Math.exp(Math.log(min) + this.next() * (Math.log(max) - Math.log(min)));
    return Math.min(max, Math.max(min, Math.round(value)));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** Eight lower-case hex digits. */
  hex8(): string {
    const n = this.uint32();
    return (
      (HEX[n >>> 24] as string) +
      (HEX[(n >>> 16) & 0xff] as string) +
      (HEX[(n >>> 8) & 0xff] as string) +
      (HEX[n & 0xff] as string)
    );
  }
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Picks among items by weight in O(log n): the cumulative weights are built once. */
export class Weighted<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(
    readonly items: readonly T[],
    weight: (item: T, index: number) => number,
  ) {
    let sum = 0;
    items.forEach((item, i) => {
      sum += Math.max(0, weight(item, i));
      this.cumulative.push(sum);
    });
    if (items.length === 0 || sum <= 0) throw new Error('weighted pick needs a positive weight');
    this.total = sum;
  }

  pick(random: Random): T {
    const target = random.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] ?? 0) > target) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo] as T;
  }

  /** The share of the total weight of item i. */
  share(i: number): number {
    return ((this.cumulative[i] ?? 0) - (this.cumulative[i - 1] ?? 0)) / this.total;
  }
}

/**
 * A deterministic UUID version 7: the 48-bit millisecond time of the row, then random bits from the
 * seeded source, so ids sort by creation time like the platform's own (src/core/ids.ts).
 */
export function uuidV7(random: Random, epochMs: number): string {
  const ms = Math.max(0, Math.floor(epochMs));
  const high = Math.floor(ms / 0x1000000); // the top 24 of the 48 bits
  const low = ms % 0x1000000;
  const time =
    (HEX[(high >>> 16) & 0xff] as string) +
    (HEX[(high >>> 8) & 0xff] as string) +
    (HEX[high & 0xff] as string) +
    (HEX[low >>> 16] as string) +
    (HEX[(low >>> 8) & 0xff] as string) +
    (HEX[low & 0xff] as string);
  const a = random.hex8();
  const b = random.hex8();
  const c = random.hex8();
  const variant = ((parseInt(a[3] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${a.slice(0, 3)}-${variant}${a.slice(4, 7)}-${b}${c.slice(0, 4)}`;
}
