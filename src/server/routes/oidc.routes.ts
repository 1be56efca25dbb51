import * as oidc from 'openid-client';
import { z } from 'zod';
import { signInWithOidc } from '../../core/accounts/oidc.service';
import type { Config } from '../../core/config';
import type { AppServer } from '../app';
import { SESSION_COOKIE, sessionCookieOptions } from '../plugins/auth';

const LOGIN_TTL_MS = 10 * 60_000;

/** Only a path inside this app may be returned to after sign-in: no open redirect. */
const safeReturn = (value: string | undefined): string =>
  value !== undefined && /^\/(?!\/)[^\s\\]*$/.test(value) ? value : '/';

/**
 * "Sign in with your ministry": the authorization-code flow with PKCE, state and nonce (openid-client).
 * The pending sign-in lives in the database, so the provider may send the person back to any node.
 */
export function oidcRoutes(app: AppServer, config: Config): void {
  const issuer = config.OIDC_ISSUER;
  const clientId = config.OIDC_CLIENT_ID;
  const redirectUrl = config.OIDC_REDIRECT_URL;
  if (!issuer || !clientId || !redirectUrl) return;

  // Discovered on first use and kept; a provider that is down at start does not stop Ramstein.
  let discovered: Promise<oidc.Configuration> | undefined;
  const provider = () => {
    discovered ??= oidc
      .discovery(
        new URL(issuer),
        clientId,
        config.OIDC_CLIENT_SECRET,
        undefined,
        config.OIDC_ALLOW_HTTP ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  };

  app.get(
    '/auth/oidc/start',
    {
      config: { access: 'public' },
      schema: {
        tags: ['accounts'],
        summary: "Sign in with your ministry's identity provider (redirects there)",
        querystring: z.strictObject({ returnTo: z.string().max(500).optional() }),
      },
    },
    async (request, reply) => {
      let configuration: oidc.Configuration;
      try {
        configuration = await provider();
      } catch (error) {
        request.log.warn({ err: error }, 'OIDC discovery failed');
        return reply.redirect('/sign-in?error=oidc_unavailable');
      }
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const verifier = oidc.randomPKCECodeVerifier();
      const now = new Date();
      await app.db
        .deleteFrom('oidc_logins')
        .where('created_at', '<', new Date(now.getTime() - LOGIN_TTL_MS).toISOString())
        .execute();
      await app.db
        .insertInto('oidc_logins')
        .values({
          state,
          nonce,
          code_verifier: verifier,
          return_to: safeReturn(request.query.returnTo),
          created_at: now.toISOString(),
        })
        .execute();
      const url = oidc.buildAuthorizationUrl(configuration, {
        redirect_uri: redirectUrl,
        scope: 'openid email profile',
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return reply.redirect(url.href);
    },
  );

  app.get(
    '/auth/oidc/callback',
    {
      config: { access: 'public' },
      schema: {
        tags: ['accounts'],
        summary: 'Where the identity provider sends the person back',
        querystring: z
          .object({ state: z.string().max(200).optional() })
          .catchall(z.string().max(4000)),
      },
    },
    async (request, reply) => {
      const fail = (reason: string) => reply.redirect(`/sign-in?error=${reason}`);
      const state = request.query.state;
      if (!state) return fail('oidc_failed');
      const login = await app.db
        .selectFrom('oidc_logins')
        .selectAll()
        .where('state', '=', state)
        .executeTakeFirst();
      // One use only, and only for ten minutes.
      await app.db.deleteFrom('oidc_logins').where('state', '=', state).execute();
      if (!login || Date.parse(login.created_at) < Date.now() - LOGIN_TTL_MS)
        return fail('oidc_expired');
      let claims: Record<string, unknown> | undefined;
      try {
        const configuration = await provider();
        const currentUrl = new URL(request.url, redirectUrl);
        const tokens = await oidc.authorizationCodeGrant(configuration, currentUrl, {
          pkceCodeVerifier: login.code_verifier,
          expectedState: login.state,
          expectedNonce: login.nonce,
          idTokenExpected: true,
        });
        const idToken = tokens.claims();
        if (idToken) {
          // Many providers put e-mail, name and custom claims only in the UserInfo answer.
          const userInfo = await oidc.fetchUserInfo(
            configuration,
            tokens.access_token,
            idToken.sub,
          );
          claims = { ...userInfo, ...idToken };
        }
      } catch (error) {
        request.log.warn({ err: error }, 'OIDC callback refused');
        return fail('oidc_failed');
      }
      if (!claims) return fail('oidc_failed');
      const text = (value: unknown) =>
        typeof value === 'string' && value.length > 0 ? value : null;
      const nation = text(claims[config.OIDC_NATION_CLAIM])?.toUpperCase() ?? null;
      const identity = {
        issuer: String(claims.iss),
        subject: String(claims.sub),
        email: text(claims.email),
        emailVerified: claims.email_verified === true,
        name: text(claims.name),
        preferredUsername: text(claims.preferred_username),
        nation: nation !== null && /^[A-Z]{3}$/.test(nation) ? nation : null,
      };
      const client = { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
      const result = await app.db.transaction().execute((trx) =>
        signInWithOidc(trx, identity, client, app.authPolicy, {
          autoCreate: config.OIDC_AUTO_CREATE,
        }),
      );
      if (!result.ok) return fail(result.reason);
      reply.setCookie(
        SESSION_COOKIE,
        result.sessionToken,
        sessionCookieOptions(request, result.expiresAt),
      );
      return reply.redirect(login.return_to);
    },
  );
}
