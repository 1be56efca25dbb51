import type { SourceColumns } from './reference';

/** One area of the capability taxonomy of a group (air defence, demining, ...). */
export interface CapabilityAreasTable {
  id: string;
  group_id: string;
  /** Unique within the group: air-defence, drones-ew, ... */
  slug: string;
  name: string;
  sort_order: number;
  note: string | null;
}

/** A capability coalition: nations that lead and join the support of one capability area. */
export interface CoalitionsTable extends SourceColumns {
  id: string;
  group_id: string;
  /** Unique within the group; the natural key of the reference seed. */
  name: string;
  capability_area_id: string;
  /** The day it was formed, when the source gives one. */
  formed_on: string | null;
  /** The year or year-month as published when the day is not known ('2023', '2024-01'). */
  formed_in: string | null;
  formed_date_note: string | null;
  key_milestones: string | null;
}

export interface CoalitionNationsTable extends SourceColumns {
  coalition_id: string;
  nation_code: string;
  /** `lead` or `member`. */
  role: string;
  joined_on: string | null;
}
