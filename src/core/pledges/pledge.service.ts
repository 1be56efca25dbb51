import { canWrite, hasRole, isSecretariatOf, type Viewer } from '../accounts/viewer';
import { actorOf, recordAudit } from '../audit/audit.service';
import { convert, type ConversionResult } from '../currency/exchange-rate.service';
import type { Db } from '../db/database';
import type { PledgesTable } from '../db/tables/ledger';
import { AppError, invalid, isAppError, notFound, staleVersion } from '../errors';
import type { GroupRow } from '../groups/group.repository';
import { requireGroup } from '../groups/group.service';
import { newId } from '../ids';
import { markingColumns, toMarking } from '../markings';
import { formatMoney, type Money, parseMoney } from '../money';
import { findAreaBySlug } from '../requirements/requirement.repository';
import { findRequirement } from '../requirements/requirement.repository';
import { toSource } from '../source';
import { todayIso } from '../time';
import { applyToTotals } from './ledger-totals.repository';
import { announcePledgeLive } from './pledge-live';
import { channelKey, isEstimate, type PledgeFigures, transitionProblem } from './pledge';
import {
  afterDelivery,
  announcedOnProblems,
  channelNationProblems,
  type DeliveryTarget,
  deliveryProblems,
  pledgeShapeProblems,
  requirementProblems,
  type RuleProblem,
  trancheProblems,
} from './pledge-rules';
import {
  confirmDeliveryRow,
  type DeliveryRow,
  findCoalitionOf,
  findDeliveryByExternalId,
  findDeliveryPledgeId,
  findEvent,
  findMeetingOf,
  findParticipant,
  findPledge,
  findPledgeByExternalId,
  findPrice,
  insertDelivery,
  insertPledge,
  insertStatusChange,
  listAllPledgeRows,
  listDeliveries,
  listPledgeRows,
  listStatusChanges,
  listTranches,
  type PledgeFilters,
  type PledgeRow,
  replaceTranches,
  updatePledgeRow,
} from './pledge.repository';
import type {
  ChannelInput,
  CreateDelivery,
  CreatePledge,
  Delivery,
  Pledge,
  PledgeDetail,
  PledgeKind,
  PledgeListQuery,
  PledgePage,
  PledgeStatus,
  ScheduleInput,
  TransitionPledge,
  UpdatePledge,
  ValuationMethod,
} from './pledge.schema';

// ---------------------------------------------------------------------------------------------------
// Reading

