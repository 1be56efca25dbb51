import type { Insertable } from 'kysely';
import type { Db } from '../db/database';
import type { SpendingFiguresTable, SpendingTargetsTable } from '../db/tables/spending';

// Spending figures and targets are public reference data: no marking, so no releasability filter.

function figuresWithNation(db: Db) {
  return db
    .selectFrom('spending_figures as f')
    .innerJoin('nations as n', 'n.code', 'f.nation_code')
    .selectAll('f')
    .select(['n.name as nation_name', 'n.alpha2 as nation_alpha2']);
}

export type FigureRow = Awaited<ReturnType<typeof listFigureRows>>[number];

/**
 * Every release of the figures matching the filter. Which one is current is decided over all releases
 * of a nation-year, so the release filter is the caller's, after that choice.
 */
export async function listFigureRows(
  db: Db,
  filter: { nation?: string | undefined; year?: number | undefined; years?: readonly number[] },
) {
  return figuresWithNation(db)
    .$if(filter.nation !== undefined, (qb) => qb.where('f.nation_code', '=', filter.nation ?? ''))
    .$if(filter.year !== undefined, (qb) => qb.where('f.year', '=', filter.year ?? 0))
    .$if(filter.years !== undefined, (qb) => qb.where('f.year', 'in', [...(filter.years ?? [])]))
    .orderBy('f.year', 'desc')
    .orderBy('n.name')
    .orderBy('f.release_date', 'desc')
    .orderBy('f.release', 'desc')
    .execute();
}

export async function listReleaseRows(db: Db) {
  return db
    .selectFrom('spending_figures')
    .select((eb) => [
      'release',
      'release_date',
      eb.fn.countAll<number | string>().as('figures'),
      eb.fn.count<number | string>('nation_code').distinct().as('nations'),
      eb.fn.min<number>('year').as('first_year'),
      eb.fn.max<number>('year').as('last_year'),
    ])
    .groupBy(['release', 'release_date'])
    .orderBy('release_date', 'desc')
    .orderBy('release', 'desc')
    .execute();
}

/** The latest year any figure states a share of GDP for; null with no figures. */
export async function latestFigureYear(db: Db): Promise<number | null> {
  const row = await db
    .selectFrom('spending_figures')
    .select((eb) => eb.fn.max<number>('year').as('latest'))
    .where('pct_gdp', 'is not', null)
    .executeTakeFirst();
  return row?.latest ?? null;
}

export async function listFiguresOfRelease(db: Db, release: string) {
  return db.selectFrom('spending_figures').selectAll().where('release', '=', release).execute();
}

export async function insertFigures(db: Db, rows: Insertable<SpendingFiguresTable>[]) {
  // 200 rows of 19 columns stay far below either database's limit on bound parameters.
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('spending_figures')
      .values(rows.slice(i, i + 200))
      .execute();
}

/** Sets one measure (and its currency) on a stored figure that lacked it; never overwrites a value. */
export async function fillFigure(
  db: Db,
  id: string,
  values: Partial<
    Pick<
      SpendingFiguresTable,
      'pct_gdp' | 'usd_million' | 'national_million' | 'national_currency' | 'gdp_usd_billion'
    >
  >,
) {
  await db.updateTable('spending_figures').set(values).where('id', '=', id).execute();
}

function targetsWithNation(db: Db) {
  return db
    .selectFrom('spending_targets as t')
    .leftJoin('nations as n', 'n.code', 't.nation_code')
    .selectAll('t')
    .select(['n.name as nation_name', 'n.alpha2 as nation_alpha2']);
}

export type TargetRow = Awaited<ReturnType<typeof listTargetRows>>[number];

/** Every target, oldest announcement first. */
export async function listTargetRows(db: Db) {
  return targetsWithNation(db).orderBy('t.announced_on').orderBy('t.id').execute();
}

export async function insertTargets(db: Db, rows: Insertable<SpendingTargetsTable>[]) {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('spending_targets')
      .values(rows.slice(i, i + 200))
      .execute();
}

export async function findNationRow(db: Db, code: string) {
  return db
    .selectFrom('nations')
    .select(['code', 'name', 'alpha2', 'nato_member'])
    .where('code', '=', code)
    .executeTakeFirst();
}

/** The allies (nations flagged as NATO members) and the named nations, in one query. */
export async function listNationRows(db: Db, codes: readonly string[]) {
  return db
    .selectFrom('nations')
    .select(['code', 'name', 'alpha2', 'nato_member'])
    .where((eb) =>
      codes.length === 0
        ? eb('nato_member', '=', 1)
        : eb.or([eb('nato_member', '=', 1), eb('code', 'in', [...codes])]),
    )
    .orderBy('name')
    .execute();
}

/** Names and codes of every nation, for reading a table that names nations in words. */
export async function listNationNames(db: Db) {
  return db.selectFrom('nations').select(['code', 'name', 'alpha2']).execute();
}
