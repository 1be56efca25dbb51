import { randomBytes } from 'node:crypto';

/**
 * UUID version 7 ids for a whole import — the layout of newId (src/core/ids.ts): the time in the first
 * 48 bits, version 7, the RFC 9562 variant — drawn from one block of random bytes per 1 024 ids rather
 * than one system call per id. The 26 bits after the time are a counter (RFC 9562's "fixed bit-length
 * dedicated counter"), so ids of one import sort in the order they were made: a pledge's status changes,
 * all stamped with the same instant, read back in the order they happened.
 */
export class IdSource {
  private block: Buffer = Buffer.alloc(0);
  private offset = 0;
  private counter = 0;

  constructor(private readonly now: number) {}

  next(): string {
    if (this.offset >= this.block.length) {
      this.block = randomBytes(16 * 1024);
      this.offset = 0;
    }
    const bytes = this.block.subarray(this.offset, this.offset + 16);
    this.offset += 16;
    const c = this.counter++;
    if (c >= 2 ** 26) throw new Error('more than 67 million ids in one import');
    bytes.writeUIntBE(this.now, 0, 6);
    bytes[6] = 0x70 | ((c >>> 22) & 0x0f);
    bytes[7] = (c >>> 14) & 0xff;
    bytes[8] = 0x80 | ((c >>> 8) & 0x3f);
    bytes[9] = c & 0xff;
    let id = '';
    for (let i = 0; i < 16; i++) {
      if (i === 4 || i === 6 || i === 8 || i === 10) id += '-';
      id += HEX[bytes[i] as number];
    }
    return id;
  }
}

/** Two hex digits per byte value: an id is 16 look-ups, not a hex string cut into five. */
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
