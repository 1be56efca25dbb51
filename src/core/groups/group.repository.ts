import type { Db } from '../db/database';

export async function listGroupRows(db: Db) {
  return db
    .selectFrom('groups')
    .innerJoin('nations', 'nations.code', 'groups.recipient_code')
    .selectAll('groups')
    .select(['nations.name as recipient_name', 'nations.alpha2 as recipient_alpha2'])
    .orderBy('groups.name')
    .execute();
}

export async function findGroupRow(db: Db, slug: string) {
  return db
    .selectFrom('groups')
    .innerJoin('nations', 'nations.code', 'groups.recipient_code')
    .selectAll('groups')
    .select(['nations.name as recipient_name', 'nations.alpha2 as recipient_alpha2'])
    .where('groups.slug', '=', slug)
    .executeTakeFirst();
}

export type GroupRow = NonNullable<Awaited<ReturnType<typeof findGroupRow>>>;

/** Memberships active on `day` per group, counted in the database. */
export async function countActiveMembers(db: Db, groupIds: string[], day: string) {
  if (groupIds.length === 0) return new Map<string, number>();
  const rows = await db
    .selectFrom('memberships')
    .select(['group_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('group_id', 'in', groupIds)
    .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', day)]))
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', day)]))
    .groupBy('group_id')
    .execute();
  return new Map(rows.map((r) => [r.group_id, Number(r.n)]));
}

export async function listMemberRows(
  db: Db,
  groupId: string,
  filter: { role?: string | undefined; on?: string | undefined },
) {
  return db
    .selectFrom('memberships')
    .innerJoin('nations', 'nations.code', 'memberships.nation_code')
    .selectAll('memberships')
    .select([
      'nations.name as nation_name',
      'nations.alpha2 as nation_alpha2',
      'nations.kind as nation_kind',
      'nations.nato_member',
      'nations.eu_member',
    ])
    .where('memberships.group_id', '=', groupId)
    .$if(filter.role !== undefined, (qb) => qb.where('memberships.role', '=', filter.role ?? ''))
    .$if(filter.on !== undefined, (qb) => {
      const day = filter.on ?? '';
      return qb
        .where((eb) =>
          eb.or([
            eb('memberships.valid_from', 'is', null),
            eb('memberships.valid_from', '<=', day),
          ]),
        )
        .where((eb) =>
          eb.or([eb('memberships.valid_to', 'is', null), eb('memberships.valid_to', '>', day)]),
        );
    })
    .orderBy('nations.name')
    .execute();
}
