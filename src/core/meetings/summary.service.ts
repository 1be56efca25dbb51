import type { Viewer } from '../accounts/viewer';
import type { Db } from '../db/database';
import { requireGroup } from '../groups/group.service';
import { isNarrowing, toMarking } from '../markings';
import { parseMoney } from '../money';
import { exportPledges } from '../pledges/pledge.service';
import { listAgendaItemRows } from './agenda.repository';
import { listInvitationRows } from './invitation.repository';
import type { MeetingDocument } from './meeting-document';
import {
  listActionItemRows,
  listAttendanceRows,
  listOutcomeRows,
} from './meeting-record.repository';
import { composeSummary, parseBlocks, type SummaryRecord } from './meeting-text';
import type { GenerateSummary, MeetingText } from './meeting-text.schema';
import { readableText, requireTextWriter, saveText } from './meeting-text.service';
import { listNationNames, type MeetingRow } from './meeting.repository';
import { codeOf, getMeeting, requireMeetingRow } from './meeting.service';

/**
 * The summary of a closed meeting: drafted from its record, edited and published as a meeting text,
 * and served as a paper (HTML, PDF brief).
 */

/**
 * The record a summary is drafted from. Only pledges every reader of the summary may read are listed
 * (a marking at least as wide as the meeting's); the others are counted for the secretariat alone.
 */
async function summaryRecord(
  db: Db,
  viewer: Viewer,
  meeting: MeetingRow,
): Promise<{ record: SummaryRecord; withheld: number }> {
  const [details, group, invitations, attendance, pledges, agenda, outcomes, actions] =
    await Promise.all([
      getMeeting(db, viewer, meeting.id),
      requireGroup(db, meeting.group_slug),
      listInvitationRows(db, meeting.id),
      listAttendanceRows(db, meeting.id),
      exportPledges(db, viewer, meeting.group_slug, {
        meetingId: meeting.id,
        sort: 'donor',
        order: 'asc',
      }),
      listAgendaItemRows(db, meeting.id),
      listOutcomeRows(db, meeting.id),
      listActionItemRows(db, viewer, meeting.group_id, { meetingId: meeting.id }),
    ]);
  const summaryMarking = toMarking(meeting);
  const listed = pledges.filter((p) => !isNarrowing(summaryMarking, p.marking));
  const nationNames = new Map(
    (await listNationNames(db, [...new Set(listed.map((p) => p.donor))])).map((n) => [
      n.code,
      n.name,
    ]),
  );
  return {
    withheld: pledges.length - listed.length,
    record: {
      code: details.code,
      groupName: group.name,
      date: details.date,
      startTime: details.startTime,
      timeZone: details.timeZone,
      venue: details.venue,
      format: details.format,
      level: details.level,
      chair: details.chair.name,
      coChair: details.coChair?.name ?? null,
      events: details.events.map((e) => ({ name: e.name, relation: e.relation })),
      invited: invitations.length,
      attendance: attendance.map((a) => ({
        nation: a.nation_name,
        mode: a.mode,
        headOfDelegation: a.head_of_delegation,
      })),
      reportingCurrency: group.reporting_currency,
      pledges: listed.map((p) => ({
        donor: nationNames.get(p.donor) ?? p.donor,
        area: p.capabilityArea.name,
        reportingMinor:
          p.reportingValue === null
            ? null
            : Number(parseMoney(p.reportingValue.amount, p.reportingValue.currency).minor),
      })),
      withheldPledges: 0,
      agenda: agenda.map((a) => ({ id: a.id, position: a.position, title: a.title })),
      outcomes: outcomes.map((o) => ({
        agendaItemId: o.agenda_item_id,
        kind: o.kind,
        text: o.text,
      })),
      actionItems: actions.map((a) => ({
        title: a.title,
        owner: a.owner_name,
        dueOn: a.due_on,
        status: a.status,
      })),
    },
  };
}

/** Drafts (or re-drafts) the summary from the record of a closed meeting. */
export async function generateSummary(
  db: Db,
  viewer: Viewer,
  meetingId: string,
  input: GenerateSummary,
  now: Date = new Date(),
): Promise<{ summary: MeetingText; warnings: string[] }> {
  const { meeting, writer, row } = await requireTextWriter(
    db,
    viewer,
    meetingId,
    'summary',
    'generate',
  );
  const { record, withheld } = await summaryRecord(db, viewer, meeting);
  const summary = await saveText(
    db,
    writer,
    meeting,
    'summary',
    row,
    input.version,
    composeSummary(record),
    'generate',
    now,
  );
  const warnings =
    withheld > 0
      ? [
          `${withheld} pledge(s) announced at the meeting carry a narrower marking than the summary (${summary.marking.label}) and are left out of it`,
        ]
      : [];
  return { summary, warnings };
}

/** The summary as a paper: the published text, or the draft for the secretariat. */
export async function summaryDocument(
  db: Db,
  viewer: Viewer,
  meetingId: string,
): Promise<MeetingDocument> {
  const meeting = await requireMeetingRow(db, viewer, meetingId);
  const row = await readableText(db, viewer, meeting, 'summary');
  const draft = row.status !== 'final';
  return {
    title: `${codeOf(meeting)} summary`,
    marking: toMarking(meeting).label,
    draft,
    blocks: parseBlocks(row.body),
    footer: draft
      ? `Draft version ${row.version}, last changed by ${row.updated_by_username} at ${row.updated_at}.`
      : `Published by ${row.finalized_by_username ?? 'the secretariat'} at ${row.finalized_at ?? row.updated_at} (version ${row.version}).`,
  };
}
