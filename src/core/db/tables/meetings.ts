import type { Generated } from 'kysely';
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
  // The meeting cycle (migration 0007). Columns with a database default are Generated, so that the
  // reference seed, which predates them, inserts PUBLIC meetings at version 1 without naming them.
  /** PUBLIC, GROUP or RESTRICTED: who may read the meeting and everything recorded at it. */
  marking: Generated<string>;
  /** REL TO nations as `,GBR,UKR,` when RESTRICTED; null otherwise. */
  rel_to: string | null;
  /** ministers, chiefs_of_defence or experts; null where not known. */
  level: string | null;
  /** Planned length, for calendars; null where not announced. */
  duration_minutes: number | null;
  /** RFC 5545 SEQUENCE: bumped whenever the time, place or status changes. */
  sequence: Generated<number>;
  version: Generated<number>;
  /** Bumped by every change to the agenda; each value has a snapshot in meeting_agenda_revisions. */
  agenda_version: Generated<number>;
  convened_by: string | null;
  convened_at: string | null;
  /** The earlier meeting this one was convened from (invite list, agenda skeleton). */
  from_meeting_id: string | null;
  opened_by: string | null;
  opened_at: string | null;
  closed_by: string | null;
  closed_at: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
  /** Why the time or place last changed. */
  reschedule_reason: string | null;
}

export interface MeetingEventsTable {
  meeting_id: string;
  event_id: string;
  /** same (the event is this meeting), ahead_of, alongside, after. */
  relation: string;
}
