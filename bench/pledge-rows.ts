import type {
  DeliveriesTable,
  PledgeStatusChangesTable,
  PledgesTable,
} from '../src/core/db/tables/ledger';
import { divideHalfEven, parseDecimal } from '../src/core/money';
import { channelKey } from '../src/core/pledges/pledge';
import {
  channelNations,
  deliveryPlaces,
  donorCurrency,
  fixedEurRates,
  funds,
} from './ledger-catalogue';
import { DAY, isoDay, isoInstant } from './ledger-dates';
import type { Draft, LedgerReference, PledgeChunk, Stage } from './ledger-plan';
import { type Random, uuidV7 } from './random';

/**
 * One pledge made whole from its draft: its value (reported, from the price list or estimated, and in
 * EUR), its channel, status history, delivery schedule and deliveries, and its figures for the totals.
 */

/** What the planner lends to each pledge: its random sources, reference rows and helpers. */
export interface PlanContext {
  readonly random: Random;
  readonly ids: Random;
  readonly reference: LedgerReference;
  /** The ledger's last day (day number). */
  readonly end: number;
  time(day: number, fromHour: number, toHour: number): { iso: string; ms: number };
  marking(
    origin: string,
    publicShare: number,
    restrictedShare: number,
  ): {
    marking: string;
    rel_to: string | null;
  };
  areaId(slug: string): string;
}

/** Its value as reported (or from the price list), and the same in EUR at the fixed rate. */
function pledgeValue(random: Random, draft: Draft) {
  const r = random;
  const draw = r.next();
  const method =
    draft.kind === 'funding'
      ? 'reported'
      : draw < 0.6
        ? 'reported'
        : draw < 0.8
          ? 'price_list'
          : draw < 0.9
            ? 'estimated'
            : 'none';
  if (method === 'none') {
    return {
      valuation_method: method,
      value_minor: null,
      currency: null,
      valuation_date: null,
      reporting_value_minor: null,
      reporting_rate: null,
      reporting_rate_date: null,
    };
  }
  const quantity = draft.quantity ?? 0;
  const euros =
    draft.quantity === null
      ? r.logInt(500_000, 200_000_000)
      : method === 'price_list'
        ? quantity * draft.item.unitPriceEur
        : Math.max(1, Math.round(quantity * draft.item.unitPriceEur * (0.8 + 0.45 * r.next())));
  const currency =
    method === 'price_list'
      ? 'EUR'
      : (donorCurrency[draft.donor] ?? (r.chance(0.08) ? 'USD' : 'EUR'));
  const rate = fixedEurRates[currency] ?? '1';
  const value = currency === 'EUR' ? euros * 100 : Math.round((euros * 100) / Number(rate));
  const decimal = parseDecimal(rate);
  if (decimal === null) throw new Error(`bad fixed rate ${rate}`);
  const reporting = divideHalfEven(
    BigInt(value) * decimal.coefficient,
    10n ** BigInt(decimal.scale),
  );
  const date = isoDay(draft.day);
  return {
    valuation_method: method,
    value_minor: value,
    currency,
    valuation_date: date,
    reporting_value_minor: Number(reporting),
    reporting_rate: rate,
    reporting_rate_date: date,
  };
}

function pledgeChannel(ctx: PlanContext, draft: Draft) {
  const r = ctx.random;
  const none = { channel_nation: null, channel_coalition_id: null, channel_name: null };
  const draw = draft.kind === 'funding' && r.chance(0.4) ? 0.99 : r.next();
  if (draw >= 0.94) return { ...none, channel_kind: 'fund', channel_name: r.pick(funds) };
  if (draw >= 0.86) {
    const coalitions = ctx.reference.coalitionsByArea.get(ctx.areaId(draft.areaSlug)) ?? [];
    if (coalitions.length > 0) {
      return { ...none, channel_kind: 'coalition', channel_coalition_id: r.pick(coalitions) };
    }
  } else if (draw >= 0.78) {
    const nation = r.pick(channelNations);
    if (nation !== draft.donor) return { ...none, channel_kind: 'nation', channel_nation: nation };
  }
  return { ...none, channel_kind: 'direct' };
}

