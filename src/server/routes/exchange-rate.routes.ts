import { errorSchema } from '../../core/common.schema';
import {
  conversionSchema,
  convertQuerySchema,
  exchangeRateListQuerySchema,
  exchangeRatePageSchema,
} from '../../core/currency/exchange-rate.schema';
import { browseExchangeRates, convertAmount } from '../../core/currency/exchange-rate.service';
import type { AppServer } from '../app';

export function exchangeRateRoutes(app: AppServer): void {
  app.get(
    '/exchange-rates',
    {
      config: { access: 'public' },
      schema: {
        tags: ['exchange rates'],
        summary: 'Euro reference rates (units of a currency per 1 EUR), newest first',
        querystring: exchangeRateListQuerySchema,
        response: { 200: exchangeRatePageSchema, 400: errorSchema },
      },
    },
    (request) => browseExchangeRates(app.db, request.query),
  );

  app.get(
    '/exchange-rates/convert',
    {
      config: { access: 'public' },
      schema: {
        tags: ['exchange rates'],
        summary:
          'Convert an amount through the euro at the rates of a day (or the last business day before it)',
        querystring: convertQuerySchema,
        response: { 200: conversionSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    (request) => convertAmount(app.db, request.query),
  );
}
