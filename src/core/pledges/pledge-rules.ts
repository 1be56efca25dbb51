import { transitionProblem } from './pledge';
import type { PledgeKind, PledgeStatus, TrancheInput } from './pledge.schema';

/**
 * The checks a new pledge or delivery must pass, free of I/O, so the single-record service and the
 * bulk import apply exactly the same rules. Each returns what is wrong (none when all is well) with the
 * field it is about, relative to the request body; the service throws the first, the import reports all.
 */

export interface RuleProblem {
  /** The field, relative to the request body ('' for the record as a whole). */
  field: string;
  message: string;
}

const problem = (field: string, message: string): RuleProblem => ({ field, message });

export function announcedOnProblems(announcedOn: string, today: string): RuleProblem[] {
  return announcedOn > today ? [problem('announcedOn', `is after today (${today})`)] : [];
}

/** What of a requirement a pledge against it may not contradict. */
export interface RequirementFacts {
  status: string;
  area_slug: string;
  specification: string;
  unit: string;
}

/** A pledge against a requirement takes its area, specification and unit: it may not say otherwise. */
export function requirementProblems(
  requirement: RequirementFacts,
  input: { capabilityArea?: string | undefined; specification?: string; unit?: string },
): RuleProblem[] {
  const out: RuleProblem[] = [];
  if (requirement.status === 'withdrawn') {
    out.push(problem('requirementId', 'the requirement was withdrawn'));
  }
  if (input.capabilityArea !== undefined && input.capabilityArea !== requirement.area_slug) {
    out.push(problem('capabilityArea', `is not the requirement's (${requirement.area_slug})`));
  }
  if (input.specification !== undefined && input.specification !== requirement.specification) {
    out.push(
      problem(
        'specification',
        `is "${input.specification}" but the requirement needs "${requirement.specification}"`,
      ),
    );
  }
  if (input.unit !== undefined && input.unit !== requirement.unit) {
    out.push(
      problem('unit', `is "${input.unit}" but the requirement counts in "${requirement.unit}"`),
    );
  }
  return out;
}

/** What a pledge must say given its kind, quantity and value (after a requirement filled its gaps). */
export function pledgeShapeProblems(pledge: {
  item: string | undefined;
  quantity: number | null;
  unit: string | undefined;
  kind: PledgeKind;
  hasValue: boolean;
  againstRequirement: boolean;
}): RuleProblem[] {
  const out: RuleProblem[] = [];
  if (pledge.item === undefined) {
    out.push(problem('item', 'is required for a pledge without a requirement'));
  }
  if (pledge.quantity !== null && pledge.unit === undefined) {
    out.push(problem('unit', 'is required with a quantity'));
  }
  if (pledge.quantity === null && pledge.againstRequirement) {
    out.push(problem('quantity', 'is required for a pledge against a requirement'));
  } else if (pledge.quantity === null && pledge.kind !== 'funding' && pledge.kind !== 'training') {
    out.push(problem('quantity', `is required for a ${pledge.kind} pledge`));
  }
  if (pledge.quantity === null && !pledge.hasValue) {
    out.push(problem('value', 'is required for a pledge without a quantity'));
  }
  return out;
}

/** A pledge carried by another nation: never the donor itself (that is the direct channel). */
export function channelNationProblems(channelNation: string, donor: string): RuleProblem[] {
  return channelNation === donor
    ? [problem('channel.nation', 'is the donor itself: use the direct channel')]
    : [];
}

/** The planned schedule: only with a quantity, never before the pledge, never more than pledged. */
export function trancheProblems(
  tranches: readonly TrancheInput[],
  quantity: number | null,
  announcedOn: string,
): RuleProblem[] {
  if (tranches.length === 0) return [];
  if (quantity === null) return [problem('tranches', 'a schedule needs a pledge with a quantity')];
  const out: RuleProblem[] = [];
  tranches.forEach((t, i) => {
    if (t.plannedOn < announcedOn) {
      out.push(
        problem(`tranches.${i}.plannedOn`, `is before the pledge was announced (${announcedOn})`),
      );
    }
  });
  const total = tranches.reduce((sum, t) => sum + t.quantity, 0);
  if (total > quantity) {
    out.push(problem('tranches', `plans ${total} in all, more than the ${quantity} pledged`));
  }
  return out;
}

/** What a delivery checks against its pledge as it stands. */
export interface DeliveryTarget {
  status: string;
  status_on: string;
  quantity: number | null;
  delivered_quantity: number;
  announced_on: string;
}

/** The sum delivered never exceeds the pledge, and no delivery predates it or lies in the future. */
export function deliveryProblems(
  pledge: DeliveryTarget,
  delivery: { quantity: number; deliveredOn: string },
  today: string,
): RuleProblem[] {
  if (pledge.status === 'withdrawn' || pledge.status === 'delivered') {
    return [problem('', `the pledge is ${pledge.status}: no more deliveries`)];
  }
  if (pledge.quantity === null) {
    return [problem('quantity', 'the pledge has no quantity; set its status to delivered instead')];
  }
  const out: RuleProblem[] = [];
  const remaining = pledge.quantity - pledge.delivered_quantity;
  if (delivery.quantity > remaining) {
    out.push(
      problem(
        'quantity',
        `only ${remaining} of the ${pledge.quantity} pledged remain to be delivered`,
      ),
    );
  }
  if (delivery.deliveredOn < pledge.announced_on) {
    out.push(problem('deliveredOn', `is before the pledge was announced (${pledge.announced_on})`));
  }
  if (delivery.deliveredOn > today) {
    out.push(problem('deliveredOn', `is after today (${today})`));
  }
  return out;
}

/**
 * Where a delivery leaves its pledge: the first moves it to delivering, the one that completes the
 * quantity to delivered, effective on the delivery's day (never before the current status's day).
 */
export function afterDelivery(
  pledge: DeliveryTarget,
  deliveredQuantity: number,
  deliveredOn: string,
): { delivered_quantity: number; status: PledgeStatus; status_on: string; changed: boolean } {
  const total = pledge.delivered_quantity + deliveredQuantity;
  const status: PledgeStatus = total === pledge.quantity ? 'delivered' : 'delivering';
  const changed = status !== pledge.status;
  const on = deliveredOn < pledge.status_on ? pledge.status_on : deliveredOn;
  return {
    delivered_quantity: total,
    status: changed ? status : (pledge.status as PledgeStatus),
    status_on: changed ? on : pledge.status_on,
    changed,
  };
}

/**
 * The statuses a new pledge passes through by hand to reach `target` from announced: the direct
 * transition when it is allowed, or through delivering to delivered (a pledge without a quantity).
 * Problems name the status field; `delivered` for a pledge with a quantity comes only from deliveries.
 */
export function pathFromAnnounced(
  target: PledgeStatus,
  quantity: number | null,
): { path: PledgeStatus[]; problems: RuleProblem[] } {
  if (target === 'announced') return { path: [], problems: [] };
  const start = { status: 'announced' as PledgeStatus, quantity, delivered_quantity: 0 };
  const direct = transitionProblem(start, target);
  if (direct === null) return { path: [target], problems: [] };
  if (target === 'delivered') {
    const via = transitionProblem({ ...start, status: 'delivering' }, 'delivered');
    if (via === null) return { path: ['delivering', 'delivered'], problems: [] };
    return { path: [], problems: [problem('status', via)] };
  }
  return { path: [], problems: [problem('status', direct)] };
}
