import type { Kysely } from 'kysely';

// The meeting cycle: a meeting's marking, level, versions and phase stamps; invitations and answers,
// attendance, the agenda with its revisions, outcomes, action items, the minutes and the summary with
// their revisions; and the per-user secret calendar feed URLs. Written against Kysely<any>; never edit
// once landed.
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return */

// Columns added to meetings, one ALTER each (SQLite adds one column per statement). Reference rows
// predate them: they take the defaults (PUBLIC, version 1). The "who" columns hold user ids without a
// foreign key, so that down() can drop them on SQLite too; the audit trail records the same facts.
const meetingColumns: [name: string, type: 'text' | 'integer', build?: (c: any) => any][] = [
  ['marking', 'text', (c) => c.notNull().defaultTo('PUBLIC')],
  ['rel_to', 'text'],
  ['level', 'text'],
  ['duration_minutes', 'integer'],
  ['sequence', 'integer', (c) => c.notNull().defaultTo(0)],
  ['version', 'integer', (c) => c.notNull().defaultTo(1)],
  ['agenda_version', 'integer', (c) => c.notNull().defaultTo(0)],
  ['convened_by', 'text'],
  ['convened_at', 'text'],
  ['from_meeting_id', 'text'],
  ['opened_by', 'text'],
  ['opened_at', 'text'],
  ['closed_by', 'text'],
  ['closed_at', 'text'],
  ['cancelled_at', 'text'],
  ['cancel_reason', 'text'],
  ['reschedule_reason', 'text'],
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, type, build] of meetingColumns) {
    await db.schema
      .alterTable('meetings')
      .addColumn(name, type, build ?? ((c: any) => c))
      .execute();
  }

  await db.schema
    .createTable('meeting_invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('nation_code', 'text', (c) => c.notNull().references('nations.code'))
    .addColumn('invited_as', 'text', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('head_of_delegation', 'text')
    .addColumn('delegation_level', 'text')
    .addColumn('responded_at', 'text')
    .addColumn('responded_by', 'text', (c) => c.references('users.id'))
    .addColumn('invited_at', 'text', (c) => c.notNull())
    .addColumn('invited_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addUniqueConstraint('meeting_invitations_nation', ['meeting_id', 'nation_code'])
    .execute();

  await db.schema
    .createTable('meeting_attendance')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('nation_code', 'text', (c) => c.notNull().references('nations.code'))
    .addColumn('head_of_delegation', 'text')
    .addColumn('delegation_level', 'text')
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('checked_in_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_by_nation', 'text', (c) => c.notNull())
    .addColumn('self_check_in', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    // One check-in per nation: a second is refused, so the record proves one arrival.
    .addUniqueConstraint('meeting_attendance_nation', ['meeting_id', 'nation_code'])
    .execute();

  await db.schema
    .createTable('meeting_agenda_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('presenter_nation', 'text', (c) => c.references('nations.code'))
    .addColumn('presenter_person', 'text')
    .addColumn('minutes', 'integer')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('meeting_agenda_items_meeting')
    .on('meeting_agenda_items')
    .columns(['meeting_id', 'position'])
    .execute();

  await db.schema
    .createTable('meeting_agenda_links')
    .addColumn('agenda_item_id', 'text', (c) =>
      c.notNull().references('meeting_agenda_items.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('meeting_agenda_links_pk', ['agenda_item_id', 'kind', 'ref'])
    .execute();

  await db.schema
    .createTable('meeting_agenda_revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('meeting_agenda_revisions_revision', ['meeting_id', 'revision'])
    .execute();

  await db.schema
    .createTable('meeting_outcomes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('agenda_item_id', 'text', (c) => c.references('meeting_agenda_items.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('meeting_outcomes_meeting')
    .on('meeting_outcomes')
    .column('meeting_id')
    .execute();

  await db.schema
    .createTable('meeting_action_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id'))
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('agenda_item_id', 'text', (c) => c.references('meeting_agenda_items.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner_nation', 'text', (c) => c.notNull().references('nations.code'))
    .addColumn('due_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('meeting_action_items_group_status')
    .on('meeting_action_items')
    .columns(['group_id', 'status'])
    .execute();
  await db.schema
    .createIndex('meeting_action_items_meeting')
    .on('meeting_action_items')
    .column('meeting_id')
    .execute();

  await db.schema
    .createTable('meeting_texts')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finalized_by', 'text', (c) => c.references('users.id'))
    .addColumn('finalized_at', 'text')
    .addPrimaryKeyConstraint('meeting_texts_pk', ['meeting_id', 'kind'])
    .execute();

  await db.schema
    .createTable('meeting_text_revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('meeting_text_revisions_version', ['meeting_id', 'kind', 'version'])
    .execute();

  await db.schema
    .createTable('calendar_feed_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('last_used_at', 'text')
    .execute();
  await db.schema
    .createIndex('calendar_feed_tokens_user')
    .on('calendar_feed_tokens')
    .column('user_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'calendar_feed_tokens',
    'meeting_text_revisions',
    'meeting_texts',
    'meeting_action_items',
    'meeting_outcomes',
    'meeting_agenda_revisions',
    'meeting_agenda_links',
    'meeting_agenda_items',
    'meeting_attendance',
    'meeting_invitations',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  for (const [name] of [...meetingColumns].reverse()) {
    await db.schema.alterTable('meetings').dropColumn(name).execute();
  }
}
