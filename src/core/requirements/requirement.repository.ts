import type { Selectable } from 'kysely';
import type { Viewer } from '../accounts/viewer';
import type { Db } from '../db/database';
import type { RequirementPriorityChangesTable, RequirementsTable } from '../db/tables/ledger';
import { releasableTo } from '../markings';
import type { RequirementListQuery } from './requirement.schema';

export type RequirementRow = Selectable<RequirementsTable> & {
  group_slug: string;
  area_slug: string;
  area_name: string;
  created_by_username: string;
};

/** Every read of requirements starts here, so none can skip the markings filter. */
export function releasableRequirements(db: Db, viewer: Viewer) {
  return db
    .selectFrom('requirements')
    .innerJoin('groups', 'groups.id', 'requirements.group_id')
    .innerJoin('capability_areas', 'capability_areas.id', 'requirements.capability_area_id')
    .innerJoin('users', 'users.id', 'requirements.created_by')
    .where(releasableTo(viewer, 'requirements'));
}

const columns = [
  'groups.slug as group_slug',
  'capability_areas.slug as area_slug',
  'capability_areas.name as area_name',
  'users.username as created_by_username',
] as const;

export const findRequirement = (
  db: Db,
  viewer: Viewer,
  id: string,
): Promise<RequirementRow | undefined> =>
  releasableRequirements(db, viewer)
    .selectAll('requirements')
    .select(columns)
    .where('requirements.id', '=', id)
    .executeTakeFirst();

export async function listRequirementRows(
  db: Db,
  viewer: Viewer,
  groupId: string,
  query: RequirementListQuery,
) {
  const filtered = releasableRequirements(db, viewer)
    .where('requirements.group_id', '=', groupId)
    .$if(query.area !== undefined, (qb) => qb.where('capability_areas.slug', '=', query.area ?? ''))
    .$if(query.status !== undefined, (qb) =>
      qb.where('requirements.status', '=', query.status ?? ''),
    )
    .$if(query.q !== undefined, (qb) => {
      const pattern = `%${(query.q ?? '').toLowerCase()}%`;
      return qb.where((eb) =>
        eb.or([
          eb(eb.fn('lower', ['requirements.item']), 'like', pattern),
          eb(eb.fn('lower', ['requirements.specification']), 'like', pattern),
        ]),
      );
    });
  const [rows, count] = await Promise.all([
    filtered
      .selectAll('requirements')
      .select(columns)
      .orderBy('requirements.priority')
      .orderBy('requirements.id')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/**
 * Serialises changes to a group's ranking: a no-op write to the group row takes PostgreSQL's row lock
 * (and SQLite's write lock), so two concurrent publications or moves cannot both take rank n.
 */
export async function lockRanking(db: Db, groupId: string): Promise<void> {
  await db
    .updateTable('groups')
    .set((eb) => ({ id: eb.ref('id') }))
    .where('id', '=', groupId)
    .execute();
}

/** The highest priority number in the group (0 when it has none): every requirement, for ranking. */
export async function maxPriority(db: Db, groupId: string): Promise<number> {
  const row = await db
    .selectFrom('requirements')
    .select((eb) => eb.fn.max<number | null>('priority').as('max'))
    .where('group_id', '=', groupId)
    .executeTakeFirst();
  return Number(row?.max ?? 0);
}

/** Moves every requirement ranked in [from, to] by `step` (+1 or -1) to make room for a move. */
export async function shiftPriorities(
  db: Db,
  groupId: string,
  from: number,
  to: number,
  step: 1 | -1,
): Promise<void> {
  await db
    .updateTable('requirements')
    .set((eb) => ({ priority: eb('priority', '+', step) }))
    .where('group_id', '=', groupId)
    .where('priority', '>=', from)
    .where('priority', '<=', to)
    .execute();
}

export async function insertRequirement(db: Db, row: RequirementsTable): Promise<void> {
  await db.insertInto('requirements').values(row).execute();
}

/** Writes only if nobody changed the row since `version`; returns whether it did. */
export async function updateRequirementRow(
  db: Db,
  id: string,
  version: number,
  changes: Partial<RequirementsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('requirements')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertPriorityChange(
  db: Db,
  row: RequirementPriorityChangesTable,
): Promise<void> {
  await db.insertInto('requirement_priority_changes').values(row).execute();
}

export const listPriorityChanges = (db: Db, requirementId: string) =>
  db
    .selectFrom('requirement_priority_changes')
    .innerJoin('users', 'users.id', 'requirement_priority_changes.changed_by')
    .selectAll('requirement_priority_changes')
    .select('users.username')
    .where('requirement_id', '=', requirementId)
    .orderBy('changed_at')
    .orderBy('requirement_priority_changes.id')
    .execute();

export const findAreaBySlug = (db: Db, groupId: string, slug: string) =>
  db
    .selectFrom('capability_areas')
    .select(['id', 'slug', 'name'])
    .where('group_id', '=', groupId)
    .where('slug', '=', slug)
    .executeTakeFirst();

export const findRequirementByExternalId = (db: Db, groupId: string, externalId: string) =>
  db
    .selectFrom('requirements')
    .select(['id'])
    .where('group_id', '=', groupId)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
