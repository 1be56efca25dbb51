import type { Viewer } from '../accounts/viewer';
import { actorOf, recordAudit } from '../audit/audit.service';
import { termOn } from '../chair/chair-term';
import { listChairTermRows } from '../chair/chair-term.repository';
import type { Db } from '../db/database';
import { AppError, invalid } from '../errors';
import type { GroupRow } from '../groups/group.repository';
import { requireGroup } from '../groups/group.service';
import { newId } from '../ids';
import { markingColumns } from '../markings';
import { todayIso } from '../time';
import { copyAgendaSkeleton } from './agenda.service';
import { inviteChecked } from './invitation.service';
import { listInvitationRows, listParticipantsOn } from './invitation.repository';
import { releasableToNation, requireSecretariat, type Writer } from './meeting-access';
import { futureProblem, instantsOf } from './meeting-cycle';
import { listActionItemRows } from './meeting-record.repository';
import {
  findEventById,
  findLastMeetingOfChair,
  findMeetingRowById,
  findNation,
  insertEvent,
  insertMeeting,
  insertMeetingEvents,
  lockMeetingNumbers,
  maxMeetingNumber,
  type MeetingRow,
} from './meeting.repository';
import type { ConveneMeeting, EventLinkInput, MeetingWriteResult } from './meeting.schema';
import { codeOf, getMeeting, meetingAuditView, requireMeetingRow } from './meeting.service';

/** The chair pairing in force on the meeting's day (or today, for a day past the known terms). */
async function chairFor(db: Db, group: GroupRow, date: string, now: Date) {
  const terms = await listChairTermRows(db, group.id);
  const dated = terms.map((t) => ({ ...t, startsOn: t.starts_on, endsOn: t.ends_on }));
  const term = termOn(dated, date) ?? termOn(dated, todayIso(now));
  if (!term) throw new AppError('conflict', `${group.short_name} has no chair to convene it`);
  return { chair: term.nation_code, coChair: term.co_chair_code };
}

async function linkEvents(
  db: Db,
  meetingId: string,
  links: readonly EventLinkInput[],
  code: string,
  now: Date,
): Promise<void> {
  const rows: { meeting_id: string; event_id: string; relation: string }[] = [];
  for (const [index, link] of links.entries()) {
    if ('eventId' in link) {
      if (!(await findEventById(db, link.eventId)))
        throw invalid(`body.events.${index}.eventId`, 'is not a known event');
      rows.push({ meeting_id: meetingId, event_id: link.eventId, relation: link.relation });
      continue;
    }
    const event = link.event;
    const endsOn = event.endsOn ?? event.startsOn;
    if (endsOn < event.startsOn)
      throw invalid(`body.events.${index}.event.endsOn`, 'is before startsOn');
    if (event.country !== undefined && !(await findNation(db, event.country)))
      throw invalid(`body.events.${index}.event.country`, `${event.country} is not a known nation`);
    const id = newId(now.getTime());
    await insertEvent(db, {
      id,
      // A stable key like the reference events', unique because it carries the new id.
      ref: `${code.replace(/[^A-Z0-9]+/gi, '')}_${id.slice(-12).toUpperCase()}`,
      name: event.name,
      kind: event.kind,
      starts_on: event.startsOn,
      ends_on: endsOn,
      location: event.location ?? null,
      country_code: event.country ?? null,
      actors: null,
      note: `Linked when ${code} was convened`,
      source_url: null,
      source_title: null,
      confidence: null,
    });
    rows.push({ meeting_id: meetingId, event_id: id, relation: link.relation });
  }
  const unique = [...new Map(rows.map((r) => [r.event_id, r])).values()];
  await insertMeetingEvents(db, unique);
}

/**
 * Convenes the group's next meeting: only the chair's (or co-chair's) secretariat, only ahead of now.
 * The number is the group's next under a lock, so concurrent convenes get 33, 34, ... never twice 33.
 * Invites every member and the recipient (or the invite list of `fromMeetingId`), plus observers;
 * copies that meeting's agenda skeleton. Open action items follow to every later meeting until closed.
 */
