import { sql } from 'kysely';
import type { Viewer } from '../accounts/viewer';
import type { Db } from '../db/database';
import { releasableTo } from '../markings';
import { meetingReleasableTo } from '../meetings/meeting.repository';
import { releasablePledges } from '../pledges/pledge.repository';
import { releasableRequirements } from '../requirements/requirement.repository';

/**
 * The analysis reads the bucket tables, never the ledger itself: each answer is a sum over the buckets
 * releasable to the viewer (a few thousand rows), not a scan of every pledge.
 */

const n = (value: unknown): number => Number(value ?? 0);

/** Per requirement, the sums of the buckets the viewer may see: a query to run or to join. */
const releasableRequirementSums = (db: Db, viewer: Viewer, groupId: string) =>
  db
    .selectFrom('requirement_totals')
    .select((eb) => [
      'requirement_id',
      eb.fn.sum<number>('pledge_count').as('pledge_count'),
      eb.fn.sum<number>('pledged_quantity').as('pledged'),
      eb.fn.sum<number>('contracted_quantity').as('contracted'),
      eb.fn.sum<number>('delivered_quantity').as('delivered'),
    ])
    .where('group_id', '=', groupId)
    .where(releasableTo(viewer, 'requirement_totals'))
    .groupBy('requirement_id');

const toQuantitySums = (r: {
  pledge_count: unknown;
  pledged: unknown;
  contracted: unknown;
  delivered: unknown;
}) => ({
  pledgeCount: n(r.pledge_count),
  pledged: n(r.pledged),
  contracted: n(r.contracted),
  delivered: n(r.delivered),
});

/** Which requirements a coverage page lists, and in what order. */
export interface RequirementCoverageFilter {
  areaSlug?: string;
  areaId?: string;
  status?: string;
  overdue?: boolean;
  /** The day overdue is judged against. */
  today: string;
  sort: 'priority' | 'gap' | 'neededBy';
  limit: number;
  offset: number;
}

/**
 * One page of requirements with their sums, filtered, sorted and cut in SQL, so only the page's rows
 * reach JavaScript (materialising all 5 000 requirements of a large ledger costs more than summing
 * their buckets). The total comes from a window count over the same rows.
 */
export async function requirementCoveragePage(
  db: Db,
  viewer: Viewer,
  groupId: string,
  filter: RequirementCoverageFilter,
) {
  const sums = releasableRequirementSums(db, viewer, groupId).as('s');
  const pledged = sql<number>`coalesce(s.pledged, 0)`;
  const gap = sql<number>`case when requirements.quantity > ${pledged} then requirements.quantity - ${pledged} else 0 end`;
  const overdue = overdueFlag(filter.today);
  let query = releasableRequirements(db, viewer)
    .leftJoin(sums, 's.requirement_id', 'requirements.id')
    .select([
      'requirements.id',
      'requirements.priority',
      'requirements.capability_area_id',
      'capability_areas.slug as area_slug',
      'capability_areas.name as area_name',
      'requirements.item',
      'requirements.specification',
      'requirements.quantity',
      'requirements.unit',
      'requirements.needed_by',
      'requirements.status',
      'requirements.marking',
      'requirements.rel_to',
      's.pledge_count',
      's.pledged',
      's.contracted',
      's.delivered',
      sql<number>`count(*) over ()`.as('total'),
    ])
    .where('requirements.group_id', '=', groupId);
  if (filter.areaSlug !== undefined)
    query = query.where('capability_areas.slug', '=', filter.areaSlug);
  if (filter.areaId !== undefined)
    query = query.where('requirements.capability_area_id', '=', filter.areaId);
  if (filter.status !== undefined) query = query.where('requirements.status', '=', filter.status);
  if (filter.overdue !== undefined) query = query.where(overdue, '=', filter.overdue ? 1 : 0);
  if (filter.sort === 'gap') query = query.orderBy(gap, 'desc');
  if (filter.sort === 'neededBy')
    query = query.orderBy(sql`coalesce(requirements.needed_by, '9999')`);
  const ordered = query.orderBy('requirements.priority');
  const rows = await ordered.limit(filter.limit).offset(filter.offset).execute();
  // Past the last page there is no row to carry the window count: ask for the first row's.
  const total = n(
    rows.length > 0 || filter.offset === 0
      ? rows[0]?.total
      : (await ordered.limit(1).execute())[0]?.total,
  );
  return {
    rows: rows.map((r) => ({ ...r, sums: toQuantitySums(r) })),
    total,
  };
}

