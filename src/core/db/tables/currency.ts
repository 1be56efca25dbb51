/**
 * Euro reference rates: how many units of `currency` one euro buys on `date`. The rate is kept as the
 * decimal text the source published ('1.0938', '162.94'), never as a float, so arithmetic stays exact.
 */
export interface ExchangeRatesTable {
  /** ISO 4217 code of the quoted currency (never EUR: the euro is the base). */
  currency: string;
  /** The business day the rate was fixed, `YYYY-MM-DD`. */
  date: string;
  /** Units of `currency` per 1 EUR, as an exact decimal string with no trailing zeros. */
  units_per_eur: string;
  /** Who published it, e.g. `ECB eurofxref`. */
  source: string;
  imported_at: string;
}