export async function conveneMeeting(
  db: Db,
  viewer: Viewer,
  slug: string,
  input: ConveneMeeting,
  now: Date = new Date(),
): Promise<MeetingWriteResult> {
  const group = await requireGroup(db, slug);
  requireSecretariat(viewer, group, 'convene its meetings');
  const writer: Writer = viewer;
  const schedule = {
    date: input.date,
    startTime: input.startTime,
    timeZone: input.timeZone,
    durationMinutes: input.durationMinutes,
  };
  const past = futureProblem(schedule, now);
  if (past !== null) throw invalid('body.date', past);
  if (input.venueCountry !== undefined && !(await findNation(db, input.venueCountry)))
    throw invalid('body.venueCountry', `${input.venueCountry} is not a known nation`);
  let template: MeetingRow | undefined;
  if (input.fromMeetingId !== undefined) {
    template = await findMeetingRowById(db, viewer, input.fromMeetingId);
    if (!template || template.group_id !== group.id)
      throw invalid('body.fromMeetingId', `is not a meeting of ${group.short_name}`);
  }
  const { chair, coChair } = await chairFor(db, group, input.date, now);
  const people =
    template?.chair_code === chair && template.co_chair_code === coChair
      ? template
      : await findLastMeetingOfChair(db, group.id, chair, coChair);
  const marking = markingColumns(input.marking, writer.nationCode);
  const { startsAt } = instantsOf(schedule);

  // Numbering: the lock is held until commit, so the next convene reads this one's number.
  await lockMeetingNumbers(db, group.id);
  const number = (await maxMeetingNumber(db, group.id)) + 1;
  const id = newId(now.getTime());
  const at = now.toISOString();
  await insertMeeting(db, {
    id,
    group_id: group.id,
    number,
    date: input.date,
    start_time: input.startTime,
    time_zone: input.timeZone,
    starts_at: startsAt,
    duration_minutes: input.durationMinutes,
    venue: input.venue ?? null,
    venue_country_code: input.venueCountry ?? null,
    virtual_url: input.virtualUrl ?? null,
    format: input.format,
    status: 'planned',
    level: input.level,
    chair_code: chair,
    chair_person_id: people?.chair_person_id ?? null,
    co_chair_code: coChair,
    co_chair_person_id: coChair === null ? null : (people?.co_chair_person_id ?? null),
    note: input.note ?? null,
    source_url: null,
    source_title: null,
    confidence: null,
    created_at: at,
    updated_at: at,
    ...marking,
    sequence: 0,
    version: 1,
    agenda_version: 0,
    convened_by: writer.userId,
    convened_at: at,
    from_meeting_id: template?.id ?? null,
  });
  const code = `${group.short_name}-${number}`;
  await linkEvents(db, id, input.events, code, now);
  const row = await requireMeetingRow(db, viewer, id);

  // Invitations: the template's list (those still taking part) or every member and the recipient.
  const participants = await listParticipantsOn(db, group.id, input.date);
  const taking = new Set(participants.map((p) => p.nation_code));
  const templateList = template
    ? (await listInvitationRows(db, template.id)).map((i) => i.nation_code)
    : [];
  // A reference meeting has no invite list: start from the members then, as for a fresh meeting.
  const base =
    templateList.length > 0
      ? templateList.filter((n) => taking.has(n))
      : participants.filter((p) => p.role !== 'observer').map((p) => p.nation_code);
  const today = todayIso(now);
  const partOfGroupToday = new Set(
    (await listParticipantsOn(db, group.id, today))
      .filter((p) => p.role !== 'observer')
      .map((p) => p.nation_code),
  );
  // A RESTRICTED meeting invites, by default, only the nations its REL TO names.
  const defaults = [...new Set(base)].filter((nation) =>
    releasableToNation({ ...marking, group_id: group.id }, nation, partOfGroupToday.has(nation)),
  );
  const observers = input.observers
    .map((nation, index) => ({ nation, index }))
    .filter(
      (o, i, all) =>
        !defaults.includes(o.nation) && all.findIndex((m) => m.nation === o.nation) === i,
    );
  await inviteChecked(
    db,
    writer,
    row,
    defaults.map((nation, index) => ({ nation, index })),
    'invitees',
    now,
  );
  const invitees = await inviteChecked(db, writer, row, observers, 'body.observers', now);
  const copied = template ? await copyAgendaSkeleton(db, writer, template, row, now) : 0;
  const carried = await listActionItemRows(db, viewer, group.id, {
    openOnly: true,
    raisedBefore: input.date,
  });

  const meeting = await getMeeting(db, viewer, id);
  await recordAudit(
    db,
    actorOf(viewer),
    {
      action: 'meeting.convene',
      entity: 'meeting',
      entityId: id,
      marking: { ...marking, group_id: group.id },
      after: {
        ...meetingAuditView(meeting),
        invited: defaults.length + invitees.length,
        fromMeetingId: template?.id ?? null,
        agendaItemsCopied: copied,
        events: meeting.events.map((e) => `${e.relation} ${e.ref}`),
      },
    },
    now,
  );
  const warnings: string[] = [];
  if (template) warnings.push(`${copied} agenda item(s) copied from ${codeOf(template)}`);
  if (carried.length > 0)
    warnings.push(`${carried.length} open action item(s) from earlier meetings follow to ${code}`);
  return { meeting, warnings };
}
