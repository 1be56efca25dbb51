import { describe, expect, it } from 'vitest';
import {
  type ChainedFields,
  canonicalJson,
  checkChainSegment,
  entryHash,
  GENESIS_HASH,
  redactSecrets,
} from './audit-chain';

function chain(length: number) {
  const entries: (ChainedFields & { hash: string })[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq += 1) {
    const fields: ChainedFields = {
      seq,
      id: `id-${seq}`,
      at: `2026-01-0${seq}T00:00:00.000Z`,
      actor_user_id: 'u',
      actor: 'alice',
      actor_nation: 'GBR',
      via: 'session',
      action: 'document.create',
      entity: 'document',
      entity_id: `d${seq}`,
      group_id: null,
      marking: 'GROUP',
      rel_to: null,
      before: null,
      after: `{"n":${seq}}`,
      prev_hash: prev,
    };
    const hash = entryHash(fields);
    entries.push({ ...fields, hash });
    prev = hash;
  }
  return entries;
}

describe('canonicalJson', () => {
  it('sorts keys at every level so equal values encode alike', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}',
    );
  });
});

describe('checkChainSegment', () => {
  it('accepts an intact chain', () => {
    expect(checkChainSegment(chain(5), { seq: 0, hash: GENESIS_HASH })).toBeNull();
  });

  it('names an edited entry', () => {
    const entries = chain(5);
    entries[2] = { ...entries[2]!, after: '{"n":999}' };
    expect(checkChainSegment(entries, { seq: 0, hash: GENESIS_HASH })).toMatchObject({
      seq: 3,
      id: 'id-3',
    });
  });

  it('names a deleted entry by its missing number', () => {
    const entries = chain(5);
    entries.splice(1, 1);
    expect(checkChainSegment(entries, { seq: 0, hash: GENESIS_HASH })).toMatchObject({
      seq: 2,
      id: null,
    });
  });

  it('names an entry whose hash was recomputed after an edit, by the link that breaks after it', () => {
    const entries = chain(4);
    const { hash, ...edited } = { ...entries[1]!, after: '{"n":-1}' };
    expect(entryHash(edited)).not.toBe(hash);
    entries[1] = { ...edited, hash: entryHash(edited) };
    expect(checkChainSegment(entries, { seq: 0, hash: GENESIS_HASH })).toMatchObject({
      seq: 3,
      id: 'id-3',
    });
  });
});

describe('redactSecrets', () => {
  it('hides passwords, hashes and tokens at any depth and keeps the rest', () => {
    expect(
      redactSecrets({
        username: 'a',
        password_hash: 'x',
        nested: { apiToken: 't', name: 'n' },
        csrf_token: null,
      }),
    ).toEqual({
      username: 'a',
      password_hash: '[redacted]',
      nested: { apiToken: '[redacted]', name: 'n' },
      csrf_token: null,
    });
  });
});
