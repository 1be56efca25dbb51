import { z } from 'zod';
import { errorSchema } from '../../core/common.schema';
import {
  createDeliverySchema,
  createPledgeSchema,
  createPriceListItemSchema,
  deliveryParamsSchema,
  pledgeDetailSchema,
  pledgeListQuerySchema,
  pledgePageSchema,
  pledgeParamsSchema,
  priceListItemSchema,
  priceListSchema,
  scheduleInputSchema,
  transitionPledgeSchema,
  updatePledgeSchema,
} from '../../core/pledges/pledge.schema';
import {
  confirmDelivery,
  createPledge,
  getPledge,
  listPledges,
  recordDelivery,
  setSchedule,
  transitionPledge,
  updatePledge,
} from '../../core/pledges/pledge.service';
import { addPriceListItem, listPriceList } from '../../core/pledges/price-list.service';
import { slug } from '../../core/common.schema';
import type { AppServer } from '../app';
import { writeErrors } from './error-responses';

const groupParamsSchema = z.strictObject({ slug });

/**
 * Donors' pledges, their schedule and deliveries. Read by anyone the marking releases them to; a
 * nation's coordinators write its own, the recipient confirms deliveries.
 */
export function pledgeRoutes(app: AppServer): void {
  app.get(
    '/groups/:slug/pledges',
    {
      config: { access: 'public' },
      schema: {
        tags: ['pledges'],
        summary: 'The pledges releasable to you: filter, sort, page',
        params: groupParamsSchema,
        querystring: pledgeListQuerySchema,
        response: { 200: pledgePageSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    (request) => listPledges(app.db, request.viewer, request.params.slug, request.query),
  );

  app.post(
    '/groups/:slug/pledges',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['pledges'],
        summary: 'Record a pledge of your nation (the secretariat: of any donor)',
        params: groupParamsSchema,
        body: createPledgeSchema,
        response: { 201: pledgeDetailSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const pledge = await app.db
        .transaction()
        .execute((trx) => createPledge(trx, request.viewer, request.params.slug, request.body));
      return reply.code(201).send(pledge);
    },
  );

  app.get(
    '/pledges/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['pledges'],
        summary: 'One pledge with its status history, schedule and deliveries',
        params: pledgeParamsSchema,
        response: { 200: pledgeDetailSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    (request) => getPledge(app.db, request.viewer, request.params.id),
  );

  app.patch(
    '/pledges/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['pledges'],
        summary: 'Edit a pledge (409 with the current one if your version is stale)',
        params: pledgeParamsSchema,
        body: updatePledgeSchema,
        response: { 200: pledgeDetailSchema, ...writeErrors },
      },
    },
    (request) =>
      app.db
        .transaction()
        .execute((trx) => updatePledge(trx, request.viewer, request.params.id, request.body)),
  );

  app.post(
    '/pledges/:id/status',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['pledges'],
        summary: 'Move a pledge to its next status (only legal transitions, dated)',
        params: pledgeParamsSchema,
        body: transitionPledgeSchema,
        response: { 200: pledgeDetailSchema, ...writeErrors },
      },
    },
    (request) =>
      app.db
        .transaction()
        .execute((trx) => transitionPledge(trx, request.viewer, request.params.id, request.body)),
  );

  app.put(
    '/pledges/:id/schedule',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['pledges'],
        summary: 'Replace the planned delivery tranches',
        params: pledgeParamsSchema,
        body: scheduleInputSchema,
        response: { 200: pledgeDetailSchema, ...writeErrors },
      },
    },
    (request) =>
      app.db
        .transaction()
        .execute((trx) => setSchedule(trx, request.viewer, request.params.id, request.body)),
  );

  app.post(
    '/pledges/:id/deliveries',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['pledges'],
        summary: 'Record a delivery against a pledge (never more than is left, never before it)',
        params: pledgeParamsSchema,
        body: createDeliverySchema,
        response: { 201: pledgeDetailSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const pledge = await app.db
        .transaction()
        .execute((trx) => recordDelivery(trx, request.viewer, request.params.id, request.body));
      return reply.code(201).send(pledge);
    },
  );

  app.post(
    '/deliveries/:id/confirm',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['pledges'],
        summary: 'Confirm that a delivery arrived (the recipient)',
        params: deliveryParamsSchema,
        response: { 200: pledgeDetailSchema, ...writeErrors },
      },
    },
    (request) =>
      app.db
        .transaction()
        .execute((trx) => confirmDelivery(trx, request.viewer, request.params.id)),
  );

  app.get(
    '/groups/:slug/prices',
    {
      config: { access: 'public' },
      schema: {
        tags: ['pledges'],
        summary: "The group's price list, which values in-kind pledges reported without a value",
        params: groupParamsSchema,
        response: { 200: priceListSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    (request) => listPriceList(app.db, request.params.slug),
  );

  app.post(
    '/groups/:slug/prices',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['pledges'],
        summary: 'Add a price (the chair secretariat)',
        params: groupParamsSchema,
        body: createPriceListItemSchema,
        response: { 201: priceListItemSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const price = await app.db
        .transaction()
        .execute((trx) => addPriceListItem(trx, request.viewer, request.params.slug, request.body));
      return reply.code(201).send(price);
    },
  );
}
