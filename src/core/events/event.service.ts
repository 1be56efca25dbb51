import type { Viewer } from '../accounts/viewer';
import type { Db } from '../db/database';
import { notFound } from '../errors';
import { toSource } from '../source';
import {
  findEventRow,
  listEventMeetingRows,
  listEventRows,
  type EventRow,
} from './event.repository';
import { type Event, type EventListQuery, type EventPage, eventKindSchema } from './event.schema';

type LinkRow = Awaited<ReturnType<typeof listEventMeetingRows>>[number];
const relations = ['same', 'ahead_of', 'alongside', 'after'] as const;

function toEvent(row: EventRow, links: LinkRow[]): Event {
  return {
    id: row.id,
    ref: row.ref,
    name: row.name,
    kind: eventKindSchema.catch('other').parse(row.kind),
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    location: row.location,
    country:
      row.country_code === null
        ? null
        : {
            code: row.country_code,
            name: row.country_name ?? row.country_code,
            alpha2: row.country_alpha2,
          },
    actors:
      row.actors === null
        ? []
        : row.actors
            .split(';')
            .map((a) => a.trim())
            .filter(Boolean),
    note: row.note,
    meetings: links.map((l) => ({
      id: l.id,
      groupSlug: l.slug,
      number: l.number,
      date: l.date,
      relation: relations.find((r) => r === l.relation) ?? 'alongside',
    })),
    source: toSource(row),
  };
}

/**
 * Events are public context (ministerials, summits): every viewer may read them; the meetings linked to
 * them are listed as far as the viewer may read those.
 */
export async function listEvents(
  db: Db,
  viewer: Viewer,
  query: EventListQuery,
): Promise<EventPage> {
  const { rows, total } = await listEventRows(db, query);
  const links = await listEventMeetingRows(
    db,
    viewer,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((row) =>
      toEvent(
        row,
        links.filter((l) => l.event_id === row.id),
      ),
    ),
    total,
    limit: query.limit,
    offset: query.offset,
  };
}

export async function getEvent(db: Db, viewer: Viewer, id: string): Promise<Event> {
  const row = await findEventRow(db, id);
  if (!row) throw notFound(`Event ${id}`);
  return toEvent(row, await listEventMeetingRows(db, viewer, [row.id]));
}
