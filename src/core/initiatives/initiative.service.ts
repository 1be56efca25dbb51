import { canWrite, isSecretariatOf, type Viewer } from '../accounts/viewer';
import { actorOf, recordAudit } from '../audit/audit.service';
import type { Db } from '../db/database';
import type { InitiativeRaisingsTable } from '../db/tables/initiatives';
import { AppError, invalid, notFound, staleVersion } from '../errors';
import { requireGroup } from '../groups/group.service';
import { newId } from '../ids';
import { isNarrowing, markingColumns, toMarking } from '../markings';
import { toSource } from '../source';
import { positionTimelines } from './initiative';
import {
  findEventById,
  findInitiative,
  findMeetingOfGroup,
  findNation,
  type InitiativeRow,
  insertInitiative,
  insertRaisings,
  listElements,
  listInitiativeRows,
  listPositionRows,
  listRaisings,
  type PositionRow,
  replaceElements,
  updateInitiativeRow,
} from './initiative.repository';
import type {
  CreateInitiative,
  Initiative,
  InitiativeKind,
  InitiativeListQuery,
  InitiativePage,
  InitiativeSummary,
  Position,
  RaisingInput,
  Stance,
  UpdateInitiative,
} from './initiative.schema';

export const NARROWING_WARNING =
  'The marking is now narrower: copies already seen or exported by nations no longer in it cannot be recalled.';

const toPosition = (row: PositionRow): Position => ({
  id: row.id,
  party: { code: row.party_code, name: row.party_name, alpha2: row.party_alpha2 },
  stance: row.stance as Stance,
  statedOn: row.stated_on,
  statement: row.statement,
  source: toSource(row),
  marking: toMarking(row),
  recordedBy: row.recorded_by_username,
  recordedAt: row.recorded_at,
});

