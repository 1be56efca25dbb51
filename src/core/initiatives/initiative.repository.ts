import type { Viewer } from '../accounts/viewer';
import type { Db } from '../db/database';
import type {
  InitiativeElementsTable,
  InitiativePositionsTable,
  InitiativeRaisingsTable,
  InitiativesTable,
} from '../db/tables/initiatives';
import { releasableTo } from '../markings';
import { meetingReleasableTo } from '../meetings/meeting.repository';
import type { InitiativeListQuery } from './initiative.schema';

/** Every read of initiatives starts here, so none can skip the markings filter. */
function releasableInitiatives(db: Db, viewer: Viewer) {
  return db
    .selectFrom('initiatives')
    .innerJoin('groups', 'groups.id', 'initiatives.group_id')
    .innerJoin('nations as proposer', 'proposer.code', 'initiatives.proposer_code')
    .where(releasableTo(viewer, 'initiatives'));
}

const columns = [
  'groups.slug as group_slug',
  'proposer.name as proposer_name',
  'proposer.alpha2 as proposer_alpha2',
] as const;

export type InitiativeRow = NonNullable<Awaited<ReturnType<typeof findInitiative>>>;

export const findInitiative = (db: Db, viewer: Viewer, id: string) =>
  releasableInitiatives(db, viewer)
    .selectAll('initiatives')
    .select(columns)
    .where('initiatives.id', '=', id)
    .executeTakeFirst();

export async function listInitiativeRows(
  db: Db,
  viewer: Viewer,
  groupId: string,
  query: InitiativeListQuery,
) {
  const filtered = releasableInitiatives(db, viewer)
    .where('initiatives.group_id', '=', groupId)
    .$if(query.kind !== undefined, (qb) => qb.where('initiatives.kind', '=', query.kind ?? ''))
    .$if(query.proposer !== undefined, (qb) =>
      qb.where('initiatives.proposer_code', '=', query.proposer ?? ''),
    )
    .$if(query.party !== undefined, (qb) =>
      // Only positions the viewer may read count: a hidden position must not reveal itself.
      qb.where((eb) =>
        eb.exists(
          eb
            .selectFrom('initiative_positions')
            .select('initiative_positions.id')
            .whereRef('initiative_positions.initiative_id', '=', 'initiatives.id')
            .where('initiative_positions.party_code', '=', query.party ?? '')
            .where(releasableTo(viewer, 'initiative_positions')),
        ),
      ),
    )
    .$if(query.q !== undefined, (qb) => {
      const pattern = `%${(query.q ?? '').toLowerCase()}%`;
      return qb.where((eb) =>
        eb.or([
          eb(eb.fn('lower', ['initiatives.title']), 'like', pattern),
          eb(eb.fn('lower', ['initiatives.summary']), 'like', pattern),
        ]),
      );
    });
  const [rows, count] = await Promise.all([
    filtered
      .selectAll('initiatives')
      .select(columns)
      .orderBy('initiatives.created_at', 'desc')
      .orderBy('initiatives.id', 'desc')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export const listElements = (db: Db, initiativeId: string) =>
  db
    .selectFrom('initiative_elements')
    .selectAll()
    .where('initiative_id', '=', initiativeId)
    .orderBy('sort_order')
    .execute();

/** Where the initiative was raised: events, and the meetings the viewer may read. */
export const listRaisings = (db: Db, viewer: Viewer, initiativeId: string) =>
  db
    .selectFrom('initiative_raisings')
    .leftJoin('meetings', 'meetings.id', 'initiative_raisings.meeting_id')
    .where((eb) =>
      eb.or([eb('initiative_raisings.meeting_id', 'is', null), meetingReleasableTo(viewer)]),
    )
    .leftJoin('events', 'events.id', 'initiative_raisings.event_id')
    .selectAll('initiative_raisings')
    .select([
      'meetings.number as meeting_number',
      'meetings.date as meeting_date',
      'events.ref as event_ref',
      'events.name as event_name',
    ])
    .where('initiative_raisings.initiative_id', '=', initiativeId)
    .orderBy('initiative_raisings.raised_on')
    .orderBy('initiative_raisings.id')
    .execute();

function positionQuery(db: Db, viewer: Viewer) {
  return db
    .selectFrom('initiative_positions')
    .innerJoin('nations', 'nations.code', 'initiative_positions.party_code')
    .leftJoin('users', 'users.id', 'initiative_positions.recorded_by')
    .selectAll('initiative_positions')
    .select([
      'nations.name as party_name',
      'nations.alpha2 as party_alpha2',
      'users.username as recorded_by_username',
    ])
    .where(releasableTo(viewer, 'initiative_positions'));
}

export type PositionRow = Awaited<ReturnType<ReturnType<typeof positionQuery>['execute']>>[number];

/** The positions on these initiatives that the viewer may read (each carries its own marking). */
export async function listPositionRows(
  db: Db,
  viewer: Viewer,
  initiativeIds: readonly string[],
): Promise<PositionRow[]> {
  if (initiativeIds.length === 0) return [];
  return positionQuery(db, viewer)
    .where('initiative_positions.initiative_id', 'in', initiativeIds)
    .orderBy('initiative_positions.stated_on')
    .orderBy('initiative_positions.recorded_at')
    .execute();
}

export async function insertInitiative(db: Db, row: InitiativesTable): Promise<void> {
  await db.insertInto('initiatives').values(row).execute();
}

export async function replaceElements(
  db: Db,
  initiativeId: string,
  rows: InitiativeElementsTable[],
): Promise<void> {
  await db.deleteFrom('initiative_elements').where('initiative_id', '=', initiativeId).execute();
  if (rows.length > 0) await db.insertInto('initiative_elements').values(rows).execute();
}

export async function insertRaisings(db: Db, rows: InitiativeRaisingsTable[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('initiative_raisings').values(rows).execute();
}

export async function insertPosition(db: Db, row: InitiativePositionsTable): Promise<void> {
  await db.insertInto('initiative_positions').values(row).execute();
}

/** Writes only if nobody changed the initiative since `version`; returns whether it did. */
export async function updateInitiativeRow(
  db: Db,
  id: string,
  version: number,
  changes: Partial<InitiativesTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('initiatives')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const findNation = (db: Db, code: string) =>
  db.selectFrom('nations').select(['code', 'name']).where('code', '=', code).executeTakeFirst();

/** The group's meeting, if the viewer may read it. */
export const findMeetingOfGroup = (db: Db, viewer: Viewer, groupId: string, meetingId: string) =>
  db
    .selectFrom('meetings')
    .select(['id', 'date'])
    .where('id', '=', meetingId)
    .where('group_id', '=', groupId)
    .where(meetingReleasableTo(viewer))
    .executeTakeFirst();

export const findEventById = (db: Db, eventId: string) =>
  db.selectFrom('events').select(['id', 'starts_on']).where('id', '=', eventId).executeTakeFirst();
