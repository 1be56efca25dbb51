import { canWrite, hasRole, isSecretariatOf, type Viewer } from '../accounts/viewer';
import { actorOf, recordAudit } from '../audit/audit.service';
import type { Db } from '../db/database';
import { AppError, notFound, staleVersion } from '../errors';
import { requireGroup } from '../groups/group.service';
import { newId } from '../ids';
import { toMarking } from '../markings';
import { todayIso } from '../time';
import {
  acceptProblem,
  isDue,
  parseHandoverStatus,
  proposalProblems,
  withdrawProblem,
} from './chair-handover';
import { applyHandover } from './chair-handover-effect.service';
import {
  findHandover,
  findMeetingByNumber,
  findOpenHandover,
  findOpenTerm,
  type HandoverRow,
  insertHandover,
  listHandoverRows,
  memberCodesOn,
  updateHandoverRow,
} from './chair-handover.repository';
import type {
  AcceptHandover,
  Handover,
  ProposeHandover,
  WithdrawHandover,
} from './chair-handover.schema';

function toHandover(row: HandoverRow): Handover {
  const nation = (code: string, name: string | null, alpha2: string | null) => ({
    code,
    name: name ?? code,
    alpha2,
  });
  return {
    id: row.id,
    group: row.group_slug,
    status: parseHandoverStatus(row.status),
    from: nation(row.from_nation, row.from_name, row.from_alpha2),
    to: nation(row.to_nation, row.to_name, row.to_alpha2),
    toCoChair:
      row.to_co_chair === null ? null : nation(row.to_co_chair, row.co_name, row.co_alpha2),
    effectiveOn: row.effective_on,
    effectiveMeeting:
      row.effective_meeting_id === null
        ? null
        : { id: row.effective_meeting_id, number: row.meeting_number },
    reason: row.reason,
    proposedBy: { username: row.proposer_username, nation: row.proposed_by_nation },
    proposedAt: row.proposed_at,
    acceptedBy:
      row.accepter_username === null
        ? null
        : { username: row.accepter_username, nation: row.accepter_nation },
    acceptedAt: row.accepted_at,
    acceptanceNote: row.acceptance_note,
    withdrawnBy:
      row.withdrawer_username === null
        ? null
        : { username: row.withdrawer_username, nation: row.withdrawer_nation },
    withdrawnAt: row.withdrawn_at,
    withdrawalReason: row.withdrawal_reason,
    effectiveAt: row.effective_at,
    newTermId: row.new_term_id,
    actionItemsPassed: Number(row.action_items_passed),
    marking: toMarking(row),
    version: row.version,
  };
}

const auditView = (h: Handover) => ({
  status: h.status,
  from: h.from.code,
  to: h.to.code,
  toCoChair: h.toCoChair?.code ?? null,
  effectiveOn: h.effectiveOn,
  effectiveMeeting: h.effectiveMeeting?.number ?? null,
  reason: h.reason,
  version: h.version,
});

type Writer = Viewer & { userId: string; nationCode: string };

function requireWriter(viewer: Viewer): asserts viewer is Writer {
  if (viewer.userId === null || viewer.nationCode === null)
    throw new AppError('unauthenticated', 'Sign in first');
  if (!canWrite(viewer)) throw new AppError('forbidden', 'This token is read-only');
}

/** The group's handovers releasable to the viewer, newest first: who asked, who accepted, when, why. */
export async function listHandovers(
  db: Db,
  viewer: Viewer,
  slug: string,
): Promise<{ items: Handover[] }> {
  const group = await requireGroup(db, slug);
  return { items: (await listHandoverRows(db, viewer, group.id)).map(toHandover) };
}

/** Not releasable and not there answer alike: not_found. */
export async function getHandover(db: Db, viewer: Viewer, id: string): Promise<Handover> {
  const row = await findHandover(db, viewer, id);
  if (!row) throw notFound(`Handover ${id}`);
  return toHandover(row);
}

/**
 * The outgoing chair's secretariat (or an admin) proposes the next chair, its co-chair and the day
 * (or the meeting) from which it chairs. One open handover per group: a second is refused (409).
 */