/**
 * 1 for a requirement overdue on `today`, else 0, over requirements joined to their sums as `s`: as
 * isOverdue, the needed-by day has passed, not all of it has arrived, and it is not withdrawn.
 */
const overdueFlag = (today: string) =>
  sql<number>`case when requirements.status <> 'withdrawn' and requirements.needed_by is not null and requirements.needed_by < ${today} and coalesce(s.delivered, 0) < requirements.quantity then 1 else 0 end`;

/**
 * Per capability area, unit and status: how many requirements the viewer may see, how many of them
 * are overdue, and what they need and the pledges it may see add up to, summed in SQL so a few hundred
 * rows reach JavaScript rather than every requirement.
 */
export async function areaRequirementSums(db: Db, viewer: Viewer, groupId: string, today: string) {
  const sums = releasableRequirementSums(db, viewer, groupId).as('s');
  const rows = await releasableRequirements(db, viewer)
    .leftJoin(sums, 's.requirement_id', 'requirements.id')
    .select((eb) => [
      'requirements.capability_area_id',
      'requirements.unit',
      'requirements.status',
      eb.fn.countAll<number>().as('requirements'),
      eb.fn.sum<number>(overdueFlag(today)).as('overdue'),
      eb.fn.sum<number>('requirements.quantity').as('needed'),
      eb.fn.sum<number>(sql`coalesce(s.pledged, 0)`).as('pledged'),
      eb.fn.sum<number>(sql`coalesce(s.contracted, 0)`).as('contracted'),
      eb.fn.sum<number>(sql`coalesce(s.delivered, 0)`).as('delivered'),
    ])
    .where('requirements.group_id', '=', groupId)
    .groupBy(['requirements.capability_area_id', 'requirements.unit', 'requirements.status'])
    .execute();
  return rows.map((r) => ({
    areaId: r.capability_area_id,
    unit: r.unit,
    status: r.status,
    requirements: n(r.requirements),
    overdue: n(r.overdue),
    needed: n(r.needed),
    pledged: n(r.pledged),
    contracted: n(r.contracted),
    delivered: n(r.delivered),
  }));
}

const valueColumns = [
  'pledge_count',
  'unvalued_count',
  'pledged_value_minor',
  'estimated_value_minor',
  'contracted_value_minor',
  'delivered_value_minor',
] as const;

export interface ValueSums {
  pledgeCount: number;
  unvalued: number;
  pledged: number;
  estimated: number;
  contracted: number;
  delivered: number;
}

/** Donor buckets summed by the given key columns, over what the viewer may see. */
export async function donorSums(
  db: Db,
  viewer: Viewer,
  groupId: string,
  by: readonly ('donor_nation' | 'capability_area_id' | 'channel')[],
) {
  const rows = await db
    .selectFrom('donor_totals')
    .select(by)
    .select((eb) => valueColumns.map((c) => eb.fn.sum<number>(c).as(c)))
    .where('group_id', '=', groupId)
    .where(releasableTo(viewer, 'donor_totals'))
    .$if(by.length > 0, (qb) => qb.groupBy(by))
    .execute();
  return rows.map((r) => ({
    donor_nation: 'donor_nation' in r ? String(r.donor_nation) : '',
    capability_area_id: 'capability_area_id' in r ? String(r.capability_area_id) : '',
    channel: 'channel' in r ? String(r.channel) : '',
    sums: {
      pledgeCount: n(r.pledge_count),
      unvalued: n(r.unvalued_count),
      pledged: n(r.pledged_value_minor),
      estimated: n(r.estimated_value_minor),
      contracted: n(r.contracted_value_minor),
      delivered: n(r.delivered_value_minor),
    } satisfies ValueSums,
  }));
}

