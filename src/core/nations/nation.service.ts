import type { Db } from '../db/database';
import { notFound } from '../errors';
import { findNation, listNationMemberships, listNations } from './nation.repository';
import type { NationDetail, NationListQuery, NationPage } from './nation.schema';
import { parseMembershipRole } from '../groups/membership';

/** Nations and groups are public reference data: every viewer may read them. */
export async function browseNations(db: Db, query: NationListQuery): Promise<NationPage> {
  const { rows, total } = await listNations(db, query);
  return { items: rows, total, limit: query.limit, offset: query.offset };
}

export async function getNation(db: Db, code: string): Promise<NationDetail> {
  const nation = await findNation(db, code);
  if (!nation) throw notFound(`Nation ${code}`);
  const memberships = await listNationMemberships(db, code);
  return {
    ...nation,
    memberships: memberships.map((m) => ({
      group: { slug: m.slug, name: m.name, shortName: m.short_name },
      role: parseMembershipRole(m.role),
      validFrom: m.valid_from,
      validTo: m.valid_to,
    })),
  };
}
