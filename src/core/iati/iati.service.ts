import type { Viewer } from '../accounts/viewer';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { requireGroup } from '../groups/group.service';
import { findNation } from '../nations/nation.repository';
import { exportPledgeDetails } from '../pledges/pledge.service';
import { buildIatiActivities } from './iati-activity';
import type { IatiQuery } from './iati.schema';

/**
 * The group's pledges releasable to the viewer as an IATI 2.03 activity file. The markings filter is
 * applied by exportPledgeDetails, so an anonymous caller gets the PUBLIC pledges only.
 */
export async function exportIati(
  db: Db,
  viewer: Viewer,
  slug: string,
  filters: IatiQuery,
  now: Date = new Date(),
): Promise<string> {
  const group = await requireGroup(db, slug);
  const pledges = await exportPledgeDetails(db, viewer, slug, filters, now);
  if (pledges.length === 0) {
    // The schema requires one activity at least: an empty file would not validate.
    throw new AppError(
      'not_found',
      'No pledge releasable to you matches these filters; an IATI file needs at least one',
    );
  }
  const codes = new Set([group.recipient_code]);
  for (const pledge of pledges) {
    codes.add(pledge.donor);
    if (pledge.channel.nation !== null) codes.add(pledge.channel.nation);
  }
  const nations = await Promise.all([...codes].map((code) => findNation(db, code)));
  const nationNames = new Map(
    nations.filter((n) => n !== undefined).map((n) => [n.code, n.name] as const),
  );
  return buildIatiActivities({
    group: {
      slug: group.slug,
      name: group.name,
      recipientCode: group.recipient_code,
      reportingCurrency: group.reporting_currency,
    },
    pledges,
    generatedAt: now,
    nationNames,
  });
}
