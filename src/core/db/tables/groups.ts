import type { SourceColumns } from './reference';

export interface GroupsTable extends SourceColumns {
  id: string;
  slug: string;
  name: string;
  short_name: string;
  recipient_code: string;
  /** ISO 4217 code every total is reported in. */
  reporting_currency: string;
  description: string | null;
  created_at: string;
}

export interface MembershipsTable extends SourceColumns {
  id: string;
  group_id: string;
  nation_code: string;
  /** `member`, `observer` or `recipient`. */
  role: string;
  /** First known date of participation; null where the sources give none. */
  valid_from: string | null;
  valid_to: string | null;
  first_seen_meeting: number | null;
  note: string | null;
}
