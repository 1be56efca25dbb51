import type { Viewer } from '../accounts/viewer';
import { actorOf, recordAudit } from '../audit/audit.service';
import type { Db } from '../db/database';
import { AppError, invalid, notFound, staleVersion } from '../errors';
import type { GroupRow } from '../groups/group.repository';
import { requireGroup } from '../groups/group.service';
import { newId } from '../ids';
import { requireSecretariat, type Writer } from './meeting-access';
import { phaseOf, phaseProblem, reorderProblem } from './meeting-cycle';
import { findMeetingRowById, findNation, type MeetingRow } from './meeting.repository';
import { codeOf, requireMeetingRow } from './meeting.service';
import {
  type AgendaItemRow,
  areaSlugsOf,
  bumpAgendaVersion,
  countAgendaItemRecords,
  deleteAgendaItemRow,
  findAgendaItemRow,
  insertAgendaItem,
  insertAgendaRevision,
  listAgendaItemRows,
  listAgendaLinkRows,
  listAgendaRevisionRows,
  replaceAgendaLinks,
  setAgendaPosition,
  releasableLinkRefs,
  updateAgendaItemRow,
} from './agenda.repository';
import {
  type Agenda,
  type AgendaItem,
  type AgendaLink,
  type AgendaRevision,
  type CreateAgendaItem,
  MAX_AGENDA_LINKS,
  type ReorderAgenda,
  type UpdateAgendaItem,
} from './agenda.schema';

/**
 * Which links a viewer may see: a link to a requirement or initiative it may not read is left out, as
 * its id would say that the record exists. `all` is the agenda as stored, for its history.
 */
type LinkReader = Viewer | 'all';

/** The distinct refs of one kind of link. */
const refsOf = (links: readonly AgendaLink[], kind: AgendaLink['kind']) => [
  ...new Set(links.filter((l) => l.kind === kind).map((l) => l.ref)),
];

/** The requirements and initiatives of `links` the viewer may read, with their groups. */
const readableTargets = (db: Db, viewer: Viewer, links: readonly AgendaLink[]) =>
  releasableLinkRefs(db, viewer, {
    requirement: refsOf(links, 'requirement'),
    initiative: refsOf(links, 'initiative'),
  });

/** The predicate `reader` applies to links, read in one query per kind. */
async function linkFilter(
  db: Db,
  reader: LinkReader,
  links: readonly AgendaLink[],
): Promise<(link: AgendaLink) => boolean> {
  if (reader === 'all') return () => true;
  const readable = await readableTargets(db, reader, links);
  return (link) => link.kind === 'capability_area' || readable[link.kind].has(link.ref);
}

async function agendaOf(
  db: Db,
  reader: LinkReader,
  meeting: Pick<MeetingRow, 'id' | 'agenda_version'>,
) {
  const rows = await listAgendaItemRows(db, meeting.id);
  const stored = (
    await listAgendaLinkRows(
      db,
      rows.map((r) => r.id),
    )
  ).map((l) => ({ ...l, kind: l.kind as AgendaLink['kind'] }));
  const shown = await linkFilter(db, reader, stored);
  const links = stored.filter(shown);
  let elapsed = 0;
  const items: AgendaItem[] = rows.map((row: AgendaItemRow) => {
    const item: AgendaItem = {
      id: row.id,
      position: row.position,
      title: row.title,
      description: row.description,
      presenter: {
        nation:
          row.presenter_nation === null
            ? null
            : {
                code: row.presenter_nation,
                name: row.presenter_name ?? row.presenter_nation,
                alpha2: row.presenter_alpha2,
              },
        person: row.presenter_person,
      },
      minutes: row.minutes,
      startsAfterMinutes: elapsed,
      links: links
        .filter((l) => l.agenda_item_id === row.id)
        .map((l) => ({ kind: l.kind, ref: l.ref })),
      updatedAt: row.updated_at,
      version: row.version,
    };
    elapsed += row.minutes ?? 0;
    return item;
  });
  return {
    meetingId: meeting.id,
    agendaVersion: meeting.agenda_version,
    items,
    totalMinutes: elapsed,
  } satisfies Agenda;
}

export async function getAgenda(db: Db, viewer: Viewer, meetingId: string): Promise<Agenda> {
  const meeting = await requireMeetingRow(db, viewer, meetingId);
  return agendaOf(db, viewer, meeting);
}

