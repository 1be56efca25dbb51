import type { Kysely } from 'kysely';

// Capability areas and the capability coalitions that serve them (support ledger). Written against
// Kysely<any>; never edit once landed. The taxonomy is per group, so its rows come with the group from
// the reference seed, not from here.
/* eslint-disable @typescript-eslint/no-explicit-any */

const source = <T extends { addColumn: (...args: any[]) => T }>(table: T): T =>
  table
    .addColumn('source_url', 'text')
    .addColumn('source_title', 'text')
    .addColumn('confidence', 'text');

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('capability_areas')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addUniqueConstraint('capability_areas_group_slug', ['group_id', 'slug'])
    .execute();

  await source(
    db.schema
      .createTable('coalitions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('capability_area_id', 'text', (c) => c.notNull().references('capability_areas.id'))
      .addColumn('formed_on', 'text')
      // The year or year-month as published when the day is not known ('2023', '2024-01').
      .addColumn('formed_in', 'text')
      .addColumn('formed_date_note', 'text')
      .addColumn('key_milestones', 'text')
      .addUniqueConstraint('coalitions_group_name', ['group_id', 'name']),
  ).execute();
  await db.schema
    .createIndex('coalitions_area')
    .on('coalitions')
    .column('capability_area_id')
    .execute();

  await source(
    db.schema
      .createTable('coalition_nations')
      .addColumn('coalition_id', 'text', (c) => c.notNull().references('coalitions.id'))
      .addColumn('nation_code', 'text', (c) => c.notNull().references('nations.code'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('joined_on', 'text')
      .addPrimaryKeyConstraint('coalition_nations_pk', ['coalition_id', 'nation_code']),
  ).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('coalition_nations').ifExists().execute();
  await db.schema.dropTable('coalitions').ifExists().execute();
  await db.schema.dropTable('capability_areas').ifExists().execute();
}
