import type { LightMyRequestResponse } from 'fastify';
import type { User } from '../../core/accounts/account.schema';
import { addUser } from '../../core/accounts/account.service';
import { createApiToken, viewerFor } from '../../core/accounts/auth.service';
import type { Role } from '../../core/accounts/role';
import { findUserByUsername } from '../../core/accounts/user.repository';
import { systemActor } from '../../core/audit/audit.service';
import type { TestApp } from './test-app';

export const TEST_PASSWORD = 'a long test passphrase for the contact group';

export interface Principal {
  user: User;
  /** Bearer token with write scope. */
  token: string;
  readToken: string;
}

/** Creates a user of a nation with roles, and write and read API tokens for it. */
export async function addPrincipal(
  ctx: TestApp,
  username: string,
  nation: string,
  roles: Role[],
): Promise<Principal> {
  const db = ctx.connection.db;
  const user = await db.transaction().execute((trx) =>
    addUser(trx, systemActor, {
      username,
      displayName: username,
      nation,
      roles,
      password: TEST_PASSWORD,
    }),
  );
  const row = await findUserByUsername(db, username);
  if (!row) throw new Error('user not created');
  const viewer = await viewerFor(db, row, 'session', 'write');
  const write = await db
    .transaction()
    .execute((trx) =>
      createApiToken(trx, viewer, { name: 'test write', scope: 'write', expiresInDays: 1 }),
    );
  const read = await db
    .transaction()
    .execute((trx) =>
      createApiToken(trx, viewer, { name: 'test read', scope: 'read', expiresInDays: 1 }),
    );
  return { user, token: write.token, readToken: read.token };
}

export interface Session {
  cookie: string;
  csrfToken: string;
  response: LightMyRequestResponse;
}

/** Signs in through the API as a browser would; returns the cookie and the CSRF token. */
export async function signInAs(
  ctx: TestApp,
  username: string,
  password = TEST_PASSWORD,
): Promise<Session> {
  const response = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { username, password },
  });
  if (response.statusCode !== 200)
    throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'ramstein_session');
  if (!cookie) throw new Error('no session cookie');
  return {
    cookie: `ramstein_session=${cookie.value}`,
    csrfToken: response.json<{ csrfToken: string }>().csrfToken,
    response,
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
