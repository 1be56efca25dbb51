import type { Viewer } from '../accounts/viewer';
import {
  listAreaRows,
  listCoalitionNationRows,
  listCoalitionRows,
} from '../capabilities/capability.repository';
import type { Db } from '../db/database';
import { invalid } from '../errors';
import type { GroupRow } from '../groups/group.repository';
import { requireGroup } from '../groups/group.service';
import { toMarking } from '../markings';
import { formatMoney, parseDecimal } from '../money';
import { gdpByNation } from '../published-aid/published-aid.service';
import type { RequirementStatus } from '../requirements/requirement.schema';
import { todayIso } from '../time';
import { isOverdue, quantityFigures, shareOf } from './coverage';
import {
  areaRequirementSums,
  donorSums,
  meetingRows,
  nationRows,
  requirementCoveragePage,
  searchRows,
  timelineSums,
  type ValueSums,
} from './coverage.repository';
import type {
  AreaCoverage,
  AreaCoverageList,
  ChannelTotalsList,
  CoalitionCoverageList,
  DonorTotalsList,
  LedgerSearchQuery,
  LedgerSearchResult,
  RequirementCoverage,
  RequirementCoveragePage,
  RequirementCoverageQuery,
  Timeline,
} from './coverage.schema';

/**
 * Coverage, gaps, donors, channels and the timeline. Every figure is a sum over the bucketed totals
 * releasable to the viewer, so what one nation may not read never reaches another's totals, and no
 * answer scans the ledger.
 */

const money = (minor: number, currency: string) => formatMoney({ minor: BigInt(minor), currency });

type RequirementCoverageRow = Awaited<ReturnType<typeof requirementCoveragePage>>['rows'][number];

function toRequirementCoverage(
  row: RequirementCoverageRow,
  s: { pledgeCount: number; pledged: number; contracted: number; delivered: number },
  today: string,
): RequirementCoverage {
  const needed = Number(row.quantity);
  return {
    requirement: {
      id: row.id,
      priority: row.priority,
      capabilityArea: { id: row.capability_area_id, slug: row.area_slug, name: row.area_name },
      item: row.item,
      specification: row.specification,
      unit: row.unit,
      neededBy: row.needed_by,
      status: row.status as RequirementStatus,
      marking: toMarking(row),
    },
    ...quantityFigures(needed, s),
    pledgeCount: s.pledgeCount,
    overdue: row.status !== 'withdrawn' && isOverdue(row.needed_by, s.delivered, needed, today),
  };
}

export async function requirementCoverage(
  db: Db,
  viewer: Viewer,
  slug: string,
  query: RequirementCoverageQuery,
  now: Date = new Date(),
): Promise<RequirementCoveragePage> {
  const group = await requireGroup(db, slug);
  const today = todayIso(now);
  let areaId: string | undefined;
  if (query.coalitionId !== undefined) {
    const coalition = (await listCoalitionRows(db, group.id)).find(
      (c) => c.id === query.coalitionId,
    );
    if (!coalition) throw invalid('query.coalitionId', `is not a coalition of ${group.short_name}`);
    areaId = coalition.capability_area_id;
  }
  const page = await requirementCoveragePage(db, viewer, group.id, {
    ...(query.area === undefined ? {} : { areaSlug: query.area }),
    ...(areaId === undefined ? {} : { areaId }),
    ...(query.status === undefined ? {} : { status: query.status }),
    ...(query.overdue === undefined ? {} : { overdue: query.overdue }),
    today,
    sort: query.sort,
    limit: query.limit,
    offset: query.offset,
  });
  return {
    items: page.rows.map((row) => toRequirementCoverage(row, row.sums, today)),
    total: page.total,
    limit: query.limit,
    offset: query.offset,
    asOf: today,
  };
}

const emptySums: ValueSums = {
  pledgeCount: 0,
  unvalued: 0,
  pledged: 0,
  estimated: 0,
  contracted: 0,
  delivered: 0,
};