/** The pledge row, its status history, schedule and deliveries, and its figures for the totals. */
export function finishPledge(ctx: PlanContext, draft: Draft, chunk: PledgeChunk): PledgesTable {
  const r = ctx.random;
  const { userId } = ctx.reference;
  const created = ctx.time(draft.day, 8, 12);
  const id = uuidV7(ctx.ids, created.ms);
  const changes: PledgeStatusChangesTable[] = [];
  // Where the pledge stands after each write: its status, since when, and the last write's time.
  const state = { status: 'announced' as Stage, day: draft.day, at: created.iso, writes: 0 };
  const change = (to: Stage, day: number, at: { iso: string; ms: number }) => {
    changes.push({
      id: uuidV7(ctx.ids, at.ms),
      pledge_id: id,
      from_status: changes.length === 0 ? null : state.status,
      to_status: to,
      effective_on: isoDay(day),
      note: null,
      changed_by: userId,
      changed_at: at.iso,
    });
    Object.assign(state, { status: to, day, at: at.iso });
  };
  const manual = (to: Stage, day: number) => {
    state.writes += 1;
    change(to, day, ctx.time(day, 13, 18));
  };
  change('announced', draft.day, created);
  const cutoff = draft.withdrawn ?? ctx.end;
  const reached = (day: number) => day <= cutoff && day < (draft.withdrawn ?? Infinity);
  if (draft.committed !== null && reached(draft.committed)) manual('committed', draft.committed);
  if (reached(draft.contracted)) manual('contracted', draft.contracted);
  if (draft.withdrawn !== null) manual('withdrawn', draft.withdrawn);

  const deliveries: DeliveriesTable[] = [];
  if (draft.deliveryCount > 0 && draft.quantity !== null) {
    const last =
      draft.stage === 'delivered'
        ? draft.deliveryCount === 1
          ? draft.firstDelivery
          : draft.complete
        : r.int(draft.firstDelivery, ctx.end);
    const dates = [draft.firstDelivery];
    for (let i = 1; i < draft.deliveryCount - 1; i++) dates.push(r.int(draft.firstDelivery, last));
    if (draft.deliveryCount > 1) dates.push(last);
    dates.sort((a, b) => a - b);
    const total =
      draft.stage === 'delivered'
        ? draft.quantity
        : Math.min(
            draft.quantity - 1,
            Math.max(draft.deliveryCount, Math.round(draft.quantity * (0.15 + 0.75 * r.next()))),
          );
    const parts = splitQuantity(ctx.random, total, draft.deliveryCount);
    let recordedMs = 0;
    dates.forEach((day, i) => {
      const recordDay = Math.min(ctx.end, day + r.int(0, 3));
      recordedMs = Math.max(recordedMs + 1000, ctx.time(recordDay, 9, 18).ms);
      const recorded = { iso: isoInstant(recordedMs), ms: recordedMs };
      const confirmDay = Math.floor(recordedMs / DAY) + r.int(1, 10);
      const confirmed = confirmDay <= ctx.end && r.chance(0.8);
      deliveries.push({
        id: uuidV7(ctx.ids, recordedMs),
        pledge_id: id,
        quantity: parts[i] as number,
        delivered_on: isoDay(day),
        place: r.chance(0.7) ? r.pick(deliveryPlaces) : null,
        note: null,
        external_id: null,
        recorded_by: userId,
        recorded_at: recorded.iso,
        confirmed_by: confirmed ? userId : null,
        confirmed_at: confirmed ? ctx.time(confirmDay, 8, 18).iso : null,
      });
      state.writes += 1;
      // The first delivery moves the pledge to delivering, the one that completes it to delivered.
      if (i === 0) change('delivering', day, recorded);
      // Same write; a millisecond later so the history sorts by time.
      if (i === dates.length - 1 && draft.stage === 'delivered')
        change('delivered', day, { iso: isoInstant(recordedMs + 1), ms: recordedMs + 1 });
    });
    const lastRecorded = deliveries.at(-1)?.recorded_at ?? state.at;
    if (lastRecorded > state.at) state.at = lastRecorded;
  } else if (draft.stage === 'delivering' || draft.stage === 'delivered') {
    // Money or services without a quantity: the secretariat marks them by hand.
    manual('delivering', draft.firstDelivery);
    if (draft.stage === 'delivered') manual('delivered', draft.complete);
  }

  if (
    draft.quantity !== null &&
    draft.quantity > 1 &&
    draft.stage !== 'withdrawn' &&
    draft.contracted <= ctx.end &&
    r.chance(0.25)
  ) {
    const count = r.int(1, Math.min(4, draft.quantity));
    const parts = splitQuantity(ctx.random, draft.quantity, count);
    let planned = draft.contracted;
    parts.forEach((quantity) => {
      planned += r.int(20, 90);
      chunk.tranches.push({
        id: uuidV7(ctx.ids, created.ms),
        pledge_id: id,
        planned_on: isoDay(planned),
        quantity,
        note: null,
      });
    });
  }

  const deliveredQuantity = deliveries.reduce((sum, d) => sum + d.quantity, 0);
  const row: PledgesTable = {
    id,
    donor_nation: draft.donor,
    ...pledgeChannel(ctx, draft),
    requirement_id: draft.requirement?.row.id ?? null,
    capability_area_id: ctx.areaId(draft.areaSlug),
    item: draft.item.item,
    specification: draft.item.specification,
    quantity: draft.quantity,
    unit: draft.quantity === null ? null : draft.item.unit,
    kind: draft.kind,
    ...pledgeValue(ctx.random, draft),
    reporting_currency: ctx.reference.reportingCurrency,
    announced_on: isoDay(draft.day),
    meeting_id: draft.meetingId,
    event_id: null,
    status: state.status,
    status_on: isoDay(state.day),
    delivered_quantity: deliveredQuantity,
    external_ref: null,
    external_id: null,
    note: null,
    ...ctx.marking(draft.donor, 0.15, 0.1),
    group_id: ctx.reference.groupId,
    source_url: null,
    source_title: null,
    confidence: null,
    created_by: userId,
    created_at: created.iso,
    updated_at: state.at,
    version: 1 + state.writes,
  };
  chunk.pledges.push(row);
  chunk.statusChanges.push(...changes);
  chunk.deliveries.push(...deliveries);
  chunk.figures.push({
    group_id: ctx.reference.groupId,
    requirement_id: row.requirement_id,
    capability_area_id: row.capability_area_id,
    donor_nation: row.donor_nation,
    channel: channelKey(row),
    marking: row.marking,
    rel_to: row.rel_to,
    announced_on: row.announced_on,
    meeting_id: row.meeting_id,
    status: row.status,
    quantity: row.quantity,
    delivered_quantity: row.delivered_quantity,
    reporting_value_minor: row.reporting_value_minor,
    valuation_method: row.valuation_method,
  });
  return row;
}

/** `total` split into `parts` whole numbers of at least 1 each, summing exactly to `total`. */
export function splitQuantity(random: Random, total: number, parts: number): number[] {
  const weights = Array.from({ length: parts }, () => 0.3 + random.next());
  const sum = weights.reduce((a, b) => a + b, 0);
  const spare = total - parts;
  const out = weights.map((w) => 1 + Math.floor((spare * w) / sum));
  let left = total - out.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % parts, left--) out[i] = (out[i] ?? 0) + 1;
  return out;
}
