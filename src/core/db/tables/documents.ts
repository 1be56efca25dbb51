import type { MarkingColumns } from './markings';

/** A paper tabled in a group (a national statement, a non-paper, a read-out): marked like every record. */
export interface DocumentsTable extends MarkingColumns {
  id: string;
  group_id: string;
  meeting_id: string | null;
  title: string;
  body: string;
  /** nation (its originating nation edits it) or group (the chair's secretariat edits it). */
  scope: string;
  origin_nation: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  version: number;
}
