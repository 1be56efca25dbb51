import type { MarkingColumns } from './markings';
import type { SourceColumns } from './reference';

// The support ledger. Quantities and money (integer minor units) are bigint columns read as numbers:
// exact up to 2^53, which is EUR 90 trillion in cents, far beyond any total this ledger will hold.

interface Authored {
  created_by: string;
  created_at: string;
  updated_at: string;
  version: number;
}

/** A recipient's need: what, how many, how urgent. */
export interface RequirementsTable extends MarkingColumns, SourceColumns, Authored {
  id: string;
  group_id: string;
  capability_area_id: string;
  item: string;
  /** Calibre or system family, so that 155 mm NATO and 152 mm are never confused; '' when none. */
  specification: string;
  quantity: number;
  unit: string;
  /** 1 = most urgent; unique among a group's requirements. */
  priority: number;
  needed_by: string | null;
  /** open, partly_met, met or withdrawn. */
  status: string;
  note: string | null;
  /** The recipient nation that published it. */
  origin_nation: string;
  /** The id in the file it was imported from: re-importing the same file changes nothing. */
  external_id: string | null;
}

export interface RequirementPriorityChangesTable {
  id: string;
  requirement_id: string;
  from_priority: number | null;
  to_priority: number;
  reason: string | null;
  changed_by: string;
  changed_at: string;
}

/** The group's reference price per item, which values in-kind pledges reported without a value. */
export interface PriceListItemsTable extends SourceColumns {
  id: string;
  group_id: string;
  item: string;
  specification: string;
  unit: string;
  unit_price_minor: number;
  currency: string;
  valid_from: string;
  created_by: string;
  created_at: string;
}

/** A donor's commitment. `donor_nation` is the funder: every total attributes the pledge to it. */
export interface PledgesTable extends MarkingColumns, SourceColumns, Authored {
  id: string;
  donor_nation: string;
  /** direct (the funder delivers), nation, coalition or fund. */
  channel_kind: string;
  channel_nation: string | null;
  channel_coalition_id: string | null;
  /** The fund or initiative's name for channel_kind fund. */
  channel_name: string | null;
  requirement_id: string | null;
  capability_area_id: string;
  item: string;
  specification: string;
  /** Null for a pledge of money only (funding). */
  quantity: number | null;
  unit: string | null;
  /** donation, procurement, funding, training or co-production. */
  kind: string;
  value_minor: number | null;
  currency: string | null;
  valuation_date: string | null;
  /** reported, price_list, estimated or none. */
  valuation_method: string;
  /** The value in the group's reporting currency, worked out once when the value is set. */
  reporting_value_minor: number | null;
  reporting_currency: string;
  reporting_rate: string | null;
  reporting_rate_date: string | null;
  announced_on: string;
  meeting_id: string | null;
  event_id: string | null;
  /** announced, committed, contracted, delivering, delivered or withdrawn. */
  status: string;
  /** The day the current status took effect. */
  status_on: string;
  /** The sum of this pledge's deliveries, kept with each delivery write. */
  delivered_quantity: number;
  external_ref: string | null;
  external_id: string | null;
  note: string | null;
}

export interface PledgeStatusChangesTable {
  id: string;
  pledge_id: string;
  from_status: string | null;
  to_status: string;
  effective_on: string;
  note: string | null;
  changed_by: string;
  changed_at: string;
}

/** A planned delivery: the schedule beside the actual deliveries, so slippage shows. */
export interface PledgeTranchesTable {
  id: string;
  pledge_id: string;
  planned_on: string;
  quantity: number;
  note: string | null;
}

/** What arrived against a pledge. It carries its pledge's marking. */
export interface DeliveriesTable {
  id: string;
  pledge_id: string;
  quantity: number;
  delivered_on: string;
  place: string | null;
  note: string | null;
  external_id: string | null;
  recorded_by: string;
  recorded_at: string;
  confirmed_by: string | null;
  confirmed_at: string | null;
}

/** Bucket tables key their marking; `rel_to` is '' rather than null so it can be in the key. */
interface BucketColumns extends MarkingColumns {
  group_id: string;
  rel_to: string;
}

export interface RequirementTotalsTable extends BucketColumns {
  requirement_id: string;
  pledge_count: number;
  pledged_quantity: number;
  contracted_quantity: number;
  delivered_quantity: number;
}

export interface DonorTotalsTable extends BucketColumns {
  donor_nation: string;
  capability_area_id: string;
  /** direct, nation:DEU, coalition:<id> or fund:<name>. */
  channel: string;
  pledge_count: number;
  unvalued_count: number;
  pledged_value_minor: number;
  estimated_value_minor: number;
  contracted_value_minor: number;
  delivered_value_minor: number;
}

export interface TimelineTotalsTable extends BucketColumns {
  /** YYYY-MM of announced_on. */
  month: string;
  /** '' when the pledge was not announced at a meeting. */
  meeting_id: string;
  donor_nation: string;
  pledge_count: number;
  pledged_value_minor: number;
}

/** A headline figure published by the Kiel Institute (kiel_military_aid.csv), as published. */
export interface PublishedAidFiguresTable extends SourceColumns {
  id: string;
  /** Null for a total over several donors ("all donors", "Europe"). */
  donor_nation: string | null;
  donor_name: string;
  aid_type: string;
  /** commitment or allocation: Kiel changed its main measure in 2024. */
  measure: string;
  amount_bn: string;
  currency: string;
  period_start: string | null;
  data_cutoff: string | null;
  /** YYYY-MM or YYYY-MM-DD as published. */
  release_date: string | null;
  notes: string | null;
}

/** One donor-month of the Kiel Institute's tracker (EUR billions, exact decimal text). */
export interface PublishedAidMonthlyTable extends SourceColumns {
  donor_nation: string;
  year: number;
  month: number;
  total_bn: string;
  financial_bn: string;
  humanitarian_bn: string;
  military_bn: string;
  commitments_bn: string;
  to_be_allocated_bn: string;
  /** The donor's GDP in EUR billions, as the tracker uses it for its % of GDP figures. */
  gdp_bn: string;
  /** Which tracker release the row is from, e.g. 'Kiel UST release 29 (2026-08-04)'. */
  release: string;
}
