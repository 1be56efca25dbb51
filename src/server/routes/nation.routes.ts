import { errorSchema } from '../../core/common.schema';
import {
  nationDetailSchema,
  nationListQuerySchema,
  nationPageSchema,
  nationParamsSchema,
} from '../../core/nations/nation.schema';
import { browseNations, getNation } from '../../core/nations/nation.service';
import type { AppServer } from '../app';

export function nationRoutes(app: AppServer): void {
  app.get(
    '/nations',
    {
      config: { access: 'public' },
      schema: {
        tags: ['nations'],
        summary: 'Nations (ISO 3166-1 alpha-3) and organisations',
        querystring: nationListQuerySchema,
        response: { 200: nationPageSchema, 400: errorSchema },
      },
    },
    (request) => browseNations(app.db, request.query),
  );

  app.get(
    '/nations/:code',
    {
      config: { access: 'public' },
      schema: {
        tags: ['nations'],
        summary: 'One nation and the groups it takes part in',
        params: nationParamsSchema,
        response: { 200: nationDetailSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    (request) => getNation(app.db, request.params.code),
  );
}
