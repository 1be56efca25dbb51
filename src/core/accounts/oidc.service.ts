import type { Db } from '../db/database';
import { newId } from '../ids';
import { systemActor, recordAudit } from '../audit/audit.service';
import { findNation } from '../nations/nation.repository';
import { type AuthPolicy, openSession } from './auth.service';
import { findUserById, type UserRow } from './user.repository';

/** What Ramstein needs from a verified ID token. */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  preferredUsername: string | null;
  /** ISO alpha-3 code from the configured claim, when the ministry's provider sends one. */
  nation: string | null;
}

export interface OidcOptions {
  /** Create a viewer account for a verified person of a known nation who has none yet. */
  autoCreate: boolean;
}

export type OidcSignInResult =
  | (Awaited<ReturnType<typeof openSession>> & { linked: boolean; created: boolean })
  | { ok: false; reason: 'no_account' | 'disabled' };

/**
 * Signs in a person the ministry's identity provider has vouched for. The account is found by the
 * provider's (issuer, subject); the first time, an account with the same verified e-mail and no link
 * yet is linked to it; failing that, a viewer account is created only when auto-creation is on and the
 * provider names a known nation. Otherwise the person is told to ask an admin.
 */
export async function signInWithOidc(
  db: Db,
  identity: OidcIdentity,
  client: { ip: string | null; userAgent: string | null },
  policy: AuthPolicy,
  options: OidcOptions,
  now: Date = new Date(),
): Promise<OidcSignInResult> {
  const at = now.toISOString();
  let user: UserRow | undefined;
  let linked = false;
  let created = false;
  const bySubject = await db
    .selectFrom('users')
    .select('id')
    .where('oidc_issuer', '=', identity.issuer)
    .where('oidc_subject', '=', identity.subject)
    .executeTakeFirst();
  if (bySubject) user = await findUserById(db, bySubject.id);

  if (!user && identity.email && identity.emailVerified) {
    const byEmail = await db
      .selectFrom('users')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['email']), '=', identity.email?.toLowerCase() ?? ''))
      .where('oidc_subject', 'is', null)
      .executeTakeFirst();
    if (byEmail) {
      await db
        .updateTable('users')
        .set({ oidc_issuer: identity.issuer, oidc_subject: identity.subject, updated_at: at })
        .where('id', '=', byEmail.id)
        .execute();
      user = await findUserById(db, byEmail.id);
      linked = true;
    }
  }

  if (!user && options.autoCreate && identity.nation && (await findNation(db, identity.nation))) {
    const id = newId(now.getTime());
    const base = (identity.preferredUsername ?? identity.email ?? identity.subject)
      .toLowerCase()
      .replace(/[^a-z0-9._@-]/g, '-')
      .slice(0, 50);
    const taken = await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', base)
      .executeTakeFirst();
    await db
      .insertInto('users')
      .values({
        id,
        username: taken ? `${base}-${id.slice(-6)}` : base,
        display_name: identity.name ?? base,
        email: identity.email,
        nation_code: identity.nation,
        roles: 'viewer',
        password_hash: null,
        oidc_issuer: identity.issuer,
        oidc_subject: identity.subject,
        disabled_at: null,
        failed_sign_ins: 0,
        locked_until: null,
        last_sign_in_at: null,
        password_changed_at: null,
        calendar_token_hash: null,
        created_at: at,
        updated_at: at,
        version: 1,
      })
      .execute();
    user = await findUserById(db, id);
    created = true;
    await recordAudit(
      db,
      systemActor,
      {
        action: 'user.create',
        entity: 'user',
        entityId: id,
        after: {
          username: user?.username,
          nation: identity.nation,
          roles: ['viewer'],
          via: 'oidc',
        },
      },
      now,
    );
  }

  if (!user) {
    await recordAudit(
      db,
      { userId: null, username: null, nationCode: null, via: 'anonymous' },
      {
        action: 'auth.sign_in_failed',
        entity: 'user',
        entityId: null,
        after: { reason: 'no account for this identity', issuer: identity.issuer },
      },
      now,
    );
    return { ok: false, reason: 'no_account' };
  }
  if (user.disabled_at !== null) {
    await recordAudit(
      db,
      { userId: null, username: null, nationCode: user.nation_code, via: 'anonymous' },
      {
        action: 'auth.sign_in_failed',
        entity: 'user',
        entityId: user.id,
        after: { reason: 'disabled', method: 'oidc' },
      },
      now,
    );
    return { ok: false, reason: 'disabled' };
  }
  if (linked) {
    await recordAudit(
      db,
      systemActor,
      {
        action: 'user.oidc_linked',
        entity: 'user',
        entityId: user.id,
        after: { issuer: identity.issuer },
      },
      now,
    );
  }
  return { ...(await openSession(db, user, client, policy, 'oidc', now)), linked, created };
}
