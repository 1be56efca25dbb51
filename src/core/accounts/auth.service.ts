import type { Db } from '../db/database';
import { AppError, notFound } from '../errors';
import { newId } from '../ids';
import { todayIso } from '../time';
import { actorOf, type Actor, recordAudit } from '../audit/audit.service';
import type { ApiToken, CreateApiToken, CreatedApiToken, SignIn } from './account.schema';
import { verifyAgainstNobody, verifyPassword } from './password';
import { parseRoles } from './role';
import { randomSecret, sha256 } from './secrets';
import {
  deleteExpiredSessions,
  deleteSession,
  deleteUserSessions,
  findApiToken,
  findApiTokenByHash,
  findSession,
  insertApiToken,
  insertSession,
  listApiTokens,
  markApiToken,
  touchSession,
} from './session.repository';
import {
  findUserById,
  findUserByUsername,
  nationStanding,
  recordSignInState,
  type UserRow,
} from './user.repository';
import type { Viewer } from './viewer';

/** Limits on sign-in and sessions, from the configuration. */
export interface AuthPolicy {
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  maxFailedSignIns: number;
  lockoutMinutes: number;
}

export const defaultAuthPolicy: AuthPolicy = {
  sessionIdleMinutes: 30,
  sessionMaxHours: 12,
  maxFailedSignIns: 5,
  lockoutMinutes: 15,
};

/** The viewer a user is today: its nation's groups, and where its nation chairs. */
export async function viewerFor(
  db: Db,
  user: UserRow,
  via: Viewer['via'],
  scope: Viewer['scope'],
  now: Date = new Date(),
): Promise<Viewer & { chairGroupSlugs: string[] }> {
  const standing = await nationStanding(db, user.nation_code, todayIso(now));
  return {
    userId: user.id,
    username: user.username,
    nationCode: user.nation_code,
    roles: parseRoles(user.roles),
    groupIds: standing.groupIds,
    chairGroupIds: standing.chairGroups.map((g) => g.id),
    chairGroupSlugs: standing.chairGroups.map((g) => g.slug),
    via,
    scope,
  };
}

export type SignInResult =
  | {
      ok: true;
      user: UserRow;
      sessionToken: string;
      sessionId: string;
      csrfToken: string;
      expiresAt: string;
    }
  | { ok: false };

const minutes = (n: number) => n * 60_000;

/**
 * Checks a user name and password. Unknown user, wrong password, disabled or locked account all give
 * the same `{ ok: false }` after the same work, so the answer tells an attacker nothing. Failures count
 * towards a temporary lockout. The caller commits before answering, so failures are recorded even
 * though the request fails.
 */
export async function signIn(
  db: Db,
  input: SignIn,
  client: { ip: string | null; userAgent: string | null },
  policy: AuthPolicy,
  now: Date = new Date(),
): Promise<SignInResult> {
  const at = now.toISOString();
  const user = await findUserByUsername(db, input.username);
  const anonymous: Actor = { userId: null, username: null, nationCode: null, via: 'anonymous' };
  if (!user || user.password_hash === null) {
    await verifyAgainstNobody(input.password);
    await recordAudit(
      db,
      anonymous,
      {
        action: 'auth.sign_in_failed',
        entity: 'user',
        entityId: user?.id ?? null,
        after: { reason: user ? 'no password set' : 'unknown user', ip: client.ip },
      },
      now,
    );
    return { ok: false };
  }
  const locked = user.locked_until !== null && user.locked_until > at;
  const matches = !locked && (await verifyPassword(user.password_hash, input.password));
  if (locked || user.disabled_at !== null || !matches) {
    if (locked) await verifyAgainstNobody(input.password); // same work as a real check
    const failures = locked ? user.failed_sign_ins : user.failed_sign_ins + 1;
    const lockNow = !locked && failures >= policy.maxFailedSignIns;
    await recordSignInState(db, user.id, {
      failed_sign_ins: lockNow ? 0 : failures,
      ...(lockNow
        ? { locked_until: new Date(now.getTime() + minutes(policy.lockoutMinutes)).toISOString() }
        : {}),
    });
    const reason = locked ? 'locked' : user.disabled_at !== null ? 'disabled' : 'wrong password';
    await recordAudit(
      db,
      { ...anonymous, nationCode: user.nation_code },
      {
        action: lockNow ? 'auth.locked' : 'auth.sign_in_failed',
        entity: 'user',
        entityId: user.id,
        after: { username: user.username, reason, ip: client.ip },
      },
      now,
    );
    return { ok: false };
  }
  return openSession(db, user, client, policy, 'password', now);
}

/**
 * Opens a session for a user who has proved who it is (password or OpenID Connect). A new session id
 * at every sign-in: a session fixed before sign-in is never promoted.
 */
export async function openSession(
  db: Db,
  user: UserRow,
  client: { ip: string | null; userAgent: string | null },
  policy: AuthPolicy,
  method: 'password' | 'oidc',
  now: Date = new Date(),
): Promise<SignInResult & { ok: true }> {
  const at = now.toISOString();
  const sessionToken = randomSecret();
  const sessionId = sha256(sessionToken);
  const csrfToken = randomSecret(24);
  const expiresAt = new Date(now.getTime() + policy.sessionMaxHours * 3_600_000).toISOString();
  await insertSession(db, {
    id: sessionId,
    user_id: user.id,
    csrf_token: csrfToken,
    created_at: at,
    last_seen_at: at,
    expires_at: expiresAt,
    ip: client.ip,
    user_agent: client.userAgent?.slice(0, 300) ?? null,
  });
  await recordSignInState(db, user.id, {
    failed_sign_ins: 0,
    locked_until: null,
    last_sign_in_at: at,
  });
  // Sessions nobody came back to are swept at each sign-in rather than by a timer on one node.
  await deleteExpiredSessions(db, at);
  await recordAudit(
    db,
    { userId: user.id, username: user.username, nationCode: user.nation_code, via: 'session' },
    { action: 'auth.sign_in', entity: 'user', entityId: user.id, after: { ip: client.ip, method } },
    now,
  );
  return { ok: true, user, sessionToken, sessionId, csrfToken, expiresAt };
}

