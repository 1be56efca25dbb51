import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random secret, URL-safe: 32 bytes give 256 bits, beyond guessing. */
export const randomSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** SHA-256 in hex. Enough for high-entropy secrets (session and API tokens); passwords use argon2id. */
export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Compares two strings in constant time, so a CSRF token cannot be guessed byte by byte. */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
