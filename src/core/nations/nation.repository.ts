import type { Selectable } from 'kysely';
import type { Db } from '../db/database';
import type { NationsTable } from '../db/tables/nations';
import type { Nation, NationListQuery } from './nation.schema';

export const toNation = (row: Selectable<NationsTable>): Nation => ({
  code: row.code,
  alpha2: row.alpha2,
  name: row.name,
  kind: row.kind === 'organisation' ? 'organisation' : 'state',
  natoMember: row.nato_member === 1,
  euMember: row.eu_member === 1,
});

export async function listNations(
  db: Db,
  query: NationListQuery,
): Promise<{ rows: Nation[]; total: number }> {
  const filtered = db
    .selectFrom('nations')
    .$if(query.q !== undefined, (qb) => {
      const pattern = `%${(query.q ?? '').toLowerCase()}%`;
      return qb.where((eb) =>
        eb.or([
          eb(eb.fn('lower', ['name']), 'like', pattern),
          eb(eb.fn('lower', ['code']), 'like', pattern),
        ]),
      );
    })
    .$if(query.kind !== undefined, (qb) => qb.where('kind', '=', query.kind ?? 'state'))
    .$if(query.group !== undefined, (qb) =>
      qb.where('code', 'in', (eb) =>
        eb
          .selectFrom('memberships')
          .innerJoin('groups', 'groups.id', 'memberships.group_id')
          .select('memberships.nation_code')
          .where('groups.slug', '=', query.group ?? ''),
      ),
    );
  const [rows, count] = await Promise.all([
    filtered
      .selectAll()
      .orderBy('name')
      .orderBy('code')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(toNation), total: Number(count.n) };
}

export async function findNation(db: Db, code: string): Promise<Nation | undefined> {
  const row = await db
    .selectFrom('nations')
    .selectAll()
    .where('code', '=', code)
    .executeTakeFirst();
  return row && toNation(row);
}

export async function listNationMemberships(db: Db, code: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('groups', 'groups.id', 'memberships.group_id')
    .select([
      'groups.slug',
      'groups.name',
      'groups.short_name',
      'memberships.role',
      'memberships.valid_from',
      'memberships.valid_to',
    ])
    .where('memberships.nation_code', '=', code)
    .orderBy('groups.name')
    .execute();
}
