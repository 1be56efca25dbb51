import type { Selectable } from 'kysely';
import type { Db } from '../db/database';
import type { UsersTable } from '../db/tables/accounts';

export type UserRow = Selectable<UsersTable> & {
  nation_name: string;
  nation_alpha2: string | null;
};

function usersWithNation(db: Db) {
  return db
    .selectFrom('users')
    .innerJoin('nations', 'nations.code', 'users.nation_code')
    .selectAll('users')
    .select(['nations.name as nation_name', 'nations.alpha2 as nation_alpha2']);
}

export const findUserById = (db: Db, id: string): Promise<UserRow | undefined> =>
  usersWithNation(db).where('users.id', '=', id).executeTakeFirst();

export const findUserByUsername = (db: Db, username: string): Promise<UserRow | undefined> =>
  usersWithNation(db).where('users.username', '=', username).executeTakeFirst();

export const listUserRows = (db: Db): Promise<UserRow[]> =>
  usersWithNation(db).orderBy('users.username').execute();

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertUser(db: Db, row: UsersTable): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

/** Updates only if the version still matches; returns whether a row changed. */
export async function updateUserRow(
  db: Db,
  id: string,
  version: number | null,
  changes: Partial<Omit<UsersTable, 'id' | 'version'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .$if(version !== null, (qb) => qb.where('version', '=', version ?? 0))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Sign-in bookkeeping (failures, lockout, last sign-in): not an edit, so the version stays. */
export async function recordSignInState(
  db: Db,
  id: string,
  changes: Partial<Pick<UsersTable, 'failed_sign_ins' | 'locked_until' | 'last_sign_in_at'>>,
): Promise<void> {
  await db.updateTable('users').set(changes).where('id', '=', id).execute();
}

/** Nations' places in groups today, for the viewer: member or recipient, and chair or co-chair. */
export async function nationStanding(db: Db, nationCode: string, day: string) {
  const [groups, chairs] = await Promise.all([
    db
      .selectFrom('memberships')
      .select('group_id')
      .where('nation_code', '=', nationCode)
      .where('role', 'in', ['member', 'recipient'])
      .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', day)]))
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', day)]))
      .execute(),
    db
      .selectFrom('chair_terms')
      .innerJoin('groups', 'groups.id', 'chair_terms.group_id')
      .select(['chair_terms.group_id', 'groups.slug'])
      .where((eb) =>
        eb.or([
          eb('chair_terms.nation_code', '=', nationCode),
          eb('chair_terms.co_chair_code', '=', nationCode),
        ]),
      )
      .where('chair_terms.starts_on', '<=', day)
      .where((eb) =>
        eb.or([eb('chair_terms.ends_on', 'is', null), eb('chair_terms.ends_on', '>', day)]),
      )
      .execute(),
  ]);
  return {
    groupIds: [...new Set(groups.map((g) => g.group_id))],
    chairGroups: chairs.map((c) => ({ id: c.group_id, slug: c.slug })),
  };
}
