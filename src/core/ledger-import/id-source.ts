import { randomBytes } from 'node:crypto';

/**
 * UUID version 7 ids for a whole import — the layout of newId (src/core/ids.ts): the time in the first
 * 48 bits, version 7, the RFC 9562 variant, random bits elsewhere — drawn from one block of random bytes
 * per 1 024 ids rather than one system call per id.
 */
export class IdSource {
  private block: Buffer = Buffer.alloc(0);
  private offset = 0;

  constructor(private readonly now: number) {}

  next(): string {
    if (this.offset >= this.block.length) {
      this.block = randomBytes(16 * 1024);
      this.offset = 0;
    }
    const bytes = this.block.subarray(this.offset, this.offset + 16);
    this.offset += 16;
    bytes.writeUIntBE(this.now, 0, 6);
    bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
    bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}
