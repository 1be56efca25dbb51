import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { z } from 'zod';
import type { Viewer } from '../accounts/viewer';
import type { Db } from '../db/database';
import type { GroupRow } from '../groups/group.repository';
import { UUID_PATTERN } from '../ids';
import { meetingReleasableTo } from '../meetings/meeting.repository';
import type { ValuationLookups } from '../pledges/pledge.service';
import { listPriceRows } from '../pledges/pledge.repository';
import type { CellReader } from './ledger-columns';
import { IdSource } from './id-source';
import { cachedLookups } from './valuation-cache';

/**
 * What every row of an import is checked against, read once per import rather than once per row: the
 * group's capability areas, participants, meetings and coalitions, its price list and a rate cache.
 */
export interface ImportContext {
  db: Db;
  viewer: Viewer;
  group: GroupRow;
  now: Date;
  today: string;
  at: string;
  areas: ReadonlyMap<string, { id: string; slug: string; name: string }>;
  /** Nations taking part other than as the recipient: who may pledge or carry a pledge. */
  participants: ReadonlySet<string>;
  meetingsByNumber: ReadonlyMap<number, { id: string; date: string }>;
  /** Meetings by date; null when two meetings share the day (then the number must say which). */
  meetingsByDate: ReadonlyMap<string, { id: string; number: number | null } | null>;
  /** Coalitions by id and by lower-case name. */
  coalitions: ReadonlyMap<string, { id: string; name: string }>;
  lookups: ValuationLookups;
  /** Ids for every row the import writes. */
  ids: IdSource;
}

export async function loadContext(
  db: Db,
  viewer: Viewer,
  group: GroupRow,
  now: Date,
): Promise<ImportContext> {
  const [areas, members, meetings, coalitions, prices] = await Promise.all([
    db
      .selectFrom('capability_areas')
      .select(['id', 'slug', 'name'])
      .where('group_id', '=', group.id)
      .execute(),
    db
      .selectFrom('memberships')
      .select('nation_code')
      .where('group_id', '=', group.id)
      .where('role', '!=', 'recipient')
      .execute(),
    db
      .selectFrom('meetings')
      .select(['id', 'number', 'date'])
      .where('group_id', '=', group.id)
      .where(meetingReleasableTo(viewer))
      .execute(),
    db.selectFrom('coalitions').select(['id', 'name']).where('group_id', '=', group.id).execute(),
    listPriceRows(db, group.id),
  ]);
  const meetingsByDate = new Map<string, { id: string; number: number | null } | null>();
  for (const m of meetings) {
    meetingsByDate.set(m.date, meetingsByDate.has(m.date) ? null : { id: m.id, number: m.number });
  }
  const byCoalition = new Map<string, { id: string; name: string }>();
  for (const c of coalitions) {
    byCoalition.set(c.id, c);
    byCoalition.set(c.name.toLowerCase(), c);
  }
  return {
    db,
    viewer,
    group,
    now,
    today: now.toISOString().slice(0, 10),
    at: now.toISOString(),
    areas: new Map(areas.map((a) => [a.slug, a])),
    participants: new Set(members.map((m) => m.nation_code)),
    meetingsByNumber: new Map(
      meetings.flatMap((m) => (m.number === null ? [] : [[Number(m.number), m] as const])),
    ),
    meetingsByDate,
    coalitions: byCoalition,
    lookups: cachedLookups(db, prices),
    ids: new IdSource(now.getTime()),
  };
}

/** Reads rows by ids in chunks that stay under both databases' bound-parameter limits. */
export async function inChunks<T>(
  ids: readonly string[],
  read: (chunk: string[]) => Promise<T[]>,
  size = 2000,
): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += size) out.push(...(await read(ids.slice(i, i + size))));
  return out;
}

export const isUuid = (value: string): boolean => UUID_PATTERN.test(value);

/**
 * The rows a file names the way an export writes them: by external id, or by id for a record that has
 * none (so an exported file imports again as the same records). `keys` must not be empty.
 */
export function byExportKey(
  table: 'pledges' | 'requirements',
  keys: readonly string[],
): RawBuilder<SqlBool> {
  const externalId = sql.ref(`${table}.external_id`);
  const byExternal = sql`${externalId} in (${sql.join(keys)})`;
  const ids = keys.filter(isUuid);
  return ids.length === 0
    ? sql<SqlBool>`${byExternal}`
    : sql<SqlBool>`(${byExternal} or (${externalId} is null and ${sql.ref(`${table}.id`)} in (${sql.join(ids)})))`;
}

const NO_NATIONS: readonly string[] = Object.freeze([]);

/** Nation codes as a cell lists them: separated by commas, semicolons or spaces. */
function nations(text: string | undefined): readonly string[] {
  if (text === undefined) return NO_NATIONS;
  return text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((n) => n.toUpperCase());
}

const FULL_LABEL = /^RESTRICTED\s+REL\s+TO\s+(.+)$/i;

/** A marking as the file writes it: PUBLIC, GROUP, RESTRICTED with rel_to, or a full label. */
export function markingInput(reader: CellReader): { classification: string; relTo: string[] } {
  const written = reader.text('marking') ?? '';
  const label = FULL_LABEL.exec(written);
  const fromLabel = nations(label?.[1]);
  const fromColumn = nations(reader.text('rel_to'));
  // Most rows name no nation: no set to build.
  const relTo =
    fromLabel.length + fromColumn.length === 0 ? [] : [...new Set([...fromLabel, ...fromColumn])];
  return { classification: label ? 'RESTRICTED' : written.toUpperCase(), relTo };
}

/**
 * Reports a schema's issues on the columns their fields come from. A column that already has a
 * problem from reading its cell gets no second one.
 */
export function reportIssues(
  reader: CellReader,
  error: z.ZodError,
  columnOf: (path: string) => string,
): void {
  const already = new Set(reader.problems.map((p) => p.column));
  for (const issue of error.issues) {
    const column = columnOf(issue.path.map(String).join('.'));
    if (already.has(reader.row.label(column))) continue;
    reader.problem(column, issue.message);
    already.add(reader.row.label(column));
  }
}

/** The column a field path comes from: the longest mapped prefix of the path. */
export function columnFinder(columns: Readonly<Record<string, string>>, fallback: string) {
  return (path: string): string => {
    const parts = path.split('.');
    for (let n = parts.length; n > 0; n--) {
      const column = columns[parts.slice(0, n).join('.')];
      if (column !== undefined) return column;
    }
    return fallback;
  };
}

/** The stored marking columns compared as the file would write them. */
export const sameMarking = (
  a: { marking: string; rel_to: string | null },
  b: { marking: string; rel_to: string | null },
): boolean => a.marking === b.marking && (a.rel_to ?? '') === (b.rel_to ?? '');

type Shown = string | number | null | undefined;

/** "quantity (file 100, stored 120)" for each column whose values differ. */
export function differences(
  pairs: readonly [column: string, file: Shown, stored: Shown][],
  label: (column: string) => string,
): string[] {
  const show = (v: Shown) => (v === null || v === undefined || v === '' ? 'empty' : String(v));
  return pairs
    .filter(([, a, b]) => show(a) !== show(b))
    .map(([column, a, b]) => `${label(column)} (file ${show(a)}, stored ${show(b)})`);
}