function base(row: InitiativeRow) {
  return {
    id: row.id,
    ref: row.ref,
    group: row.group_slug,
    title: row.title,
    kind: row.kind as InitiativeKind,
    proposer: { code: row.proposer_code, name: row.proposer_name, alpha2: row.proposer_alpha2 },
    proposerDetail: row.proposer_detail,
    summary: row.summary,
    originNation: row.origin_nation,
    marking: toMarking(row),
    source: toSource(row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

const timelinesOf = (rows: readonly PositionRow[]) =>
  positionTimelines(
    rows.map((row) => ({
      party: row.party_code,
      stance: row.stance as Stance,
      statedOn: row.stated_on,
      recordedAt: row.recorded_at,
      position: toPosition(row),
    })),
  );

async function toInitiative(db: Db, viewer: Viewer, row: InitiativeRow): Promise<Initiative> {
  const [elements, raisings, positions] = await Promise.all([
    listElements(db, row.id),
    listRaisings(db, viewer, row.id),
    listPositionRows(db, viewer, [row.id]),
  ]);
  return {
    ...base(row),
    elements: elements.map((e) => ({ text: e.text, source: toSource(e) })),
    raisedAt: raisings.map((r) => ({
      id: r.id,
      meeting:
        r.meeting_id === null
          ? null
          : { id: r.meeting_id, number: r.meeting_number, date: r.meeting_date ?? r.raised_on },
      event:
        r.event_id === null
          ? null
          : { id: r.event_id, ref: r.event_ref ?? '', name: r.event_name ?? '' },
      raisedOn: r.raised_on,
      note: r.note,
      source: toSource(r),
    })),
    positions: timelinesOf(positions).map((t) => ({
      party: t.current.position.party,
      current: t.current.position,
      history: t.history.map((h) => h.position),
    })),
  };
}

const auditView = (i: Initiative) => ({
  title: i.title,
  kind: i.kind,
  proposer: i.proposer.code,
  proposerDetail: i.proposerDetail,
  summary: i.summary,
  elements: i.elements.map((e) => e.text),
  marking: i.marking.label,
  version: i.version,
});

export type Author = Viewer & { userId: string; nationCode: string };

/** Only a write-capable signed-in user with a role beyond viewer records initiatives and positions. */
export function requireAuthor(viewer: Viewer): asserts viewer is Author {
  if (viewer.userId === null || viewer.nationCode === null)
    throw new AppError('unauthenticated', 'Sign in first');
  if (!canWrite(viewer)) throw new AppError('forbidden', 'This token is read-only');
  if (!viewer.roles.some((r) => r !== 'viewer' && r !== 'admin')) {
    throw new AppError('forbidden', 'Viewers and admins do not record initiatives');
  }
}

/** Who may edit an initiative: the nation that recorded it, or the chair secretariat of its group. */
function requireEditor(viewer: Viewer, row: InitiativeRow): asserts viewer is Author {
  requireAuthor(viewer);
  const ownNation = row.origin_nation !== null && viewer.nationCode === row.origin_nation;
  if (!ownNation && !(row.group_id !== null && isSecretariatOf(viewer, row.group_id))) {
    throw new AppError(
      'forbidden',
      row.origin_nation === null
        ? 'Only the chair secretariat may change a reference initiative'
        : `Only ${row.origin_nation} or the chair secretariat may change this initiative`,
    );
  }
}

export async function requireInitiative(
  db: Db,
  viewer: Viewer,
  id: string,
): Promise<InitiativeRow> {
  const row = await findInitiative(db, viewer, id);
  if (!row) throw notFound(`Initiative ${id}`);
  return row;
}

export async function listInitiatives(
  db: Db,
  viewer: Viewer,
  slug: string,
  query: InitiativeListQuery,
): Promise<InitiativePage> {
  const group = await requireGroup(db, slug);
  const { rows, total } = await listInitiativeRows(db, viewer, group.id, query);
  const positions = await listPositionRows(
    db,
    viewer,
    rows.map((r) => r.id),
  );
  const items: InitiativeSummary[] = rows.map((row) => ({
    ...base(row),
    stances: timelinesOf(positions.filter((p) => p.initiative_id === row.id)).map((t) => ({
      party: t.party,
      stance: t.current.stance,
      statedOn: t.current.statedOn,
    })),
  }));
  return { items, total, limit: query.limit, offset: query.offset };
}

/** Not releasable and not there answer alike: not_found. Positions are filtered one by one. */
export async function getInitiative(db: Db, viewer: Viewer, id: string): Promise<Initiative> {
  return toInitiative(db, viewer, await requireInitiative(db, viewer, id));
}

/** Checks each meeting or event an initiative was raised at, and dates the raising. */
async function raisingRows(
  db: Db,
  viewer: Viewer,
  groupId: string,
  initiativeId: string,
  inputs: readonly RaisingInput[],
  path: (index: number, field: 'meetingId' | 'eventId') => string,
  recordedBy: string,
  at: string,
): Promise<InitiativeRaisingsTable[]> {
  const rows: InitiativeRaisingsTable[] = [];
  for (const [i, input] of inputs.entries()) {
    let day: string;
    if (input.meetingId !== undefined) {
      const meeting = await findMeetingOfGroup(db, viewer, groupId, input.meetingId);
      if (!meeting) throw invalid(path(i, 'meetingId'), 'is not a meeting of this group');
      day = meeting.date;
    } else {
      const event = await findEventById(db, input.eventId ?? '');
      if (!event) throw invalid(path(i, 'eventId'), 'is not a known event');
      day = event.starts_on;
    }
    rows.push({
      id: newId(),
      initiative_id: initiativeId,
      meeting_id: input.meetingId ?? null,
      event_id: input.eventId ?? null,
      raised_on: input.raisedOn ?? day,
      note: input.note ?? null,
      recorded_by: recordedBy,
      recorded_at: at,
      source_url: null,
      source_title: null,
      confidence: null,
    });
  }
  return rows;
}

export async function createInitiative(
  db: Db,
  viewer: Viewer,
  slug: string,
  input: CreateInitiative,
  now: Date = new Date(),
): Promise<Initiative> {
  requireAuthor(viewer);
  const group = await requireGroup(db, slug);
  if (!(await findNation(db, input.proposer))) {
    throw invalid('body.proposer', `${input.proposer} is not a known nation or organisation`);
  }
  const at = now.toISOString();
  const id = newId(now.getTime());
  const raisings = await raisingRows(
    db,
    viewer,
    group.id,
    id,
    input.raisedAt,
    (i, field) => `body.raisedAt.${i}.${field}`,
    viewer.userId,
    at,
  );
  const marking = markingColumns(input.marking, viewer.nationCode);
  await insertInitiative(db, {
    id,
    ref: null,
    title: input.title,
    kind: input.kind,
    proposer_code: input.proposer,
    proposer_detail: input.proposerDetail ?? null,
    summary: input.summary,
    origin_nation: viewer.nationCode,
    ...marking,
    group_id: group.id,
    source_url: input.source?.url ?? null,
    source_title: input.source?.title ?? null,
    confidence: null,
    created_by: viewer.userId,
    created_at: at,
    updated_at: at,
    version: 1,
  });
  await replaceElements(
    db,
    id,
    input.elements.map((text, i) => ({
      id: newId(now.getTime()),
      initiative_id: id,
      sort_order: i + 1,
      text,
      source_url: null,
      source_title: null,
      confidence: null,
    })),
  );
  await insertRaisings(db, raisings);
  const initiative = await getInitiative(db, viewer, id);
  await recordAudit(
    db,
    actorOf(viewer),
    {
      action: 'initiative.create',
      entity: 'initiative',
      entityId: id,
      marking: { ...marking, group_id: group.id },
      after: {
        ...auditView(initiative),
        raisedAt: raisings.map((r) => r.meeting_id ?? r.event_id),
      },
    },
    now,
  );
  return initiative;
}

/**
 * Edits an initiative: its text, elements (the list is replaced) or marking. A stale version is
 * refused (409). The audit entry carries the wider of the two markings.
 */
export async function updateInitiative(
  db: Db,
  viewer: Viewer,
  id: string,
  input: UpdateInitiative,
  now: Date = new Date(),
): Promise<{ initiative: Initiative; warnings: string[] }> {
  const row = await requireInitiative(db, viewer, id);
  requireEditor(viewer, row);
  const before = await toInitiative(db, viewer, row);
  if (row.version !== input.version) throw staleVersion('initiative', input.version, before);
  const marking = input.marking
    ? markingColumns(input.marking, row.origin_nation ?? viewer.nationCode)
    : undefined;
  const at = now.toISOString();
  const changed = await updateInitiativeRow(db, id, input.version, {
    ...(input.title === undefined ? {} : { title: input.title }),
    ...(input.kind === undefined ? {} : { kind: input.kind }),
    ...(input.proposerDetail === undefined ? {} : { proposer_detail: input.proposerDetail }),
    ...(input.summary === undefined ? {} : { summary: input.summary }),
    ...(marking ?? {}),
    updated_at: at,
  });
  if (!changed) throw staleVersion('initiative', input.version, before);
  if (input.elements !== undefined) {
    await replaceElements(
      db,
      id,
      input.elements.map((text, i) => ({
        id: newId(now.getTime()),
        initiative_id: id,
        sort_order: i + 1,
        text,
        source_url: null,
        source_title: null,
        confidence: null,
      })),
    );
  }
  // Read back as the editor: a narrowed marking still includes the editor's own nation.
  const after = await getInitiative(db, viewer, id);
  const narrowed = isNarrowing(before.marking, after.marking);
  await recordAudit(
    db,
    actorOf(viewer),
    {
      action: narrowed ? 'initiative.marking_narrowed' : 'initiative.update',
      entity: 'initiative',
      entityId: id,
      marking: { ...(narrowed ? row : (marking ?? row)), group_id: row.group_id },
      before: auditView(before),
      after: auditView(after),
    },
    now,
  );
  return { initiative: after, warnings: narrowed ? [NARROWING_WARNING] : [] };
}

/** Records a meeting or event at which the initiative was raised. */
export async function addRaising(
  db: Db,
  viewer: Viewer,
  initiativeId: string,
  input: RaisingInput,
  now: Date = new Date(),
): Promise<Initiative> {
  const row = await requireInitiative(db, viewer, initiativeId);
  requireEditor(viewer, row);
  if (row.group_id === null) throw new AppError('conflict', 'The initiative belongs to no group');
  const [raising] = await raisingRows(
    db,
    viewer,
    row.group_id,
    initiativeId,
    [input],
    (_i, field) => `body.${field}`,
    viewer.userId,
    now.toISOString(),
  );
  if (!raising) throw new AppError('invalid', 'Nothing to record');
  await insertRaisings(db, [raising]);
  await recordAudit(
    db,
    actorOf(viewer),
    {
      action: 'initiative.raised',
      entity: 'initiative',
      entityId: initiativeId,
      marking: row,
      after: {
        meetingId: raising.meeting_id,
        eventId: raising.event_id,
        raisedOn: raising.raised_on,
        note: raising.note,
      },
    },
    now,
  );
  return getInitiative(db, viewer, initiativeId);
}