/** Every state of the agenda after each change, oldest first: re-ordering never loses the old order. */
export async function getAgendaHistory(
  db: Db,
  viewer: Viewer,
  meetingId: string,
): Promise<AgendaRevision[]> {
  const meeting = await requireMeetingRow(db, viewer, meetingId);
  const rows = await listAgendaRevisionRows(db, meeting.id);
  const revisions = rows.map((row) => ({
    revision: row.revision,
    action: row.action as AgendaRevision['action'],
    items: JSON.parse(row.items) as AgendaRevision['items'],
    changedBy: row.changed_by_username,
    changedAt: row.changed_at,
  }));
  // The history keeps every link as it was; each reader sees those it may read today.
  const shown = await linkFilter(
    db,
    viewer,
    revisions.flatMap((r) => r.items.flatMap((i) => i.links)),
  );
  return revisions.map((r) => ({
    ...r,
    items: r.items.map((i) => ({ ...i, links: i.links.filter(shown) })),
  }));
}

/** The meeting, its group, and the secretariat's right to change its agenda now. */
async function requireAgendaEditor(db: Db, viewer: Viewer, meeting: MeetingRow) {
  const group = await requireGroup(db, meeting.group_slug);
  requireSecretariat(viewer, group, 'set the agenda of its meetings');
  const problem = phaseProblem(
    codeOf(meeting),
    phaseOf(meeting),
    ['planned', 'open'],
    'the agenda changes',
  );
  if (problem !== null) throw new AppError('conflict', problem);
  return group;
}

/**
 * Links must point at something of this group that the viewer may read: read in one query per kind,
 * whatever the number of links; the first that does not is refused at its place.
 */
export async function checkLinks(
  db: Db,
  viewer: Viewer,
  group: GroupRow,
  links: readonly AgendaLink[],
  path: string,
): Promise<void> {
  const [readable, areas] = await Promise.all([
    readableTargets(db, viewer, links),
    areaSlugsOf(db, group.id, refsOf(links, 'capability_area')),
  ]);
  for (const [index, link] of links.entries()) {
    const where = `${path}.${index}.ref`;
    switch (link.kind) {
      case 'requirement':
        if (readable.requirement.get(link.ref) !== group.id)
          throw invalid(where, `is not a requirement of ${group.short_name}`);
        break;
      case 'capability_area':
        if (!areas.has(link.ref))
          throw invalid(where, `is not a capability area of ${group.short_name}`);
        break;
      case 'initiative': {
        // An initiative of no group (a national plan) may be on any group's agenda.
        const owner = readable.initiative.get(link.ref);
        if (owner === undefined || (owner !== null && owner !== group.id))
          throw invalid(where, `is not an initiative of ${group.short_name}`);
        break;
      }
    }
  }
}

async function checkPresenter(db: Db, nation: string | null | undefined): Promise<void> {
  if (nation && !(await findNation(db, nation)))
    throw invalid('body.presenterNation', `${nation} is not a known nation`);
}

/**
 * Bumps the agenda version and stores the agenda as it now stands, so its history holds every order.
 * Returns the new version.
 */
export async function snapshotAgenda(
  db: Db,
  viewer: Writer,
  meeting: MeetingRow,
  action: AgendaRevision['action'],
  now: Date,
  bumped?: number,
): Promise<number> {
  const revision = bumped ?? (await bumpAgendaVersion(db, meeting.id));
  const agenda = await agendaOf(db, 'all', { id: meeting.id, agenda_version: revision });
  const items = agenda.items.map((i) => ({
    id: i.id,
    position: i.position,
    title: i.title,
    presenterNation: i.presenter.nation?.code ?? null,
    presenterPerson: i.presenter.person,
    minutes: i.minutes,
    links: i.links,
  }));
  await insertAgendaRevision(db, {
    id: newId(now.getTime()),
    meeting_id: meeting.id,
    revision,
    action,
    items: JSON.stringify(items),
    changed_by: viewer.userId,
    changed_at: now.toISOString(),
  });
  await recordAudit(
    db,
    actorOf(viewer),
    {
      action: `meeting.agenda_${action}`,
      entity: 'meeting',
      entityId: meeting.id,
      marking: meeting,
      after: { agendaVersion: revision, items: items.map((i) => `${i.position}. ${i.title}`) },
    },
    now,
  );
  return revision;
}

