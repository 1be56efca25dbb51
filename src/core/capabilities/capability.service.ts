import type { Db } from '../db/database';
import { notFound } from '../errors';
import { requireGroup } from '../groups/group.service';
import { toSource } from '../source';
import {
  type CoalitionRow,
  findCoalitionRow,
  listAreaRows,
  listCoalitionNationRows,
  listCoalitionRows,
} from './capability.repository';
import type { CapabilityArea, Coalition, CoalitionNation } from './capability.schema';

type NationRow = Awaited<ReturnType<typeof listCoalitionNationRows>>[number];

const toNation = (row: NationRow): CoalitionNation => ({
  code: row.nation_code,
  name: row.name,
  alpha2: row.alpha2,
  joinedOn: row.joined_on,
});

function toCoalition(row: CoalitionRow, nations: NationRow[]): Coalition {
  const own = nations.filter((n) => n.coalition_id === row.id);
  return {
    id: row.id,
    groupSlug: row.group_slug,
    name: row.name,
    area: { id: row.capability_area_id, slug: row.area_slug, name: row.area_name },
    formedOn: row.formed_on,
    formedIn: row.formed_in,
    formedDateNote: row.formed_date_note,
    keyMilestones: row.key_milestones,
    leads: own.filter((n) => n.role === 'lead').map(toNation),
    members: own.filter((n) => n.role !== 'lead').map(toNation),
    source: toSource(row),
  };
}

/** The group's capability taxonomy in display order, each area with the coalitions serving it. */
export async function listCapabilityAreas(db: Db, slug: string): Promise<CapabilityArea[]> {
  const group = await requireGroup(db, slug);
  const [areas, coalitions] = await Promise.all([
    listAreaRows(db, group.id),
    listCoalitionRows(db, group.id),
  ]);
  return areas.map((area) => ({
    id: area.id,
    slug: area.slug,
    name: area.name,
    sortOrder: area.sort_order,
    note: area.note,
    coalitions: coalitions
      .filter((c) => c.capability_area_id === area.id)
      .map((c) => ({ id: c.id, name: c.name })),
  }));
}

/** Capability coalitions are public record: every viewer may read them. */
export async function listCoalitions(db: Db, slug: string): Promise<Coalition[]> {
  const group = await requireGroup(db, slug);
  const rows = await listCoalitionRows(db, group.id);
  const nations = await listCoalitionNationRows(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => toCoalition(row, nations));
}

export async function getCoalition(db: Db, id: string): Promise<Coalition> {
  const row = await findCoalitionRow(db, id);
  if (!row) throw notFound(`Coalition ${id}`);
  return toCoalition(row, await listCoalitionNationRows(db, [row.id]));
}
