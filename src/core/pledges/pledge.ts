import { divideHalfEven } from '../money';
import type { PledgeStatus } from './pledge.schema';

/** The pledge's rules, free of I/O: legal status transitions and what a pledge adds to each total. */

/**
 * Statuses a pledge may move to by hand. `delivering` and `delivered` also follow from deliveries: the
 * first delivery moves a pledge to delivering, the one that completes the quantity to delivered.
 */
const transitions: Record<PledgeStatus, readonly PledgeStatus[]> = {
  announced: ['committed', 'contracted', 'delivering', 'withdrawn'],
  committed: ['contracted', 'delivering', 'withdrawn'],
  contracted: ['delivering', 'withdrawn'],
  delivering: ['delivered'],
  delivered: [],
  withdrawn: [],
};

export const allowedTransitions = (from: PledgeStatus): readonly PledgeStatus[] =>
  transitions[from];

/** Why a pledge may not move from `from` to `to`, or null when it may. */
export function transitionProblem(
  pledge: { status: PledgeStatus; quantity: number | null; delivered_quantity: number },
  to: PledgeStatus,
): string | null {
  const from = pledge.status;
  if (!transitions[from].includes(to)) {
    const allowed = transitions[from];
    return allowed.length === 0
      ? `a ${from} pledge cannot change status`
      : `cannot go from ${from} to ${to}; allowed: ${allowed.join(', ')}`;
  }
  if (to === 'withdrawn' && pledge.delivered_quantity > 0) {
    return `${pledge.delivered_quantity} already delivered: a pledge with deliveries cannot be withdrawn (lower its quantity instead)`;
  }
  if (
    to === 'delivered' &&
    pledge.quantity !== null &&
    pledge.delivered_quantity < pledge.quantity
  ) {
    return `only ${pledge.delivered_quantity} of ${pledge.quantity} delivered; record the deliveries and it becomes delivered`;
  }
  return null;
}

/** Pledges whose money is bound by contract (or already moving): the contracted figures count them. */
export const isContracted = (status: string): boolean =>
  status === 'contracted' || status === 'delivering' || status === 'delivered';

export const isEstimate = (valuationMethod: string): boolean =>
  valuationMethod === 'price_list' || valuationMethod === 'estimated';

/** The channel's key in the totals: one row per distinct route, whoever funds it. */
export function channelKey(channel: {
  channel_kind: string;
  channel_nation: string | null;
  channel_coalition_id: string | null;
  channel_name: string | null;
}): string {
  switch (channel.channel_kind) {
    case 'nation':
      return `nation:${channel.channel_nation ?? ''}`;
    case 'coalition':
      return `coalition:${channel.channel_coalition_id ?? ''}`;
    case 'fund':
      return `fund:${channel.channel_name ?? ''}`;
    default:
      return 'direct';
  }
}

/** What of a pledge the totals need: its keys, marking, status and figures. */
export interface PledgeFigures {
  group_id: string;
  requirement_id: string | null;
  capability_area_id: string;
  donor_nation: string;
  channel: string;
  marking: string;
  rel_to: string | null;
  announced_on: string;
  meeting_id: string | null;
  status: string;
  quantity: number | null;
  delivered_quantity: number;
  reporting_value_minor: number | null;
  valuation_method: string;
}

interface BucketKey {
  group_id: string;
  marking: string;
  rel_to: string;
}

export interface RequirementBucket extends BucketKey {
  requirement_id: string;
  pledge_count: number;
  pledged_quantity: number;
  contracted_quantity: number;
  delivered_quantity: number;
}

export interface DonorBucket extends BucketKey {
  donor_nation: string;
  capability_area_id: string;
  channel: string;
  pledge_count: number;
  unvalued_count: number;
  pledged_value_minor: number;
  estimated_value_minor: number;
  contracted_value_minor: number;
  delivered_value_minor: number;
}

export interface TimelineBucket extends BucketKey {
  month: string;
  meeting_id: string;
  donor_nation: string;
  pledge_count: number;
  pledged_value_minor: number;
}

export interface Contribution {
  requirement: RequirementBucket | null;
  donor: DonorBucket;
  timeline: TimelineBucket;
}

/**
 * The value delivered so far: pro rata of the quantity delivered, or all of it for a pledge without a
 * quantity (funding, training) once it is delivered.
 */
export function deliveredValue(p: PledgeFigures): number {
  if (p.reporting_value_minor === null) return 0;
  if (p.quantity === null || p.quantity === 0) {
    return p.status === 'delivered' ? p.reporting_value_minor : 0;
  }
  return Number(
    divideHalfEven(
      BigInt(p.reporting_value_minor) * BigInt(p.delivered_quantity),
      BigInt(p.quantity),
    ),
  );
}

/**
 * What one pledge adds to each bucket. A write applies (after − before), so every total stays the sum of
 * the pledges in it, and each pledge is in exactly one bucket of each kind: attributed to its funder,
 * never also to its channel, so no total counts a pledge twice.
 */
export function contributionOf(p: PledgeFigures): Contribution {
  const active = p.status !== 'withdrawn';
  const contracted = isContracted(p.status);
  const value = p.reporting_value_minor ?? 0;
  const relTo = p.rel_to ?? '';
  // The key columns are written out in each bucket rather than spread from one object: V8 builds an
  // object spread and then extended property by property on a slow path (tens of microseconds each),
  // and a bulk import computes this for every row.
  return {
    requirement:
      p.requirement_id === null
        ? null
        : {
            group_id: p.group_id,
            marking: p.marking,
            rel_to: relTo,
            requirement_id: p.requirement_id,
            pledge_count: active ? 1 : 0,
            pledged_quantity: active ? (p.quantity ?? 0) : 0,
            contracted_quantity: contracted ? (p.quantity ?? 0) : 0,
            delivered_quantity: p.delivered_quantity,
          },
    donor: {
      group_id: p.group_id,
      marking: p.marking,
      rel_to: relTo,
      donor_nation: p.donor_nation,
      capability_area_id: p.capability_area_id,
      channel: p.channel,
      pledge_count: active ? 1 : 0,
      unvalued_count: active && p.reporting_value_minor === null ? 1 : 0,
      pledged_value_minor: active ? value : 0,
      estimated_value_minor: active && isEstimate(p.valuation_method) ? value : 0,
      contracted_value_minor: contracted ? value : 0,
      delivered_value_minor: deliveredValue(p),
    },
    timeline: {
      group_id: p.group_id,
      marking: p.marking,
      rel_to: relTo,
      month: p.announced_on.slice(0, 7),
      meeting_id: p.meeting_id ?? '',
      donor_nation: p.donor_nation,
      pledge_count: active ? 1 : 0,
      pledged_value_minor: active ? value : 0,
    },
  };
}
