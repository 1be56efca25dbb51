import type { Db } from '../db/database';
import type { ApiTokensTable, SessionsTable } from '../db/tables/accounts';

export async function insertSession(db: Db, row: SessionsTable): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export const findSession = (db: Db, id: string) =>
  db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();

export async function touchSession(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of a user, except the one given (a password change keeps the current one). */
export async function deleteUserSessions(db: Db, userId: string, except?: string): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .$if(except !== undefined, (qb) => qb.where('id', '!=', except ?? ''))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteExpiredSessions(db: Db, now: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

export async function insertApiToken(db: Db, row: ApiTokensTable): Promise<void> {
  await db.insertInto('api_tokens').values(row).execute();
}

export const findApiTokenByHash = (db: Db, hash: string) =>
  db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();

export const findApiToken = (db: Db, userId: string, id: string) =>
  db
    .selectFrom('api_tokens')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();

export const listApiTokens = (db: Db, userId: string) =>
  db
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();

export async function markApiToken(
  db: Db,
  id: string,
  changes: Partial<Pick<ApiTokensTable, 'last_used_at' | 'revoked_at'>>,
) {
  await db.updateTable('api_tokens').set(changes).where('id', '=', id).execute();
}
