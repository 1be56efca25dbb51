import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database';
import { AppError } from '../errors';
import { newId } from '../ids';
import { recordAudit, systemActor } from '../audit/audit.service';
import { todayIso } from '../time';
import { isoNations } from './nation-list';
import { writeInitiatives } from './initiative-seed';
import { writePublishedAid } from './published-aid-seed';
import { planReferenceData, type ReferencePlan, udcg } from './reference-plan';
import { planSpendingReference, type SpendingPlan } from './spending-plan';
import { writeSpendingReference } from './spending-seed';

export type SeedTable =
  | 'nations'
  | 'groups'
  | 'memberships'
  | 'persons'
  | 'events'
  | 'meetings'
  | 'chair_terms'
  | 'meeting_events'
  | 'published_aid_figures'
  | 'published_aid_monthly'
  | 'spending_figures'
  | 'spending_targets'
  | 'initiatives'
  | 'initiative_positions'
  | 'capability_areas'
  | 'coalitions'
  | 'coalition_nations';

export interface SeedReport {
  /** Rows added by this run, per table. */
  inserted: Record<SeedTable, number>;
  /** Rows that were already there and were left as they are, per table. */
  kept: Record<SeedTable, number>;
}

/**
 * Loads the reference data in data/reference: the ISO nation list, the UDCG, its participants, chair
 * history, meetings and 2025 events, its capability areas and coalitions, the Kiel Institute's
 * published aid figures, and NATO's defence expenditure with the spending targets. Idempotent: a row already present (by its natural key) is kept as
 * it is, so a second run adds nothing and never overwrites what users have since recorded.
 * All or nothing: any bad row fails the whole load with every problem named, and writes nothing.
 */
export async function seedReferenceData(
  db: Kysely<Database>,
  options: { dir: string; now?: Date },
): Promise<SeedReport> {
  const planned = planReferenceData(options.dir);
  // Defence spending: a future year is judged against the day of the load.
  const spending = planSpendingReference(
    options.dir,
    new Set(isoNations().map((n) => n.code)),
    todayIso(options.now),
  );
  const problems = [...('problems' in planned ? planned.problems : []), ...spending.problems];
  if ('problems' in planned || problems.length > 0) {
    throw new AppError(
      'invalid',
      `Reference data not loaded: ${problems.length} problem(s) found, nothing was written`,
      problems,
    );
  }
  const now = (options.now ?? new Date()).toISOString();
  return db.transaction().execute((trx) => writePlan(trx, planned.plan, now, spending));
}

const emptyCounts = (): Record<SeedTable, number> => ({
  nations: 0,
  groups: 0,
  memberships: 0,
  persons: 0,
  events: 0,
  meetings: 0,
  chair_terms: 0,
  meeting_events: 0,
  published_aid_figures: 0,
  published_aid_monthly: 0,
  spending_figures: 0,
  spending_targets: 0,
  initiatives: 0,
  initiative_positions: 0,
  capability_areas: 0,
  coalitions: 0,
  coalition_nations: 0,
});

/** Writes rows in slices small enough for either database's limit on bound parameters. */
async function inSlices<T>(rows: T[], write: (slice: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) await write(rows.slice(i, i + 200));
}