export function toPledge(row: PledgeRow): Pledge {
  const money = (minor: number | null, currency: string | null) =>
    minor === null || currency === null
      ? null
      : { amount: formatMoney({ minor: BigInt(minor), currency }), currency };
  return {
    id: row.id,
    group: row.group_slug,
    donor: row.donor_nation,
    channel: {
      kind: row.channel_kind as Pledge['channel']['kind'],
      nation: row.channel_nation,
      coalitionId: row.channel_coalition_id,
      name: row.channel_name ?? row.channel_nation,
      key: channelKey(row),
    },
    requirementId: row.requirement_id,
    capabilityArea: { id: row.capability_area_id, slug: row.area_slug, name: row.area_name },
    item: row.item,
    specification: row.specification,
    quantity: row.quantity === null ? null : Number(row.quantity),
    unit: row.unit,
    kind: row.kind as PledgeKind,
    value: money(row.value_minor === null ? null : Number(row.value_minor), row.currency),
    valuationDate: row.valuation_date,
    valuationMethod: row.valuation_method as ValuationMethod,
    isEstimate: isEstimate(row.valuation_method),
    reportingValue: money(
      row.reporting_value_minor === null ? null : Number(row.reporting_value_minor),
      row.reporting_currency,
    ),
    rateUsed:
      row.reporting_rate === null || row.reporting_rate_date === null
        ? null
        : { rate: row.reporting_rate, date: row.reporting_rate_date },
    announcedOn: row.announced_on,
    meetingId: row.meeting_id,
    eventId: row.event_id,
    status: row.status as PledgeStatus,
    statusOn: row.status_on,
    deliveredQuantity: Number(row.delivered_quantity),
    externalRef: row.external_ref,
    externalId: row.external_id,
    note: row.note,
    marking: toMarking(row),
    source: toSource(row),
    createdBy: row.created_by_username,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

const toDelivery = (row: DeliveryRow): Delivery => ({
  id: row.id,
  pledgeId: row.pledge_id,
  quantity: Number(row.quantity),
  deliveredOn: row.delivered_on,
  place: row.place,
  note: row.note,
  externalId: row.external_id,
  recordedBy: row.recorded_by_username,
  recordedAt: row.recorded_at,
  confirmed: row.confirmed_at !== null,
  confirmedBy: row.confirmed_by_username,
  confirmedAt: row.confirmed_at,
});

/** Pledges with their history, schedule and deliveries, read for all of them in three queries. */
async function withDetails(db: Db, rows: PledgeRow[], today: string): Promise<PledgeDetail[]> {
  const ids = rows.map((r) => r.id);
  const [changes, tranches, deliveries] = await Promise.all([
    listStatusChanges(db, ids),
    listTranches(db, ids),
    listDeliveries(db, ids),
  ]);
  const byPledge = <T extends { pledge_id: string }>(list: T[]) => {
    const map = new Map<string, T[]>();
    for (const item of list) map.set(item.pledge_id, [...(map.get(item.pledge_id) ?? []), item]);
    return map;
  };
  const changesOf = byPledge(changes);
  const tranchesOf = byPledge(tranches);
  const deliveriesOf = byPledge(deliveries);
  return rows.map((row) => {
    const pledgeTranches = tranchesOf.get(row.id) ?? [];
    const pledgeDeliveries = deliveriesOf.get(row.id) ?? [];
    const plannedToDate = pledgeTranches
      .filter((t) => t.planned_on <= today)
      .reduce((sum, t) => sum + Number(t.quantity), 0);
    const deliveredToDate = pledgeDeliveries.reduce((sum, d) => sum + Number(d.quantity), 0);
    return {
      ...toPledge(row),
      statusHistory: (changesOf.get(row.id) ?? []).map((c) => ({
        from: c.from_status as PledgeStatus | null,
        to: c.to_status as PledgeStatus,
        effectiveOn: c.effective_on,
        note: c.note,
        changedBy: c.username,
        changedAt: c.changed_at,
      })),
      tranches: pledgeTranches.map((t) => ({
        id: t.id,
        plannedOn: t.planned_on,
        quantity: Number(t.quantity),
        note: t.note,
      })),
      deliveries: pledgeDeliveries.map(toDelivery),
      schedule: {
        plannedToDate,
        deliveredToDate,
        behind: Math.max(0, plannedToDate - deliveredToDate),
      },
    };
  });
}

export async function listPledges(
  db: Db,
  viewer: Viewer,
  slug: string,
  query: PledgeListQuery,
): Promise<PledgePage> {
  const group = await requireGroup(db, slug);
  const { rows, total } = await listPledgeRows(db, viewer, group.id, query);
  return { items: rows.map(toPledge), total, limit: query.limit, offset: query.offset };
}

/** Every matching pledge releasable to the viewer, for exports (CSV, XLSX). */
export async function exportPledges(
  db: Db,
  viewer: Viewer,
  slug: string,
  filters: PledgeFilters,
): Promise<Pledge[]> {
  const group = await requireGroup(db, slug);
  return (await listAllPledgeRows(db, viewer, group.id, filters)).map(toPledge);
}

/** Every matching pledge releasable to the viewer with its history, schedule and deliveries (IATI). */
export async function exportPledgeDetails(
  db: Db,
  viewer: Viewer,
  slug: string,
  filters: PledgeFilters,
  now: Date = new Date(),
): Promise<PledgeDetail[]> {
  const group = await requireGroup(db, slug);
  const rows = await listAllPledgeRows(db, viewer, group.id, filters);
  return withDetails(db, rows, todayIso(now));
}

/** Not releasable and not there answer alike: not_found. */
export async function getPledge(
  db: Db,
  viewer: Viewer,
  id: string,
  now: Date = new Date(),
): Promise<PledgeDetail> {
  const row = await findPledge(db, viewer, id);
  if (!row) throw notFound(`Pledge ${id}`);
  const [detail] = await withDetails(db, [row], todayIso(now));
  if (!detail) throw notFound(`Pledge ${id}`);
  return detail;
}

// ---------------------------------------------------------------------------------------------------
// Rules shared by the writes

type Writer = Viewer & { userId: string; nationCode: string };

function requireSignedInWriter(viewer: Viewer): asserts viewer is Writer {
  if (viewer.userId === null || viewer.nationCode === null)
    throw new AppError('unauthenticated', 'Sign in first');
  if (!canWrite(viewer)) throw new AppError('forbidden', 'This token is read-only');
}

/**
 * A nation's coordinators record its pledges and deliveries; the chair's secretariat may also record a
 * pledge for any donor (announced at a meeting it runs).
 */
export function requirePledgeWriter(
  viewer: Viewer,
  group: GroupRow,
  donor: string,
): asserts viewer is Writer {
  requireSignedInWriter(viewer);
  if (isSecretariatOf(viewer, group.id)) return;
  if (viewer.nationCode !== donor) {
    throw new AppError('forbidden', `Only ${donor}'s coordinators record ${donor}'s pledges`, [
      { path: 'body.donor', message: `is not your nation (${viewer.nationCode})` },
    ]);
  }
  if (!hasRole(viewer, 'coordinator')) {
    throw new AppError('forbidden', "Only a coordinator records its nation's pledges");
  }
}

function requireRecipient(viewer: Viewer, group: GroupRow): asserts viewer is Writer {
  requireSignedInWriter(viewer);
  if (!hasRole(viewer, 'recipient') || viewer.nationCode !== group.recipient_code) {
    throw new AppError(
      'forbidden',
      `Only the recipient (${group.recipient_code}) confirms deliveries`,
    );
  }
}

export const figuresOf = (row: PledgesTable): PledgeFigures => ({
  group_id: row.group_id ?? '',
  requirement_id: row.requirement_id,
  capability_area_id: row.capability_area_id,
  donor_nation: row.donor_nation,
  channel: channelKey(row),
  marking: row.marking,
  rel_to: row.rel_to,
  announced_on: row.announced_on,
  meeting_id: row.meeting_id,
  status: row.status,
  quantity: row.quantity === null ? null : Number(row.quantity),
  delivered_quantity: Number(row.delivered_quantity),
  reporting_value_minor:
    row.reporting_value_minor === null ? null : Number(row.reporting_value_minor),
  valuation_method: row.valuation_method,
});

async function channelColumns(
  db: Db,
  group: GroupRow,
  channel: ChannelInput,
  donor: string,
  path: string,
) {
  const none = { channel_nation: null, channel_coalition_id: null, channel_name: null };
  switch (channel.kind) {
    case 'direct':
      return { channel_kind: 'direct', ...none };
    case 'nation':
      throwFirst(channelNationProblems(channel.nation, donor));
      if (!(await findParticipant(db, group.id, channel.nation))) {
        throw invalid(
          `${path}.nation`,
          `${channel.nation} does not take part in ${group.short_name}`,
        );
      }
      return { channel_kind: 'nation', ...none, channel_nation: channel.nation };
    case 'coalition':
      if (!(await findCoalitionOf(db, group.id, channel.coalitionId))) {
        throw invalid(`${path}.coalitionId`, `is not a coalition of ${group.short_name}`);
      }
      return { channel_kind: 'coalition', ...none, channel_coalition_id: channel.coalitionId };
    case 'fund':
      return { channel_kind: 'fund', ...none, channel_name: channel.name };
  }
}

export interface Valuation {
  value_minor: number | null;
  currency: string | null;
  valuation_date: string | null;
  valuation_method: string;
  reporting_value_minor: number | null;
  reporting_rate: string | null;
  reporting_rate_date: string | null;
}

/**
 * Where a valuation finds prices and rates: the database, or the bulk import's caches of it (which
 * answer at once, without a promise, once they hold what is asked).
 */
export interface ValuationLookups {
  findPrice: (
    groupId: string,
    key: { item: string; specification: string; unit: string },
    onDate: string,
  ) =>
    | Promise<{ unit_price_minor: number; currency: string } | undefined>
    | { unit_price_minor: number; currency: string }
    | undefined;
  convert: (
    money: Money,
    to: string,
    onDate: string,
  ) => Promise<ConversionResult> | ConversionResult;
}

export const databaseLookups = (db: Db): ValuationLookups => ({
  findPrice: (groupId, key, onDate) => findPrice(db, groupId, key, onDate),
  convert: (money, to, onDate) => convert(db, money, to, onDate),
});

type Awaitable<T> = T | Promise<T>;

/** `f` of a value that may still be coming: at once when it is here, after it when it is a promise. */
function andThen<T, R>(value: Awaitable<T>, f: (value: T) => Awaitable<R>): Awaitable<R> {
  return value instanceof Promise ? value.then(f) : f(value);
}

const UNVALUED: Valuation = Object.freeze({
  value_minor: null,
  currency: null,
  valuation_date: null,
  valuation_method: 'none',
  reporting_value_minor: null,
  reporting_rate: null,
  reporting_rate_date: null,
});

/**
 * Values a pledge in the group's reporting currency at the rate of its valuation date (or the business
 * day before). A pledge reported without a value is valued from the group's price list when the item is
 * on it, and flagged as an estimate.
 *
 * With lookups that answer at once (a bulk import's caches) the valuation is answered at once too, not
 * as a promise: an import values every row, and a promise per row is a pause per row.
 */
export function valuationOf(
  lookups: ValuationLookups,
  group: Pick<GroupRow, 'id' | 'reporting_currency'>,
  pledge: {
    value: { amount: string; currency: string } | null;
    valuationDate: string | null;
    valuationMethod: 'reported' | 'estimated';
    announcedOn: string;
    item: string;
    specification: string;
    quantity: number | null;
    unit: string | null;
  },
): Awaitable<Valuation> {
  if (pledge.value !== null) {
    const money = parseMoney(pledge.value.amount, pledge.value.currency, 'body.value.amount');
    return converted(lookups, group, pledge, money, pledge.valuationMethod);
  }
  const { quantity, unit } = pledge;
  if (quantity === null || unit === null) return UNVALUED;
  const key = { item: pledge.item, specification: pledge.specification, unit };
  return andThen(lookups.findPrice(group.id, key, pledge.announcedOn), (price) =>
    price
      ? converted(
          lookups,
          group,
          { ...pledge, valuationDate: pledge.announcedOn },
          {
            minor: BigInt(price.unit_price_minor) * BigInt(quantity),
            currency: price.currency,
          },
          'price_list',
        )
      : UNVALUED,
  );
}

/** The valuation of `money`, put in the reporting currency at its valuation date's rate. */
function converted(
  lookups: ValuationLookups,
  group: Pick<GroupRow, 'reporting_currency'>,
  pledge: { value: unknown; valuationDate: string | null; announcedOn: string },
  money: Money,
  method: string,
): Awaitable<Valuation> {
  const date = pledge.valuationDate ?? pledge.announcedOn;
  let conversion: Awaitable<ConversionResult>;
  try {
    conversion = lookups.convert(money, group.reporting_currency, date);
  } catch (error) {
    return refuseWithoutRate(error, group, pledge);
  }
  // Module-level functions, not closures, on the path an import takes for every row.
  return conversion instanceof Promise
    ? conversion.then(
        (c) => valuationAt(money, date, method, c),
        (error: unknown) => refuseWithoutRate(error, group, pledge),
      )
    : valuationAt(money, date, method, conversion);
}

function valuationAt(
  money: Money,
  date: string,
  method: string,
  conversion: ConversionResult,
): Valuation {
  return {
    value_minor: Number(money.minor),
    currency: money.currency,
    valuation_date: date,
    valuation_method: method,
    reporting_value_minor: Number(conversion.amount.minor),
    reporting_rate: conversion.rateUsed.rate,
    reporting_rate_date: conversion.rateUsed.date,
  };
}

/** No rate for the day: a 400 on the field that set the day. */
function refuseWithoutRate(
  error: unknown,
  group: Pick<GroupRow, 'reporting_currency'>,
  pledge: { value: unknown },
): never {
  if (isAppError(error) && error.code === 'not_found') {
    throw invalid(
      pledge.value === null ? 'body.announcedOn' : 'body.valuationDate',
      `${error.message}: the value cannot be put in ${group.reporting_currency}`,
    );
  }
  throw error;
}

/** Throws the first problem as a 400 naming its field under `prefix` (the request body). */
function throwFirst(problems: readonly RuleProblem[], prefix = 'body'): void {
  const first = problems[0];
  if (first) throw invalid(first.field === '' ? prefix : `${prefix}.${first.field}`, first.message);
}

// ---------------------------------------------------------------------------------------------------
// Writing

/**
 * Records a pledge. A pledge against a requirement takes the requirement's area, item, specification
 * and unit unless given, and may not contradict them (155 mm NATO is not 152 mm).
 */
export async function createPledge(
  db: Db,
  viewer: Viewer,
  slug: string,
  input: CreatePledge,
  now: Date = new Date(),
): Promise<PledgeDetail> {
  const group = await requireGroup(db, slug);
  const donor = input.donor ?? viewer.nationCode ?? '';
  requirePledgeWriter(viewer, group, donor);
  if (!(await findParticipant(db, group.id, donor))) {
    throw invalid('body.donor', `${donor} does not take part in ${group.short_name} as a donor`);
  }
  const today = todayIso(now);
  throwFirst(announcedOnProblems(input.announcedOn, today));

  let areaId: string | undefined;
  let item = input.item;
  let specification = input.specification;
  let unit = input.unit;
  if (input.requirementId !== undefined) {
    const requirement = await findRequirement(db, viewer, input.requirementId);
    if (!requirement || requirement.group_id !== group.id) {
      throw invalid('body.requirementId', `is not a requirement of ${group.short_name}`);
    }
    throwFirst(
      requirementProblems(requirement, {
        capabilityArea: input.capabilityArea,
        ...(specification === undefined ? {} : { specification }),
        ...(unit === undefined ? {} : { unit }),
      }),
    );
    areaId = requirement.capability_area_id;
    item ??= requirement.item;
    specification = requirement.specification;
    unit = requirement.unit;
  }
  if (areaId === undefined) {
    if (input.capabilityArea === undefined) {
      throw invalid('body.capabilityArea', 'is required for a pledge without a requirement');
    }
    const area = await findAreaBySlug(db, group.id, input.capabilityArea);
    if (!area)
      throw invalid('body.capabilityArea', `is not a capability area of ${group.short_name}`);
    areaId = area.id;
  }
  const quantity = input.quantity ?? null;
  throwFirst(
    pledgeShapeProblems({
      item,
      quantity,
      unit,
      kind: input.kind,
      hasValue: input.value !== undefined,
      againstRequirement: input.requirementId !== undefined,
    }),
  );
  // Unreachable (pledgeShapeProblems reports a missing item first); it narrows the type.
  if (item === undefined) throw invalid('body.item', 'is required');
  if (
    input.meetingId !== undefined &&
    !(await findMeetingOf(db, viewer, group.id, input.meetingId))
  ) {
    throw invalid('body.meetingId', `is not a meeting of ${group.short_name}`);
  }
  if (input.eventId !== undefined && !(await findEvent(db, input.eventId))) {
    throw invalid('body.eventId', 'is not a known event');
  }
  if (input.externalId !== undefined) {
    const existing = await findPledgeByExternalId(db, group.id, input.externalId);
    if (existing) {
      throw new AppError('conflict', `A pledge with external id ${input.externalId} exists`, [
        { path: 'body.externalId', message: `is already used by pledge ${existing.id}` },
      ]);
    }
  }
  throwFirst(trancheProblems(input.tranches, quantity, input.announcedOn));
  const channel = await channelColumns(db, group, input.channel, donor, 'body.channel');
  const valuation = await valuationOf(databaseLookups(db), group, {
    value: input.value ?? null,
    valuationDate: input.valuationDate ?? null,
    valuationMethod: input.valuationMethod,
    announcedOn: input.announcedOn,
    item,
    specification: specification ?? '',
    quantity,
    unit: unit ?? null,
  });

  const at = now.toISOString();
  const id = newId(now.getTime());
  const marking = markingColumns(input.marking, donor);
  const row: PledgesTable = {
    id,
    group_id: group.id,
    donor_nation: donor,
    ...channel,
    requirement_id: input.requirementId ?? null,
    capability_area_id: areaId,
    item,
    specification: specification ?? '',
    quantity,
    unit: quantity === null ? (unit ?? null) : (unit ?? null),
    kind: input.kind,
    ...valuation,
    reporting_currency: group.reporting_currency,
    announced_on: input.announcedOn,
    meeting_id: input.meetingId ?? null,
    event_id: input.eventId ?? null,
    status: input.status,
    status_on: input.announcedOn,
    delivered_quantity: 0,
    external_ref: input.externalRef ?? null,
    external_id: input.externalId ?? null,
    note: input.note ?? null,
    ...marking,
    source_url: null,
    source_title: null,
    confidence: null,
    created_by: viewer.userId,
    created_at: at,
    updated_at: at,
    version: 1,
  };
  await insertPledge(db, row);
  await insertStatusChange(db, {
    id: newId(now.getTime()),
    pledge_id: id,
    from_status: null,
    to_status: input.status,
    effective_on: input.announcedOn,
    note: null,
    changed_by: viewer.userId,
    changed_at: at,
  });
  await replaceTranches(
    db,
    id,
    input.tranches.map((t) => ({
      id: newId(now.getTime()),
      pledge_id: id,
      planned_on: t.plannedOn,
      quantity: t.quantity,
      note: t.note ?? null,
    })),
  );
  await applyToTotals(db, null, figuresOf(row));
  const pledge = await getPledge(db, viewer, id, now);
  await recordAudit(
    db,
    actorOf(viewer),
    {
      action: 'pledge.create',
      entity: 'pledge',
      entityId: id,
      marking: { ...marking, group_id: group.id },
      after: auditView(pledge),
    },
    now,
  );
  await announcePledgeLive(db, row, pledge, now);
  return pledge;
}

const auditView = (p: Pledge) => ({
  donor: p.donor,
  channel: p.channel.key,
  requirementId: p.requirementId,
  area: p.capabilityArea.slug,
  item: p.item,
  specification: p.specification,
  quantity: p.quantity,
  unit: p.unit,
  kind: p.kind,
  value: p.value,
  valuationMethod: p.valuationMethod,
  reportingValue: p.reportingValue,
  rateUsed: p.rateUsed,
  status: p.status,
  statusOn: p.statusOn,
  deliveredQuantity: p.deliveredQuantity,
  marking: p.marking.label,
  version: p.version,
});

/** The stored row of a releasable pledge the viewer may change, with its group. */
async function requireWritablePledge(db: Db, viewer: Viewer, id: string) {
  const row = await findPledge(db, viewer, id);
  if (!row) throw notFound(`Pledge ${id}`);
  const group = await requireGroup(db, row.group_slug);
  requirePledgeWriter(viewer, group, row.donor_nation);
  return { row, group };
}

/** Strips the joined columns: the row as stored. */
function storedOf(row: PledgeRow): PledgesTable {
  const { group_slug: _g, area_slug: _a, area_name: _n, created_by_username: _c, ...stored } = row;
  return stored;
}

/** Writes the changed row under its version, keeps the totals in step, and records the audit entry. */
async function commitChange(
  db: Db,
  viewer: Writer,
  before: PledgeRow,
  changes: Partial<PledgesTable>,
  expectedVersion: number,
  action: string,
  now: Date,
  extra: Record<string, unknown> = {},
): Promise<PledgeDetail> {
  const at = now.toISOString();
  const ok = await updatePledgeRow(db, before.id, expectedVersion, { ...changes, updated_at: at });
  if (!ok) throw staleVersion('pledge', expectedVersion, toPledge(before));
  const stored = storedOf(before);
  const after: PledgesTable = {
    ...stored,
    ...changes,
    version: stored.version + 1,
    updated_at: at,
  };
  await applyToTotals(db, figuresOf(stored), figuresOf(after));
  const detail = await getPledge(db, viewer, before.id, now).catch((error: unknown) => {
    // A writer who narrowed the marking away from its own nation could not read it back; the origin
    // nation is always in REL TO, so this only happens to a secretariat writing for another donor.
    if (isAppError(error) && error.code === 'not_found') {
      throw new AppError('invalid', 'The change would leave the pledge unreadable to you', [
        { path: 'body.marking', message: `must stay releasable to ${viewer.nationCode}` },
      ]);
    }
    throw error;
  });
  await recordAudit(
    db,
    actorOf(viewer),
    {
      action,
      entity: 'pledge',
      entityId: before.id,
      // The wider of the two markings: whoever could read the record can read what happened to it.
      marking: { ...(changes.marking === undefined ? stored : after), group_id: stored.group_id },
      before: auditView(toPledge(before)),
      after: { ...auditView(detail), ...extra },
    },
    now,
  );
  return detail;
}

export async function updatePledge(
  db: Db,
  viewer: Viewer,
  id: string,
  input: UpdatePledge,
  now: Date = new Date(),
): Promise<PledgeDetail> {
  const { row, group } = await requireWritablePledge(db, viewer, id);
  if (row.version !== input.version) throw staleVersion('pledge', input.version, toPledge(row));
  if (row.status === 'withdrawn') throw invalid('body', 'a withdrawn pledge cannot be changed');
  const changes: Partial<PledgesTable> = {};
  const today = todayIso(now);

  if (input.requirementId !== undefined) {
    if (input.requirementId === null) changes.requirement_id = null;
    else {
      const requirement = await findRequirement(db, viewer, input.requirementId);
      if (!requirement || requirement.group_id !== group.id) {
        throw invalid('body.requirementId', `is not a requirement of ${group.short_name}`);
      }
      const unit = input.unit === undefined ? row.unit : input.unit;
      const specification = input.specification ?? row.specification;
      if (unit !== requirement.unit) {
        throw invalid(
          'body.requirementId',
          `counts in "${requirement.unit}", the pledge in "${unit ?? 'no unit'}"`,
        );
      }
      if (specification !== requirement.specification) {
        throw invalid(
          'body.requirementId',
          `needs "${requirement.specification}", the pledge is "${specification}"`,
        );
      }
      changes.requirement_id = requirement.id;
      changes.capability_area_id = requirement.capability_area_id;
    }
  }
  if (input.capabilityArea !== undefined) {
    const area = await findAreaBySlug(db, group.id, input.capabilityArea);
    if (!area)
      throw invalid('body.capabilityArea', `is not a capability area of ${group.short_name}`);
    changes.capability_area_id = area.id;
  }
  if (input.item !== undefined) changes.item = input.item;
  if (input.specification !== undefined) changes.specification = input.specification;
  if (input.unit !== undefined) changes.unit = input.unit;
  if (input.kind !== undefined) changes.kind = input.kind;
  if (input.quantity !== undefined) {
    const delivered = Number(row.delivered_quantity);
    if (input.quantity === null && delivered > 0) {
      throw invalid(
        'body.quantity',
        `${delivered} already delivered: the quantity cannot be removed`,
      );
    }
    if (input.quantity !== null && input.quantity < delivered) {
      throw invalid('body.quantity', `must be at least the ${delivered} already delivered`);
    }
    changes.quantity = input.quantity;
  }
  if (input.announcedOn !== undefined) {
    if (input.announcedOn > today) throw invalid('body.announcedOn', `is after today (${today})`);
    changes.announced_on = input.announcedOn;
  }
  if (input.meetingId !== undefined) {
    if (input.meetingId !== null && !(await findMeetingOf(db, viewer, group.id, input.meetingId))) {
      throw invalid('body.meetingId', `is not a meeting of ${group.short_name}`);
    }
    changes.meeting_id = input.meetingId;
  }
  if (input.channel !== undefined) {
    Object.assign(
      changes,
      await channelColumns(db, group, input.channel, row.donor_nation, 'body.channel'),
    );
  }
  if (input.externalRef !== undefined) changes.external_ref = input.externalRef;
  if (input.note !== undefined) changes.note = input.note;
  if (input.marking !== undefined)
    Object.assign(changes, markingColumns(input.marking, row.donor_nation));

  const merged = { ...row, ...changes };
  if (merged.unit === null && merged.quantity !== null)
    throw invalid('body.unit', 'is required with a quantity');
  // The value is worked out again whenever anything it depends on changed.
  const revalue =
    input.value !== undefined ||
    input.valuationDate !== undefined ||
    input.valuationMethod !== undefined ||
    input.quantity !== undefined ||
    input.announcedOn !== undefined ||
    (row.valuation_method === 'price_list' &&
      (input.item !== undefined || input.specification !== undefined || input.unit !== undefined));
  if (revalue) {
    const keepReported =
      input.value === undefined &&
      row.value_minor !== null &&
      row.currency !== null &&
      row.valuation_method !== 'price_list';
    const value =
      input.value !== undefined
        ? input.value
        : keepReported && row.currency !== null && row.value_minor !== null
          ? {
              amount: formatMoney({ minor: BigInt(row.value_minor), currency: row.currency }),
              currency: row.currency,
            }
          : null;
    if (value === null && merged.quantity === null) {
      throw invalid('body.value', 'is required for a pledge without a quantity');
    }
    Object.assign(
      changes,
      await valuationOf(databaseLookups(db), group, {
        value,
        valuationDate: input.valuationDate === undefined ? row.valuation_date : input.valuationDate,
        valuationMethod:
          input.valuationMethod ??
          (row.valuation_method === 'estimated' ? 'estimated' : 'reported'),
        announcedOn: merged.announced_on,
        item: merged.item,
        specification: merged.specification,
        quantity: merged.quantity === null ? null : Number(merged.quantity),
        unit: merged.unit,
      }),
    );
  }
  if (merged.quantity !== null) {
    const tranches = await listTranches(db, [row.id]);
    const planned = tranches.reduce((sum, t) => sum + Number(t.quantity), 0);
    if (planned > Number(merged.quantity)) {
      throw invalid(
        'body.quantity',
        `is below the ${planned} planned in the schedule; change the schedule first`,
      );
    }
  }
  const narrowed = input.marking !== undefined;
  return commitChange(
    db,
    viewer as Writer,
    row,
    changes,
    input.version,
    narrowed ? 'pledge.update_marking' : 'pledge.update',
    now,
  );
}

/** Moves a pledge along its legal transitions, dated, with the history kept. */
export async function transitionPledge(
  db: Db,
  viewer: Viewer,
  id: string,
  input: TransitionPledge,
  now: Date = new Date(),
): Promise<PledgeDetail> {
  const { row } = await requireWritablePledge(db, viewer, id);
  if (row.version !== input.version) throw staleVersion('pledge', input.version, toPledge(row));
  const problem = transitionProblem(
    {
      status: row.status as PledgeStatus,
      quantity: row.quantity === null ? null : Number(row.quantity),
      delivered_quantity: Number(row.delivered_quantity),
    },
    input.status,
  );
  if (problem !== null) throw invalid('body.status', problem);
  const today = todayIso(now);
  if (input.effectiveOn < row.status_on) {
    throw invalid(
      'body.effectiveOn',
      `is before the current status took effect (${row.status_on})`,
    );
  }
  if (input.effectiveOn > today) throw invalid('body.effectiveOn', `is after today (${today})`);
  const writer = viewer as Writer;
  await insertStatusChange(db, {
    id: newId(now.getTime()),
    pledge_id: id,
    from_status: row.status,
    to_status: input.status,
    effective_on: input.effectiveOn,
    note: input.note ?? null,
    changed_by: writer.userId,
    changed_at: now.toISOString(),
  });
  return commitChange(
    db,
    writer,
    row,
    { status: input.status, status_on: input.effectiveOn },
    input.version,
    `pledge.${input.status}`,
    now,
    { effectiveOn: input.effectiveOn, note: input.note ?? null },
  );
}

/** Replaces the planned delivery schedule (tranches). */
export async function setSchedule(
  db: Db,
  viewer: Viewer,
  id: string,
  input: ScheduleInput,
  now: Date = new Date(),
): Promise<PledgeDetail> {
  const { row } = await requireWritablePledge(db, viewer, id);
  if (row.version !== input.version) throw staleVersion('pledge', input.version, toPledge(row));
  throwFirst(
    trancheProblems(
      input.tranches,
      row.quantity === null ? null : Number(row.quantity),
      row.announced_on,
    ),
  );
  await replaceTranches(
    db,
    id,
    input.tranches.map((t) => ({
      id: newId(now.getTime()),
      pledge_id: id,
      planned_on: t.plannedOn,
      quantity: t.quantity,
      note: t.note ?? null,
    })),
  );
  return commitChange(db, viewer as Writer, row, {}, input.version, 'pledge.schedule', now, {
    tranches: input.tranches,
  });
}

/**
 * Records a delivery. The sum delivered never exceeds the pledge, and no delivery predates it. The
 * first delivery moves the pledge to delivering, the one that completes it to delivered.
 */
export async function recordDelivery(
  db: Db,
  viewer: Viewer,
  pledgeId: string,
  input: CreateDelivery,
  now: Date = new Date(),
): Promise<PledgeDetail> {
  const { row } = await requireWritablePledge(db, viewer, pledgeId);
  const writer = viewer as Writer;
  const target: DeliveryTarget = {
    status: row.status,
    status_on: row.status_on,
    quantity: row.quantity === null ? null : Number(row.quantity),
    delivered_quantity: Number(row.delivered_quantity),
    announced_on: row.announced_on,
  };
  throwFirst(deliveryProblems(target, input, todayIso(now)));
  if (
    input.externalId !== undefined &&
    (await findDeliveryByExternalId(db, pledgeId, input.externalId))
  ) {
    throw new AppError('conflict', `A delivery with external id ${input.externalId} exists`, [
      { path: 'body.externalId', message: 'is already used by a delivery of this pledge' },
    ]);
  }
  const at = now.toISOString();
  const deliveryId = newId(now.getTime());
  await insertDelivery(db, {
    id: deliveryId,
    pledge_id: pledgeId,
    quantity: input.quantity,
    delivered_on: input.deliveredOn,
    place: input.place ?? null,
    note: input.note ?? null,
    external_id: input.externalId ?? null,
    recorded_by: writer.userId,
    recorded_at: at,
    confirmed_by: null,
    confirmed_at: null,
  });
  const after = afterDelivery(target, input.quantity, input.deliveredOn);
  const changes: Partial<PledgesTable> = { delivered_quantity: after.delivered_quantity };
  if (after.changed) {
    changes.status = after.status;
    changes.status_on = after.status_on;
    await insertStatusChange(db, {
      id: newId(now.getTime()),
      pledge_id: pledgeId,
      from_status: row.status,
      to_status: after.status,
      effective_on: after.status_on,
      note: 'by delivery',
      changed_by: writer.userId,
      changed_at: at,
    });
  }
  return commitChange(db, writer, row, changes, row.version, 'pledge.delivery', now, {
    delivery: { id: deliveryId, quantity: input.quantity, deliveredOn: input.deliveredOn },
  });
}

/** The recipient confirms that a delivery arrived. Confirming twice changes nothing. */
export async function confirmDelivery(
  db: Db,
  viewer: Viewer,
  deliveryId: string,
  now: Date = new Date(),
): Promise<PledgeDetail> {
  const delivery = await findDeliveryPledgeId(db, deliveryId);
  const row = delivery && (await findPledge(db, viewer, delivery.pledge_id));
  if (!delivery || !row) throw notFound(`Delivery ${deliveryId}`);
  const group = await requireGroup(db, row.group_slug);
  requireRecipient(viewer, group);
  if (await confirmDeliveryRow(db, deliveryId, viewer.userId, now.toISOString())) {
    await recordAudit(
      db,
      actorOf(viewer),
      {
        action: 'delivery.confirm',
        entity: 'delivery',
        entityId: deliveryId,
        marking: row,
        after: { pledgeId: row.id, confirmedAt: now.toISOString() },
      },
      now,
    );
  }
  return getPledge(db, viewer, row.id, now);
}
