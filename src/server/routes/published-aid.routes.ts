import { errorSchema } from '../../core/common.schema';
import {
  publishedAidDonorTotalsSchema,
  publishedAidFigureListSchema,
  publishedAidFigureQuerySchema,
  publishedAidMonthlyQuerySchema,
  publishedAidMonthlySchema,
  publishedAidPeriodQuerySchema,
} from '../../core/published-aid/published-aid.schema';
import {
  getPublishedAidMonthly,
  listPublishedAidDonorTotals,
  listPublishedAidFigures,
} from '../../core/published-aid/published-aid.service';
import type { AppServer } from '../app';

/** The Kiel Institute's published aid figures: public reference data, apart from the pledges. */
export function publishedAidRoutes(app: AppServer): void {
  app.get(
    '/published-aid/figures',
    {
      config: { access: 'public' },
      schema: {
        tags: ['published aid'],
        summary: "Headline figures of the Kiel Institute's Ukraine Support Tracker, as published",
        querystring: publishedAidFigureQuerySchema,
        response: { 200: publishedAidFigureListSchema, 400: errorSchema },
      },
    },
    (request) => listPublishedAidFigures(app.db, request.query),
  );

  app.get(
    '/published-aid/donors',
    {
      config: { access: 'public' },
      schema: {
        tags: ['published aid'],
        summary:
          "Each donor's tracked aid over a period (EUR billions, exact), with its GDP and % of GDP",
        querystring: publishedAidPeriodQuerySchema,
        response: { 200: publishedAidDonorTotalsSchema, 400: errorSchema },
      },
    },
    (request) => listPublishedAidDonorTotals(app.db, request.query),
  );

  app.get(
    '/published-aid/monthly',
    {
      config: { access: 'public' },
      schema: {
        tags: ['published aid'],
        summary: "One donor's tracked aid month by month (EUR billions, exact)",
        querystring: publishedAidMonthlyQuerySchema,
        response: { 200: publishedAidMonthlySchema, 400: errorSchema, 404: errorSchema },
      },
    },
    (request) => getPublishedAidMonthly(app.db, request.query),
  );
}
