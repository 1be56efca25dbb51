import { join } from 'node:path';
import type { z } from 'zod';
import { capabilityAreaSlugFor, capabilityAreas } from '../capabilities/capability-area';
import { timelineProblems } from '../chair/chair-term';
import type { ErrorIssue } from '../errors';
import { isIsoDate } from '../time';
import { type CsvFile, readCsv } from './csv';
import { classifyEvent } from './event-kind';
import { type InitiativePlan, planInitiatives } from './initiative-plan';
import { isoNations, type NationSeed, organisationCode } from './nation-list';
import {
  planPublishedAid,
  type PublishedAidFigurePlan,
  type PublishedAidMonthPlan,
} from './published-aid-plan';
import {
  coalitionColumns,
  coalitionRowSchema,
  eventColumns,
  type EventRow,
  eventRowSchema,
  meetingColumns,
  meetingRowSchema,
  participantColumns,
  type ParticipantRow,
  participantRowSchema,
} from './reference-rows';
import { capitalTimeZones } from './time-zones';

/** The UDCG itself: the one group the reference data describes. */
export const udcg = {
  slug: 'udcg',
  name: 'Ukraine Defence Contact Group',
  shortName: 'UDCG',
  recipientCode: 'UKR',
  reportingCurrency: 'EUR',
  description:
    'Some fifty nations, first convened at Ramstein Air Base on 26 April 2022 (the "Ramstein format"), ' +
    "matching Ukraine's prioritised military needs with donors' pledges.",
} as const;

interface Sourced {
  source_url: string;
  source_title: string;
  confidence: string;
}

export interface PersonPlan {
  key: string;
  name: string;
  nationCode: string;
}

export interface MeetingPlan extends Sourced {
  number: number | null;
  date: string;
  timeZone: string;
  venue: string | null;
  venueCountryCode: string | null;
  format: string | null;
  status: string;
  chairCode: string;
  chairPersonKey: string | null;
  coChairCode: string | null;
  coChairPersonKey: string | null;
  note: string | null;
}

export interface ChairTermPlan extends Sourced {
  nationCode: string;
  coChairCode: string | null;
  startsOn: string;
  endsOn: string | null;
  startsAtMeeting: number | null;
  note: string;
}

export interface EventPlan extends Sourced {
  ref: string;
  name: string;
  kind: string;
  startsOn: string;
  endsOn: string;
  location: string | null;
  countryCode: string | null;
  actors: string | null;
  note: string | null;
}

export interface LinkPlan {
  meetingNumber: number;
  eventRef: string;
  relation: 'same' | 'ahead_of' | 'alongside';
}

export interface MembershipPlan extends Sourced {
  nationCode: string;
  role: string;
  validFrom: string | null;
  firstSeenMeeting: number | null;
  note: string | null;
}

export interface CapabilityAreaPlan {
  slug: string;
  name: string;
  sortOrder: number;
  note: string | null;
}

export interface CoalitionPlan extends Sourced {
  name: string;
  areaSlug: string;
  formedOn: string | null;
  formedIn: string | null;
  formedDateNote: string | null;
  keyMilestones: string | null;
  leadCodes: string[];
}

export interface ReferencePlan {
  nations: (NationSeed & { natoMember: boolean; euMember: boolean })[];
  memberships: MembershipPlan[];
  persons: PersonPlan[];
  meetings: MeetingPlan[];
  chairTerms: ChairTermPlan[];
  events: EventPlan[];
  links: LinkPlan[];
  capabilityAreas: CapabilityAreaPlan[];
  coalitions: CoalitionPlan[];
  /** The Kiel Institute's published aid figures: reference data, kept apart from the ledger. */
  publishedAidFigures: PublishedAidFigurePlan[];
  publishedAidMonthly: PublishedAidMonthPlan[];
  /** Initiatives the events file states (with only the positions it states). */
  initiatives: InitiativePlan[];
}

export const referenceFiles = {
  meetings: 'udcg_meetings.csv',
  participants: 'udcg_participants.csv',
  events: 'events_2025.csv',
  coalitions: 'capability_coalitions.csv',
} as const;

