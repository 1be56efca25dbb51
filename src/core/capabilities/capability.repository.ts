import type { Db } from '../db/database';

export async function listAreaRows(db: Db, groupId: string) {
  return db
    .selectFrom('capability_areas')
    .select(['id', 'slug', 'name', 'sort_order', 'note'])
    .where('group_id', '=', groupId)
    .orderBy('sort_order')
    .orderBy('slug')
    .execute();
}

function coalitionsWithArea(db: Db) {
  return db
    .selectFrom('coalitions')
    .innerJoin('capability_areas', 'capability_areas.id', 'coalitions.capability_area_id')
    .innerJoin('groups', 'groups.id', 'coalitions.group_id')
    .selectAll('coalitions')
    .select([
      'capability_areas.slug as area_slug',
      'capability_areas.name as area_name',
      'groups.slug as group_slug',
    ]);
}

export type CoalitionRow = NonNullable<Awaited<ReturnType<typeof findCoalitionRow>>>;

export async function findCoalitionRow(db: Db, id: string) {
  return coalitionsWithArea(db).where('coalitions.id', '=', id).executeTakeFirst();
}

/** A group's coalitions in the order of their areas, then by name. */
export async function listCoalitionRows(db: Db, groupId: string) {
  return coalitionsWithArea(db)
    .where('coalitions.group_id', '=', groupId)
    .orderBy('capability_areas.sort_order')
    .orderBy('coalitions.name')
    .execute();
}

/** The nations of the given coalitions, in one query for the whole list (no N+1). */
export async function listCoalitionNationRows(db: Db, coalitionIds: string[]) {
  if (coalitionIds.length === 0) return [];
  return db
    .selectFrom('coalition_nations')
    .innerJoin('nations', 'nations.code', 'coalition_nations.nation_code')
    .select([
      'coalition_nations.coalition_id',
      'coalition_nations.nation_code',
      'coalition_nations.role',
      'coalition_nations.joined_on',
      'nations.name',
      'nations.alpha2',
    ])
    .where('coalition_nations.coalition_id', 'in', coalitionIds)
    .orderBy('nations.name')
    .execute();
}
