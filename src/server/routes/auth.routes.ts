import { z } from 'zod';
import {
  signInSchema,
  sessionInfoSchema,
  type SessionInfo,
} from '../../core/accounts/account.schema';
import { toUser } from '../../core/accounts/account.service';
import { type ResolvedSession, signIn, signOut, viewerFor } from '../../core/accounts/auth.service';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../core/accounts/password';
import { deleteSession } from '../../core/accounts/session.repository';
import { errorSchema } from '../../core/common.schema';
import { AppError } from '../../core/errors';
import type { AppServer } from '../app';
import { SESSION_COOKIE, sessionCookieOptions } from '../plugins/auth';

const sessionInfo = (
  session: Pick<ResolvedSession, 'user' | 'csrfToken' | 'expiresAt'> & {
    viewer: { chairGroupSlugs: string[] };
  },
): SessionInfo => ({
  user: toUser(session.user),
  csrfToken: session.csrfToken,
  expiresAt: session.expiresAt,
  secretariatOf: session.user.roles.split(',').includes('secretariat')
    ? session.viewer.chairGroupSlugs
    : [],
});

export function authRoutes(
  app: AppServer,
  options: { signInRatePerMinute: number; oidcEnabled: boolean },
): void {
  app.get(
    '/auth/config',
    {
      config: { access: 'public' },
      schema: {
        tags: ['accounts'],
        summary:
          'How to sign in: password rules, and whether a ministry identity provider is configured',
        response: {
          200: z.object({
            oidc: z.boolean(),
            password: z.object({ minLength: z.number().int(), maxLength: z.number().int() }),
          }),
        },
      },
    },
    () => ({
      oidc: options.oidcEnabled,
      password: { minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH },
    }),
  );

  app.post(
    '/auth/sign-in',
    {
      config: {
        access: 'public',
        skipCsrf: true,
        rateLimit: { max: options.signInRatePerMinute, timeWindow: 60_000 },
      },
      schema: {
        tags: ['accounts'],
        summary: 'Sign in with a user name and password; sets the session cookie',
        body: signInSchema,
        response: { 200: sessionInfoSchema, 400: errorSchema, 401: errorSchema, 429: errorSchema },
      },
    },
    async (request, reply) => {
      const client = { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
      // Committed before answering: a failed attempt must count even though the request fails.
      const result = await app.db.transaction().execute(async (trx) => {
        // Signing in again replaces the session this browser had: one session per sign-in.
        if (request.session) await deleteSession(trx, request.session.sessionId);
        return signIn(trx, request.body, client, app.authPolicy);
      });
      if (!result.ok) {
        // One answer for an unknown user, a wrong password, a disabled or a locked account.
        throw new AppError(
          'unauthenticated',
          'Sign-in failed: the user name or password is wrong, or the account is locked for a while',
        );
      }
      reply.setCookie(
        SESSION_COOKIE,
        result.sessionToken,
        sessionCookieOptions(request, result.expiresAt),
      );
      const viewer = await viewerFor(app.db, result.user, 'session', 'write');
      return sessionInfo({
        user: result.user,
        csrfToken: result.csrfToken,
        expiresAt: result.expiresAt,
        viewer,
      });
    },
  );

  app.get(
    '/auth/session',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['accounts'],
        summary: 'The signed-in user, its CSRF token and where its secretariat role is in effect',
        response: { 200: sessionInfoSchema, 401: errorSchema },
      },
    },
    (request) => {
      if (!request.session) throw new AppError('forbidden', 'API tokens have no session');
      return sessionInfo(request.session);
    },
  );

  app.post(
    '/auth/sign-out',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['accounts'],
        summary: 'End this session, or every session of the user',
        // A body is optional: a plain POST signs out this session only.
        body: z.strictObject({ everywhere: z.boolean().default(false) }).nullish(),
        response: { 204: z.null(), 401: errorSchema, 403: errorSchema },
      },
    },
    async (request, reply) => {
      const session = request.session;
      if (!session)
        throw new AppError('forbidden', 'API tokens have no session; revoke the token instead');
      await app.db
        .transaction()
        .execute((trx) => signOut(trx, session, request.body?.everywhere ?? false));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );
}