function addSums(a: ValueSums, b: ValueSums): ValueSums {
  return {
    pledgeCount: a.pledgeCount + b.pledgeCount,
    unvalued: a.unvalued + b.unvalued,
    pledged: a.pledged + b.pledged,
    estimated: a.estimated + b.estimated,
    contracted: a.contracted + b.contracted,
    delivered: a.delivered + b.delivered,
  };
}

async function areaCoverages(
  db: Db,
  viewer: Viewer,
  group: GroupRow,
  today: string,
): Promise<AreaCoverage[]> {
  const [areas, coalitions, requirements, values] = await Promise.all([
    listAreaRows(db, group.id),
    listCoalitionRows(db, group.id),
    areaRequirementSums(db, viewer, group.id, today),
    donorSums(db, viewer, group.id, ['capability_area_id']),
  ]);
  const currency = group.reporting_currency;
  return areas.map((area) => {
    const own = requirements.filter((r) => r.areaId === area.id);
    const count = (status?: RequirementStatus) =>
      own
        .filter((r) => status === undefined || r.status === status)
        .reduce((sum, r) => sum + r.requirements, 0);
    // Withdrawn requirements are counted, but what they needed no longer is.
    const units = new Map<
      string,
      { needed: number; pledged: number; contracted: number; delivered: number }
    >();
    for (const r of own) {
      if (r.status === 'withdrawn') continue;
      const u = units.get(r.unit) ?? { needed: 0, pledged: 0, contracted: 0, delivered: 0 };
      u.needed += r.needed;
      u.pledged += r.pledged;
      u.contracted += r.contracted;
      u.delivered += r.delivered;
      units.set(r.unit, u);
    }
    const value = values.find((v) => v.capability_area_id === area.id)?.sums ?? emptySums;
    return {
      capabilityArea: { id: area.id, slug: area.slug, name: area.name },
      coalitions: coalitions
        .filter((c) => c.capability_area_id === area.id)
        .map((c) => ({ id: c.id, name: c.name })),
      requirements: {
        count: count(),
        open: count('open'),
        partlyMet: count('partly_met'),
        met: count('met'),
        overdue: own.reduce((sum, r) => sum + r.overdue, 0),
      },
      byUnit: [...units]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([unit, u]) => ({ unit, ...quantityFigures(u.needed, u) })),
      value: {
        pledged: money(value.pledged, currency),
        contracted: money(value.contracted, currency),
        delivered: money(value.delivered, currency),
        estimated: money(value.estimated, currency),
        unvaluedPledges: value.unvalued,
      },
      pledgeCount: value.pledgeCount,
    };
  });
}

export async function areaCoverage(
  db: Db,
  viewer: Viewer,
  slug: string,
  now: Date = new Date(),
): Promise<AreaCoverageList> {
  const group = await requireGroup(db, slug);
  const today = todayIso(now);
  return {
    currency: group.reporting_currency,
    asOf: today,
    items: await areaCoverages(db, viewer, group, today),
  };
}

export async function coalitionCoverage(
  db: Db,
  viewer: Viewer,
  slug: string,
  now: Date = new Date(),
): Promise<CoalitionCoverageList> {
  const group = await requireGroup(db, slug);
  const today = todayIso(now);
  const [areas, coalitions] = await Promise.all([
    areaCoverages(db, viewer, group, today),
    listCoalitionRows(db, group.id),
  ]);
  const nations = await listCoalitionNationRows(
    db,
    coalitions.map((c) => c.id),
  );
  return {
    currency: group.reporting_currency,
    asOf: today,
    items: coalitions.flatMap((coalition) => {
      const area = areas.find((a) => a.capabilityArea.id === coalition.capability_area_id);
      if (!area) return [];
      const own = nations.filter((n) => n.coalition_id === coalition.id);
      return [
        {
          ...area,
          coalition: { id: coalition.id, name: coalition.name },
          leads: own.filter((n) => n.role === 'lead').map((n) => n.nation_code),
          members: own.filter((n) => n.role !== 'lead').map((n) => n.nation_code),
        },
      ];
    }),
  };
}

