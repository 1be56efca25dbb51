import type { Decimal } from '../money';
import { findFixingOnOrBefore } from '../currency/exchange-rate.repository';
import type { ExchangeRateRow } from '../currency/exchange-rate.repository';
import type { Db } from '../db/database';
import { gdpByNation } from '../published-aid/published-aid.service';
import { decimal, divideDecimal, fixedText, multiplyDecimal, roundDecimal } from './spending';
import type { FigureRow } from './spending.repository';
import type { moneyGapSchema } from './spending.schema';
import type { z } from 'zod';

type MoneyGap = z.infer<typeof moneyGapSchema>;
type GdpUsed = MoneyGap['gdp'];

export interface GapPricer {
  /** GDP × gap for the figure's nation, in EUR and USD, saying which GDP and rate it used; null without a GDP. */
  price(figure: FigureRow, gapPp: Decimal): Promise<MoneyGap | null>;
}

/**
 * Prices gaps for the given nations. The GDP is the one the figure's own release gives when it gives
 * one (USD), else the Kiel Institute's GDP of the nation (EUR, one figure for all years: said in the
 * answer). The other currency comes from the ECB rate of the last fixing on or before 31 December of
 * the figure's year. Rates are read once per year asked.
 */
export async function gapPricer(db: Db, nations: readonly string[]): Promise<GapPricer> {
  const kiel = await gdpByNation(db, nations);
  const rates = new Map<number, ExchangeRateRow | null>();
  const usdRate = async (year: number) => {
    if (!rates.has(year)) {
      const fixing = await findFixingOnOrBefore(db, ['USD'], `${year}-12-31`);
      rates.set(year, fixing?.[0] ?? null);
    }
    return rates.get(year) ?? null;
  };

  return {
    async price(figure, gapPp) {
      const published = kiel.get(figure.nation_code);
      const gdp: GdpUsed | null =
        figure.gdp_usd_billion !== null
          ? {
              amount: figure.gdp_usd_billion,
              currency: 'USD',
              unit: 'billion',
              basis: 'release',
              source: `${figure.release}: GDP ${figure.year}`,
            }
          : published
            ? {
                amount: published.amount,
                currency: 'EUR',
                unit: 'billion',
                basis: 'published_aid',
                source: `${published.source} (one GDP for every year, not ${figure.year}'s own)`,
              }
            : null;
      if (gdp === null) return null;
      // GDP × gap / 100, exactly; each currency is rounded once, to the million.
      const exact = multiplyDecimal(decimal(gdp.amount), {
        coefficient: gapPp.coefficient,
        scale: gapPp.scale + 2,
      });
      const native = {
        amount: fixedText(exact, 3),
        currency: gdp.currency,
        unit: 'billion' as const,
      };
      const rate = await usdRate(figure.year);
      if (rate === null) {
        return {
          eur: gdp.currency === 'EUR' ? native : null,
          usd: gdp.currency === 'USD' ? native : null,
          gdp,
          rateUsed: null,
          note: `No ECB rate for USD on or before ${figure.year}-12-31: import the ECB rates (ramstein import rates)`,
        };
      }
      const perEur = decimal(rate.units_per_eur);
      const leg = { currency: 'USD', unitsPerEur: rate.units_per_eur, date: rate.date };
      if (gdp.currency === 'EUR') {
        return {
          eur: native,
          usd: {
            amount: fixedText(multiplyDecimal(exact, perEur), 3),
            currency: 'USD',
            unit: 'billion',
          },
          gdp,
          rateUsed: {
            from: 'EUR',
            to: 'USD',
            rate: rate.units_per_eur,
            date: rate.date,
            source: rate.source,
            legs: [leg],
          },
          note: null,
        };
      }
      return {
        eur: {
          amount: fixedText(divideDecimal(exact, perEur, 3), 3),
          currency: 'EUR',
          unit: 'billion',
        },
        usd: native,
        gdp,
        rateUsed: {
          from: 'USD',
          to: 'EUR',
          rate: fixedText(
            roundDecimal(divideDecimal({ coefficient: 1n, scale: 0 }, perEur, 10), 10),
            10,
          ),
          date: rate.date,
          source: rate.source,
          legs: [leg],
        },
        note: null,
      };
    },
  };
}