export async function proposeHandover(
  db: Db,
  viewer: Viewer,
  slug: string,
  input: ProposeHandover,
  now: Date = new Date(),
): Promise<Handover> {
  requireWriter(viewer);
  const group = await requireGroup(db, slug);
  const term = await findOpenTerm(db, group.id);
  const outgoingSecretariat =
    term !== undefined &&
    viewer.nationCode === term.nation_code &&
    isSecretariatOf(viewer, group.id);
  if (!outgoingSecretariat && !hasRole(viewer, 'admin')) {
    throw new AppError(
      'forbidden',
      `Only the chair's secretariat${term ? ` (${term.nation_code})` : ''} or an admin may propose a handover`,
    );
  }
  if (!term) throw new AppError('conflict', `${group.short_name} has no chair to hand over`);

  let effectiveOn = input.effectiveOn ?? '';
  let meetingId: string | null = null;
  if (input.effectiveMeeting !== undefined) {
    const meeting = await findMeetingByNumber(db, viewer, group.id, input.effectiveMeeting);
    if (!meeting) {
      throw new AppError('invalid', `There is no meeting ${input.effectiveMeeting}`, [
        {
          path: 'body.effectiveMeeting',
          message: `is not a meeting of ${group.short_name}`,
        },
      ]);
    }
    if (meeting.status === 'cancelled') {
      throw new AppError('invalid', `Meeting ${input.effectiveMeeting} was cancelled`, [
        { path: 'body.effectiveMeeting', message: 'is a cancelled meeting' },
      ]);
    }
    effectiveOn = meeting.date;
    meetingId = meeting.id;
  }
  const members = await memberCodesOn(db, group.id, todayIso(now));
  const problems = proposalProblems({
    current: { nation: term.nation_code, coChair: term.co_chair_code, startsOn: term.starts_on },
    toNation: input.toNation,
    toCoChair: input.toCoChair ?? null,
    effectiveOn,
    isMember: (code) => members.has(code),
    effectiveField: meetingId === null ? 'body.effectiveOn' : 'body.effectiveMeeting',
  });
  if (problems.length > 0) {
    throw new AppError(
      'invalid',
      problems.map((p) => `${p.path}: ${p.message}`).join('; '),
      problems,
    );
  }
  const open = await findOpenHandover(db, group.id);
  if (open) throw pendingConflict(open);

  const id = newId(now.getTime());
  const at = now.toISOString();
  try {
    await insertHandover(db, {
      id,
      group_id: group.id,
      from_term_id: term.id,
      from_nation: term.nation_code,
      to_nation: input.toNation,
      to_co_chair: input.toCoChair ?? null,
      effective_on: effectiveOn,
      effective_meeting_id: meetingId,
      reason: input.reason,
      status: 'proposed',
      proposed_by: viewer.userId,
      proposed_by_nation: viewer.nationCode,
      proposed_at: at,
      accepted_by: null,
      accepted_at: null,
      acceptance_note: null,
      withdrawn_by: null,
      withdrawn_at: null,
      withdrawal_reason: null,
      effective_at: null,
      new_term_id: null,
      action_items_passed: 0,
      marking: 'GROUP',
      rel_to: null,
      version: 1,
    });
  } catch (error) {
    // A concurrent proposal took the one open slot first: the unique index refused this one. (On
    // PostgreSQL the transaction is now aborted, so say so without reading anything more.)
    if (isUniqueViolation(error)) {
      throw new AppError(
        'conflict',
        'Another handover of this group was proposed at the same moment; withdraw it before proposing another',
        [{ path: 'body.toNation', message: 'another handover is open' }],
      );
    }
    throw error;
  }
  const handover = await getHandover(db, viewer, id);
  await recordAudit(
    db,
    actorOf(viewer),
    {
      action: 'chair.handover_proposed',
      entity: 'chair_handover',
      entityId: id,
      marking: { marking: 'GROUP', rel_to: null, group_id: group.id },
      after: auditView(handover),
    },
    now,
  );
  return handover;
}

const isUniqueViolation = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
};

