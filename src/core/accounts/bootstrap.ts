import type { Db } from '../db/database';
import { todayIso } from '../time';
import { systemActor } from '../audit/audit.service';
import { addUser } from './account.service';
import { randomSecret } from './secrets';
import { countUsers } from './user.repository';

/**
 * On the very first start (no account at all) creates the admin, with the password given or a random
 * one that the caller prints once. The admin's nation is the one given, or the UDCG's chair today:
 * an admin sees data only as its nation may, so it needs one.
 */
export async function ensureFirstAdmin(
  db: Db,
  options: { username: string; password?: string | undefined; nation?: string | undefined },
  now: Date = new Date(),
): Promise<{ username: string; password: string | null; nation: string } | null> {
  if ((await countUsers(db)) > 0) return null;
  const chair = await db
    .selectFrom('chair_terms')
    .select('nation_code')
    .where('starts_on', '<=', todayIso(now))
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>', todayIso(now))]))
    .executeTakeFirst();
  const nation = options.nation ?? chair?.nation_code ?? 'GBR';
  const password = options.password ?? randomSecret(18);
  await addUser(
    db,
    systemActor,
    {
      username: options.username,
      displayName: 'Administrator',
      nation,
      roles: ['admin'],
      password,
    },
    now,
  );
  return {
    username: options.username,
    password: options.password === undefined ? password : null,
    nation,
  };
}