export async function addAgendaItem(
  db: Db,
  viewer: Viewer,
  meetingId: string,
  input: CreateAgendaItem,
  now: Date = new Date(),
): Promise<Agenda> {
  const meeting = await requireMeetingRow(db, viewer, meetingId);
  const group = await requireAgendaEditor(db, viewer, meeting);
  const writer = viewer as Writer;
  await checkPresenter(db, input.presenterNation);
  await checkLinks(db, viewer, group, input.links, 'body.links');
  // Take the agenda's lock before reading positions: a concurrent change waits for this one.
  const revision = await bumpAgendaVersion(db, meeting.id);
  const rows = await listAgendaItemRows(db, meeting.id);
  const position = Math.min(input.position ?? rows.length + 1, rows.length + 1);
  for (const row of rows.filter((r) => r.position >= position).reverse())
    await setAgendaPosition(db, row.id, row.position + 1);
  const id = newId(now.getTime());
  const at = now.toISOString();
  await insertAgendaItem(db, {
    id,
    meeting_id: meeting.id,
    position,
    title: input.title,
    description: input.description ?? null,
    presenter_nation: input.presenterNation ?? null,
    presenter_person: input.presenterPerson ?? null,
    minutes: input.minutes ?? null,
    created_by: writer.userId,
    created_at: at,
    updated_at: at,
    version: 1,
  });
  await replaceAgendaLinks(db, id, input.links);
  await snapshotAgenda(db, writer, meeting, 'add', now, revision);
  return agendaOf(db, viewer, { id: meeting.id, agenda_version: revision });
}

/** An agenda item, its meeting (releasable to the viewer) and the right to change it now. */
async function requireWritableItem(db: Db, viewer: Viewer, itemId: string) {
  const item = await findAgendaItemRow(db, itemId);
  const meeting = item && (await findMeetingRowById(db, viewer, item.meeting_id));
  if (!item || !meeting) throw notFound(`Agenda item ${itemId}`);
  const group = await requireAgendaEditor(db, viewer, meeting);
  return { item, meeting, group, writer: viewer as Writer };
}

/**
 * The links an edit stores: those it sends, and those already there that the editor may not read (it
 * never saw them, so it cannot mean to drop them; another nation's secretariat linked them).
 */
async function withHidden(
  db: Db,
  viewer: Viewer,
  itemId: string,
  sent: readonly AgendaLink[],
): Promise<AgendaLink[]> {
  const stored = (await listAgendaLinkRows(db, [itemId])).map((l) => ({
    kind: l.kind as AgendaLink['kind'],
    ref: l.ref,
  }));
  const readable = await linkFilter(db, viewer, stored);
  const hidden = stored.filter((l) => !readable(l));
  if (sent.length + hidden.length > MAX_AGENDA_LINKS) {
    throw invalid(
      'body.links',
      `the item keeps ${hidden.length} link(s) you may not read: at most ${MAX_AGENDA_LINKS - hidden.length} of yours`,
    );
  }
  return [...sent, ...hidden];
}

export async function updateAgendaItem(
  db: Db,
  viewer: Viewer,
  itemId: string,
  input: UpdateAgendaItem,
  now: Date = new Date(),
): Promise<Agenda> {
  const { item, meeting, group, writer } = await requireWritableItem(db, viewer, itemId);
  const current = async () =>
    (await agendaOf(db, viewer, meeting)).items.find((i) => i.id === item.id) ?? item;
  if (item.version !== input.version)
    throw staleVersion('agenda item', input.version, await current());
  await checkPresenter(db, input.presenterNation);
  if (input.links) await checkLinks(db, viewer, group, input.links, 'body.links');
  const changed = await updateAgendaItemRow(db, item.id, input.version, {
    ...(input.title === undefined ? {} : { title: input.title }),
    ...(input.description === undefined ? {} : { description: input.description }),
    ...(input.presenterNation === undefined ? {} : { presenter_nation: input.presenterNation }),
    ...(input.presenterPerson === undefined ? {} : { presenter_person: input.presenterPerson }),
    ...(input.minutes === undefined ? {} : { minutes: input.minutes }),
    updated_at: now.toISOString(),
  });
  if (!changed) throw staleVersion('agenda item', input.version, await current());
  if (input.links)
    await replaceAgendaLinks(db, item.id, await withHidden(db, viewer, item.id, input.links));
  const revision = await snapshotAgenda(db, writer, meeting, 'edit', now);
  return agendaOf(db, viewer, { id: meeting.id, agenda_version: revision });
}

