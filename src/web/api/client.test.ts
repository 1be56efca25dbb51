import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  ApiError,
  ContractError,
  apiPath,
  deleteJson,
  fieldErrors,
  getJson,
  onUnauthorized,
  postJson,
  setCsrfToken,
} from './client';

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

  it('sends the CSRF token with every write, and parses the answer', async () => {
    const fetchMock = vi.fn((_path: string, _init: RequestInit) =>
      Promise.resolve(new Response(JSON.stringify({ id: 'b' }), { status: 201 })),
    );
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('secret-1');
    await expect(postJson('/api/v1/x', { name: 'n' }, thing)).resolves.toEqual({ id: 'b' });
    const init = fetchMock.mock.calls[0]?.[1];
    expect(init?.method).toBe('POST');
    expect((init?.headers as Record<string, string>)['x-csrf-token']).toBe('secret-1');
    expect(init?.body).toBe('{"name":"n"}');
    setCsrfToken(null);
  });

  it('accepts a 204 with no body when no schema is expected', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(new Response(null, { status: 204 }))),
    );
    await expect(deleteJson('/api/v1/x')).resolves.toBeUndefined();
  });

  it('tells the app about a 401, except for the session look-up itself', async () => {
    const listener = vi.fn();
    onUnauthorized(listener);
    answer(401, { error: 'unauthenticated', message: 'Sign in first', issues: [] });
    await getJson('/api/v1/x', thing).catch(() => undefined);
    expect(listener).toHaveBeenCalledTimes(1);
    answer(401, { error: 'unauthenticated', message: 'Sign in first', issues: [] });
    await getJson('/api/v1/auth/session', thing).catch(() => undefined);
    expect(listener).toHaveBeenCalledTimes(1);
    onUnauthorized(null);
  });

  it('maps the issues of a 400 to the fields they name', async () => {
    answer(400, {
      error: 'invalid',
      message: 'Invalid request',
      issues: [{ path: 'body.newPassword', message: 'must be at least 15 characters long' }],
    });
    const error = await postJson('/api/v1/x', {}, thing).catch((e: unknown) => e);
    expect(fieldErrors(error)).toEqual({ newPassword: 'must be at least 15 characters long' });
  });
});
