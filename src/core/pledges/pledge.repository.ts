import type { Selectable } from 'kysely';
import type { Viewer } from '../accounts/viewer';
import type { Db } from '../db/database';
import type {
  DeliveriesTable,
  PledgesTable,
  PledgeStatusChangesTable,
  PledgeTranchesTable,
  PriceListItemsTable,
} from '../db/tables/ledger';
import { releasableTo } from '../markings';
import { meetingReleasableTo } from '../meetings/meeting.repository';
import type { PledgeListQuery } from './pledge.schema';

export type PledgeRow = Selectable<PledgesTable> & {
  group_slug: string;
  area_slug: string;
  area_name: string;
  created_by_username: string;
};

/** Every read of pledges (and through them, deliveries) starts here, so none skips the markings filter. */
export function releasablePledges(db: Db, viewer: Viewer) {
  return db
    .selectFrom('pledges')
    .innerJoin('groups', 'groups.id', 'pledges.group_id')
    .innerJoin('capability_areas', 'capability_areas.id', 'pledges.capability_area_id')
    .innerJoin('users', 'users.id', 'pledges.created_by')
    .where(releasableTo(viewer, 'pledges'));
}

const columns = [
  'groups.slug as group_slug',
  'capability_areas.slug as area_slug',
  'capability_areas.name as area_name',
  'users.username as created_by_username',
] as const;

export const findPledge = (db: Db, viewer: Viewer, id: string): Promise<PledgeRow | undefined> =>
  releasablePledges(db, viewer)
    .selectAll('pledges')
    .select(columns)
    .where('pledges.id', '=', id)
    .executeTakeFirst();

export type PledgeFilters = Omit<PledgeListQuery, 'limit' | 'offset' | 'sort' | 'order'> &
  Partial<Pick<PledgeListQuery, 'sort' | 'order'>>;

const sortColumns = {
  announced: 'pledges.announced_on',
  value: 'pledges.reporting_value_minor',
  donor: 'pledges.donor_nation',
  status: 'pledges.status',
  created: 'pledges.created_at',
} as const;

/**
 * The pledges of a group the viewer may read that match the list's filters, from the pledges table
 * alone: the count, a page's ids and an export all start here. Without joins, the count and a page of
 * any depth are answered from the list indexes (migration 0010), which hold the marking columns beside
 * each order: no table row is read for the rows a page skips.
 */
function matchingPledges(db: Db, viewer: Viewer, groupId: string, query: PledgeFilters) {
  return db
    .selectFrom('pledges')
    .where(releasableTo(viewer, 'pledges'))
    .where('pledges.group_id', '=', groupId)
    .$if(query.donor !== undefined, (qb) =>
      qb.where('pledges.donor_nation', '=', query.donor ?? ''),
    )
    .$if(query.area !== undefined, (qb) =>
      qb.where(
        'pledges.capability_area_id',
        'in',
        db
          .selectFrom('capability_areas')
          .select('id')
          .where('slug', '=', query.area ?? ''),
      ),
    )
    .$if(query.status !== undefined, (qb) => qb.where('pledges.status', '=', query.status ?? ''))
    .$if(query.kind !== undefined, (qb) => qb.where('pledges.kind', '=', query.kind ?? ''))
    .$if(query.requirementId !== undefined, (qb) =>
      qb.where('pledges.requirement_id', '=', query.requirementId ?? ''),
    )
    .$if(query.meetingId !== undefined, (qb) =>
      qb.where('pledges.meeting_id', '=', query.meetingId ?? ''),
    )
    .$if(query.channel !== undefined, (qb) => {
      const channel = query.channel ?? '';
      const [kind, ...rest] = channel.split(':');
      const value = rest.join(':');
      if (kind === 'direct') return qb.where('pledges.channel_kind', '=', 'direct');
      const column =
        kind === 'nation'
          ? 'pledges.channel_nation'
          : kind === 'coalition'
            ? 'pledges.channel_coalition_id'
            : 'pledges.channel_name';
      return qb.where('pledges.channel_kind', '=', kind ?? '').where(column, '=', value);
    })
    .$if(query.q !== undefined, (qb) => {
      const pattern = `%${(query.q ?? '').toLowerCase()}%`;
      return qb.where((eb) =>
        eb.or([
          eb(eb.fn('lower', ['pledges.item']), 'like', pattern),
          eb(eb.fn('lower', ['pledges.specification']), 'like', pattern),
        ]),
      );
    });
}

