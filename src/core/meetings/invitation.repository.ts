import type { Db } from '../db/database';
import type { MeetingInvitationsTable } from '../db/tables/meeting-cycle';

/** Invitations are read only through a meeting the service has found releasable to the viewer. */

export type InvitationRow = Awaited<ReturnType<typeof listInvitationRows>>[number];

export const listInvitationRows = (db: Db, meetingId: string) =>
  db
    .selectFrom('meeting_invitations')
    .innerJoin('nations', 'nations.code', 'meeting_invitations.nation_code')
    .leftJoin('users', 'users.id', 'meeting_invitations.responded_by')
    .selectAll('meeting_invitations')
    .select([
      'nations.name as nation_name',
      'nations.alpha2 as nation_alpha2',
      'users.username as responded_by_username',
    ])
    .where('meeting_invitations.meeting_id', '=', meetingId)
    .orderBy('nations.name')
    .execute();

export const findInvitation = (db: Db, meetingId: string, nation: string) =>
  db
    .selectFrom('meeting_invitations')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .where('nation_code', '=', nation)
    .executeTakeFirst();

export async function insertInvitations(db: Db, rows: MeetingInvitationsTable[]): Promise<void> {
  // Slices keep each statement under either database's limit on bound parameters.
  for (let i = 0; i < rows.length; i += 50) {
    await db
      .insertInto('meeting_invitations')
      .values(rows.slice(i, i + 50))
      .execute();
  }
}

/** Writes the answer only if nobody changed the invitation since `version`. */
export async function updateInvitationRow(
  db: Db,
  id: string,
  version: number,
  changes: Partial<MeetingInvitationsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('meeting_invitations')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Who takes part in the group on a day, and how (member, observer, recipient). */
export const listParticipantsOn = (db: Db, groupId: string, day: string) =>
  db
    .selectFrom('memberships')
    .select(['nation_code', 'role'])
    .where('group_id', '=', groupId)
    .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', day)]))
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', day)]))
    .orderBy('nation_code')
    .execute();

/** A nation's answers to many meetings at once (for its calendar feed). */
export const listNationAnswers = (db: Db, nation: string, meetingIds: readonly string[]) =>
  meetingIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('meeting_invitations')
        .select(['meeting_id', 'response'])
        .where('nation_code', '=', nation)
        .where('meeting_id', 'in', meetingIds)
        .execute();
