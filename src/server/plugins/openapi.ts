import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/** OpenAPI 3.1 generated from the routes' Zod schemas; served as JSON and as browsable docs. */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Ramstein API',
        version,
        description:
          'Coordination platform of a multinational defence contact group. Errors answer ' +
          '`{ error, message, issues: [{ path, message }] }` with 400, 404, 409 or 503.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'ramstein_session' },
          token: {
            type: 'http',
            scheme: 'bearer',
            description: 'An API token (rst_...) from /account/tokens',
          },
        },
      },
      tags: [
        { name: 'groups', description: 'Contact groups, members and chair' },
        { name: 'meetings', description: 'Meetings of a group' },
        { name: 'nations', description: 'ISO 3166-1 nations and organisations' },
        { name: 'events', description: 'NATO ministerials, summits, conferences' },
        {
          name: 'documents',
          description: 'Papers tabled in a group, each with its releasability marking',
        },
        {
          name: 'accounts',
          description: 'Sign-in, sessions, API tokens and account administration',
        },
        { name: 'audit', description: 'The hash-chained audit trail' },
        { name: 'health', description: 'Liveness and readiness' },
      ],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
}
