import { errorSchema } from '../../core/common.schema';
import { getChair } from '../../core/chair/chair.service';
import { chairSchema } from '../../core/chair/chair-term.schema';
import {
  groupListSchema,
  groupParamsSchema,
  groupSchema,
  memberListQuerySchema,
  memberListSchema,
} from '../../core/groups/group.schema';
import { getGroup, listGroups, listMembers } from '../../core/groups/group.service';
import type { AppServer } from '../app';

export function groupRoutes(app: AppServer): void {
  app.get(
    '/groups',
    {
      config: { access: 'public' },
      schema: { tags: ['groups'], summary: 'Contact groups', response: { 200: groupListSchema } },
    },
    async () => ({ items: await listGroups(app.db) }),
  );

  app.get(
    '/groups/:slug',
    {
      config: { access: 'public' },
      schema: {
        tags: ['groups'],
        summary: 'One contact group',
        params: groupParamsSchema,
        response: { 200: groupSchema, 404: errorSchema },
      },
    },
    (request) => getGroup(app.db, request.params.slug),
  );

  app.get(
    '/groups/:slug/members',
    {
      config: { access: 'public' },
      schema: {
        tags: ['groups'],
        summary: "A group's members, observers and recipient",
        params: groupParamsSchema,
        querystring: memberListQuerySchema,
        response: { 200: memberListSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    (request) => listMembers(app.db, request.params.slug, request.query),
  );

  app.get(
    '/groups/:slug/chair',
    {
      config: { access: 'public' },
      schema: {
        tags: ['groups'],
        summary: 'The chair today and every term before it',
        params: groupParamsSchema,
        response: { 200: chairSchema, 404: errorSchema },
      },
    },
    (request) => getChair(app.db, request.params.slug),
  );
}
