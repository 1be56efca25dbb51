import { z } from 'zod';
import { errorSchema, slug } from '../../core/common.schema';
import { exportIati } from '../../core/iati/iati.service';
import { iatiQuerySchema } from '../../core/iati/iati.schema';
import type { AppServer } from '../app';

const iatiParamsSchema = z.strictObject({ slug });

/** Pledges as IATI 2.03 activity XML (docs/iati.md): public, and filtered by markings like any read. */
export function iatiRoutes(app: AppServer): void {
  app.get(
    '/groups/:slug/pledges/iati.xml',
    {
      config: { access: 'public' },
      schema: {
        tags: ['pledges'],
        summary:
          'The pledges releasable to you as an IATI 2.03 activity file (anonymous: PUBLIC only)',
        params: iatiParamsSchema,
        querystring: iatiQuerySchema,
        response: { 200: z.string(), 400: errorSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const xml = await exportIati(app.db, request.viewer, request.params.slug, request.query);
      return reply
        .type('application/xml; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="${request.params.slug}-pledges-iati.xml"`,
        )
        .send(xml);
    },
  );
}
