import type { MarkingColumns } from './markings';
import type { SourceColumns } from './reference';

/** A proposal on the table (a peace plan, a sanctions package, a security-guarantee framework). */
export interface InitiativesTable extends MarkingColumns, SourceColumns {
  id: string;
  /** Stable key of a reference initiative (seeded), so seeding stays idempotent; null otherwise. */
  ref: string | null;
  title: string;
  /** peace_plan, sanctions_package, security_guarantees, other. */
  kind: string;
  /** The party that put it forward (a nation or organisation code). */
  proposer_code: string;
  /** The people who put it forward, as published (Keith Kellogg). */
  proposer_detail: string | null;
  summary: string;
  /** The nation that recorded it (edits it with the chair secretariat); null for reference data. */
  origin_nation: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** One element of an initiative (freeze the front line, security guarantees), in order. */
export interface InitiativeElementsTable extends SourceColumns {
  id: string;
  initiative_id: string;
  sort_order: number;
  text: string;
}

/** A meeting or event at which an initiative was raised. */
export interface InitiativeRaisingsTable extends SourceColumns {
  id: string;
  initiative_id: string;
  meeting_id: string | null;
  event_id: string | null;
  raised_on: string;
  note: string | null;
  recorded_by: string | null;
  recorded_at: string;
}

/** A party's stated position on an initiative on a day, with its source; marked on its own. */
export interface InitiativePositionsTable extends MarkingColumns, SourceColumns {
  id: string;
  initiative_id: string;
  party_code: string;
  /** supports, conditionally_supports, opposes, no_position. */
  stance: string;
  stated_on: string;
  /** What was said, or the condition attached. */
  statement: string | null;
  recorded_by: string | null;
  recorded_at: string;
}
