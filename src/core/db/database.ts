import type { Kysely, Transaction } from 'kysely';
import type { ApiTokensTable, OidcLoginsTable, SessionsTable, UsersTable } from './tables/accounts';
import type { AuditEntriesTable, AuditHeadTable } from './tables/audit';
import type {
  CapabilityAreasTable,
  CoalitionNationsTable,
  CoalitionsTable,
} from './tables/capabilities';
import type { ChairTermsTable } from './tables/chair';
import type { ExchangeRatesTable } from './tables/currency';
import type { DocumentsTable } from './tables/documents';
import type { EventsTable } from './tables/events';
import type {
  DeliveriesTable,
  DonorTotalsTable,
  PledgeStatusChangesTable,
  PledgesTable,
  PledgeTranchesTable,
  PriceListItemsTable,
  PublishedAidFiguresTable,
  PublishedAidMonthlyTable,
  RequirementPriorityChangesTable,
  RequirementsTable,
  RequirementTotalsTable,
  TimelineTotalsTable,
} from './tables/ledger';
import type { GroupsTable, MembershipsTable } from './tables/groups';
import type { MeetingEventsTable, MeetingsTable } from './tables/meetings';
import type { NationsTable } from './tables/nations';
import type { PersonsTable } from './tables/persons';
import type { SpendingFiguresTable, SpendingTargetsTable } from './tables/spending';

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
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  oidc_logins: OidcLoginsTable;
  audit_entries: AuditEntriesTable;
  audit_head: AuditHeadTable;
  documents: DocumentsTable;
  exchange_rates: ExchangeRatesTable;
  capability_areas: CapabilityAreasTable;
  coalitions: CoalitionsTable;
  coalition_nations: CoalitionNationsTable;
  requirements: RequirementsTable;
  requirement_priority_changes: RequirementPriorityChangesTable;
  price_list_items: PriceListItemsTable;
  pledges: PledgesTable;
  pledge_status_changes: PledgeStatusChangesTable;
  pledge_tranches: PledgeTranchesTable;
  deliveries: DeliveriesTable;
  requirement_totals: RequirementTotalsTable;
  donor_totals: DonorTotalsTable;
  timeline_totals: TimelineTotalsTable;
  published_aid_figures: PublishedAidFiguresTable;
  published_aid_monthly: PublishedAidMonthlyTable;
  spending_figures: SpendingFiguresTable;
  spending_targets: SpendingTargetsTable;
}

/** What repositories take: the database or an open transaction, so the edge decides the boundary. */
export type Db = Kysely<Database> | Transaction<Database>;