/** Timeline buckets by meeting and donor, and by month, over what the viewer may see. */
export async function timelineSums(db: Db, viewer: Viewer, groupId: string) {
  const base = db
    .selectFrom('timeline_totals')
    .where('group_id', '=', groupId)
    .where(releasableTo(viewer, 'timeline_totals'));
  const [byMeeting, byMonth] = await Promise.all([
    base
      .select((eb) => [
        'meeting_id',
        'donor_nation',
        eb.fn.sum<number>('pledge_count').as('pledge_count'),
        eb.fn.sum<number>('pledged_value_minor').as('pledged'),
      ])
      .groupBy(['meeting_id', 'donor_nation'])
      .execute(),
    base
      .select((eb) => [
        'month',
        eb.fn.sum<number>('pledge_count').as('pledge_count'),
        eb.fn.sum<number>('pledged_value_minor').as('pledged'),
      ])
      .groupBy('month')
      .orderBy('month')
      .execute(),
  ]);
  return {
    byMeeting: byMeeting.map((r) => ({
      meetingId: r.meeting_id,
      donor: r.donor_nation,
      pledgeCount: n(r.pledge_count),
      pledged: n(r.pledged),
    })),
    byMonth: byMonth.map((r) => ({
      month: r.month,
      pledgeCount: n(r.pledge_count),
      pledged: n(r.pledged),
    })),
  };
}

/** Meetings by id, as far as the viewer may read them (a releasable pledge may come from one it may not). */
export const meetingRows = (db: Db, viewer: Viewer, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('meetings')
        .select(['id', 'number', 'date', 'venue'])
        .where('id', 'in', [...ids])
        .where(meetingReleasableTo(viewer))
        .execute();

export const nationRows = (db: Db, codes: readonly string[]) =>
  codes.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('nations')
        .select(['code', 'name', 'alpha2'])
        .where('code', 'in', [...codes])
        .execute();

/** Words in item or specification, or a donor's code or name: requirements and pledges alike. */
export async function searchRows(
  db: Db,
  viewer: Viewer,
  groupId: string,
  q: string,
  limit: number,
) {
  const pattern = `%${q.toLowerCase()}%`;
  const code = q.toUpperCase();
  const [requirements, pledges] = await Promise.all([
    releasableRequirements(db, viewer)
      .select([
        'requirements.id',
        'requirements.item',
        'requirements.specification',
        'requirements.quantity',
        'requirements.unit',
        'requirements.priority',
        'requirements.status',
        'requirements.marking',
        'requirements.rel_to',
      ])
      .where('requirements.group_id', '=', groupId)
      .where((eb) =>
        eb.or([
          eb(eb.fn('lower', ['requirements.item']), 'like', pattern),
          eb(eb.fn('lower', ['requirements.specification']), 'like', pattern),
          eb(eb.fn('lower', ['requirements.note']), 'like', pattern),
        ]),
      )
      .orderBy('requirements.priority')
      .limit(limit)
      .execute(),
    releasablePledges(db, viewer)
      .innerJoin('nations', 'nations.code', 'pledges.donor_nation')
      .select([
        'pledges.id',
        'pledges.item',
        'pledges.specification',
        'pledges.quantity',
        'pledges.unit',
        'pledges.donor_nation',
        'pledges.status',
        'pledges.marking',
        'pledges.rel_to',
      ])
      .where('pledges.group_id', '=', groupId)
      .where((eb) =>
        eb.or([
          eb(eb.fn('lower', ['pledges.item']), 'like', pattern),
          eb(eb.fn('lower', ['pledges.specification']), 'like', pattern),
          eb(eb.fn('lower', ['pledges.note']), 'like', pattern),
          eb('pledges.donor_nation', '=', code),
          eb(eb.fn('lower', ['nations.name']), 'like', pattern),
        ]),
      )
      .orderBy(sql`pledges.created_at`, 'desc')
      .limit(limit)
      .execute(),
  ]);
  return { requirements, pledges };
}
