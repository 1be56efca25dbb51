import type { Viewer } from '../accounts/viewer';
import { requirementCoverage } from '../coverage/coverage.service';
import type { Db } from '../db/database';
import { getAgenda } from './agenda.service';
import { countAnswers } from './invitation.service';
import { listInvitationRows } from './invitation.repository';
import type { MeetingDocument } from './meeting-document';
import { listMeetingActionItems } from './action-item.service';
import type { PreRead, PreReadQuery } from './meeting-text.schema';
import type { Block } from './meeting-text';
import { getMeeting, requireMeetingRow } from './meeting.service';

/**
 * The pre-read pack before a meeting: the agenda, the recipient's most urgent gaps, the action items
 * still open, and attendance so far (the answers). Everything in it is read as the viewer, so each
 * nation's pack holds only what it may read.
 */
export async function preRead(
  db: Db,
  viewer: Viewer,
  meetingId: string,
  query: PreReadQuery,
  now: Date = new Date(),
): Promise<PreRead> {
  const row = await requireMeetingRow(db, viewer, meetingId);
  const [meeting, agenda, actions, invitations, coverage] = await Promise.all([
    getMeeting(db, viewer, row.id),
    getAgenda(db, viewer, row.id),
    listMeetingActionItems(db, viewer, row.id, now),
    listInvitationRows(db, row.id),
    requirementCoverage(
      db,
      viewer,
      row.group_slug,
      { sort: 'priority', limit: 500, offset: 0 },
      now,
    ),
  ]);
  const topGaps = coverage.items
    .filter(
      (c) => c.gap > 0 && c.requirement.status !== 'withdrawn' && c.requirement.status !== 'met',
    )
    .slice(0, query.gaps)
    .map((c) => ({
      requirementId: c.requirement.id,
      priority: c.requirement.priority,
      capabilityArea: c.requirement.capabilityArea.name,
      item: c.requirement.item,
      specification: c.requirement.specification,
      unit: c.requirement.unit,
      needed: c.needed,
      pledged: c.pledged,
      gap: c.gap,
      neededBy: c.requirement.neededBy,
      marking: c.requirement.marking,
    }));
  return {
    meeting,
    agenda,
    topGaps,
    openActionItems: [...actions.carried, ...actions.raisedHere].filter(
      (a) => a.status === 'open' || a.status === 'in_progress',
    ),
    rsvp: countAnswers(invitations),
    attending: invitations
      .filter((i) => i.response === 'attending' || i.response === 'virtual')
      .map((i) => ({ code: i.nation_code, name: i.nation_name, mode: i.response })),
    generatedAt: now.toISOString(),
  };
}

/**
 * The pre-read pack as a paper (HTML), built from the same data as the JSON. The banner is the
 * meeting's marking; a gap marked otherwise carries its own label in front of it.
 */
export function preReadDocument(pack: PreRead): MeetingDocument {
  const m = pack.meeting;
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: `${m.code} pre-read` },
    {
      kind: 'paragraph',
      text: `${m.date}${m.startTime ? ` ${m.startTime}` : ''} ${m.timeZone}${m.venue ? `, ${m.venue}` : ''}${m.format ? ` (${m.format.replace('_', ' ')})` : ''}. Chaired by ${m.chair.name}${m.coChair ? ` with ${m.coChair.name}` : ''}.`,
    },
    ...m.events.map((e): Block => ({
      kind: 'paragraph',
      text: `${e.relation.replace('_', ' ')}: ${e.name}`,
    })),
    { kind: 'heading', level: 2, text: 'Agenda' },
    pack.agenda.items.length === 0
      ? { kind: 'paragraph', text: 'No item yet.' }
      : {
          kind: 'list',
          items: pack.agenda.items.map(
            (i) =>
              `${i.position}. ${i.title}${i.presenter.nation ? ` (${i.presenter.nation.name}${i.presenter.person ? `, ${i.presenter.person}` : ''})` : ''}${i.minutes ? `, ${i.minutes} min` : ''}`,
          ),
        },
    { kind: 'heading', level: 2, text: 'Top priority gaps' },
    pack.topGaps.length === 0
      ? { kind: 'paragraph', text: 'No open gap.' }
      : {
          kind: 'list',
          items: pack.topGaps.map(
            (g) =>
              `${g.marking.label === m.marking.label ? '' : `[${g.marking.label}] `}#${g.priority} ${g.item}${g.specification ? ` (${g.specification})` : ''}, ${g.capabilityArea}: ${g.gap} of ${g.needed} ${g.unit} still needed${g.neededBy ? ` by ${g.neededBy}` : ''}`,
          ),
        },
    { kind: 'heading', level: 2, text: 'Open action items' },
    pack.openActionItems.length === 0
      ? { kind: 'paragraph', text: 'None.' }
      : {
          kind: 'list',
          items: pack.openActionItems.map(
            (a) =>
              `${a.title} (${a.owner.name}${a.dueOn ? `, due ${a.dueOn}` : ''}; raised at ${a.meeting.code}${a.overdue ? '; overdue' : ''})`,
          ),
        },
    { kind: 'heading', level: 2, text: 'Attendance so far' },
    {
      kind: 'paragraph',
      text: `${pack.rsvp.invited} invited: ${pack.rsvp.attending} attending in person, ${pack.rsvp.virtual} virtually, ${pack.rsvp.declined} declined, ${pack.rsvp.noAnswer} not answered yet.`,
    },
  ];
  if (pack.attending.length > 0)
    blocks.push({
      kind: 'list',
      items: pack.attending.map((a) => `${a.name}${a.mode === 'virtual' ? ' (virtual)' : ''}`),
    });
  return {
    title: `${m.code} pre-read`,
    marking: m.marking.label,
    draft: false,
    blocks,
    footer: `Generated at ${pack.generatedAt} from the record as it then stood.`,
  };
}
