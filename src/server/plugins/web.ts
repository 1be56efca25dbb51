import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { notFoundBody } from './errors';

/**
 * Serves the built single-page app, and index.html for any page route so deep links work.
 * /api paths never fall through to the app: an unknown API route is a JSON 404.
 */
export async function registerWeb(app: FastifyInstance, webDir: string): Promise<void> {
  const root = resolve(webDir);
  const built = existsSync(resolve(root, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, { root, wildcard: false, index: false });
  }
  app.setNotFoundHandler((request, reply) => {
    const isApi =
      request.url.startsWith('/api') ||
      request.url.startsWith('/healthz') ||
      request.url.startsWith('/readyz');
    if (built && !isApi && request.method === 'GET') {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.code(404).send(notFoundBody(request.method, request.url));
  });
}
