import type { Kysely } from 'kysely';

// The support ledger: requirements, pledges (with their status history and delivery schedule),
// deliveries, the group price list, and the bucketed totals every aggregate reads. Written against
// Kysely<any>; never edit once landed.
// The column helpers below are typed `any` on purpose: Kysely's builder types cannot follow columns
// added by a helper, and a migration must not depend on the application's table types.
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return */

const marked = (table: any): any =>
  table
    .addColumn('marking', 'text', (c: any) => c.notNull())
    .addColumn('rel_to', 'text')
    .addColumn('group_id', 'text', (c: any) => c.notNull().references('groups.id'));

const source = (table: any): any =>
  table
    .addColumn('source_url', 'text')
    .addColumn('source_title', 'text')
    .addColumn('confidence', 'text');

const authored = (table: any): any =>
  table
    .addColumn('created_by', 'text', (c: any) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .addColumn('updated_at', 'text', (c: any) => c.notNull())
    .addColumn('version', 'integer', (c: any) => c.notNull());

// Bucket tables key the marking too: rel_to is '' (never null) so it can be part of the primary key.
const bucket = (table: any): any =>
  table
    .addColumn('group_id', 'text', (c: any) => c.notNull())
    .addColumn('marking', 'text', (c: any) => c.notNull())
    .addColumn('rel_to', 'text', (c: any) => c.notNull());

export async function up(db: Kysely<any>): Promise<void> {
  await authored(
    marked(
      source(
        db.schema
          .createTable('requirements')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('capability_area_id', 'text', (c) =>
            c.notNull().references('capability_areas.id'),
          )
          .addColumn('item', 'text', (c) => c.notNull())
          .addColumn('specification', 'text', (c) => c.notNull())
          .addColumn('quantity', 'bigint', (c) => c.notNull())
          .addColumn('unit', 'text', (c) => c.notNull())
          .addColumn('priority', 'integer', (c) => c.notNull())
          .addColumn('needed_by', 'text')
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('note', 'text')
          .addColumn('origin_nation', 'text', (c) => c.notNull().references('nations.code'))
          .addColumn('external_id', 'text'),
      ),
    ),
  ).execute();
  await db.schema
    .createIndex('requirements_group_priority')
    .on('requirements')
    .columns(['group_id', 'priority'])
    .execute();
  await db.schema
    .createIndex('requirements_group_external_id')
    .on('requirements')
    .columns(['group_id', 'external_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('requirement_priority_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('requirement_id', 'text', (c) => c.notNull().references('requirements.id'))
    .addColumn('from_priority', 'integer')
    .addColumn('to_priority', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('changed_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('requirement_priority_changes_requirement')
    .on('requirement_priority_changes')
    .columns(['requirement_id', 'changed_at'])
    .execute();

  await source(
    db.schema
      .createTable('price_list_items')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id'))
      .addColumn('item', 'text', (c) => c.notNull())
      .addColumn('specification', 'text', (c) => c.notNull())
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('unit_price_minor', 'bigint', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('valid_from', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('price_list_items_key', [
        'group_id',
        'item',
        'specification',
        'unit',
        'valid_from',
      ]),
  ).execute();

  await authored(
    marked(
      source(
        db.schema
          .createTable('pledges')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('donor_nation', 'text', (c) => c.notNull().references('nations.code'))
          .addColumn('channel_kind', 'text', (c) => c.notNull())
          .addColumn('channel_nation', 'text', (c) => c.references('nations.code'))
          .addColumn('channel_coalition_id', 'text', (c) => c.references('coalitions.id'))
          .addColumn('channel_name', 'text')
          .addColumn('requirement_id', 'text', (c) => c.references('requirements.id'))
          .addColumn('capability_area_id', 'text', (c) =>
            c.notNull().references('capability_areas.id'),
          )
          .addColumn('item', 'text', (c) => c.notNull())
          .addColumn('specification', 'text', (c) => c.notNull())
          .addColumn('quantity', 'bigint')
          .addColumn('unit', 'text')
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('value_minor', 'bigint')
          .addColumn('currency', 'text')
          .addColumn('valuation_date', 'text')
          .addColumn('valuation_method', 'text', (c) => c.notNull())
          .addColumn('reporting_value_minor', 'bigint')
          .addColumn('reporting_currency', 'text', (c) => c.notNull())
          .addColumn('reporting_rate', 'text')
          .addColumn('reporting_rate_date', 'text')
          .addColumn('announced_on', 'text', (c) => c.notNull())
          .addColumn('meeting_id', 'text', (c) => c.references('meetings.id'))
          .addColumn('event_id', 'text', (c) => c.references('events.id'))
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('status_on', 'text', (c) => c.notNull())
          .addColumn('delivered_quantity', 'bigint', (c) => c.notNull())
          .addColumn('external_ref', 'text')
          .addColumn('external_id', 'text')
          .addColumn('note', 'text'),
      ),
    ),
  ).execute();
  for (const [name, columns] of [
    ['pledges_group_created', ['group_id', 'created_at', 'id']],
    ['pledges_group_donor', ['group_id', 'donor_nation']],
    ['pledges_requirement', ['requirement_id']],
    ['pledges_meeting', ['meeting_id']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('pledges')
      .columns([...columns])
      .execute();
  }
  await db.schema
    .createIndex('pledges_group_external_id')
    .on('pledges')
    .columns(['group_id', 'external_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('pledge_status_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pledge_id', 'text', (c) => c.notNull().references('pledges.id'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('effective_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('changed_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('pledge_status_changes_pledge')
    .on('pledge_status_changes')
    .columns(['pledge_id', 'changed_at'])
    .execute();

  await db.schema
    .createTable('pledge_tranches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pledge_id', 'text', (c) => c.notNull().references('pledges.id'))
    .addColumn('planned_on', 'text', (c) => c.notNull())
    .addColumn('quantity', 'bigint', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('pledge_tranches_pledge')
    .on('pledge_tranches')
    .columns(['pledge_id', 'planned_on'])
    .execute();

  await db.schema
    .createTable('deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pledge_id', 'text', (c) => c.notNull().references('pledges.id'))
    .addColumn('quantity', 'bigint', (c) => c.notNull())
    .addColumn('delivered_on', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('note', 'text')
    .addColumn('external_id', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_by', 'text', (c) => c.references('users.id'))
    .addColumn('confirmed_at', 'text')
    .execute();
  await db.schema
    .createIndex('deliveries_pledge')
    .on('deliveries')
    .columns(['pledge_id', 'delivered_on'])
    .execute();
  await db.schema
    .createIndex('deliveries_pledge_external_id')
    .on('deliveries')
    .columns(['pledge_id', 'external_id'])
    .unique()
    .execute();

  // Totals kept in the same transaction as every pledge and delivery write (see ledger-totals.ts).
  await bucket(
    db.schema
      .createTable('requirement_totals')
      .addColumn('requirement_id', 'text', (c) => c.notNull())
      .addColumn('pledge_count', 'bigint', (c) => c.notNull())
      .addColumn('pledged_quantity', 'bigint', (c) => c.notNull())
      .addColumn('contracted_quantity', 'bigint', (c) => c.notNull())
      .addColumn('delivered_quantity', 'bigint', (c) => c.notNull()),
  )
    .addPrimaryKeyConstraint('requirement_totals_pk', ['requirement_id', 'marking', 'rel_to'])
    .execute();

  await bucket(
    db.schema
      .createTable('donor_totals')
      .addColumn('donor_nation', 'text', (c) => c.notNull())
      .addColumn('capability_area_id', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('pledge_count', 'bigint', (c) => c.notNull())
      .addColumn('unvalued_count', 'bigint', (c) => c.notNull())
      .addColumn('pledged_value_minor', 'bigint', (c) => c.notNull())
      .addColumn('estimated_value_minor', 'bigint', (c) => c.notNull())
      .addColumn('contracted_value_minor', 'bigint', (c) => c.notNull())
      .addColumn('delivered_value_minor', 'bigint', (c) => c.notNull()),
  )
    .addPrimaryKeyConstraint('donor_totals_pk', [
      'group_id',
      'donor_nation',
      'capability_area_id',
      'channel',
      'marking',
      'rel_to',
    ])
    .execute();

  await bucket(
    db.schema
      .createTable('timeline_totals')
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('meeting_id', 'text', (c) => c.notNull())
      .addColumn('donor_nation', 'text', (c) => c.notNull())
      .addColumn('pledge_count', 'bigint', (c) => c.notNull())
      .addColumn('pledged_value_minor', 'bigint', (c) => c.notNull()),
  )
    .addPrimaryKeyConstraint('timeline_totals_pk', [
      'group_id',
      'month',
      'meeting_id',
      'donor_nation',
      'marking',
      'rel_to',
    ])
    .execute();

  // Published aid figures (the Kiel Institute's tracker): public reference data, kept apart from the
  // pledges delegations record, and never added into their totals. Amounts are exact decimal text.
  await source(
    db.schema
      .createTable('published_aid_figures')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('donor_nation', 'text', (c) => c.references('nations.code'))
      .addColumn('donor_name', 'text', (c) => c.notNull())
      .addColumn('aid_type', 'text', (c) => c.notNull())
      .addColumn('measure', 'text', (c) => c.notNull())
      .addColumn('amount_bn', 'text', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('period_start', 'text')
      .addColumn('data_cutoff', 'text')
      .addColumn('release_date', 'text')
      .addColumn('notes', 'text'),
  ).execute();

  await source(
    db.schema
      .createTable('published_aid_monthly')
      .addColumn('donor_nation', 'text', (c) => c.notNull().references('nations.code'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('month', 'integer', (c) => c.notNull())
      .addColumn('total_bn', 'text', (c) => c.notNull())
      .addColumn('financial_bn', 'text', (c) => c.notNull())
      .addColumn('humanitarian_bn', 'text', (c) => c.notNull())
      .addColumn('military_bn', 'text', (c) => c.notNull())
      .addColumn('commitments_bn', 'text', (c) => c.notNull())
      .addColumn('to_be_allocated_bn', 'text', (c) => c.notNull())
      .addColumn('gdp_bn', 'text', (c) => c.notNull())
      .addColumn('release', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('published_aid_monthly_pk', ['donor_nation', 'year', 'month']),
  ).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'published_aid_monthly',
    'published_aid_figures',
    'timeline_totals',
    'donor_totals',
    'requirement_totals',
    'deliveries',
    'pledge_tranches',
    'pledge_status_changes',
    'pledges',
    'price_list_items',
    'requirement_priority_changes',
    'requirements',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