/** GDP in EUR billions as a whole number of euro cents, for exact percentages. */
function gdpMinor(amountBn: string): bigint | null {
  const d = parseDecimal(amountBn);
  if (d === null) return null;
  return (d.coefficient * 10n ** 11n) / 10n ** BigInt(d.scale);
}

export async function donorTotals(db: Db, viewer: Viewer, slug: string): Promise<DonorTotalsList> {
  const group = await requireGroup(db, slug);
  const currency = group.reporting_currency;
  const rows = await donorSums(db, viewer, group.id, ['donor_nation']);
  const active = rows.filter((r) => r.sums.pledgeCount > 0 || r.sums.delivered > 0);
  const codes = active.map((r) => r.donor_nation);
  const [nations, gdp] = await Promise.all([nationRows(db, codes), gdpByNation(db, codes)]);
  const total = active.reduce((sum, r) => sum + r.sums.pledged, 0);
  return {
    currency,
    total: money(total, currency),
    items: active
      .sort(
        (a, b) => b.sums.pledged - a.sums.pledged || a.donor_nation.localeCompare(b.donor_nation),
      )
      .map((r) => {
        const nation = nations.find((n) => n.code === r.donor_nation);
        const g = gdp.get(r.donor_nation);
        // GDP is published in EUR: the share is exact only when the group reports in EUR too.
        const g100 = g && currency === 'EUR' ? gdpMinor(g.amount) : null;
        return {
          donor: {
            code: r.donor_nation,
            name: nation?.name ?? r.donor_nation,
            alpha2: nation?.alpha2 ?? null,
          },
          pledged: money(r.sums.pledged, currency),
          contracted: money(r.sums.contracted, currency),
          delivered: money(r.sums.delivered, currency),
          estimated: money(r.sums.estimated, currency),
          pledgeCount: r.sums.pledgeCount,
          unvaluedPledges: r.sums.unvalued,
          sharePercent: shareOf(r.sums.pledged, total),
          gdpPercent:
            g100 === null || g100 === 0n
              ? null
              : Number((BigInt(r.sums.pledged) * 1_000_000n) / g100) / 10_000,
          gdp: g ? { amount: g.amount, currency: g.currency, source: g.source } : null,
        };
      }),
  };
}

function channelLabel(
  key: string,
  coalitions: Map<string, string>,
): { kind: string; label: string } {
  const [kind = 'direct', ...rest] = key.split(':');
  const value = rest.join(':');
  if (kind === 'coalition') return { kind, label: coalitions.get(value) ?? value };
  if (kind === 'direct') return { kind, label: 'Direct (the funder delivers)' };
  return { kind, label: value };
}

export async function channelTotals(
  db: Db,
  viewer: Viewer,
  slug: string,
): Promise<ChannelTotalsList> {
  const group = await requireGroup(db, slug);
  const currency = group.reporting_currency;
  const [rows, coalitions] = await Promise.all([
    donorSums(db, viewer, group.id, ['channel', 'donor_nation']),
    listCoalitionRows(db, group.id),
  ]);
  const names = new Map(coalitions.map((c) => [c.id, c.name]));
  const channels = new Map<string, { sums: ValueSums; funders: Map<string, number> }>();
  for (const r of rows) {
    const c = channels.get(r.channel) ?? { sums: emptySums, funders: new Map<string, number>() };
    c.sums = addSums(c.sums, r.sums);
    c.funders.set(r.donor_nation, (c.funders.get(r.donor_nation) ?? 0) + r.sums.pledged);
    channels.set(r.channel, c);
  }
  const total = rows.reduce((sum, r) => sum + r.sums.pledged, 0);
  return {
    currency,
    total: money(total, currency),
    items: [...channels]
      .filter(([, c]) => c.sums.pledgeCount > 0)
      .sort(([, a], [, b]) => b.sums.pledged - a.sums.pledged)
      .map(([key, c]) => ({
        channel: { key, ...channelLabel(key, names) },
        pledged: money(c.sums.pledged, currency),
        pledgeCount: c.sums.pledgeCount,
        funders: [...c.funders]
          .filter(([, v]) => v !== 0)
          .sort(([, a], [, b]) => b - a)
          .map(([nation, v]) => ({ nation, pledged: money(v, currency) })),
      })),
  };
}

