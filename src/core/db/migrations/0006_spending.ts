import type { Kysely } from 'kysely';

// Defence spending against targets: figures per nation, year and release (every release kept), and
// the alliance-wide, national and called-for targets. Public reference data. Written against
// Kysely<any>; never edit once landed.
/* eslint-disable @typescript-eslint/no-explicit-any */

const source = <T extends { addColumn: (...args: any[]) => T }>(table: T): T =>
  table
    .addColumn('source_url', 'text')
    .addColumn('source_title', 'text')
    .addColumn('confidence', 'text');

export async function up(db: Kysely<any>): Promise<void> {
  await source(
    db.schema
      .createTable('spending_figures')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('nation_code', 'text', (c) => c.notNull().references('nations.code'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('release', 'text', (c) => c.notNull())
      .addColumn('release_date', 'text', (c) => c.notNull())
      // Exact decimal text as published: never floats.
      .addColumn('pct_gdp', 'text')
      .addColumn('usd_million', 'text')
      .addColumn('national_million', 'text')
      .addColumn('national_currency', 'text')
      .addColumn('gdp_usd_billion', 'text')
      .addColumn('estimate', 'integer', (c) => c.notNull())
      .addColumn('notes', 'text')
      .addColumn('loaded_from', 'text', (c) => c.notNull())
      .addColumn('loaded_at', 'text', (c) => c.notNull())
      // One figure per nation, year and release: a release revises, it never repeats.
      .addUniqueConstraint('spending_figures_nation_year_release', [
        'nation_code',
        'year',
        'release',
      ]),
  ).execute();
  await db.schema
    .createIndex('spending_figures_year')
    .on('spending_figures')
    .columns(['year', 'nation_code'])
    .execute();

  await source(
    db.schema
      .createTable('spending_targets')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('nation_code', 'text', (c) => c.references('nations.code'))
      .addColumn('announced_on', 'text', (c) => c.notNull())
      .addColumn('announced_by', 'text', (c) => c.notNull())
      .addColumn('deadline_year', 'integer')
      .addColumn('deadline', 'text')
      .addColumn('pct_gdp', 'text')
      .addColumn('measure', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      // Links between targets are checked by the loader (both ends exist, no cycle); no foreign key,
      // so that a set of targets linking each other loads in one statement on either database.
      .addColumn('supersedes_id', 'text')
      .addColumn('part_of_id', 'text'),
  ).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('spending_targets').ifExists().execute();
  await db.schema.dropTable('spending_figures').ifExists().execute();
}
