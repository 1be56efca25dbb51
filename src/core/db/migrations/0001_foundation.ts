import type { Kysely } from 'kysely';

// Migrations are written against Kysely<any> on purpose: they describe the schema as it was on the day
// they landed, not as the current Database type says. Never edit a migration that has landed.
/* eslint-disable @typescript-eslint/no-explicit-any */

const source = <T extends { addColumn: (...args: any[]) => T }>(table: T): T =>
  table
    .addColumn('source_url', 'text')
    .addColumn('source_title', 'text')
    .addColumn('confidence', 'text');

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('nations')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('alpha2', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('state'))
    .addColumn('nato_member', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('eu_member', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await source(
    db.schema
      .createTable('groups')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('short_name', 'text', (c) => c.notNull())
      .addColumn('recipient_code', 'text', (c) => c.notNull().references('nations.code'))
      .addColumn('reporting_currency', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull()),
  ).execute();

  await source(
    db.schema
      .createTable('memberships')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id'))
      .addColumn('nation_code', 'text', (c) => c.notNull().references('nations.code'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('valid_from', 'text')
      .addColumn('valid_to', 'text')
      .addColumn('first_seen_meeting', 'integer')
      .addColumn('note', 'text'),
  ).execute();
  await db.schema
    .createIndex('memberships_group_nation')
    .on('memberships')
    .columns(['group_id', 'nation_code'])
    .execute();

  await source(
    db.schema
      .createTable('chair_terms')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id'))
      .addColumn('nation_code', 'text', (c) => c.notNull().references('nations.code'))
      .addColumn('co_chair_code', 'text', (c) => c.references('nations.code'))
      .addColumn('starts_on', 'text', (c) => c.notNull())
      .addColumn('ends_on', 'text')
      .addColumn('starts_at_meeting', 'integer')
      .addColumn('note', 'text'),
  ).execute();
  // Two terms of one group never start on the same day: the timeline has one chair at a time.
  await db.schema
    .createIndex('chair_terms_group_start')
    .on('chair_terms')
    .columns(['group_id', 'starts_on'])
    .unique()
    .execute();

  await source(
    db.schema
      .createTable('persons')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('title', 'text')
      .addColumn('nation_code', 'text', (c) => c.references('nations.code')),
  ).execute();
  await db.schema
    .createIndex('persons_name_nation')
    .on('persons')
    .columns(['name', 'nation_code'])
    .execute();

  await source(
    db.schema
      .createTable('events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('ref', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('starts_on', 'text', (c) => c.notNull())
      .addColumn('ends_on', 'text', (c) => c.notNull())
      .addColumn('location', 'text')
      .addColumn('country_code', 'text', (c) => c.references('nations.code'))
      .addColumn('actors', 'text')
      .addColumn('note', 'text'),
  ).execute();
  await db.schema.createIndex('events_starts_on').on('events').column('starts_on').execute();

  await source(
    db.schema
      .createTable('meetings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id'))
      .addColumn('number', 'integer')
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('start_time', 'text')
      .addColumn('time_zone', 'text', (c) => c.notNull())
      .addColumn('starts_at', 'text')
      .addColumn('venue', 'text')
      .addColumn('venue_country_code', 'text', (c) => c.references('nations.code'))
      .addColumn('virtual_url', 'text')
      .addColumn('format', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('chair_code', 'text', (c) => c.notNull().references('nations.code'))
      .addColumn('chair_person_id', 'text', (c) => c.references('persons.id'))
      .addColumn('co_chair_code', 'text', (c) => c.references('nations.code'))
      .addColumn('co_chair_person_id', 'text', (c) => c.references('persons.id'))
      .addColumn('note', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull()),
  ).execute();
  // NULL numbers (an unnumbered, cancelled meeting) are distinct on both databases.
  await db.schema
    .createIndex('meetings_group_number')
    .on('meetings')
    .columns(['group_id', 'number'])
    .unique()
    .execute();
  await db.schema
    .createIndex('meetings_group_date')
    .on('meetings')
    .columns(['group_id', 'date'])
    .execute();

  await db.schema
    .createTable('meeting_events')
    .addColumn('meeting_id', 'text', (c) =>
      c.notNull().references('meetings.id').onDelete('cascade'),
    )
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('relation', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('meeting_events_pk', ['meeting_id', 'event_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'meeting_events',
    'meetings',
    'events',
    'persons',
    'chair_terms',
    'memberships',
    'groups',
    'nations',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
