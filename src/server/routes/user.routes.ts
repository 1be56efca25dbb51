import {
  createUserSchema,
  updateUserSchema,
  userListSchema,
  userParamsSchema,
  userSchema,
} from '../../core/accounts/account.schema';
import { createUser, getUser, listUsers, updateUser } from '../../core/accounts/account.service';
import { errorSchema } from '../../core/common.schema';
import type { AppServer } from '../app';

/** Account administration: admins only. */
export function userRoutes(app: AppServer): void {
  app.get(
    '/users',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['accounts'],
        summary: 'Every account',
        response: { 200: userListSchema, 401: errorSchema, 403: errorSchema },
      },
    },
    (request) => listUsers(app.db, request.viewer),
  );

  app.post(
    '/users',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['accounts'],
        summary: 'Create an account',
        body: createUserSchema,
        response: {
          201: userSchema,
          400: errorSchema,
          401: errorSchema,
          403: errorSchema,
          409: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const user = await app.db
        .transaction()
        .execute((trx) => createUser(trx, request.viewer, request.body));
      return reply.code(201).send(user);
    },
  );

  app.get(
    '/users/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['accounts'],
        summary: 'One account',
        params: userParamsSchema,
        response: {
          200: userSchema,
          400: errorSchema,
          401: errorSchema,
          403: errorSchema,
          404: errorSchema,
        },
      },
    },
    (request) => getUser(app.db, request.viewer, request.params.id),
  );

  app.patch(
    '/users/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['accounts'],
        summary: 'Change roles, name, or disable an account (its sessions end at once)',
        params: userParamsSchema,
        body: updateUserSchema,
        response: {
          200: userSchema,
          400: errorSchema,
          401: errorSchema,
          403: errorSchema,
          404: errorSchema,
          409: errorSchema,
        },
      },
    },
    (request) =>
      app.db
        .transaction()
        .execute((trx) => updateUser(trx, request.viewer, request.params.id, request.body)),
  );
}
