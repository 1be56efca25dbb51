import { type CreateTableBuilder, type Kysely, sql } from 'kysely';

// Chair handovers, the meeting's live board (events kept for replay) and initiatives with the parties'
// positions. Written against Kysely<any>; never edit once landed.
/* eslint-disable @typescript-eslint/no-explicit-any */

type Table = CreateTableBuilder<string, string>;

const source = (table: Table): Table =>
  table
    .addColumn('source_url', 'text')
    .addColumn('source_title', 'text')
    .addColumn('confidence', 'text');

const marking = (table: Table): Table =>
  table
    .addColumn('marking', 'text', (c) => c.notNull())
    .addColumn('rel_to', 'text')
    .addColumn('group_id', 'text', (c) => c.references('groups.id'));

export async function up(db: Kysely<any>): Promise<void> {
  await marking(
    db.schema
      .createTable('chair_handovers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('from_term_id', 'text', (c) => c.notNull().references('chair_terms.id'))
      .addColumn('from_nation', 'text', (c) => c.notNull().references('nations.code'))
      .addColumn('to_nation', 'text', (c) => c.notNull().references('nations.code'))
      .addColumn('to_co_chair', 'text', (c) => c.references('nations.code'))
      .addColumn('effective_on', 'text', (c) => c.notNull())
      .addColumn('effective_meeting_id', 'text', (c) => c.references('meetings.id'))
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('proposed_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('proposed_by_nation', 'text', (c) => c.notNull())
      .addColumn('proposed_at', 'text', (c) => c.notNull())
      .addColumn('accepted_by', 'text', (c) => c.references('users.id'))
      .addColumn('accepted_at', 'text')
      .addColumn('acceptance_note', 'text')
      .addColumn('withdrawn_by', 'text', (c) => c.references('users.id'))
      .addColumn('withdrawn_at', 'text')
      .addColumn('withdrawal_reason', 'text')
      .addColumn('effective_at', 'text')
      .addColumn('new_term_id', 'text', (c) => c.references('chair_terms.id'))
      .addColumn('action_items_passed', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)),
  ).execute();
  // One open handover per group: two conflicting proposals can never both be pending, let alone
  // both take effect. A partial unique index, the same on both databases.
  await db.schema
    .createIndex('chair_handovers_one_open')
    .on('chair_handovers')
    .column('group_id')
    .unique()
    .where(sql.ref('status'), 'in', sql`('proposed', 'accepted')`)
    .execute();
  await db.schema
    .createIndex('chair_handovers_due')
    .on('chair_handovers')
    .columns(['status', 'effective_on'])
    .execute();

  await marking(
    db.schema
      .createTable('live_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('live_events_meeting_seq', ['meeting_id', 'seq']),
  ).execute();
  await db.schema
    .createTable('live_cursors')
    .addColumn('meeting_id', 'text', (c) => c.primaryKey().references('meetings.id'))
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .execute();

  await source(
    marking(
      db.schema
        .createTable('initiatives')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('ref', 'text', (c) => c.unique())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('proposer_code', 'text', (c) => c.notNull().references('nations.code'))
        .addColumn('proposer_detail', 'text')
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('origin_nation', 'text', (c) => c.references('nations.code'))
        .addColumn('created_by', 'text', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)),
    ),
  ).execute();
  await db.schema
    .createIndex('initiatives_group_marking')
    .on('initiatives')
    .columns(['group_id', 'marking'])
    .execute();

  await source(
    db.schema
      .createTable('initiative_elements')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('initiative_id', 'text', (c) =>
        c.notNull().references('initiatives.id').onDelete('cascade'),
      )
      .addColumn('sort_order', 'integer', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addUniqueConstraint('initiative_elements_order', ['initiative_id', 'sort_order']),
  ).execute();

  await source(
    db.schema
      .createTable('initiative_raisings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('initiative_id', 'text', (c) =>
        c.notNull().references('initiatives.id').onDelete('cascade'),
      )
      .addColumn('meeting_id', 'text', (c) => c.references('meetings.id'))
      .addColumn('event_id', 'text', (c) => c.references('events.id'))
      .addColumn('raised_on', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      // Raised at a meeting or at an event, never neither.
      .addCheckConstraint(
        'initiative_raisings_where',
        sql`meeting_id is not null or event_id is not null`,
      ),
  ).execute();
  await db.schema
    .createIndex('initiative_raisings_initiative')
    .on('initiative_raisings')
    .column('initiative_id')
    .execute();

  await source(
    marking(
      db.schema
        .createTable('initiative_positions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('initiative_id', 'text', (c) =>
          c.notNull().references('initiatives.id').onDelete('cascade'),
        )
        .addColumn('party_code', 'text', (c) => c.notNull().references('nations.code'))
        .addColumn('stance', 'text', (c) => c.notNull())
        .addColumn('stated_on', 'text', (c) => c.notNull())
        .addColumn('statement', 'text')
        .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
        .addColumn('recorded_at', 'text', (c) => c.notNull()),
    ),
  ).execute();
  await db.schema
    .createIndex('initiative_positions_timeline')
    .on('initiative_positions')
    .columns(['initiative_id', 'party_code', 'stated_on'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'initiative_positions',
    'initiative_raisings',
    'initiative_elements',
    'initiatives',
    'live_cursors',
    'live_events',
    'chair_handovers',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