/**
 * One page of the list and the number of matching pledges. The page's ids are found first (from an
 * index, however deep the page), then only those rows are read with their joins.
 */
export async function listPledgeRows(
  db: Db,
  viewer: Viewer,
  groupId: string,
  query: PledgeListQuery,
) {
  const matching = matchingPledges(db, viewer, groupId, query);
  const order = sortColumns[query.sort];
  const page = matching
    .select('pledges.id')
    .orderBy(order, query.order)
    .orderBy('pledges.id', query.order)
    .limit(query.limit)
    .offset(query.offset);
  const [rows, count] = await Promise.all([
    releasablePledges(db, viewer)
      .selectAll('pledges')
      .select(columns)
      .where('pledges.id', 'in', page)
      .orderBy(order, query.order)
      .orderBy('pledges.id', query.order)
      .execute(),
    matching.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Every matching releasable pledge, for exports: the same filter as the list, without paging. */
export const listAllPledgeRows = (db: Db, viewer: Viewer, groupId: string, query: PledgeFilters) =>
  releasablePledges(db, viewer)
    .selectAll('pledges')
    .select(columns)
    .where('pledges.id', 'in', matchingPledges(db, viewer, groupId, query).select('pledges.id'))
    .orderBy(sortColumns[query.sort ?? 'created'], query.order ?? 'asc')
    .orderBy('pledges.id', query.order ?? 'asc')
    .execute();

export async function insertPledge(db: Db, row: PledgesTable): Promise<void> {
  await db.insertInto('pledges').values(row).execute();
}

/** Writes only if nobody changed the row since `version`; returns whether it did. */
export async function updatePledgeRow(
  db: Db,
  id: string,
  version: number,
  changes: Partial<PledgesTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('pledges')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertStatusChange(db: Db, row: PledgeStatusChangesTable): Promise<void> {
  await db.insertInto('pledge_status_changes').values(row).execute();
}

// Children are read for a whole page of pledges at once (no query per pledge), in chunks that stay
// under both databases' limits on bound parameters.
async function inChunks<T>(ids: readonly string[], read: (chunk: string[]) => Promise<T[]>) {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(...(await read(ids.slice(i, i + 500))));
  return out;
}

export const listStatusChanges = (db: Db, pledgeIds: readonly string[]) =>
  inChunks(pledgeIds, (chunk) =>
    db
      .selectFrom('pledge_status_changes')
      .innerJoin('users', 'users.id', 'pledge_status_changes.changed_by')
      .selectAll('pledge_status_changes')
      .select('users.username')
      .where('pledge_id', 'in', chunk)
      .orderBy('changed_at')
      .orderBy('pledge_status_changes.id')
      .execute(),
  );

export const listTranches = (db: Db, pledgeIds: readonly string[]) =>
  inChunks(pledgeIds, (chunk) =>
    db
      .selectFrom('pledge_tranches')
      .selectAll()
      .where('pledge_id', 'in', chunk)
      .orderBy('planned_on')
      .orderBy('id')
      .execute(),
  );

export async function replaceTranches(
  db: Db,
  pledgeId: string,
  rows: PledgeTranchesTable[],
): Promise<void> {
  await db.deleteFrom('pledge_tranches').where('pledge_id', '=', pledgeId).execute();
  if (rows.length > 0) await db.insertInto('pledge_tranches').values(rows).execute();
}

export type DeliveryRow = Selectable<DeliveriesTable> & {
  recorded_by_username: string;
  confirmed_by_username: string | null;
};

const deliveries = (db: Db) =>
  db
    .selectFrom('deliveries')
    .innerJoin('users as recorder', 'recorder.id', 'deliveries.recorded_by')
    .leftJoin('users as confirmer', 'confirmer.id', 'deliveries.confirmed_by')
    .selectAll('deliveries')
    .select([
      'recorder.username as recorded_by_username',
      'confirmer.username as confirmed_by_username',
    ]);

export const listDeliveries = (db: Db, pledgeIds: readonly string[]): Promise<DeliveryRow[]> =>
  inChunks(pledgeIds, (chunk) =>
    deliveries(db)
      .where('deliveries.pledge_id', 'in', chunk)
      .orderBy('deliveries.delivered_on')
      .orderBy('deliveries.id')
      .execute(),
  );

/** A delivery is as releasable as its pledge: find the pledge through the markings filter first. */
export const findDeliveryPledgeId = (db: Db, deliveryId: string) =>
  db
    .selectFrom('deliveries')
    .select(['pledge_id', 'confirmed_at'])
    .where('id', '=', deliveryId)
    .executeTakeFirst();

export const findDeliveryByExternalId = (db: Db, pledgeId: string, externalId: string) =>
  db
    .selectFrom('deliveries')
    .select('id')
    .where('pledge_id', '=', pledgeId)
    .where('external_id', '=', externalId)
    .executeTakeFirst();

export async function insertDelivery(db: Db, row: DeliveriesTable): Promise<void> {
  await db.insertInto('deliveries').values(row).execute();
}

export async function confirmDeliveryRow(
  db: Db,
  id: string,
  userId: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('deliveries')
    .set({ confirmed_by: userId, confirmed_at: at })
    .where('id', '=', id)
    .where('confirmed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The group's price for an item on a day: the latest entry valid from that day or before. */
export const findPrice = (
  db: Db,
  groupId: string,
  key: { item: string; specification: string; unit: string },
  onDate: string,
) =>
  db
    .selectFrom('price_list_items')
    .selectAll()
    .where('group_id', '=', groupId)
    .where('item', '=', key.item)
    .where('specification', '=', key.specification)
    .where('unit', '=', key.unit)
    .where('valid_from', '<=', onDate)
    .orderBy('valid_from', 'desc')
    .limit(1)
    .executeTakeFirst();

export const listPriceRows = (db: Db, groupId: string) =>
  db
    .selectFrom('price_list_items')
    .selectAll()
    .where('group_id', '=', groupId)
    .orderBy('item')
    .orderBy('specification')
    .orderBy('valid_from')
    .execute();

export async function insertPrice(db: Db, row: PriceListItemsTable): Promise<void> {
  await db.insertInto('price_list_items').values(row).execute();
}

export const findPledgeByExternalId = (db: Db, groupId: string, externalId: string) =>
  db
    .selectFrom('pledges')
    .select('id')
    .where('group_id', '=', groupId)
    .where('external_id', '=', externalId)
    .executeTakeFirst();

/** A nation taking part in the group other than as its recipient: who may pledge or carry a pledge. */
export const findParticipant = (db: Db, groupId: string, nation: string) =>
  db
    .selectFrom('memberships')
    .select(['nation_code', 'role'])
    .where('group_id', '=', groupId)
    .where('nation_code', '=', nation)
    .where('role', '!=', 'recipient')
    .executeTakeFirst();

/** The group's meeting, if the viewer may read it (one it may not answers as unknown). */
export const findMeetingOf = (db: Db, viewer: Viewer, groupId: string, meetingId: string) =>
  db
    .selectFrom('meetings')
    .select(['id', 'date'])
    .where('id', '=', meetingId)
    .where('group_id', '=', groupId)
    .where(meetingReleasableTo(viewer))
    .executeTakeFirst();

export const findCoalitionOf = (db: Db, groupId: string, coalitionId: string) =>
  db
    .selectFrom('coalitions')
    .select(['id', 'name'])
    .where('id', '=', coalitionId)
    .where('group_id', '=', groupId)
    .executeTakeFirst();

export const findEvent = (db: Db, eventId: string) =>
  db.selectFrom('events').select('id').where('id', '=', eventId).executeTakeFirst();
