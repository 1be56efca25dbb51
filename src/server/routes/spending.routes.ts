import { errorSchema } from '../../core/common.schema';
import { getBurdenSharing } from '../../core/spending/burden-sharing.service';
import {
  burdenSharingParamsSchema,
  burdenSharingQuerySchema,
  burdenSharingSchema,
  nationSpendingParamsSchema,
  nationSpendingQuerySchema,
  nationSpendingSchema,
  spendingFigurePageSchema,
  spendingFigureQuerySchema,
  spendingLeagueQuerySchema,
  spendingLeagueSchema,
  spendingProjectionQuerySchema,
  spendingProjectionSchema,
  spendingReleaseListSchema,
  spendingTargetListSchema,
  spendingTargetParamsSchema,
  spendingTargetQuerySchema,
  spendingTargetSchema,
} from '../../core/spending/spending.schema';
import { getSpendingLeague } from '../../core/spending/spending-league.service';
import { getSpendingProjection } from '../../core/spending/spending-projection.service';
import {
  getNationSpending,
  getSpendingTarget,
  listSpendingFigures,
  listSpendingReleases,
  listSpendingTargets,
} from '../../core/spending/spending.service';
import type { AppServer } from '../app';

/**
 * Defence spending against targets: public reference data (figures and targets) and the analysis over
 * it. Burden sharing also reads the ledger, through the viewer's releasability.
 */
export function spendingRoutes(app: AppServer): void {
  app.get(
    '/spending/figures',
    {
      config: { access: 'public' },
      schema: {
        tags: ['spending'],
        summary:
          'Defence expenditure figures: the current one of each nation and year, or every release with history=true',
        querystring: spendingFigureQuerySchema,
        response: { 200: spendingFigurePageSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    (request) => listSpendingFigures(app.db, request.query),
  );

  app.get(
    '/spending/releases',
    {
      config: { access: 'public' },
      schema: {
        tags: ['spending'],
        summary: 'The releases the figures come from, newest first, with what each gave',
        response: { 200: spendingReleaseListSchema },
      },
    },
    () => listSpendingReleases(app.db),
  );

  app.get(
    '/spending/targets',
    {
      config: { access: 'public' },
      schema: {
        tags: ['spending'],
        summary:
          'Spending targets: alliance-wide, national and called for, with what supersedes what',
        querystring: spendingTargetQuerySchema,
        response: { 200: spendingTargetListSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    (request) => listSpendingTargets(app.db, request.query),
  );

  app.get(
    '/spending/targets/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['spending'],
        summary: 'One spending target',
        params: spendingTargetParamsSchema,
        response: { 200: spendingTargetSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    (request) => getSpendingTarget(app.db, request.params.id),
  );

  app.get(
    '/spending/nations/:code',
    {
      config: { access: 'public' },
      schema: {
        tags: ['spending'],
        summary:
          "A nation's series since 2014 and every target that applies: gap, money gap, growth needed",
        params: nationSpendingParamsSchema,
        querystring: nationSpendingQuerySchema,
        response: { 200: nationSpendingSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    (request) => getNationSpending(app.db, request.params.code, request.query),
  );

  app.get(
    '/spending/league',
    {
      config: { access: 'public' },
      schema: {
        tags: ['spending'],
        summary:
          "A year's league of allies against a target, how many meet each target, the total gap",
        querystring: spendingLeagueQuerySchema,
        response: { 200: spendingLeagueSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    (request) => getSpendingLeague(app.db, request.query),
  );

  app.get(
    '/spending/projection',
    {
      config: { access: 'public' },
      schema: {
        tags: ['spending'],
        summary: "A nation's share of GDP projected under a scenario, with its band",
        querystring: spendingProjectionQuerySchema,
        response: { 200: spendingProjectionSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    (request) => getSpendingProjection(app.db, request.query),
  );

  app.get(
    '/groups/:slug/burden-sharing',
    {
      config: { access: 'public' },
      schema: {
        tags: ['spending'],
        summary:
          "Each member's support to the recipient (pledged, delivered) next to its defence spending, as % of GDP",
        params: burdenSharingParamsSchema,
        querystring: burdenSharingQuerySchema,
        response: { 200: burdenSharingSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    (request) => getBurdenSharing(app.db, request.viewer, request.params.slug, request.query),
  );
}
