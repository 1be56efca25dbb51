import type { Kysely } from 'kysely';

// Euro reference rates for the support ledger's currency conversions. Written against Kysely<any>;
// never edit once landed.
/* eslint-disable @typescript-eslint/no-explicit-any */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('exchange_rates')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    // Text, not a float or numeric: the published decimal exactly as the same string on both databases.
    .addColumn('units_per_eur', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('exchange_rates_pk', ['currency', 'date'])
    .execute();
  await db.schema.createIndex('exchange_rates_date').on('exchange_rates').column('date').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('exchange_rates').ifExists().execute();
}
