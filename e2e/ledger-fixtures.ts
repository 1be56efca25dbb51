import type { APIRequestContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { viewerFor } from '../src/core/accounts/auth.service';
import { findUserByUsername } from '../src/core/accounts/user.repository';
import {
  type CreatePledge,
  createPledgeSchema,
  type PledgeDetail,
} from '../src/core/pledges/pledge.schema';
import { createPledge as recordPledge } from '../src/core/pledges/pledge.service';
import type { CreateRequirement, Requirement } from '../src/core/requirements/requirement.schema';
import type { Harness, TestUser } from './harness';
import { signInAs } from './harness';

/**
 * Ledger data made through the API, as a delegation's own tools would make it: the browser tests then
 * look at it. Each writer signs in in its own context, so its session cookie and CSRF token are its own.
 */
export interface LedgerWriter {
  request: APIRequestContext;
  post<T>(path: string, body: unknown, status?: number): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
}

export async function writerFor(h: Harness, user: TestUser): Promise<LedgerWriter> {
  const page: Page = await h.newPage();
  await signInAs(page, user);
  const session = await page.request.get('/api/v1/auth/session');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const send = async <T>(method: 'POST' | 'PATCH', path: string, body: unknown, status: number) => {
    const response = await page.request.fetch(`/api/v1${path}`, {
      method,
      data: body,
      headers: { 'x-csrf-token': csrfToken },
    });
    if (response.status() !== status) {
      throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
    }
    return (await response.json()) as T;
  };
  return {
    request: page.request,
    post: <T>(path: string, body: unknown, status = 201) => send<T>('POST', path, body, status),
    patch: <T>(path: string, body: unknown) => send<T>('PATCH', path, body, 200),
  };
}

export function createRequirement(
  writer: LedgerWriter,
  input: Partial<CreateRequirement> & Pick<CreateRequirement, 'item'>,
): Promise<Requirement> {
  return writer.post<Requirement>('/groups/udcg/requirements', {
    capabilityArea: 'air-defence',
    quantity: 10,
    unit: 'systems',
    marking: { classification: 'GROUP', relTo: [] },
    ...input,
  });
}

export function createPledge(
  writer: LedgerWriter,
  input: Partial<CreatePledge>,
): Promise<PledgeDetail> {
  return writer.post<PledgeDetail>('/groups/udcg/pledges', {
    kind: 'donation',
    announcedOn: '2024-06-13',
    marking: { classification: 'GROUP', relTo: [] },
    ...input,
  });
}

/**
 * Many pledges at once, recorded by `user` through the same use case the API calls (access checks,
 * totals, audit entries), in one transaction: thousands take seconds rather than a minute of requests.
 */
export async function seedPledges(
  h: Harness,
  user: TestUser,
  inputs: readonly Partial<CreatePledge>[],
): Promise<void> {
  const row = await findUserByUsername(h.db, user.username);
  if (!row) throw new Error(`no user ${user.username}`);
  const viewer = await viewerFor(h.db, row, 'session', 'write');
  await h.db.transaction().execute(async (trx) => {
    for (const input of inputs) {
      const parsed = createPledgeSchema.parse({
        kind: 'donation',
        announcedOn: '2024-06-13',
        marking: { classification: 'GROUP', relTo: [] },
        ...input,
      });
      await recordPledge(trx, viewer, 'udcg', parsed);
    }
  });
}

/**
 * `expect.poll` with the patience of a locator (10 s, not 1 s): on a busy CI machine a re-render after
 * a request can take longer than a second.
 */
export const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000 });

/** Waits until the polite live region says `text`. */
export async function expectAnnounced(page: Page, testId: string, text: string): Promise<void> {
  await poll(async () =>
    (await page.getByTestId(testId).textContent())?.replace('\u200b', ''),
  ).toBe(text);
}
