import type { Kysely, Transaction } from 'kysely';
import type { ChairTermsTable } from './tables/chair';
import type { EventsTable } from './tables/events';
import type { GroupsTable, MembershipsTable } from './tables/groups';
import type { MeetingEventsTable, MeetingsTable } from './tables/meetings';
import type { NationsTable } from './tables/nations';
import type { PersonsTable } from './tables/persons';

/** Every table, as Kysely sees it. Table types live in ./tables so that db never imports a feature. */
export interface Database {
  nations: NationsTable;
  groups: GroupsTable;
  memberships: MembershipsTable;
  chair_terms: ChairTermsTable;
  persons: PersonsTable;
  events: EventsTable;
  meetings: MeetingsTable;
  meeting_events: MeetingEventsTable;
}

/** What repositories take: the database or an open transaction, so the edge decides the boundary. */
export type Db = Kysely<Database> | Transaction<Database>;