async function writePlan(
  trx: Transaction<Database>,
  plan: ReferencePlan,
  now: string,
  spendingPlan: SpendingPlan,
): Promise<SeedReport> {
  const inserted = emptyCounts();
  const kept = emptyCounts();
  const count = (table: SeedTable, added: number, total: number) => {
    inserted[table] = added;
    kept[table] = total - added;
  };

  const nationCodes = new Set(
    (await trx.selectFrom('nations').select('code').execute()).map((r) => r.code),
  );
  const newNations = plan.nations.filter((n) => !nationCodes.has(n.code));
  await inSlices(
    newNations.map((n) => ({
      code: n.code,
      alpha2: n.alpha2,
      name: n.name,
      kind: n.kind,
      nato_member: n.natoMember ? 1 : 0,
      eu_member: n.euMember ? 1 : 0,
    })),
    (slice) => trx.insertInto('nations').values(slice).execute(),
  );
  count('nations', newNations.length, plan.nations.length);

  const firstMeeting = [...plan.meetings].sort((a, b) => a.date.localeCompare(b.date))[0];
  let group = await trx
    .selectFrom('groups')
    .select('id')
    .where('slug', '=', udcg.slug)
    .executeTakeFirst();
  if (!group) {
    group = { id: newId() };
    await trx
      .insertInto('groups')
      .values({
        id: group.id,
        slug: udcg.slug,
        name: udcg.name,
        short_name: udcg.shortName,
        recipient_code: udcg.recipientCode,
        reporting_currency: udcg.reportingCurrency,
        description: udcg.description,
        source_url: firstMeeting?.source_url ?? null,
        source_title: firstMeeting?.source_title ?? null,
        confidence: firstMeeting?.confidence ?? null,
        created_at: now,
      })
      .execute();
    count('groups', 1, 1);
  } else count('groups', 0, 1);
  const groupId = group.id;

  const memberKeys = new Set(
    (
      await trx
        .selectFrom('memberships')
        .select(['nation_code', 'role'])
        .where('group_id', '=', groupId)
        .execute()
    ).map((m) => `${m.nation_code}|${m.role}`),
  );
  const newMembers = plan.memberships.filter((m) => !memberKeys.has(`${m.nationCode}|${m.role}`));
  await inSlices(
    newMembers.map((m) => ({
      id: newId(),
      group_id: groupId,
      nation_code: m.nationCode,
      role: m.role,
      valid_from: m.validFrom,
      valid_to: null,
      first_seen_meeting: m.firstSeenMeeting,
      note: m.note,
      source_url: m.source_url,
      source_title: m.source_title,
      confidence: m.confidence,
    })),
    (slice) => trx.insertInto('memberships').values(slice).execute(),
  );
  count('memberships', newMembers.length, plan.memberships.length);

  const personIds = new Map(
    (await trx.selectFrom('persons').select(['id', 'name', 'nation_code']).execute()).map((p) => [
      `${p.name}|${p.nation_code ?? ''}`,
      p.id,
    ]),
  );
  const newPersons = plan.persons.filter((p) => !personIds.has(p.key));
  for (const person of newPersons) personIds.set(person.key, newId());
  await inSlices(
    newPersons.map((p) => ({
      id: personIds.get(p.key) ?? newId(),
      name: p.name,
      title: null,
      nation_code: p.nationCode,
      source_url: null,
      source_title: null,
      confidence: null,
    })),
    (slice) => trx.insertInto('persons').values(slice).execute(),
  );
  count('persons', newPersons.length, plan.persons.length);

  const eventIds = new Map(
    (await trx.selectFrom('events').select(['id', 'ref']).execute()).map((e) => [e.ref, e.id]),
  );
  const newEvents = plan.events.filter((e) => !eventIds.has(e.ref));
  for (const event of newEvents) eventIds.set(event.ref, newId());
  await inSlices(
    newEvents.map((e) => ({
      id: eventIds.get(e.ref) ?? newId(),
      ref: e.ref,
      name: e.name,
      kind: e.kind,
      starts_on: e.startsOn,
      ends_on: e.endsOn,
      location: e.location,
      country_code: e.countryCode,
      actors: e.actors,
      note: e.note,
      source_url: e.source_url,
      source_title: e.source_title,
      confidence: e.confidence,
    })),
    (slice) => trx.insertInto('events').values(slice).execute(),
  );
  count('events', newEvents.length, plan.events.length);

  // A numbered meeting is known by its number; the unnumbered (cancelled) one by its date.
  const meetingKey = (number: number | null, date: string) =>
    number === null ? `date:${date}` : `n:${number}`;
  const meetingIds = new Map(
    (
      await trx
        .selectFrom('meetings')
        .select(['id', 'number', 'date'])
        .where('group_id', '=', groupId)
        .execute()
    ).map((m) => [meetingKey(m.number, m.date), m.id]),
  );
  const newMeetings = plan.meetings.filter((m) => !meetingIds.has(meetingKey(m.number, m.date)));
  for (const meeting of newMeetings)
    meetingIds.set(meetingKey(meeting.number, meeting.date), newId());
  await inSlices(
    newMeetings.map((m) => ({
      id: meetingIds.get(meetingKey(m.number, m.date)) ?? newId(),
      group_id: groupId,
      number: m.number,
      date: m.date,
      start_time: null,
      time_zone: m.timeZone,
      starts_at: null,
      venue: m.venue,
      venue_country_code: m.venueCountryCode,
      virtual_url: null,
      format: m.format,
      status: m.status,
      chair_code: m.chairCode,
      chair_person_id: m.chairPersonKey === null ? null : (personIds.get(m.chairPersonKey) ?? null),
      co_chair_code: m.coChairCode,
      co_chair_person_id:
        m.coChairPersonKey === null ? null : (personIds.get(m.coChairPersonKey) ?? null),
      note: m.note,
      source_url: m.source_url,
      source_title: m.source_title,
      confidence: m.confidence,
      created_at: now,
      updated_at: now,
    })),
    (slice) => trx.insertInto('meetings').values(slice).execute(),
  );
  count('meetings', newMeetings.length, plan.meetings.length);

  const termStarts = new Set(
    (
      await trx
        .selectFrom('chair_terms')
        .select('starts_on')
        .where('group_id', '=', groupId)
        .execute()
    ).map((t) => t.starts_on),
  );
  const newTerms = plan.chairTerms.filter((t) => !termStarts.has(t.startsOn));
  await inSlices(
    newTerms.map((t) => ({
      id: newId(),
      group_id: groupId,
      nation_code: t.nationCode,
      co_chair_code: t.coChairCode,
      starts_on: t.startsOn,
      ends_on: t.endsOn,
      starts_at_meeting: t.startsAtMeeting,
      note: t.note,
      source_url: t.source_url,
      source_title: t.source_title,
      confidence: t.confidence,
    })),
    (slice) => trx.insertInto('chair_terms').values(slice).execute(),
  );
  count('chair_terms', newTerms.length, plan.chairTerms.length);

  const linkKeys = new Set(
    (await trx.selectFrom('meeting_events').select(['meeting_id', 'event_id']).execute()).map(
      (l) => `${l.meeting_id}|${l.event_id}`,
    ),
  );
  const links = plan.links.flatMap((l) => {
    const meetingId = meetingIds.get(meetingKey(l.meetingNumber, ''));
    const eventId = eventIds.get(l.eventRef);
    return meetingId && eventId
      ? [{ meeting_id: meetingId, event_id: eventId, relation: l.relation }]
      : [];
  });
  const newLinks = links.filter((l) => !linkKeys.has(`${l.meeting_id}|${l.event_id}`));
  await inSlices(newLinks, (slice) => trx.insertInto('meeting_events').values(slice).execute());
  count('meeting_events', newLinks.length, links.length);

  const areaIds = new Map(
    (
      await trx
        .selectFrom('capability_areas')
        .select(['id', 'slug'])
        .where('group_id', '=', groupId)
        .execute()
    ).map((a) => [a.slug, a.id]),
  );
  const newAreas = plan.capabilityAreas.filter((a) => !areaIds.has(a.slug));
  for (const area of newAreas) areaIds.set(area.slug, newId());
  await inSlices(
    newAreas.map((a) => ({
      id: areaIds.get(a.slug) ?? newId(),
      group_id: groupId,
      slug: a.slug,
      name: a.name,
      sort_order: a.sortOrder,
      note: a.note,
    })),
    (slice) => trx.insertInto('capability_areas').values(slice).execute(),
  );
  count('capability_areas', newAreas.length, plan.capabilityAreas.length);

  const coalitionIds = new Map(
    (
      await trx
        .selectFrom('coalitions')
        .select(['id', 'name'])
        .where('group_id', '=', groupId)
        .execute()
    ).map((c) => [c.name, c.id]),
  );
  // A coalition whose area is not (yet) in the group's taxonomy cannot be placed: the plan maps every
  // coalition onto the taxonomy it also loads, so this only skips rows a user has since removed.
  const placeable = plan.coalitions.filter((c) => areaIds.has(c.areaSlug));
  const newCoalitions = placeable.filter((c) => !coalitionIds.has(c.name));
  for (const coalition of newCoalitions) coalitionIds.set(coalition.name, newId());
  await inSlices(
    newCoalitions.map((c) => ({
      id: coalitionIds.get(c.name) ?? newId(),
      group_id: groupId,
      name: c.name,
      capability_area_id: areaIds.get(c.areaSlug) ?? '',
      formed_on: c.formedOn,
      formed_in: c.formedIn,
      formed_date_note: c.formedDateNote,
      key_milestones: c.keyMilestones,
      source_url: c.source_url,
      source_title: c.source_title,
      confidence: c.confidence,
    })),
    (slice) => trx.insertInto('coalitions').values(slice).execute(),
  );
  count('coalitions', newCoalitions.length, placeable.length);

  const coalitionNationKeys = new Set(
    (
      await trx
        .selectFrom('coalition_nations')
        .innerJoin('coalitions', 'coalitions.id', 'coalition_nations.coalition_id')
        .select(['coalition_nations.coalition_id', 'coalition_nations.nation_code'])
        .where('coalitions.group_id', '=', groupId)
        .execute()
    ).map((n) => `${n.coalition_id}|${n.nation_code}`),
  );
  const leads = placeable.flatMap((c) => {
    const coalitionId = coalitionIds.get(c.name);
    return coalitionId === undefined
      ? []
      : c.leadCodes.map((code) => ({
          coalition_id: coalitionId,
          nation_code: code,
          role: 'lead',
          joined_on: null,
          source_url: c.source_url,
          source_title: c.source_title,
          confidence: c.confidence,
        }));
  });
  const newLeads = leads.filter(
    (l) => !coalitionNationKeys.has(`${l.coalition_id}|${l.nation_code}`),
  );
  await inSlices(newLeads, (slice) => trx.insertInto('coalition_nations').values(slice).execute());
  count('coalition_nations', newLeads.length, leads.length);

  // Published aid goes to its own tables, never into the ledger's totals.
  const publishedAid = await writePublishedAid(trx, {
    figures: plan.publishedAidFigures,
    monthly: plan.publishedAidMonthly,
  });
  for (const table of ['published_aid_figures', 'published_aid_monthly'] as const)
    count(table, publishedAid[table].added, publishedAid[table].planned);

  // Defence spending figures (every release kept) and targets: public reference data.
  const spending = await writeSpendingReference(trx, spendingPlan, now);
  for (const table of ['spending_figures', 'spending_targets'] as const)
    count(table, spending[table].added, spending[table].planned);

  // Initiatives stated by the events file (the February 2025 US plan), with only the stated positions.
  const initiatives = await writeInitiatives(trx, groupId, plan.initiatives, now);
  for (const table of ['initiatives', 'initiative_positions'] as const)
    count(table, initiatives[table].added, initiatives[table].planned);

  // Reference loads are writes like any other: one entry per run that added something.
  if (Object.values(inserted).some((n) => n > 0)) {
    await recordAudit(trx, systemActor, {
      action: 'reference.seed',
      entity: 'reference',
      entityId: null,
      marking: { marking: 'PUBLIC', rel_to: null, group_id: null },
      after: inserted,
    });
  }
  return { inserted, kept };
}
