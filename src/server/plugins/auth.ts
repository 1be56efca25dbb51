import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  type AuthPolicy,
  resolveApiToken,
  resolveSession,
  type ResolvedSession,
} from '../../core/accounts/auth.service';
import { sameSecret } from '../../core/accounts/secrets';
import { anonymousViewer, hasRole, type Viewer } from '../../core/accounts/viewer';
import type { ErrorBody } from '../../core/common.schema';

/**
 * Who may call a route. Every /api route must declare one (checked when routes register, and by the
 * access-matrix test); finer rules — own nation, chair secretariat — are the services' first lines.
 */
export type Access = 'public' | 'signed-in' | 'admin';

export interface ApiRoute {
  method: string;
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api/v1 route and its access rule, as registered: the access-matrix test walks them. */
    apiRoutes: ApiRoute[];
  }
  interface FastifyContextConfig {
    access?: Access;
    /** Only for sign-in: it replaces whatever session the browser had, so it needs no CSRF token. */
    skipCsrf?: boolean;
  }
  interface FastifyRequest {
    viewer: Viewer;
    session: ResolvedSession | null;
  }
}

export const SESSION_COOKIE = 'ramstein_session';
export const CSRF_HEADER = 'x-csrf-token';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

const deny = (reply: FastifyReply, status: 401 | 403, body: ErrorBody) =>
  reply.code(status).send(body);

/** Cookie options: HttpOnly, SameSite=Strict, Secure whenever the request came over TLS. */
export const sessionCookieOptions = (request: FastifyRequest, expiresAt?: string) => ({
  httpOnly: true,
  sameSite: 'strict' as const,
  secure: request.protocol === 'https',
  path: '/',
  ...(expiresAt ? { expires: new Date(expiresAt) } : {}),
});

export async function registerAuth(app: FastifyInstance, policy: AuthPolicy): Promise<void> {
  await app.register(cookie);
  // Reference-type decorations start empty and are set per request (Fastify shares initial values).
  app.decorateRequest('viewer', null as unknown as Viewer);
  app.decorateRequest('session', null);
  app.addHook('onRequest', (request, _reply, done) => {
    request.viewer = anonymousViewer;
    done();
  });

  app.decorate('apiRoutes', [] as ApiRoute[]);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) return;
    const access = route.config?.access;
    if (access === undefined) {
      throw new Error(
        `Route ${String(route.method)} ${route.url} declares no access rule (config.access)`,
      );
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') app.apiRoutes.push({ method, url: route.url, access });
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    const access = request.routeOptions.config.access;
    if (access === undefined) return; // docs, health, static files
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
      const resolved = token ? await resolveApiToken(app.db, token) : null;
      if (!resolved) {
        return deny(reply, 401, {
          error: 'unauthenticated',
          message: 'The API token is unknown, expired or revoked',
          issues: [{ path: 'headers.authorization', message: 'is not a valid token' }],
        });
      }
      request.viewer = resolved.viewer;
      if (!safeMethods.has(request.method) && resolved.viewer.scope !== 'write') {
        return deny(reply, 403, {
          error: 'forbidden',
          message: 'This API token is read-only',
          issues: [{ path: 'headers.authorization', message: 'has read scope' }],
        });
      }
    } else {
      const token = request.cookies[SESSION_COOKIE];
      const session = token ? await resolveSession(app.db, token, policy) : null;
      if (token && !session) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      if (session) {
        request.viewer = session.viewer;
        request.session = session;
        // A cookie rides along on cross-site requests; the CSRF token, read by our own page, does not.
        const sent = request.headers[CSRF_HEADER];
        if (
          !safeMethods.has(request.method) &&
          request.routeOptions.config.skipCsrf !== true &&
          (typeof sent !== 'string' || !sameSecret(sent, session.csrfToken))
        ) {
          return deny(reply, 403, {
            error: 'forbidden',
            message: 'Missing or wrong CSRF token',
            issues: [
              {
                path: `headers.${CSRF_HEADER}`,
                message: 'must be the csrfToken of GET /api/v1/auth/session',
              },
            ],
          });
        }
      }
    }
    if (access === 'public') return;
    if (request.viewer.userId === null) {
      return deny(reply, 401, { error: 'unauthenticated', message: 'Sign in first', issues: [] });
    }
    if (access === 'admin' && !hasRole(request.viewer, 'admin')) {
      return deny(reply, 403, {
        error: 'forbidden',
        message: 'Only an admin may do this',
        issues: [],
      });
    }
  });
}
