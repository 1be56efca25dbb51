import type { Kysely, Transaction } from 'kysely';
import type { ApiTokensTable, OidcLoginsTable, SessionsTable, UsersTable } from './tables/accounts';
import type { AuditEntriesTable, AuditHeadTable } from './tables/audit';
import type {
  CapabilityAreasTable,
  CoalitionNationsTable,
  CoalitionsTable,
} from './tables/capabilities';
import type { ChairTermsTable } from './tables/chair';
import type { ChairHandoversTable } from './tables/chair-handovers';
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
import type {
  InitiativeElementsTable,
  InitiativePositionsTable,
  InitiativeRaisingsTable,
  InitiativesTable,
} from './tables/initiatives';
import type { LiveCursorsTable, LiveEventsTable } from './tables/live';
import type {
  CalendarFeedTokensTable,
  MeetingActionItemsTable,
  MeetingAgendaItemsTable,
  MeetingAgendaLinksTable,
  MeetingAgendaRevisionsTable,
  MeetingAttendanceTable,
  MeetingInvitationsTable,
  MeetingOutcomesTable,
  MeetingTextRevisionsTable,
  MeetingTextsTable,
} from './tables/meeting-cycle';
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
  meeting_invitations: MeetingInvitationsTable;
  meeting_attendance: MeetingAttendanceTable;
  meeting_agenda_items: MeetingAgendaItemsTable;
  meeting_agenda_links: MeetingAgendaLinksTable;
  meeting_agenda_revisions: MeetingAgendaRevisionsTable;
  meeting_outcomes: MeetingOutcomesTable;
  meeting_action_items: MeetingActionItemsTable;
  meeting_texts: MeetingTextsTable;
  meeting_text_revisions: MeetingTextRevisionsTable;
  calendar_feed_tokens: CalendarFeedTokensTable;
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
  chair_handovers: ChairHandoversTable;
  live_events: LiveEventsTable;
  live_cursors: LiveCursorsTable;
  initiatives: InitiativesTable;
  initiative_elements: InitiativeElementsTable;
  initiative_raisings: InitiativeRaisingsTable;
  initiative_positions: InitiativePositionsTable;
}

/** What repositories take: the database or an open transaction, so the edge decides the boundary. */
export type Db = Kysely<Database> | Transaction<Database>;
