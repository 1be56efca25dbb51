import { describe, expect, it } from 'vitest';
import { newId, UUID_PATTERN } from './ids';

describe('newId', () => {
  it('makes version 7 UUIDs that sort by creation time', () => {
    const earlier = newId(1_700_000_000_000);
    const later = newId(1_700_000_000_001);
    expect(earlier).toMatch(UUID_PATTERN);
    expect(earlier[14]).toBe('7');
    expect(earlier < later).toBe(true);
  });

  it('does not repeat', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newId(0)));
    expect(ids.size).toBe(1000);
  });
});