/**
 * Reads and checks every reference file before anything is written. Returns the rows to load, or every
 * problem found (file:line and the field), so a bad file is reported whole and loads nothing.
 */
export function planReferenceData(
  dir: string,
): { plan: ReferencePlan } | { problems: ErrorIssue[] } {
  const problems: ErrorIssue[] = [];
  const parse = <S extends z.ZodType>(file: CsvFile, schema: S) => {
    problems.push(...file.problems);
    const rows: { line: number; row: z.infer<S> }[] = [];
    for (const { line, values } of file.rows) {
      const result = schema.safeParse(values);
      if (result.success) rows.push({ line, row: result.data });
      else {
        for (const issue of result.error.issues) {
          problems.push({
            path: `${file.name}:${line}`,
            message: `${issue.path.join('.')}: ${issue.message}`,
          });
        }
      }
    }
    return rows;
  };

  const participants = parse(
    readCsv(join(dir, referenceFiles.participants), participantColumns),
    participantRowSchema,
  );
  const meetings = parse(
    readCsv(join(dir, referenceFiles.meetings), meetingColumns),
    meetingRowSchema,
  );
  const events = parse(readCsv(join(dir, referenceFiles.events), eventColumns), eventRowSchema);
  const coalitions = parse(
    readCsv(join(dir, referenceFiles.coalitions), coalitionColumns),
    coalitionRowSchema,
  );

  const nations = planNations(participants.map((p) => p.row));
  const known = new Set(nations.map((n) => n.code));
  const checkNation = (code: string | null, where: string, field: string) => {
    if (code !== null && !known.has(code)) {
      problems.push({
        path: where,
        message: `${field}: ${code} is not an ISO 3166-1 alpha-3 code`,
      });
    }
  };

  const memberships: MembershipPlan[] = [];
  for (const { line, row } of participants) {
    const where = `${referenceFiles.participants}:${line}`;
    const code =
      row.nation_iso3 ?? (row.kind === 'organisation' ? organisationCode(row.name) : undefined);
    if (code === undefined) {
      problems.push({
        path: where,
        message: `nation_iso3: missing, and ${row.name} has no assigned code`,
      });
      continue;
    }
    checkNation(code, where, 'nation_iso3');
    if (memberships.some((m) => m.nationCode === code)) {
      problems.push({ path: where, message: `nation_iso3: ${code} is listed twice` });
      continue;
    }
    memberships.push({
      nationCode: code,
      role: row.role,
      validFrom: row.first_seen_date,
      firstSeenMeeting: row.first_seen_meeting,
      note: row.note,
      source_url: row.source_url,
      source_title: row.source_title,
      confidence: row.confidence,
    });
  }
  if (!memberships.some((m) => m.nationCode === udcg.recipientCode && m.role === 'recipient')) {
    problems.push({
      path: referenceFiles.participants,
      message: `the recipient ${udcg.recipientCode} must be listed with role recipient`,
    });
  }

  const persons = new Map<string, PersonPlan>();
  const personKey = (text: string | null, nationCode: string | null): string | null => {
    if (text === null || nationCode === null) return null;
    // "Joseph R. Biden Jr. (leaders level)": the bracket qualifies the meeting, not the name.
    const name = text.replace(/\s*\([^)]*\)\s*$/, '').trim();
    const key = `${name}|${nationCode}`;
    if (!persons.has(key)) persons.set(key, { key, name, nationCode });
    return key;
  };

  const meetingPlans: MeetingPlan[] = [];
  const numbers = new Set<number>();
  for (const { line, row } of meetings) {
    const where = `${referenceFiles.meetings}:${line}`;
    checkNation(row.chair_nation_iso3, where, 'chair_nation_iso3');
    checkNation(row.co_chair_nation_iso3, where, 'co_chair_nation_iso3');
    checkNation(row.location_country_iso3, where, 'location_country_iso3');
    if (row.meeting_number !== null) {
      if (numbers.has(row.meeting_number)) {
        problems.push({
          path: where,
          message: `meeting_number: ${row.meeting_number} is listed twice`,
        });
      }
      numbers.add(row.meeting_number);
    }
    const zoneCountry = row.location_country_iso3 ?? row.chair_nation_iso3;
    const timeZone = capitalTimeZones[zoneCountry];
    if (timeZone === undefined) {
      problems.push({
        path: where,
        message: `location_country_iso3: no time zone known for ${zoneCountry}`,
      });
      continue;
    }
    meetingPlans.push({
      number: row.meeting_number,
      date: row.date,
      timeZone,
      venue:
        row.location === null || row.location.toLowerCase() === 'virtual' ? null : row.location,
      venueCountryCode: row.location_country_iso3,
      format: row.format,
      status: row.status,
      chairCode: row.chair_nation_iso3,
      chairPersonKey: personKey(row.chair_person, row.chair_nation_iso3),
      coChairCode: row.co_chair_nation_iso3,
      coChairPersonKey: personKey(row.co_chair_person, row.co_chair_nation_iso3),
      note: row.note,
      source_url: row.source_url,
      source_title: row.source_title,
      confidence: row.confidence,
    });
  }

  const eventPlans: EventPlan[] = [];
  for (const { line, row } of events) {
    const where = `${referenceFiles.events}:${line}`;
    checkNation(row.location_country_iso3, where, 'location_country_iso3');
    if (eventPlans.some((e) => e.ref === row.event_id)) {
      problems.push({ path: where, message: `event_id: ${row.event_id} is listed twice` });
      continue;
    }
    eventPlans.push(toEventPlan(row));
  }

  const coalitionPlans: CoalitionPlan[] = [];
  for (const { line, row } of coalitions) {
    const where = `${referenceFiles.coalitions}:${line}`;
    const areaSlug = capabilityAreaSlugFor(row.capability_area);
    if (areaSlug === undefined) {
      problems.push({
        path: where,
        message: `capability_area: ${row.capability_area} is not mapped to a capability area`,
      });
    }
    row.lead_nations_iso3.forEach((code, i) => checkNation(code, where, `lead_nations_iso3.${i}`));
    if (new Set(row.lead_nations_iso3).size !== row.lead_nations_iso3.length) {
      problems.push({ path: where, message: 'lead_nations_iso3: names a nation twice' });
    }
    const exactDay = row.formed_date !== null && row.formed_date.length === 10;
    if (exactDay && row.formed_date !== null && !isIsoDate(row.formed_date)) {
      problems.push({ path: where, message: 'formed_date: is not a calendar date' });
    }
    if (coalitionPlans.some((c) => c.name === row.coalition_name)) {
      problems.push({
        path: where,
        message: `coalition_name: ${row.coalition_name} is listed twice`,
      });
      continue;
    }
    if (areaSlug === undefined) continue;
    coalitionPlans.push({
      name: row.coalition_name,
      areaSlug,
      formedOn: exactDay ? row.formed_date : null,
      formedIn: exactDay ? null : row.formed_date,
      formedDateNote: row.formed_date_note,
      keyMilestones: row.key_milestones,
      leadCodes: row.lead_nations_iso3,
      source_url: row.source_url,
      source_title: row.source_title,
      confidence: row.confidence,
    });
  }

  const publishedAid = planPublishedAid(dir, known);
  problems.push(...publishedAid.problems);

  const initiatives = planInitiatives(eventPlans, referenceFiles.events);
  problems.push(...initiatives.problems);

  // The derived history must be one chair at a time; a file that says otherwise is refused.
  const chairTerms = deriveChairTerms(meetingPlans);
  for (const problem of timelineProblems(chairTerms)) {
    problems.push({ path: referenceFiles.meetings, message: `chair history: ${problem}` });
  }

  if (problems.length > 0) return { problems };
  return {
    plan: {
      nations,
      memberships,
      persons: [...persons.values()],
      meetings: meetingPlans,
      chairTerms,
      events: eventPlans,
      links: linkMeetingsToEvents(meetingPlans, eventPlans),
      capabilityAreas: capabilityAreas.map((area, i) => ({
        slug: area.slug,
        name: area.name,
        sortOrder: i + 1,
        note: area.note,
      })),
      coalitions: coalitionPlans,
      publishedAidFigures: publishedAid.figures,
      publishedAidMonthly: publishedAid.monthly,
      initiatives: initiatives.initiatives,
    },
  };
}

