import { sql } from 'kysely';
import type { Db } from '../db/database';

// Published aid is public reference data: no markings to filter by, and no join to the ledger's tables.

/** A donor-month as one sortable number, year × 100 + month (202203), the same on both databases. */
const monthOf = (alias: 'm' | 'l') =>
  sql<number>`${sql.ref(`${alias}.year`)} * 100 + ${sql.ref(`${alias}.month`)}`;

export async function listFigureRows(
  db: Db,
  filter: { donor?: string | undefined; measure?: string | undefined },
) {
  return db
    .selectFrom('published_aid_figures as f')
    .leftJoin('nations as n', 'n.code', 'f.donor_nation')
    .selectAll('f')
    .select(['n.name as nation_name', 'n.alpha2 as nation_alpha2'])
    .$if(filter.donor !== undefined, (qb) => qb.where('f.donor_nation', '=', filter.donor ?? ''))
    .$if(filter.measure !== undefined, (qb) => qb.where('f.measure', '=', filter.measure ?? ''))
    .orderBy('f.release_date')
    .orderBy('f.data_cutoff')
    .orderBy('f.donor_name')
    .orderBy('f.currency')
    .orderBy('f.id')
    .execute();
}

export type FigureRow = Awaited<ReturnType<typeof listFigureRows>>[number];

/**
 * Donor-months in a period, oldest first per donor. `from` and `to` are months as numbers (202203),
 * inclusive; `donor` narrows to one donor.
 */
export async function listMonthRows(
  db: Db,
  filter: { donor?: string | undefined; from?: number | undefined; to?: number | undefined },
) {
  return db
    .selectFrom('published_aid_monthly as m')
    .innerJoin('nations as n', 'n.code', 'm.donor_nation')
    .selectAll('m')
    .select(['n.name as nation_name', 'n.alpha2 as nation_alpha2'])
    .$if(filter.donor !== undefined, (qb) => qb.where('m.donor_nation', '=', filter.donor ?? ''))
    .$if(filter.from !== undefined, (qb) => qb.where(monthOf('m'), '>=', filter.from ?? 0))
    .$if(filter.to !== undefined, (qb) => qb.where(monthOf('m'), '<=', filter.to ?? 0))
    .orderBy('m.donor_nation')
    .orderBy('m.year')
    .orderBy('m.month')
    .execute();
}

export type MonthRow = Awaited<ReturnType<typeof listMonthRows>>[number];

/** Each given nation's latest donor-month (the newest release's GDP figure), one row per nation. */
export async function listLatestGdpRows(db: Db, nations: readonly string[]) {
  if (nations.length === 0) return [];
  return db
    .selectFrom('published_aid_monthly as m')
    .select(['m.donor_nation', 'm.year', 'm.month', 'm.gdp_bn', 'm.release'])
    .where('m.donor_nation', 'in', [...nations])
    .where(monthOf('m'), '=', (eb) =>
      eb
        .selectFrom('published_aid_monthly as l')
        .select((inner) => inner.fn.max(monthOf('l')).as('latest'))
        .whereRef('l.donor_nation', '=', 'm.donor_nation'),
    )
    .orderBy('m.donor_nation')
    .execute();
}

export async function findNationRef(db: Db, code: string) {
  return db
    .selectFrom('nations')
    .select(['code', 'name', 'alpha2'])
    .where('code', '=', code)
    .executeTakeFirst();
}
