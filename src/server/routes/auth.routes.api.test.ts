import type { InjectOptions } from 'fastify';
import { expect, it } from 'vitest';
import { errorSchema } from '../../core/common.schema';
import { describeApiOnEachDatabase } from '../test/test-app';
import { addPrincipal, bearer, signInAs, TEST_PASSWORD } from '../test/principals';

describeApiOnEachDatabase('sign-in, sessions, CSRF, lockout and tokens', (ctx) => {
  const inject = (options: InjectOptions) => ctx().app.inject(options);

  it('signs in with a rotated, HttpOnly, SameSite=Strict session cookie and answers who is signed in', async () => {
    await addPrincipal(ctx(), 'healey', 'GBR', ['secretariat']);
    const first = await signInAs(ctx(), 'healey');
    const second = await signInAs(ctx(), 'HEALEY');
    expect(first.cookie).not.toBe(second.cookie);
    const set = first.response.cookies.find((c) => c.name === 'ramstein_session');
    expect(set).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const me = await inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: first.cookie },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      user: { username: 'healey', nation: { code: 'GBR' }, roles: ['secretariat'] },
      secretariatOf: ['udcg'],
    });
    expect(JSON.stringify(me.json())).not.toMatch(/argon2|password_hash/);
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    await addPrincipal(ctx(), 'pistorius', 'DEU', ['secretariat']);
    const unknown = await inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { username: 'nobody', password: 'whatever it may be, long' },
    });
    const wrong = await inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { username: 'pistorius', password: 'not the right passphrase at all' },
    });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.body).toBe(wrong.body);
    expect(errorSchema.parse(wrong.json()).error).toBe('unauthenticated');
  });

  it('locks an account after repeated failures, with the same answer, and records it in the audit trail', async () => {
    await addPrincipal(ctx(), 'target', 'POL', ['coordinator']);
    for (let i = 0; i < 5; i += 1) {
      const r = await inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { username: 'target', password: `wrong passphrase number ${i}` },
      });
      expect(r.statusCode).toBe(401);
    }
    const locked = await inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { username: 'target', password: TEST_PASSWORD },
    });
    expect(locked.statusCode).toBe(401);
    const row = await ctx()
      .connection.db.selectFrom('users')
      .select(['locked_until'])
      .where('username', '=', 'target')
      .executeTakeFirstOrThrow();
    expect(row.locked_until).not.toBeNull();
    const actions = (
      await ctx()
        .connection.db.selectFrom('audit_entries')
        .select('action')
        .where('action', 'like', 'auth.%')
        .execute()
    ).map((a) => a.action);
    expect(actions).toContain('auth.locked');
    expect(actions).toContain('auth.sign_in_failed');
  });

  it('refuses a cookie-authenticated write without the CSRF token, and accepts it with the token', async () => {
    await addPrincipal(ctx(), 'csrfuser', 'GBR', ['coordinator']);
    const session = await signInAs(ctx(), 'csrfuser');
    const payload = { title: 'UK statement', marking: { classification: 'GROUP' } };
    const without = await inject({
      method: 'POST',
      url: '/api/v1/groups/udcg/documents',
      headers: { cookie: session.cookie },
      payload,
    });
    expect(without.statusCode).toBe(403);
    expect(errorSchema.parse(without.json()).issues[0]?.path).toBe('headers.x-csrf-token');
    const wrong = await inject({
      method: 'POST',
      url: '/api/v1/groups/udcg/documents',
      headers: { cookie: session.cookie, 'x-csrf-token': 'guess' },
      payload,
    });
    expect(wrong.statusCode).toBe(403);
    const withToken = await inject({
      method: 'POST',
      url: '/api/v1/groups/udcg/documents',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
      payload,
    });
    expect(withToken.statusCode).toBe(201);
  });

  it('signs out this session, or every session of the user', async () => {
    await addPrincipal(ctx(), 'leaver', 'FRA', ['viewer']);
    const a = await signInAs(ctx(), 'leaver');
    const b = await signInAs(ctx(), 'leaver');
    const c = await signInAs(ctx(), 'leaver');
    const out = await inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      headers: { cookie: a.cookie, 'x-csrf-token': a.csrfToken },
    });
    expect(out.statusCode, out.body).toBe(204);
    expect(
      (await inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: a.cookie } }))
        .statusCode,
    ).toBe(401);
    expect(
      (await inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: b.cookie } }))
        .statusCode,
    ).toBe(200);
    const everywhere = await inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      headers: { cookie: b.cookie, 'x-csrf-token': b.csrfToken },
      payload: { everywhere: true },
    });
    expect(everywhere.statusCode).toBe(204);
    expect(
      (await inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: c.cookie } }))
        .statusCode,
    ).toBe(401);
  });

  it('ends a session left idle too long, and one past its absolute end', async () => {
    await addPrincipal(ctx(), 'sleepy', 'ITA', ['viewer']);
    const idle = await signInAs(ctx(), 'sleepy');
    const old = await signInAs(ctx(), 'sleepy');
    const db = ctx().connection.db;
    const sessions = await db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select('sessions.id')
      .where('users.username', '=', 'sleepy')
      .orderBy('sessions.created_at')
      .execute();
    await db
      .updateTable('sessions')
      .set({ last_seen_at: '2020-01-01T00:00:00.000Z' })
      .where('id', '=', sessions[0]?.id ?? '')
      .execute();
    await db
      .updateTable('sessions')
      .set({ expires_at: '2020-01-01T00:00:00.000Z' })
      .where('id', '=', sessions[1]?.id ?? '')
      .execute();
    expect(
      (
        await inject({
          method: 'GET',
          url: '/api/v1/auth/session',
          headers: { cookie: idle.cookie },
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (
        await inject({
          method: 'GET',
          url: '/api/v1/auth/session',
          headers: { cookie: old.cookie },
        })
      ).statusCode,
    ).toBe(401);
  });

  it('changes a password under NIST rules and ends the other sessions', async () => {
    await addPrincipal(ctx(), 'changer', 'NLD', ['viewer']);
    const here = await signInAs(ctx(), 'changer');
    const there = await signInAs(ctx(), 'changer');
    const headers = { cookie: here.cookie, 'x-csrf-token': here.csrfToken };
    const weak = await inject({
      method: 'PUT',
      url: '/api/v1/account/password',
      headers,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'password' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({
      issues: [{ path: 'body.newPassword', message: 'must be at least 15 characters long' }],
    });
    const common = await inject({
      method: 'PUT',
      url: '/api/v1/account/password',
      headers,
      payload: { currentPassword: TEST_PASSWORD, newPassword: '1qaz2wsx3edc4rfv' },
    });
    expect(common.json()).toMatchObject({
      issues: [
        { path: 'body.newPassword', message: 'is a commonly used password; choose another' },
      ],
    });
    const wrongCurrent = await inject({
      method: 'PUT',
      url: '/api/v1/account/password',
      headers,
      payload: {
        currentPassword: 'not it, not it at all',
        newPassword: 'tulips in the rain at dawn',
      },
    });
    expect(wrongCurrent.json()).toMatchObject({ issues: [{ path: 'body.currentPassword' }] });
    const ok = await inject({
      method: 'PUT',
      url: '/api/v1/account/password',
      headers,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'tulips in the rain at dawn' },
    });
    expect(ok.statusCode).toBe(204);
    expect(
      (
        await inject({
          method: 'GET',
          url: '/api/v1/auth/session',
          headers: { cookie: here.cookie },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await inject({
          method: 'GET',
          url: '/api/v1/auth/session',
          headers: { cookie: there.cookie },
        })
      ).statusCode,
    ).toBe(401);
    await signInAs(ctx(), 'changer', 'tulips in the rain at dawn');
  });

  it('makes API tokens shown once, stored hashed, scoped, revocable, with last use recorded', async () => {
    const owner = await addPrincipal(ctx(), 'integrator', 'CAN', ['coordinator']);
    const stored = await ctx()
      .connection.db.selectFrom('api_tokens')
      .select(['token_hash', 'prefix'])
      .execute();
    expect(stored.some((t) => t.token_hash.includes(owner.token))).toBe(false);
    expect(stored.some((t) => owner.token.startsWith(t.prefix))).toBe(true);

    const payload = { title: 'Canadian note', marking: { classification: 'GROUP' } };
    const readOnly = await inject({
      method: 'POST',
      url: '/api/v1/groups/udcg/documents',
      headers: bearer(owner.readToken),
      payload,
    });
    expect(readOnly.statusCode).toBe(403);
    const write = await inject({
      method: 'POST',
      url: '/api/v1/groups/udcg/documents',
      headers: bearer(owner.token),
      payload,
    });
    expect(write.statusCode).toBe(201);
    const audit = await ctx()
      .connection.db.selectFrom('audit_entries')
      .select(['via', 'actor'])
      .where('action', '=', 'document.create')
      .where('actor', '=', 'integrator')
      .executeTakeFirstOrThrow();
    expect(audit.via).toBe('token');

    const list = await inject({
      method: 'GET',
      url: '/api/v1/account/tokens',
      headers: bearer(owner.readToken),
    });
    const tokens = list.json<{ items: { id: string; name: string; lastUsedAt: string | null }[] }>()
      .items;
    expect(tokens.find((t) => t.name === 'test write')?.lastUsedAt).not.toBeNull();
    expect(list.body).not.toContain(owner.token);

    const writeId = tokens.find((t) => t.name === 'test write')?.id ?? '';
    expect(
      (
        await inject({
          method: 'DELETE',
          url: `/api/v1/account/tokens/${writeId}`,
          headers: bearer(owner.readToken),
        })
      ).statusCode,
    ).toBe(403);
    const session = await signInAs(ctx(), 'integrator');
    const revoked = await inject({
      method: 'DELETE',
      url: `/api/v1/account/tokens/${writeId}`,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    });
    expect(revoked.json<{ revokedAt: string | null }>().revokedAt).not.toBeNull();
    expect(
      (
        await inject({
          method: 'GET',
          url: '/api/v1/groups/udcg/documents',
          headers: bearer(owner.token),
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (
        await inject({
          method: 'GET',
          url: '/api/v1/groups/udcg/documents',
          headers: bearer('rst_made_up'),
        })
      ).statusCode,
    ).toBe(401);
  });

  it('refuses an expired token and every credential of a disabled user', async () => {
    const admin = await addPrincipal(ctx(), 'tokadmin', 'GBR', ['admin']);
    const user = await addPrincipal(ctx(), 'expiring', 'ESP', ['viewer']);
    const session = await signInAs(ctx(), 'expiring');
    await ctx()
      .connection.db.updateTable('api_tokens')
      .set({ expires_at: '2020-01-01T00:00:00.000Z' })
      .where('prefix', '=', user.readToken.slice(0, 10))
      .execute();
    expect(
      (
        await inject({
          method: 'GET',
          url: '/api/v1/account/tokens',
          headers: bearer(user.readToken),
        })
      ).statusCode,
    ).toBe(401);
    const disable = await inject({
      method: 'PATCH',
      url: `/api/v1/users/${user.user.id}`,
      headers: bearer(admin.token),
      payload: { version: user.user.version, disabled: true },
    });
    expect(disable.statusCode).toBe(200);
    expect(
      (await inject({ method: 'GET', url: '/api/v1/account/tokens', headers: bearer(user.token) }))
        .statusCode,
    ).toBe(401);
    expect(
      (
        await inject({
          method: 'GET',
          url: '/api/v1/auth/session',
          headers: { cookie: session.cookie },
        })
      ).statusCode,
    ).toBe(401);
    const again = await inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { username: 'expiring', password: TEST_PASSWORD },
    });
    expect(again.statusCode).toBe(401);
  });

  it('refuses a stale version when an admin edits an account', async () => {
    const admin = await addPrincipal(ctx(), 'stale', 'GBR', ['admin']);
    const user = await addPrincipal(ctx(), 'edited', 'DNK', ['viewer']);
    const first = await inject({
      method: 'PATCH',
      url: `/api/v1/users/${user.user.id}`,
      headers: bearer(admin.token),
      payload: { version: 1, roles: ['coordinator'] },
    });
    expect(first.statusCode).toBe(200);
    const second = await inject({
      method: 'PATCH',
      url: `/api/v1/users/${user.user.id}`,
      headers: bearer(admin.token),
      payload: { version: 1, roles: ['viewer'] },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ issues: [{ path: 'body.version' }] });
  });

  it('validates new accounts: nation, roles, password, duplicate user name', async () => {
    const admin = await addPrincipal(ctx(), 'creator', 'GBR', ['admin']);
    const post = (payload: Record<string, unknown>) =>
      inject({ method: 'POST', url: '/api/v1/users', headers: bearer(admin.token), payload });
    const good = {
      username: 'new.user',
      displayName: 'New User',
      nation: 'LTU',
      roles: ['coordinator'],
      password: 'amber coast of the baltic sea',
    };
    expect((await post(good)).statusCode).toBe(201);
    expect((await post(good)).statusCode).toBe(409);
    expect((await post({ ...good, username: 'x2', nation: 'ZZZ' })).json()).toMatchObject({
      issues: [{ path: 'body.nation' }],
    });
    expect((await post({ ...good, username: 'x3', roles: ['king'] })).json()).toMatchObject({
      issues: [{ path: 'body.roles.0' }],
    });
    expect((await post({ ...good, username: 'x4', roles: ['recipient'] })).json()).toMatchObject({
      issues: [{ path: 'body.roles' }],
    });
    expect((await post({ ...good, username: 'x5', password: 'short' })).json()).toMatchObject({
      issues: [{ path: 'body.password' }],
    });
    expect((await post({ ...good, username: 'Bad Name!' })).json()).toMatchObject({
      issues: [{ path: 'body.username' }],
    });
  });
});

describeApiOnEachDatabase.withEnv({ SIGN_IN_RATE_PER_MINUTE: '3' })('sign-in rate limit', (ctx) => {
  it('answers 429 with a JSON body once a client tries too often', async () => {
    const attempt = () =>
      ctx().app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { username: 'nobody', password: 'guessing again and again' },
      });
    for (let i = 0; i < 3; i += 1) expect((await attempt()).statusCode).toBe(401);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    const body = errorSchema.parse(limited.json());
    expect(body).toMatchObject({ error: 'rate_limited', issues: [] });
    expect(body.message).toMatch(/Too many attempts/);
  });
});

describeApiOnEachDatabase('signing in again', (ctx) => {
  it('replaces the session the browser had, without asking for its CSRF token', async () => {
    await addPrincipal(ctx(), 'again', 'GBR', ['viewer']);
    const first = await signInAs(ctx(), 'again');
    const second = await ctx().app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { cookie: first.cookie },
      payload: { username: 'again', password: TEST_PASSWORD },
    });
    expect(second.statusCode).toBe(200);
    const old = await ctx().app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: first.cookie },
    });
    expect(old.statusCode).toBe(401);
  });
});
