import type { Viewer } from '../accounts/viewer';
import { actorOf, recordAudit } from '../audit/audit.service';
import type { Db } from '../db/database';
import type { MeetingInvitationsTable } from '../db/tables/meeting-cycle';
import { AppError, invalid, staleVersion } from '../errors';
import { requireGroup } from '../groups/group.service';
import { newId } from '../ids';
import { releasableToNation, requireDelegationOf, requireSecretariat } from './meeting-access';
import { phaseOf, phaseProblem } from './meeting-cycle';
import type { MeetingRow } from './meeting.repository';
import { codeOf, requireMeetingRow } from './meeting.service';
import {
  findInvitation,
  insertInvitations,
  type InvitationRow,
  listInvitationRows,
  listParticipantsOn,
  updateInvitationRow,
} from './invitation.repository';
import type {
  Invitation,
  InvitationList,
  InvitationListQuery,
  InviteNations,
  Rsvp,
  RsvpCounts,
} from './invitation.schema';
import { meetingLevelSchema } from './meeting.schema';

export function toInvitation(row: InvitationRow): Invitation {
  return {
    nation: { code: row.nation_code, name: row.nation_name, alpha2: row.nation_alpha2 },
    invitedAs: row.invited_as as Invitation['invitedAs'],
    response: row.response as Invitation['response'],
    headOfDelegation: row.head_of_delegation,
    level: row.delegation_level === null ? null : meetingLevelSchema.parse(row.delegation_level),
    respondedAt: row.responded_at,
    respondedBy: row.responded_by_username,
    invitedAt: row.invited_at,
    version: row.version,
  };
}

export function countAnswers(rows: readonly { response: string }[]): RsvpCounts {
  const count = (response: string) => rows.filter((r) => r.response === response).length;
  return {
    invited: rows.length,
    attending: count('attending'),
    virtual: count('virtual'),
    declined: count('declined'),
    noAnswer: count('no_answer'),
  };
}

/** Who was asked and what each answered; the secretariat reads `notAnswered` to chase the rest. */
export async function listInvitations(
  db: Db,
  viewer: Viewer,
  meetingId: string,
  query: InvitationListQuery = {},
): Promise<InvitationList> {
  const meeting = await requireMeetingRow(db, viewer, meetingId);
  const rows = await listInvitationRows(db, meeting.id);
  return {
    meetingId: meeting.id,
    items: rows
      .filter((r) => query.response === undefined || r.response === query.response)
      .map(toInvitation),
    counts: countAnswers(rows),
    notAnswered: rows.filter((r) => r.response === 'no_answer').map((r) => r.nation_code),
  };
}

export interface Invitee {
  nation: string;
  invitedAs: string;
}

/**
 * Checks that every nation takes part in the group on the meeting's date and may read the meeting
 * (its marking must release it to them: a GROUP meeting cannot invite an observer), then writes the
 * invitations. A refusal names `<path>.<index>` of the nation in the request, e.g. `body.observers.0`.
 */
export async function inviteChecked(
  db: Db,
  viewer: Viewer & { userId: string },
  meeting: Pick<MeetingRow, 'id' | 'group_id' | 'group_short_name' | 'date' | 'marking' | 'rel_to'>,
  nations: readonly { nation: string; index: number }[],
  path: string,
  now: Date,
): Promise<Invitee[]> {
  const today = now.toISOString().slice(0, 10);
  const [onDate, onToday] = await Promise.all([
    listParticipantsOn(db, meeting.group_id, meeting.date),
    listParticipantsOn(db, meeting.group_id, today),
  ]);
  const roleOf = new Map(onDate.map((p) => [p.nation_code, p.role]));
  const partOfGroupToday = new Set(
    onToday.filter((p) => p.role !== 'observer').map((p) => p.nation_code),
  );
  const marking = { marking: meeting.marking, rel_to: meeting.rel_to, group_id: meeting.group_id };
  const invitees: Invitee[] = [];
  for (const { nation, index } of nations) {
    const role = roleOf.get(nation);
    if (role === undefined) {
      throw invalid(
        `${path}.${index}`,
        `${nation} does not take part in ${meeting.group_short_name} on ${meeting.date}`,
      );
    }
    if (!releasableToNation(marking, nation, partOfGroupToday.has(nation))) {
      throw invalid(
        `${path}.${index}`,
        `the meeting's marking (${marking.marking}) does not release it to ${nation}; widen it first`,
      );
    }
    invitees.push({ nation, invitedAs: role });
  }
  const at = now.toISOString();
  await insertInvitations(
    db,
    invitees.map((i): MeetingInvitationsTable => ({
      id: newId(now.getTime()),
      meeting_id: meeting.id,
      nation_code: i.nation,
      invited_as: i.invitedAs,
      response: 'no_answer',
      head_of_delegation: null,
      delegation_level: null,
      responded_at: null,
      responded_by: null,
      invited_at: at,
      invited_by: viewer.userId,
      version: 1,
    })),
  );
  return invitees;
}