function pendingConflict(open: { id: string; status: string; to_nation: string }): AppError {
  return new AppError(
    'conflict',
    `A handover to ${open.to_nation} is already ${open.status} (${open.id}); withdraw it before proposing another`,
    [{ path: 'body.toNation', message: `handover ${open.id} is still open` }],
  );
}

/**
 * The incoming nation's secretariat accepts. If the day has come it takes effect at once, in this
 * transaction; otherwise the first request on that day applies it (chair-handover-effect.service.ts).
 */
export async function acceptHandover(
  db: Db,
  viewer: Viewer,
  id: string,
  input: AcceptHandover,
  now: Date = new Date(),
): Promise<Handover> {
  requireWriter(viewer);
  const row = await findHandover(db, viewer, id);
  if (!row) throw notFound(`Handover ${id}`);
  if (!hasRole(viewer, 'secretariat') || viewer.nationCode !== row.to_nation) {
    throw new AppError('forbidden', `Only the secretariat of ${row.to_nation} may accept`);
  }
  const before = toHandover(row);
  const problem = acceptProblem(before.status);
  if (problem !== null) {
    throw new AppError('conflict', problem, [{ path: 'params.id', message: `is ${row.status}` }]);
  }
  if (row.version !== input.version) throw staleVersion('handover', input.version, before);
  const changed = await updateHandoverRow(db, id, input.version, {
    status: 'accepted',
    accepted_by: viewer.userId,
    accepted_at: now.toISOString(),
    acceptance_note: input.note ?? null,
  });
  if (!changed) throw staleVersion('handover', input.version, before);
  const accepted = await getHandover(db, viewer, id);
  await recordAudit(
    db,
    actorOf(viewer),
    {
      action: 'chair.handover_accepted',
      entity: 'chair_handover',
      entityId: id,
      marking: { marking: 'GROUP', rel_to: null, group_id: row.group_id },
      before: auditView(before),
      after: { ...auditView(accepted), note: accepted.acceptanceNote },
    },
    now,
  );
  if (isDue(accepted.status, accepted.effectiveOn, todayIso(now))) {
    await applyHandover(db, id, actorOf(viewer), now);
    return getHandover(db, viewer, id);
  }
  return accepted;
}

/**
 * Withdraws a handover before it takes effect: by the outgoing chair's secretariat or an admin, or
 * declined by the incoming nation's secretariat. Nothing else changes.
 */
export async function withdrawHandover(
  db: Db,
  viewer: Viewer,
  id: string,
  input: WithdrawHandover,
  now: Date = new Date(),
): Promise<Handover> {
  requireWriter(viewer);
  const row = await findHandover(db, viewer, id);
  if (!row) throw notFound(`Handover ${id}`);
  const side =
    hasRole(viewer, 'secretariat') &&
    (viewer.nationCode === row.from_nation || viewer.nationCode === row.to_nation);
  if (!side && !hasRole(viewer, 'admin')) {
    throw new AppError(
      'forbidden',
      `Only the secretariat of ${row.from_nation} or ${row.to_nation}, or an admin, may withdraw`,
    );
  }
  const before = toHandover(row);
  const problem = withdrawProblem(before.status);
  if (problem !== null) {
    throw new AppError('conflict', problem, [{ path: 'params.id', message: `is ${row.status}` }]);
  }
  if (row.version !== input.version) throw staleVersion('handover', input.version, before);
  const changed = await updateHandoverRow(db, id, input.version, {
    status: 'withdrawn',
    withdrawn_by: viewer.userId,
    withdrawn_at: now.toISOString(),
    withdrawal_reason: input.reason,
  });
  if (!changed) throw staleVersion('handover', input.version, before);
  const after = await getHandover(db, viewer, id);
  await recordAudit(
    db,
    actorOf(viewer),
    {
      action: 'chair.handover_withdrawn',
      entity: 'chair_handover',
      entityId: id,
      marking: { marking: 'GROUP', rel_to: null, group_id: row.group_id },
      before: auditView(before),
      after: { ...auditView(after), reason: input.reason },
    },
    now,
  );
  return after;
}
