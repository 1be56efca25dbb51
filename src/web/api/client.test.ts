import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError, ContractError, apiPath, getJson } from './client';

function answer(status: number, body: unknown): void {
  vi.stubGlobal(
    'fetch',
    vi.fn(() => Promise.resolve(new Response(JSON.stringify(body), { status }))),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

const thing = z.object({ id: z.string() });

describe('api client', () => {
  it('builds paths, leaving out empty values and joining lists with commas', () => {
    expect(
      apiPath('/groups/udcg/meetings', { status: ['planned', 'held'], from: '', limit: 5 }),
    ).toBe('/api/v1/groups/udcg/meetings?status=planned%2Cheld&limit=5');
    expect(apiPath('/nations', { q: undefined, group: null })).toBe('/api/v1/nations');
  });

  it('returns the parsed body of a 2xx answer', async () => {
    answer(200, { id: 'a' });
    await expect(getJson('/api/v1/x', thing)).resolves.toEqual({ id: 'a' });
  });

  it('turns a non-2xx answer into an ApiError carrying the error body', async () => {
    const body = { error: 'not_found', message: 'No meeting 999', issues: [] };
    answer(404, body);
    const error = await getJson('/api/v1/x', thing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
    expect((error as ApiError).body).toEqual(body);
    expect((error as ApiError).notFound).toBe(true);
  });

  it('fails loudly when a 2xx body drifts from the contract', async () => {
    answer(200, { id: 42 });
    const error = await getJson('/api/v1/x', thing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractError);
    expect((error as ContractError).issues[0]?.path).toBe('id');
  });
});
