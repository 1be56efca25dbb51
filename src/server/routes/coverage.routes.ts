import { errorSchema } from '../../core/common.schema';
import {
  areaCoverageListSchema,
  channelTotalsListSchema,
  coalitionCoverageListSchema,
  donorTotalsListSchema,
  ledgerGroupParamsSchema,
  ledgerSearchQuerySchema,
  ledgerSearchResultSchema,
  requirementCoveragePageSchema,
  requirementCoverageQuerySchema,
  timelineSchema,
} from '../../core/coverage/coverage.schema';
import {
  areaCoverage,
  channelTotals,
  coalitionCoverage,
  donorTotals,
  requirementCoverage,
  searchLedger,
  timeline,
} from '../../core/coverage/coverage.service';
import type { AppServer } from '../app';

const errors = { 400: errorSchema, 404: errorSchema };

/** The ledger's analysis: every figure over what the viewer may read only. */
export function coverageRoutes(app: AppServer): void {
  app.get(
    '/groups/:slug/coverage/requirements',
    {
      config: { access: 'public' },
      schema: {
        tags: ['coverage'],
        summary:
          'Coverage and gap per requirement: needed, pledged, contracted, delivered, overdue',
        params: ledgerGroupParamsSchema,
        querystring: requirementCoverageQuerySchema,
        response: { 200: requirementCoveragePageSchema, ...errors },
      },
    },
    (request) => requirementCoverage(app.db, request.viewer, request.params.slug, request.query),
  );

  app.get(
    '/groups/:slug/coverage/areas',
    {
      config: { access: 'public' },
      schema: {
        tags: ['coverage'],
        summary: 'Coverage and gaps per capability area, quantities per unit and value',
        params: ledgerGroupParamsSchema,
        response: { 200: areaCoverageListSchema, ...errors },
      },
    },
    (request) => areaCoverage(app.db, request.viewer, request.params.slug),
  );

  app.get(
    '/groups/:slug/coverage/coalitions',
    {
      config: { access: 'public' },
      schema: {
        tags: ['coverage'],
        summary: 'Coverage and gaps per capability coalition',
        params: ledgerGroupParamsSchema,
        response: { 200: coalitionCoverageListSchema, ...errors },
      },
    },
    (request) => coalitionCoverage(app.db, request.viewer, request.params.slug),
  );

  app.get(
    '/groups/:slug/donors',
    {
      config: { access: 'public' },
      schema: {
        tags: ['coverage'],
        summary: "Totals by funding nation, share of the group's total and % of GDP",
        params: ledgerGroupParamsSchema,
        response: { 200: donorTotalsListSchema, ...errors },
      },
    },
    (request) => donorTotals(app.db, request.viewer, request.params.slug),
  );

  app.get(
    '/groups/:slug/channels',
    {
      config: { access: 'public' },
      schema: {
        tags: ['coverage'],
        summary: 'The same pledges by the channel that carries them, with their funders',
        params: ledgerGroupParamsSchema,
        response: { 200: channelTotalsListSchema, ...errors },
      },
    },
    (request) => channelTotals(app.db, request.viewer, request.params.slug),
  );

  app.get(
    '/groups/:slug/timeline',
    {
      config: { access: 'public' },
      schema: {
        tags: ['coverage'],
        summary: 'Pledges by meeting (what each meeting produced) and cumulative by month',
        params: ledgerGroupParamsSchema,
        response: { 200: timelineSchema, ...errors },
      },
    },
    (request) => timeline(app.db, request.viewer, request.params.slug),
  );

  app.get(
    '/groups/:slug/ledger/search',
    {
      config: { access: 'public' },
      schema: {
        tags: ['coverage'],
        summary: 'Search requirements and pledges by item, specification, nation or text',
        params: ledgerGroupParamsSchema,
        querystring: ledgerSearchQuerySchema,
        response: { 200: ledgerSearchResultSchema, ...errors },
      },
    },
    (request) => searchLedger(app.db, request.viewer, request.params.slug, request.query),
  );
}
