import type { MarkingColumns } from './markings';

/**
 * A proposal to hand a group's chair to another nation, and what became of it. GROUP-marked: the
 * group's participants follow a handover; the chair history it produces is public like every term.
 */
export interface ChairHandoversTable extends MarkingColumns {
  id: string;
  /** The group whose chair moves (also the marking's group). */
  group_id: string;
  /** The term that ends: the group's open term when the handover was proposed. */
  from_term_id: string;
  from_nation: string;
  to_nation: string;
  to_co_chair: string | null;
  /** The day the new term starts (the meeting's date when a meeting was named). */
  effective_on: string;
  effective_meeting_id: string | null;
  /** Why: shown in the history. */
  reason: string;
  /** proposed, accepted, effective or withdrawn. */
  status: string;
  proposed_by: string;
  proposed_by_nation: string;
  proposed_at: string;
  accepted_by: string | null;
  accepted_at: string | null;
  acceptance_note: string | null;
  withdrawn_by: string | null;
  withdrawn_at: string | null;
  withdrawal_reason: string | null;
  /** When the handover took effect (the transaction that ended one term and opened the next). */
  effective_at: string | null;
  new_term_id: string | null;
  /** Open action items passed from the outgoing to the incoming secretariat. */
  action_items_passed: number;
  version: number;
}
