import {
  capabilityAreaListSchema,
  capabilityGroupParamsSchema,
  coalitionListSchema,
  coalitionParamsSchema,
  coalitionSchema,
} from '../../core/capabilities/capability.schema';
import {
  getCoalition,
  listCapabilityAreas,
  listCoalitions,
} from '../../core/capabilities/capability.service';
import { errorSchema } from '../../core/common.schema';
import type { AppServer } from '../app';

export function capabilityRoutes(app: AppServer): void {
  app.get(
    '/groups/:slug/capability-areas',
    {
      config: { access: 'public' },
      schema: {
        tags: ['capabilities'],
        summary: "The group's capability areas in order, each with the coalitions serving it",
        params: capabilityGroupParamsSchema,
        response: { 200: capabilityAreaListSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    (request) => listCapabilityAreas(app.db, request.params.slug),
  );

  app.get(
    '/groups/:slug/coalitions',
    {
      config: { access: 'public' },
      schema: {
        tags: ['capabilities'],
        summary: 'Capability coalitions: area, lead and member nations, formed date, source',
        params: capabilityGroupParamsSchema,
        response: { 200: coalitionListSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    (request) => listCoalitions(app.db, request.params.slug),
  );

  app.get(
    '/coalitions/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['capabilities'],
        summary: 'One capability coalition',
        params: coalitionParamsSchema,
        response: { 200: coalitionSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    (request) => getCoalition(app.db, request.params.id),
  );
}
