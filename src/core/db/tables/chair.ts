import type { SourceColumns } from './reference';

/**
 * One period during which a nation (with its co-chair, if any) chairs a group.
 * The current term is derived from the dates; no row is flagged "current".
 */
export interface ChairTermsTable extends SourceColumns {
  id: string;
  group_id: string;
  nation_code: string;
  co_chair_code: string | null;
  starts_on: string;
  /** Exclusive end: the day the next term starts. Null while the term runs. */
  ends_on: string | null;
  /** The first meeting held under this term, where known. */
  starts_at_meeting: number | null;
  note: string | null;
}