function planNations(participants: ParticipantRow[]): ReferencePlan['nations'] {
  const byCode = new Map(
    participants.map((p) => [p.nation_iso3 ?? organisationCode(p.name) ?? '', p] as const),
  );
  return isoNations().map((nation) => {
    const participant = byCode.get(nation.code);
    return {
      ...nation,
      // The participants file carries the short names people use ("United States", not the ISO
      // "United States of America") and NATO/EU membership as of 2025.
      name: participant?.name ?? nation.name,
      natoMember: participant?.nato_member ?? false,
      euMember: participant?.eu_member ?? false,
    };
  });
}

function toEventPlan(row: EventRow): EventPlan {
  return {
    ref: row.event_id,
    name: row.event,
    kind: classifyEvent(row.event_id, row.event),
    startsOn: row.start_date,
    endsOn: row.end_date,
    location: row.location,
    countryCode: row.location_country_iso3,
    actors: row.actors,
    note: row.note,
    source_url: row.source_url,
    source_title: row.source_title,
    confidence: row.confidence,
  };
}

/**
 * The chair history, read off the meetings: a new term starts at the first meeting whose chair or
 * co-chair differs from the one before, and the previous term ends that day. The first term starts at
 * the group's first meeting; the last stays open.
 */
export function deriveChairTerms(meetings: readonly MeetingPlan[]): ChairTermPlan[] {
  const ordered = [...meetings].sort(
    (a, b) => a.date.localeCompare(b.date) || (a.number ?? 0) - (b.number ?? 0),
  );
  const terms: ChairTermPlan[] = [];
  for (const meeting of ordered) {
    const last = terms.at(-1);
    if (last && last.nationCode === meeting.chairCode && last.coChairCode === meeting.coChairCode)
      continue;
    if (last) last.endsOn = meeting.date;
    const label =
      meeting.number === null ? `the meeting of ${meeting.date}` : `meeting ${meeting.number}`;
    terms.push({
      nationCode: meeting.chairCode,
      coChairCode: meeting.coChairCode,
      startsOn: meeting.date,
      endsOn: null,
      startsAtMeeting: meeting.number,
      note: `Read from ${referenceFiles.meetings}: first chaired at ${label}.`,
      source_url: meeting.source_url,
      source_title: meeting.source_title,
      confidence: meeting.confidence,
    });
  }
  return terms;
}

const gatheringKinds = new Set(['nato_ministerial', 'summit', 'conference']);
const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Links meetings to events: the UDCG<n> events are meeting n itself; a ministerial, summit or
 * conference running on the meeting's day is `alongside` it, and one starting within three days after
 * it makes the meeting `ahead_of` it (UDCG-26 was held ahead of the Munich Security Conference).
 */
export function linkMeetingsToEvents(
  meetings: readonly MeetingPlan[],
  events: readonly EventPlan[],
): LinkPlan[] {
  const links: LinkPlan[] = [];
  for (const meeting of meetings) {
    if (meeting.number === null) continue;
    for (const event of events) {
      let relation: LinkPlan['relation'] | null = null;
      if (event.ref === `UDCG${meeting.number}`) relation = 'same';
      else if (gatheringKinds.has(event.kind)) {
        if (event.startsOn <= meeting.date && meeting.date <= event.endsOn) relation = 'alongside';
        else if (meeting.date < event.startsOn && event.startsOn <= addDays(meeting.date, 3))
          relation = 'ahead_of';
      }
      if (relation) links.push({ meetingNumber: meeting.number, eventRef: event.ref, relation });
    }
  }
  return links;
}