/** The secretariat invites more nations (observers, late joiners); ones already invited are skipped. */
export async function inviteNations(
  db: Db,
  viewer: Viewer,
  meetingId: string,
  input: InviteNations,
  now: Date = new Date(),
): Promise<InvitationList> {
  const meeting = await requireMeetingRow(db, viewer, meetingId);
  const group = await requireGroup(db, meeting.group_slug);
  requireSecretariat(viewer, group, 'invite nations to its meetings');
  const problem = phaseProblem(codeOf(meeting), phaseOf(meeting), ['planned', 'open'], 'invite');
  if (problem !== null) throw new AppError('conflict', problem);
  const already = new Set((await listInvitationRows(db, meeting.id)).map((r) => r.nation_code));
  const fresh = input.nations
    .map((nation, index) => ({ nation, index }))
    .filter(
      (n, i, all) => !already.has(n.nation) && all.findIndex((m) => m.nation === n.nation) === i,
    );
  const invitees = await inviteChecked(db, viewer, meeting, fresh, 'body.nations', now);
  if (invitees.length > 0) {
    await recordAudit(
      db,
      actorOf(viewer),
      {
        action: 'meeting.invite',
        entity: 'meeting',
        entityId: meeting.id,
        marking: meeting,
        after: { invited: invitees.map((i) => i.nation) },
      },
      now,
    );
  }
  return listInvitations(db, viewer, meeting.id);
}

/**
 * A nation answers: attending, virtual or declined, with its head of delegation and level. Only an
 * invited nation answers; its own delegation (or the secretariat, for an answer received otherwise).
 */
export async function respondToInvitation(
  db: Db,
  viewer: Viewer,
  meetingId: string,
  nation: string,
  input: Rsvp,
  now: Date = new Date(),
): Promise<Invitation> {
  const meeting = await requireMeetingRow(db, viewer, meetingId);
  const group = await requireGroup(db, meeting.group_slug);
  requireDelegationOf(viewer, group, nation, 'params.nation');
  const code = codeOf(meeting);
  const problem = phaseProblem(code, phaseOf(meeting), ['planned', 'open'], 'answer');
  if (problem !== null) throw new AppError('conflict', problem);
  const invitation = await findInvitation(db, meeting.id, nation);
  if (!invitation) throw invalid('params.nation', `${nation} is not invited to ${code}`);
  const current = async () => {
    const rows = await listInvitationRows(db, meeting.id);
    const row = rows.find((r) => r.nation_code === nation);
    return row ? toInvitation(row) : null;
  };
  if (invitation.version !== input.version)
    throw staleVersion('invitation', input.version, (await current()) ?? invitation);
  const changes = {
    response: input.response,
    head_of_delegation: input.headOfDelegation ?? invitation.head_of_delegation,
    delegation_level: input.level ?? invitation.delegation_level,
    responded_at: now.toISOString(),
    responded_by: viewer.userId,
  };
  if (!(await updateInvitationRow(db, invitation.id, input.version, changes)))
    throw staleVersion('invitation', input.version, (await current()) ?? invitation);
  await recordAudit(
    db,
    actorOf(viewer),
    {
      action: 'meeting.rsvp',
      entity: 'meeting_invitation',
      entityId: invitation.id,
      marking: meeting,
      before: { nation, response: invitation.response, version: invitation.version },
      after: {
        nation,
        response: input.response,
        headOfDelegation: changes.head_of_delegation,
        level: changes.delegation_level,
        version: invitation.version + 1,
      },
    },
    now,
  );
  const after = await current();
  if (!after) throw invalid('params.nation', `${nation} is not invited to ${code}`);
  return after;
}