/** Removes an item and closes the gap; an item with outcomes or action items stays (409). */
export async function removeAgendaItem(
  db: Db,
  viewer: Viewer,
  itemId: string,
  version: number,
  now: Date = new Date(),
): Promise<Agenda> {
  const { item, meeting, writer } = await requireWritableItem(db, viewer, itemId);
  if (item.version !== version) throw staleVersion('agenda item', version, item);
  if ((await countAgendaItemRecords(db, item.id)) > 0) {
    throw new AppError(
      'conflict',
      `Outcomes or action items are recorded under "${item.title}"; it stays on the agenda`,
    );
  }
  const revision = await bumpAgendaVersion(db, meeting.id);
  if (!(await deleteAgendaItemRow(db, item.id, version)))
    throw staleVersion('agenda item', version, item);
  const rest = await listAgendaItemRows(db, meeting.id);
  for (const [index, row] of rest.entries())
    if (row.position !== index + 1) await setAgendaPosition(db, row.id, index + 1);
  await snapshotAgenda(db, writer, meeting, 'remove', now, revision);
  return agendaOf(db, viewer, { id: meeting.id, agenda_version: revision });
}

/** Puts every item in a new order; the old order stays in the history. */
export async function reorderAgenda(
  db: Db,
  viewer: Viewer,
  meetingId: string,
  input: ReorderAgenda,
  now: Date = new Date(),
): Promise<Agenda> {
  const meeting = await requireMeetingRow(db, viewer, meetingId);
  await requireAgendaEditor(db, viewer, meeting);
  const writer = viewer as Writer;
  const revision = await bumpAgendaVersion(db, meeting.id);
  if (revision - 1 !== input.agendaVersion) {
    const current = await agendaOf(db, viewer, { id: meeting.id, agenda_version: revision - 1 });
    throw new AppError(
      'conflict',
      `The agenda has changed since version ${input.agendaVersion}; the current one is version ${revision - 1}`,
      [
        {
          path: 'body.agendaVersion',
          message: `is ${input.agendaVersion}, the current version is ${revision - 1}`,
        },
      ],
      current,
    );
  }
  const rows = await listAgendaItemRows(db, meeting.id);
  const problem = reorderProblem(
    rows.map((r) => r.id),
    input.itemIds,
  );
  if (problem !== null) throw invalid('body.itemIds', problem);
  for (const [index, id] of input.itemIds.entries()) {
    const row = rows.find((r) => r.id === id);
    if (row && row.position !== index + 1) await setAgendaPosition(db, id, index + 1);
  }
  await snapshotAgenda(db, writer, meeting, 'reorder', now, revision);
  return agendaOf(db, viewer, { id: meeting.id, agenda_version: revision });
}

/** Copies an earlier meeting's agenda as the skeleton of a new one (titles, presenters, time boxes). */
export async function copyAgendaSkeleton(
  db: Db,
  viewer: Writer,
  from: Pick<MeetingRow, 'id'>,
  to: MeetingRow,
  now: Date,
): Promise<number> {
  const rows = await listAgendaItemRows(db, from.id);
  const links = await listAgendaLinkRows(
    db,
    rows.map((r) => r.id),
  );
  const at = now.toISOString();
  for (const row of rows) {
    const id = newId(now.getTime());
    await insertAgendaItem(db, {
      id,
      meeting_id: to.id,
      position: row.position,
      title: row.title,
      description: row.description,
      presenter_nation: row.presenter_nation,
      presenter_person: row.presenter_person,
      minutes: row.minutes,
      created_by: viewer.userId,
      created_at: at,
      updated_at: at,
      version: 1,
    });
    await replaceAgendaLinks(
      db,
      id,
      links.filter((l) => l.agenda_item_id === row.id),
    );
  }
  if (rows.length > 0) await snapshotAgenda(db, viewer, to, 'template', now);
  return rows.length;
}
