import { type RawBuilder, type Selectable, type SqlBool, sql } from 'kysely';
import type { Viewer } from './accounts/viewer';
import type { MarkingColumns } from './db/tables/markings';
import type { Database } from './db/database';
import { type Classification, type Marking, markingLabel } from './marking.schema';

/**
 * Releasability, enforced in one place. Every read of a marked record — list, detail, search, count,
 * aggregate, export, live event, calendar — filters with `releasableTo`, so a record a viewer may not
 * read answers exactly like one that does not exist, and no total can include it.
 */

/**
 * Tables whose rows, as read, carry a marking (marking, rel_to, group_id) — whether the columns are
 * plain or have a database default (meetings: the reference rows predate markings and are PUBLIC).
 */
export type MarkedTable = {
  [K in keyof Database]: Selectable<Database[K]> extends MarkingColumns ? K : never;
}[keyof Database];

/**
 * The Kysely condition "this row is releasable to the viewer":
 * PUBLIC to everyone; GROUP to the nations taking part in the row's group (a platform-wide row, with no
 * group, to anyone signed in whose nation takes part in some group); RESTRICTED to the nations in REL TO.
 */
export function releasableTo(viewer: Viewer, table: MarkedTable): RawBuilder<SqlBool> {
  const column = (name: keyof MarkingColumns) => sql.ref(`${table}.${name}`);
  const rules: RawBuilder<unknown>[] = [sql`${column('marking')} = 'PUBLIC'`];
  if (viewer.groupIds.length > 0) {
    rules.push(
      sql`(${column('marking')} = 'GROUP' and (${column('group_id')} in (${sql.join(viewer.groupIds)}) or ${column('group_id')} is null))`,
    );
  }
  if (viewer.nationCode !== null) {
    rules.push(
      sql`(${column('marking')} = 'RESTRICTED' and ${column('rel_to')} like ${`%,${viewer.nationCode},%`})`,
    );
  }
  return sql<SqlBool>`(${sql.join(rules, sql` or `)})`;
}

/** The same rule in memory, for events pushed to subscribers (the live board) rather than queried. */
export function isReleasableTo(viewer: Viewer, row: MarkingColumns): boolean {
  switch (row.marking) {
    case 'PUBLIC':
      return true;
    case 'GROUP':
      return (
        viewer.groupIds.length > 0 &&
        (row.group_id === null || viewer.groupIds.includes(row.group_id))
      );
    case 'RESTRICTED':
      return viewer.nationCode !== null && (row.rel_to ?? '').includes(`,${viewer.nationCode},`);
    default:
      return false;
  }
}

/** The stored columns of a marking: REL TO sorted, deduplicated, with the originating nation in it. */
export function markingColumns(
  input: { classification: Classification; relTo?: readonly string[] },
  originNation: string,
): { marking: Classification; rel_to: string | null } {
  if (input.classification !== 'RESTRICTED') return { marking: input.classification, rel_to: null };
  const nations = [...new Set([...(input.relTo ?? []), originNation])].sort();
  return { marking: 'RESTRICTED', rel_to: `,${nations.join(',')},` };
}

/** A stored marking as the API shows it. */
export function toMarking(row: { marking: string; rel_to: string | null }): Marking {
  const classification: Classification =
    row.marking === 'PUBLIC' || row.marking === 'GROUP' ? row.marking : 'RESTRICTED';
  const relTo =
    classification === 'RESTRICTED' ? (row.rel_to ?? '').split(',').filter(Boolean) : [];
  return { classification, relTo, label: markingLabel(classification, relTo) };
}

const breadth: Record<Classification, number> = { RESTRICTED: 0, GROUP: 1, PUBLIC: 2 };

/**
 * True when the new marking releases the record to fewer readers than the old one. Narrowing is allowed,
 * but copies already seen or exported cannot be recalled, and the answer says so.
 */
export function isNarrowing(before: Marking, after: Marking): boolean {
  if (breadth[after.classification] !== breadth[before.classification]) {
    return breadth[after.classification] < breadth[before.classification];
  }
  if (after.classification !== 'RESTRICTED') return false;
  return before.relTo.some((nation) => !after.relTo.includes(nation));
}
