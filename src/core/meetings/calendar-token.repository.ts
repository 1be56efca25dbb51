import type { Db } from '../db/database';
import type { CalendarFeedTokensTable } from '../db/tables/meeting-cycle';

/** Calendar feed tokens: only the SHA-256 of each secret is stored. */

export async function insertCalendarToken(db: Db, row: CalendarFeedTokensTable): Promise<void> {
  await db.insertInto('calendar_feed_tokens').values(row).execute();
}

export const listCalendarTokenRows = (db: Db, userId: string) =>
  db
    .selectFrom('calendar_feed_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();

export const findCalendarTokenRow = (db: Db, userId: string, id: string) =>
  db
    .selectFrom('calendar_feed_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();

export const findCalendarTokenByHash = (db: Db, hash: string) =>
  db
    .selectFrom('calendar_feed_tokens')
    .selectAll()
    .where('token_hash', '=', hash)
    .executeTakeFirst();

export async function markCalendarToken(
  db: Db,
  id: string,
  changes: Pick<Partial<CalendarFeedTokensTable>, 'revoked_at' | 'last_used_at'>,
): Promise<void> {
  await db.updateTable('calendar_feed_tokens').set(changes).where('id', '=', id).execute();
}
