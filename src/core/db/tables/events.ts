import type { SourceColumns } from './reference';

export interface EventsTable extends SourceColumns {
  id: string;
  /** Stable key from the reference data (NATO_DEFMIN_FEB25) so seeding stays idempotent. */
  ref: string;
  name: string;
  /** nato_ministerial, summit, conference, contact_group, announcement, appointment, other. */
  kind: string;
  starts_on: string;
  ends_on: string;
  location: string | null;
  country_code: string | null;
  actors: string | null;
  note: string | null;
}
