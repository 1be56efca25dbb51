import type { Actor } from '../audit/audit.service';
import { recordAudit } from '../audit/audit.service';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { newId } from '../ids';
import { todayIso } from '../time';
import { isDue, parseHandoverStatus } from './chair-handover';
import {
  endTerm,
  findMeetingNumber,
  findOpenTerm,
  insertTerm,
  listDueHandoverIds,
  listOpenActionItems,
  listTermDates,
  lockHandover,
  passActionItem,
  updateHandoverRow,
} from './chair-handover.repository';
import { timelineProblems } from './chair-term';

/** Accepted handovers whose day has come and that still wait to be applied. */
export const dueHandoverIds = (db: Db, now: Date = new Date()): Promise<string[]> =>
  listDueHandoverIds(db, todayIso(now));

/**
 * Makes an accepted handover take effect, in the caller's transaction and under a lock on it: the
 * open term ends on the effective day, the new term starts that day, the outgoing secretariat's open
 * action items pass to the incoming one with a note, and the handover records when. The secretariat
 * right follows by itself (it is derived from the terms). Returns false if there was nothing to do
 * (not accepted, not yet due, or already applied by another request or node).
 */
export async function applyHandover(
  db: Db,
  id: string,
  actor: Actor,
  now: Date = new Date(),
): Promise<boolean> {
  const handover = await lockHandover(db, id);
  const status = parseHandoverStatus(handover.status);
  if (!isDue(status, handover.effective_on, todayIso(now))) return false;
  const term = await findOpenTerm(db, handover.group_id);
  if (!term || term.id !== handover.from_term_id) {
    throw new AppError(
      'conflict',
      'The chair history changed since this handover was proposed; withdraw it and propose again',
      [{ path: 'params.id', message: 'its outgoing term is no longer the open one' }],
    );
  }
  const at = now.toISOString();
  const newTermId = newId(now.getTime());
  const meetingNumber =
    handover.effective_meeting_id === null
      ? null
      : ((await findMeetingNumber(db, handover.effective_meeting_id))?.number ?? null);
  if (!(await endTerm(db, term.id, handover.effective_on))) {
    throw new AppError('conflict', 'The outgoing term was ended meanwhile');
  }
  await insertTerm(db, {
    id: newTermId,
    group_id: handover.group_id,
    nation_code: handover.to_nation,
    co_chair_code: handover.to_co_chair,
    starts_on: handover.effective_on,
    ends_on: null,
    starts_at_meeting: meetingNumber,
    note: `Handed over by ${handover.from_nation}: ${handover.reason}`,
    source_url: null,
    source_title: `Chair handover ${handover.id}`,
    confidence: null,
  });
  const problems = timelineProblems(await listTermDates(db, handover.group_id));
  if (problems.length > 0) {
    throw new AppError('conflict', `The handover would break the chair history: ${problems[0]}`);
  }

  const handoverNote =
    `Passed from the ${handover.from_nation} secretariat to the ${handover.to_nation} secretariat ` +
    `with the chair on ${handover.effective_on} (handover ${handover.id}).`;
  const items = await listOpenActionItems(db, handover.group_id, handover.from_nation);
  for (const item of items) {
    const note =
      item.note === null || item.note === '' ? handoverNote : `${item.note}\n${handoverNote}`;
    const passed = await passActionItem(db, item, {
      owner_nation: handover.to_nation,
      note,
      updated_at: at,
    });
    // The items were read in this transaction; a change in between would leave one behind: refuse.
    if (!passed)
      throw new AppError('conflict', `Action item ${item.id} changed during the handover`);
  }
  await updateHandoverRow(db, id, handover.version, {
    status: 'effective',
    effective_at: at,
    new_term_id: newTermId,
    action_items_passed: items.length,
  });
  await recordAudit(
    db,
    actor,
    {
      action: 'chair.handover_effective',
      entity: 'chair_handover',
      entityId: id,
      marking: { marking: 'GROUP', rel_to: null, group_id: handover.group_id },
      before: {
        status: 'accepted',
        term: { id: term.id, chair: term.nation_code, coChair: term.co_chair_code, endsOn: null },
      },
      after: {
        status: 'effective',
        endedTerm: { id: term.id, endsOn: handover.effective_on },
        newTerm: {
          id: newTermId,
          chair: handover.to_nation,
          coChair: handover.to_co_chair,
          startsOn: handover.effective_on,
          startsAtMeeting: meetingNumber,
        },
        actionItemsPassed: items.map((i) => i.id),
      },
    },
    now,
  );
  return true;
}
