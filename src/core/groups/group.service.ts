import type { Db } from '../db/database';
import { notFound } from '../errors';
import { toSource } from '../source';
import { todayIso } from '../time';
import {
  countActiveMembers,
  findGroupRow,
  type GroupRow,
  listGroupRows,
  listMemberRows,
} from './group.repository';
import type { Group, MemberList, MemberListQuery } from './group.schema';
import { parseMembershipRole } from './membership';

const toGroup = (row: GroupRow, memberCount: number): Group => ({
  slug: row.slug,
  name: row.name,
  shortName: row.short_name,
  recipient: { code: row.recipient_code, name: row.recipient_name, alpha2: row.recipient_alpha2 },
  reportingCurrency: row.reporting_currency,
  description: row.description,
  memberCount,
  source: toSource(row),
});

export async function listGroups(db: Db, now: Date = new Date()): Promise<Group[]> {
  const rows = await listGroupRows(db);
  const counts = await countActiveMembers(
    db,
    rows.map((r) => r.id),
    todayIso(now),
  );
  return rows.map((row) => toGroup(row, counts.get(row.id) ?? 0));
}

/** Finds a group by slug or fails with not_found; other services start from here. */
export async function requireGroup(db: Db, slug: string): Promise<GroupRow> {
  const row = await findGroupRow(db, slug);
  if (!row) throw notFound(`Group ${slug}`);
  return row;
}

export async function getGroup(db: Db, slug: string, now: Date = new Date()): Promise<Group> {
  const row = await requireGroup(db, slug);
  const counts = await countActiveMembers(db, [row.id], todayIso(now));
  return toGroup(row, counts.get(row.id) ?? 0);
}

export async function listMembers(
  db: Db,
  slug: string,
  query: MemberListQuery,
): Promise<MemberList> {
  const group = await requireGroup(db, slug);
  const rows = await listMemberRows(db, group.id, query);
  const items = rows.map((row) => ({
    nation: {
      code: row.nation_code,
      name: row.nation_name,
      alpha2: row.nation_alpha2,
      kind: row.nation_kind === 'organisation' ? ('organisation' as const) : ('state' as const),
      natoMember: row.nato_member === 1,
      euMember: row.eu_member === 1,
    },
    role: parseMembershipRole(row.role),
    validFrom: row.valid_from,
    validTo: row.valid_to,
    firstSeenMeeting: row.first_seen_meeting,
    note: row.note,
    source: toSource(row),
  }));
  return { items, total: items.length };
}
