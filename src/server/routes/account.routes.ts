import { z } from 'zod';
import {
  apiTokenListSchema,
  apiTokenParamsSchema,
  apiTokenSchema,
  changePasswordSchema,
  createApiTokenSchema,
  createdApiTokenSchema,
} from '../../core/accounts/account.schema';
import { changeOwnPassword } from '../../core/accounts/account.service';
import { createApiToken, listOwnApiTokens, revokeApiToken } from '../../core/accounts/auth.service';
import { errorSchema } from '../../core/common.schema';
import type { AppServer } from '../app';

/** The signed-in user's own account: password and API tokens. */
export function accountRoutes(app: AppServer): void {
  app.put(
    '/account/password',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['accounts'],
        summary: 'Change your password; your other sessions end',
        body: changePasswordSchema,
        response: { 204: z.null(), 400: errorSchema, 401: errorSchema },
      },
    },
    async (request, reply) => {
      await app.db
        .transaction()
        .execute((trx) =>
          changeOwnPassword(trx, request.viewer, request.body, request.session?.sessionId),
        );
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/account/tokens',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['accounts'],
        summary: 'Your API tokens (never their secrets)',
        response: { 200: apiTokenListSchema, 401: errorSchema },
      },
    },
    async (request) => ({ items: await listOwnApiTokens(app.db, request.viewer) }),
  );

  app.post(
    '/account/tokens',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['accounts'],
        summary: 'Create an API token for yourself; the secret is shown once',
        body: createApiTokenSchema,
        response: {
          201: createdApiTokenSchema,
          400: errorSchema,
          401: errorSchema,
          403: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const created = await app.db
        .transaction()
        .execute((trx) => createApiToken(trx, request.viewer, request.body));
      return reply.code(201).send(created);
    },
  );

  app.delete(
    '/account/tokens/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['accounts'],
        summary: 'Revoke one of your API tokens',
        params: apiTokenParamsSchema,
        response: { 200: apiTokenSchema, 400: errorSchema, 401: errorSchema, 404: errorSchema },
      },
    },
    (request) =>
      app.db.transaction().execute((trx) => revokeApiToken(trx, request.viewer, request.params.id)),
  );
}
