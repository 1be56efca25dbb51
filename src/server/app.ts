import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { AuthPolicy } from '../core/accounts/auth.service';
import type { Config, DatabaseKind } from '../core/config';
import type { Connection } from '../core/db/connect';
import type { Database } from '../core/db/database';
import { registerAuth } from './plugins/auth';
import { registerHandoverClock } from './plugins/handover-clock';
import { registerLive } from './plugins/live';
import { answerFrameworkError, registerErrorHandling } from './plugins/errors';
import { registerOpenApi } from './plugins/openapi';
import { registerWeb } from './plugins/web';
import { accountRoutes } from './routes/account.routes';
import { auditRoutes } from './routes/audit.routes';
import { authRoutes } from './routes/auth.routes';
import { capabilityRoutes } from './routes/capability.routes';
import { chairHandoverRoutes } from './routes/chair-handover.routes';
import { coverageRoutes } from './routes/coverage.routes';
import { documentRoutes } from './routes/document.routes';
import { eventRoutes } from './routes/event.routes';
import { exchangeRateRoutes } from './routes/exchange-rate.routes';
import { groupRoutes } from './routes/group.routes';
import { healthRoutes } from './routes/health.routes';
import { iatiRoutes } from './routes/iati.routes';
import { initiativeRoutes } from './routes/initiative.routes';
import { liveRoutes } from './routes/live.routes';
import { ledgerExportRoutes } from './routes/ledger-export.routes';
import { ledgerImportRoutes } from './routes/ledger-import.routes';
import { calendarRoutes } from './routes/calendar.routes';
import { meetingCycleRoutes } from './routes/meeting-cycle.routes';
import { meetingRecordRoutes } from './routes/meeting-record.routes';
import { meetingTextRoutes } from './routes/meeting-text.routes';
import { meetingRoutes } from './routes/meeting.routes';
import { nationRoutes } from './routes/nation.routes';
import { oidcRoutes } from './routes/oidc.routes';
import { publishedAidRoutes } from './routes/published-aid.routes';
import { pledgeRoutes } from './routes/pledge.routes';
import { requirementRoutes } from './routes/requirement.routes';
import { spendingRoutes } from './routes/spending.routes';
import { userRoutes } from './routes/user.routes';

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>;
    dbKind: DatabaseKind;
    authPolicy: AuthPolicy;
  }
}

/** The Fastify instance with Zod schemas as its type provider: what every routes file receives. */
export type AppServer = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface AppOptions {
  config: Config;
  connection: Connection;
  version?: string;
}

/** Builds the whole application without listening, so tests drive it through `app.inject`. */
export async function buildApp({
  config,
  connection,
  version = '0.1.0',
}: AppOptions): Promise<AppServer> {
  const app = Fastify({
    logger: config.LOG_LEVEL === 'silent' ? false : { level: config.LOG_LEVEL },
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
    // Errors Fastify raises before routing (a URL that is not valid percent-encoding) get our body too.
    frameworkErrors: answerFrameworkError,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', connection.db);
  app.decorate('dbKind', connection.kind);
  app.decorate('authPolicy', {
    sessionIdleMinutes: config.SESSION_IDLE_MINUTES,
    sessionMaxHours: config.SESSION_MAX_HOURS,
    maxFailedSignIns: config.SIGN_IN_MAX_FAILURES,
    lockoutMinutes: config.SIGN_IN_LOCKOUT_MINUTES,
  });

  registerErrorHandling(app);
  // Helmet's security headers on every answer. Its middleware is made once here: @fastify/helmet made
  // it anew for each request, parsing the policy every time (a tenth of a small answer's cost).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Mantine writes its theme variables into a <style> element.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
      },
    },
  });
  app.addHook('onRequest', (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, (error?: unknown) => {
      done(error instanceof Error ? error : undefined);
    });
  });
  // Rate limits apply only where a route asks (sign-in); per client address, per node.
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({
      statusCode: context.statusCode,
      message: `Too many attempts; try again in ${context.after}`,
    }),
  });
  // Before auth: a chair handover whose day has come takes effect before this request's viewer is built.
  registerHandoverClock(app);
  await registerAuth(app, app.authPolicy);
  await registerLive(app, { kind: connection.kind, databaseUrl: config.DATABASE_URL });
  await registerOpenApi(app, version);

  healthRoutes(app);
  await app.register(
    (api: AppServer) => {
      authRoutes(api, {
        signInRatePerMinute: config.SIGN_IN_RATE_PER_MINUTE,
        oidcEnabled: config.OIDC_ISSUER !== undefined,
      });
      oidcRoutes(api, config);
      accountRoutes(api);
      userRoutes(api);
      auditRoutes(api);
      groupRoutes(api);
      meetingRoutes(api);
      meetingCycleRoutes(api);
      meetingRecordRoutes(api);
      meetingTextRoutes(api);
      calendarRoutes(api);
      nationRoutes(api);
      eventRoutes(api);
      documentRoutes(api);
      exchangeRateRoutes(api);
      capabilityRoutes(api);
      publishedAidRoutes(api);
      requirementRoutes(api);
      pledgeRoutes(api);
      iatiRoutes(api);
      coverageRoutes(api);
      ledgerImportRoutes(api);
      ledgerExportRoutes(api);
      chairHandoverRoutes(api);
      initiativeRoutes(api);
      liveRoutes(api);
      spendingRoutes(api);
    },
    { prefix: '/api/v1' },
  );
  await registerWeb(app, config.RAMSTEIN_WEB_DIR);
  return app;
}
