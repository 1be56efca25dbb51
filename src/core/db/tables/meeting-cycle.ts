/**
 * What is recorded around a meeting: invitations and answers, attendance, the agenda and its history,
 * outcomes, action items, the minutes and the summary. None carries a marking of its own: each is read
 * only through its meeting, whose marking covers everything recorded at it.
 */

/** One nation asked to a meeting, and its answer. */
export interface MeetingInvitationsTable {
  id: string;
  meeting_id: string;
  nation_code: string;
  /** member, observer or recipient: how the nation takes part in the group when invited. */
  invited_as: string;
  /** no_answer, attending, virtual or declined. */
  response: string;
  head_of_delegation: string | null;
  /** ministers, chiefs_of_defence or experts. */
  delegation_level: string | null;
  responded_at: string | null;
  responded_by: string | null;
  invited_at: string;
  invited_by: string;
  version: number;
}

/** Proof that a nation was there: when it checked in, who recorded it, and whether it checked itself in. */
export interface MeetingAttendanceTable {
  id: string;
  meeting_id: string;
  nation_code: string;
  head_of_delegation: string | null;
  delegation_level: string | null;
  /** in_person or virtual. */
  mode: string;
  checked_in_at: string;
  recorded_by: string;
  recorded_by_nation: string;
  /** 1 when the delegation checked itself in, 0 when the secretariat recorded it. */
  self_check_in: number;
  note: string | null;
}

export interface MeetingAgendaItemsTable {
  id: string;
  meeting_id: string;
  /** 1..n within the meeting. */
  position: number;
  title: string;
  description: string | null;
  presenter_nation: string | null;
  presenter_person: string | null;
  /** Time box in minutes. */
  minutes: number | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  version: number;
}

/** What an agenda item is about: a requirement, a capability area (by slug) or an initiative. */
export interface MeetingAgendaLinksTable {
  agenda_item_id: string;
  /** requirement, capability_area or initiative. */
  kind: string;
  ref: string;
}

/** The whole agenda after each change, so re-ordering and edits keep their history. */
export interface MeetingAgendaRevisionsTable {
  id: string;
  meeting_id: string;
  revision: number;
  /** add, edit, remove, reorder or template. */
  action: string;
  /** JSON: the ordered items as they stood after the change. */
  items: string;
  changed_by: string;
  changed_at: string;
}

export interface MeetingOutcomesTable {
  id: string;
  meeting_id: string;
  agenda_item_id: string | null;
  /** outcome or decision. */
  kind: string;
  text: string;
  recorded_by: string;
  recorded_at: string;
  updated_at: string;
  version: number;
}

/** An action raised at a meeting; later meetings of the group see it until it is closed. */
export interface MeetingActionItemsTable {
  id: string;
  group_id: string;
  meeting_id: string;
  agenda_item_id: string | null;
  title: string;
  owner_nation: string;
  due_on: string | null;
  /** open, in_progress, done or dropped. */
  status: string;
  note: string | null;
  closed_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  version: number;
}

/** The minutes or the summary of a meeting: a text the secretariat edits, then approves or publishes. */
export interface MeetingTextsTable {
  meeting_id: string;
  /** minutes or summary. */
  kind: string;
  body: string;
  /** draft, or final (minutes approved, summary published): a final text no longer changes. */
  status: string;
  version: number;
  updated_by: string;
  updated_at: string;
  finalized_by: string | null;
  finalized_at: string | null;
}

/** Every version of a meeting text: who changed what, when. */
export interface MeetingTextRevisionsTable {
  id: string;
  meeting_id: string;
  kind: string;
  version: number;
  /** generate, edit, approve or publish. */
  action: string;
  body: string;
  changed_by: string;
  changed_at: string;
}

/** A secret calendar URL of a user: only its hash is kept; revoking it ends the feed. */
export interface CalendarFeedTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  /** The first characters, so a person can tell feeds apart. */
  prefix: string;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}
