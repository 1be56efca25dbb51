import type { PledgeStatus } from '../../../core/pledges/pledge.schema';

/**
 * The statuses a pledge may be moved to by hand, as the server's rules (core/pledges/pledge.ts) have
 * them; kept here because the web app imports only the contract. `delivering` and `delivered` also
 * follow from deliveries, so they are offered only where the rules allow them by hand.
 */
const transitions: Record<PledgeStatus, readonly PledgeStatus[]> = {
  announced: ['committed', 'contracted', 'delivering', 'withdrawn'],
  committed: ['contracted', 'delivering', 'withdrawn'],
  contracted: ['delivering', 'withdrawn'],
  delivering: ['delivered'],
  delivered: [],
  withdrawn: [],
};

/** What the pledge may move to now: withdrawal only before anything is delivered, delivered only
 * once all of it is. */
export function allowedTransitions(pledge: {
  status: PledgeStatus;
  quantity: number | null;
  deliveredQuantity: number;
}): PledgeStatus[] {
  return transitions[pledge.status].filter((to) => {
    if (to === 'withdrawn') return pledge.deliveredQuantity === 0;
    if (to === 'delivered')
      return pledge.quantity === null || pledge.deliveredQuantity >= pledge.quantity;
    return true;
  });
}
