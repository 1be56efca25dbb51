import helmet from '@fastify/helmet';
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
import type { Config, DatabaseKind } from '../core/config';
import type { Connection } from '../core/db/connect';
import type { Database } from '../core/db/database';
import { answerFrameworkError, registerErrorHandling } from './plugins/errors';
import { registerOpenApi } from './plugins/openapi';
import { registerWeb } from './plugins/web';
import { eventRoutes } from './routes/event.routes';
import { groupRoutes } from './routes/group.routes';
import { healthRoutes } from './routes/health.routes';
import { meetingRoutes } from './routes/meeting.routes';
import { nationRoutes } from './routes/nation.routes';

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>;
    dbKind: DatabaseKind;
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

  registerErrorHandling(app);
  await app.register(helmet, {
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
  await registerOpenApi(app, version);

  healthRoutes(app);
  await app.register(
    (api: AppServer) => {
      groupRoutes(api);
      meetingRoutes(api);
      nationRoutes(api);
      eventRoutes(api);
    },
    { prefix: '/api/v1' },
  );
  await registerWeb(app, config.RAMSTEIN_WEB_DIR);
  return app;
}