export async function timeline(db: Db, viewer: Viewer, slug: string): Promise<Timeline> {
  const group = await requireGroup(db, slug);
  const currency = group.reporting_currency;
  const sums = await timelineSums(db, viewer, group.id);
  const meetingIds = [...new Set(sums.byMeeting.map((r) => r.meetingId).filter((id) => id !== ''))];
  const meetings = new Map((await meetingRows(db, viewer, meetingIds)).map((m) => [m.id, m]));
  const byMeeting = new Map<
    string,
    { pledged: number; count: number; donors: typeof sums.byMeeting }
  >();
  for (const r of sums.byMeeting) {
    if (r.pledgeCount === 0) continue;
    const m = byMeeting.get(r.meetingId) ?? { pledged: 0, count: 0, donors: [] };
    m.pledged += r.pledged;
    m.count += r.pledgeCount;
    m.donors.push(r);
    byMeeting.set(r.meetingId, m);
  }
  let cumulative = 0;
  return {
    currency,
    byMeeting: [...byMeeting]
      .map(([id, m]) => {
        const meeting = meetings.get(id);
        return {
          meeting: meeting
            ? {
                id,
                number: meeting.number,
                name: `${group.short_name}-${meeting.number ?? '?'}${meeting.venue ? ` (${meeting.venue})` : ''}`,
                date: meeting.date,
              }
            : null,
          pledged: money(m.pledged, currency),
          pledgeCount: m.count,
          donors: m.donors
            .sort((a, b) => b.pledged - a.pledged)
            .map((d) => ({
              nation: d.donor,
              pledged: money(d.pledged, currency),
              pledgeCount: d.pledgeCount,
            })),
        };
      })
      .sort((a, b) => (a.meeting?.date ?? '9999').localeCompare(b.meeting?.date ?? '9999')),
    byMonth: sums.byMonth
      .filter((m) => m.pledgeCount > 0)
      .map((m) => {
        cumulative += m.pledged;
        return {
          month: m.month,
          pledged: money(m.pledged, currency),
          cumulative: money(cumulative, currency),
          pledgeCount: m.pledgeCount,
        };
      }),
  };
}

export async function searchLedger(
  db: Db,
  viewer: Viewer,
  slug: string,
  query: LedgerSearchQuery,
): Promise<LedgerSearchResult> {
  const group = await requireGroup(db, slug);
  const { requirements, pledges } = await searchRows(db, viewer, group.id, query.q, query.limit);
  const title = (item: string, specification: string) =>
    specification === '' ? item : `${item} (${specification})`;
  return {
    items: [
      ...requirements.map((r) => ({
        kind: 'requirement' as const,
        id: r.id,
        title: title(r.item, r.specification),
        detail: `Priority ${r.priority} · ${Number(r.quantity)} ${r.unit} · ${r.status}`,
        marking: toMarking(r),
      })),
      ...pledges.map((p) => ({
        kind: 'pledge' as const,
        id: p.id,
        title: title(p.item, p.specification),
        detail: `${p.donor_nation}${p.quantity === null ? '' : ` · ${Number(p.quantity)} ${p.unit ?? ''}`} · ${p.status}`,
        marking: toMarking(p),
      })),
    ].slice(0, query.limit),
  };
}
