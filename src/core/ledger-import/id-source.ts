import { randomBytes } from 'node:crypto';

/** The ASCII codes of each byte value's two hex digits, high digit first: byte b at 2b and 2b + 1. */
const HEX_CODES = new Uint8Array(512);
for (let b = 0; b < 256; b++) {
  const digits = b.toString(16).padStart(2, '0');
  HEX_CODES[2 * b] = digits.charCodeAt(0);
  HEX_CODES[2 * b + 1] = digits.charCodeAt(1);
}

/**
 * UUID version 7 ids for a whole import — the layout of newId (src/core/ids.ts): the time in the first
 * 48 bits, version 7, the RFC 9562 variant — drawn from one block of random bytes per 1 024 ids rather
 * than one system call per id. The 26 bits after the time are a counter (RFC 9562's "fixed bit-length
 * dedicated counter"), so ids of one import sort in the order they were made: a pledge's status changes,
 * all stamped with the same instant, read back in the order they happened.
 *
 * Each id's text is written as ASCII into one buffer and read out as a single flat string: an import
 * keeps every id it makes until it writes, and a string joined from pieces is a tree of a dozen small
 * objects that the garbage collector copies, then flattens again when the id is bound to a statement.
 */
export class IdSource {
  private block: Buffer = Buffer.alloc(0);
  private offset = 0;
  private counter = 0;
  private readonly text = Buffer.alloc(36);

  constructor(private readonly now: number) {}

  next(): string {
    if (this.offset >= this.block.length) {
      this.block = randomBytes(16 * 1024);
      this.offset = 0;
    }
    const bytes = this.block;
    const at = this.offset;
    this.offset += 16;
    const c = this.counter++;
    if (c >= 2 ** 26) throw new Error('more than 67 million ids in one import');
    bytes.writeUIntBE(this.now, at, 6);
    bytes[at + 6] = 0x70 | ((c >>> 22) & 0x0f);
    bytes[at + 7] = (c >>> 14) & 0xff;
    bytes[at + 8] = 0x80 | ((c >>> 8) & 0x3f);
    bytes[at + 9] = c & 0xff;
    const text = this.text;
    let k = 0;
    for (let i = 0; i < 16; i++) {
      const b = (bytes[at + i] as number) << 1;
      text[k++] = HEX_CODES[b] as number;
      text[k++] = HEX_CODES[b + 1] as number;
      if (i === 3 || i === 5 || i === 7 || i === 9) text[k++] = 0x2d; // '-'
    }
    return text.toString('latin1', 0, 36);
  }
}