export interface ResolvedSession {
  viewer: Viewer & { chairGroupSlugs: string[] };
  user: UserRow;
  sessionId: string;
  csrfToken: string;
  expiresAt: string;
}

/** The session behind a cookie, or null when it is unknown, idle too long, past its end, or its user is disabled. */
export async function resolveSession(
  db: Db,
  token: string,
  policy: AuthPolicy,
  now: Date = new Date(),
): Promise<ResolvedSession | null> {
  const id = sha256(token);
  const session = await findSession(db, id);
  if (!session) return null;
  const at = now.toISOString();
  const idleSince = new Date(now.getTime() - minutes(policy.sessionIdleMinutes)).toISOString();
  if (session.expires_at <= at || session.last_seen_at < idleSince) {
    await deleteSession(db, id);
    return null;
  }
  const user = await findUserById(db, session.user_id);
  if (!user || user.disabled_at !== null) return null;
  // Touch at most once a minute: the idle clock needs no write on every request.
  if (now.getTime() - Date.parse(session.last_seen_at) > 60_000) await touchSession(db, id, at);
  return {
    viewer: await viewerFor(db, user, 'session', 'write', now),
    user,
    sessionId: id,
    csrfToken: session.csrf_token,
    expiresAt: session.expires_at,
  };
}

/** Ends one session, or every session of its user ("sign out everywhere"). */
export async function signOut(
  db: Db,
  resolved: ResolvedSession,
  everywhere: boolean,
  now: Date = new Date(),
): Promise<void> {
  if (everywhere) await deleteUserSessions(db, resolved.user.id);
  else await deleteSession(db, resolved.sessionId);
  await recordAudit(
    db,
    actorOf(resolved.viewer),
    {
      action: everywhere ? 'auth.sign_out_everywhere' : 'auth.sign_out',
      entity: 'user',
      entityId: resolved.user.id,
    },
    now,
  );
}

const TOKEN_PREFIX = 'rst_';

const toApiToken = (row: Awaited<ReturnType<typeof listApiTokens>>[number]): ApiToken => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  scope: row.scope === 'write' ? 'write' : 'read',
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  revokedAt: row.revoked_at,
  lastUsedAt: row.last_used_at,
});

/** The viewer behind a bearer token, or null when it is unknown, expired, revoked, or its user disabled. */
export async function resolveApiToken(db: Db, token: string, now: Date = new Date()) {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await findApiTokenByHash(db, sha256(token));
  const at = now.toISOString();
  if (!row || row.revoked_at !== null || row.expires_at <= at) return null;
  const user = await findUserById(db, row.user_id);
  if (!user || user.disabled_at !== null) return null;
  if (row.last_used_at === null || now.getTime() - Date.parse(row.last_used_at) > 60_000) {
    await markApiToken(db, row.id, { last_used_at: at });
  }
  const scope = row.scope === 'write' ? 'write' : 'read';
  return { viewer: await viewerFor(db, user, 'token', scope, now), tokenId: row.id };
}

/** A user makes a token for itself; the secret is in the answer once and only its hash is kept. */
export async function createApiToken(
  db: Db,
  viewer: Viewer,
  input: CreateApiToken,
  now: Date = new Date(),
): Promise<CreatedApiToken> {
  if (viewer.userId === null) throw new AppError('unauthenticated', 'Sign in first');
  if (viewer.via === 'token')
    throw new AppError('forbidden', 'A token cannot create tokens; sign in to make one');
  const token = `${TOKEN_PREFIX}${randomSecret()}`;
  const id = newId(now.getTime());
  const row = {
    id,
    user_id: viewer.userId,
    name: input.name,
    token_hash: sha256(token),
    prefix: token.slice(0, 10),
    scope: input.scope,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString(),
    revoked_at: null,
    last_used_at: null,
  };
  await insertApiToken(db, row);
  await recordAudit(
    db,
    actorOf(viewer),
    {
      action: 'token.create',
      entity: 'api_token',
      entityId: id,
      after: { name: input.name, scope: input.scope, expiresAt: row.expires_at },
    },
    now,
  );
  return { ...toApiToken(row), token };
}

export async function listOwnApiTokens(db: Db, viewer: Viewer): Promise<ApiToken[]> {
  if (viewer.userId === null) throw new AppError('unauthenticated', 'Sign in first');
  return (await listApiTokens(db, viewer.userId)).map(toApiToken);
}

export async function revokeApiToken(
  db: Db,
  viewer: Viewer,
  id: string,
  now: Date = new Date(),
): Promise<ApiToken> {
  if (viewer.userId === null) throw new AppError('unauthenticated', 'Sign in first');
  const row = await findApiToken(db, viewer.userId, id);
  if (!row) throw notFound(`API token ${id}`);
  if (row.revoked_at === null) {
    await markApiToken(db, id, { revoked_at: now.toISOString() });
    await recordAudit(
      db,
      actorOf(viewer),
      { action: 'token.revoke', entity: 'api_token', entityId: id, after: { name: row.name } },
      now,
    );
  }
  return toApiToken({ ...row, revoked_at: row.revoked_at ?? now.toISOString() });
}
