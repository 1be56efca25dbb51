import type { SourceColumns } from './reference';

/**
 * One defence-expenditure figure of one nation for one year, as one release published it. NATO revises
 * past years in every release, so the same nation and year appear once per release: every release is
 * kept, and the latest release that states a share of GDP is the figure shown by default.
 * Percentages and amounts are exact decimal text as published, never floats.
 */
export interface SpendingFiguresTable extends SourceColumns {
  id: string;
  nation_code: string;
  year: number;
  /** The release as named by its publisher: '2025-04 (NATO Secretary General Annual Report 2024)'. */
  release: string;
  /** The publication date read from the release name: YYYY-MM or YYYY-MM-DD (sorts as text). */
  release_date: string;
  /** Defence expenditure as % of GDP: '2.33'. */
  pct_gdp: string | null;
  /** Defence expenditure in million US dollars (current prices). */
  usd_million: string | null;
  /** Defence expenditure in million units of the national currency, and that currency (ISO 4217). */
  national_million: string | null;
  national_currency: string | null;
  /** GDP in billion US dollars, as the release gives it. */
  gdp_usd_billion: string | null;
  /** 1 when the release marks the figure as an estimate (NATO's "e"), else 0. */
  estimate: number;
  notes: string | null;
  /** The file the figure was loaded from: the reference CSV or an imported table. */
  loaded_from: string;
  loaded_at: string;
}

/**
 * A defence-spending target: alliance-wide (NATO's 2 %, the Hague 5 %), national (the UK's 2.5 % by
 * 2027) or a nation's public call on the alliance (the US call for 5 %). Public reference data.
 */
export interface SpendingTargetsTable extends SourceColumns {
  /** The published key, e.g. GBR_2_5_APR2027: stable, and the id the API uses. */
  id: string;
  /** `alliance`, `national` or `call`. */
  kind: string;
  /** The nation that pledged (national) or called (call); null for the alliance. */
  nation_code: string | null;
  /** As published: YYYY, YYYY-MM or YYYY-MM-DD. */
  announced_on: string;
  announced_by: string;
  /** The year the level is to be reached, when the source states one. */
  deadline_year: number | null;
  /** The deadline as published ('2027', 'next parliament (c.2029-2034)'). */
  deadline: string | null;
  /** The level in % of GDP: '3.5'; null for a target that states none. */
  pct_gdp: string | null;
  /** What the level measures: `defence` is comparable with NATO's figures (see spending-target.ts). */
  measure: string;
  description: string;
  /** The target this one replaces, and the target this one is a component of. */
  supersedes_id: string | null;
  part_of_id: string | null;
}
