import type { SourceColumns } from './reference';

export interface MeetingsTable extends SourceColumns {
  id: string;
  group_id: string;
  /** Sequence number per group (UDCG-26); null for a meeting that was never numbered. */
  number: number | null;
  /** Local calendar date at the venue. */
  date: string;
  /** Local start time `HH:MM`, when announced. */
  start_time: string | null;
  /** IANA zone the date and time are expressed in. */
  time_zone: string;
  /** UTC instant of the start when the time is known; kept for sorting and calendars. */
  starts_at: string | null;
  venue: string | null;
  venue_country_code: string | null;
  virtual_url: string | null;
  /** in_person, virtual, hybrid; null while not announced. */
  format: string | null;
  /** planned, held, cancelled. */
  status: string;
  /** The chair and co-chair at this meeting: a historical fact, kept even after a handover. */
  chair_code: string;
  chair_person_id: string | null;
  co_chair_code: string | null;
  co_chair_person_id: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface MeetingEventsTable {
  meeting_id: string;
  event_id: string;
  /** same (the event is this meeting), ahead_of, alongside, after. */
  relation: string;
}
