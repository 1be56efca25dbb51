import { divideHalfEven } from '../money';
import type { Delivery, PledgeDetail, PledgeStatus } from '../pledges/pledge.schema';

/**
 * The money of a pledge in IATI terms, free of XML: transactions and planned disbursements in minor
 * units of the pledge's currency. docs/iati.md has the table.
 */

/** IATI TransactionType codes used here (2.03 added 12, outgoing pledge). */
const transactionTypes = { commitment: '2', disbursement: '3', outgoingPledge: '12' } as const;

const committedStatuses: readonly PledgeStatus[] = [
  'committed',
  'contracted',
  'delivering',
  'delivered',
];

export interface Transaction {
  type: string;
  date: string;
  minor: bigint;
  description: string;
  ref?: string;
}

/**
 * The money of a pledge as transactions: the announcement as an outgoing pledge (12), the commitment
 * (2) once it is committed, a disbursement (3) per delivery valued pro rata of the quantity, and for a
 * withdrawn pledge the reversal of what it had pledged and committed. Sorted by date.
 */
export function transactions(pledge: PledgeDetail, total: bigint): Transaction[] {
  const history = [...pledge.statusHistory].sort(
    (a, b) => a.effectiveOn.localeCompare(b.effectiveOn) || a.changedAt.localeCompare(b.changedAt),
  );
  const committedOn = history.find((c) => committedStatuses.includes(c.to))?.effectiveOn;
  const list: Transaction[] = [
    {
      type: transactionTypes.outgoingPledge,
      date: pledge.announcedOn,
      minor: total,
      description: `Announced on ${pledge.announcedOn}`,
    },
  ];
  if (committedOn !== undefined) {
    list.push({
      type: transactionTypes.commitment,
      date: committedOn,
      minor: total,
      description: `Committed on ${committedOn}`,
    });
  }
  list.push(...disbursements(pledge, total));
  if (pledge.status === 'withdrawn') {
    const withdrawnOn =
      history.findLast((c) => c.to === 'withdrawn')?.effectiveOn ?? pledge.statusOn;
    for (const type of committedOn === undefined
      ? [transactionTypes.outgoingPledge]
      : [transactionTypes.outgoingPledge, transactionTypes.commitment]) {
      list.push({
        type,
        date: withdrawnOn,
        minor: -total,
        description: `Withdrawn on ${withdrawnOn}: reverses the ${type === transactionTypes.commitment ? 'commitment' : 'pledge'}`,
      });
    }
  }
  return list.sort((a, b) => a.date.localeCompare(b.date));
}

function disbursements(pledge: PledgeDetail, total: bigint): Transaction[] {
  const deliveries = [...pledge.deliveries].sort(
    (a, b) => a.deliveredOn.localeCompare(b.deliveredOn) || a.id.localeCompare(b.id),
  );
  if (pledge.quantity === null || pledge.quantity <= 0) {
    // Nothing to pro-rate by: the value counts as disbursed only once the pledge is delivered.
    if (pledge.status !== 'delivered') return [];
    const last = deliveries.at(-1);
    return [
      {
        type: transactionTypes.disbursement,
        date: last?.deliveredOn ?? pledge.statusOn,
        minor: total,
        description: `Delivered in full${last === undefined ? '' : `: ${deliveries.map((d) => deliveryText(d, pledge.unit)).join('; ')}`}`,
        ...(last === undefined ? {} : { ref: last.id }),
      },
    ];
  }
  const shares = proRata(
    total,
    deliveries.map((d) => d.quantity),
    pledge.quantity,
  );
  return deliveries.map((delivery, i) => ({
    type: transactionTypes.disbursement,
    date: delivery.deliveredOn,
    minor: shares[i] ?? 0n,
    description: deliveryText(delivery, pledge.unit),
    ref: delivery.id,
  }));
}

export function plannedDisbursements(
  pledge: PledgeDetail,
  total: bigint,
): { date: string; minor: bigint }[] {
  if (pledge.status === 'withdrawn' || pledge.quantity === null || pledge.quantity <= 0) return [];
  const tranches = [...pledge.tranches].sort((a, b) => a.plannedOn.localeCompare(b.plannedOn));
  const shares = proRata(
    total,
    tranches.map((t) => t.quantity),
    pledge.quantity,
  );
  return tranches.map((t, i) => ({ date: t.plannedOn, minor: shares[i] ?? 0n }));
}

/**
 * Each part's share of `total`, `part / whole` of it, rounded on the running sum so that the shares
 * of parts adding up to the whole add up to the total exactly.
 */
export function proRata(total: bigint, parts: readonly number[], whole: number): bigint[] {
  let cumulative = 0n;
  let before = 0n;
  return parts.map((part) => {
    cumulative += BigInt(part);
    const upTo = divideHalfEven(total * cumulative, BigInt(whole));
    const share = upTo - before;
    before = upTo;
    return share;
  });
}

function deliveryText(delivery: Delivery, unit: string | null): string {
  const place = delivery.place === null ? '' : ` at ${delivery.place}`;
  const confirmed =
    delivery.confirmed && delivery.confirmedAt !== null
      ? `confirmed by the recipient on ${delivery.confirmedAt.slice(0, 10)}`
      : 'not yet confirmed by the recipient';
  return `Delivery of ${delivery.quantity}${unit === null ? '' : ` ${unit}`}${place} on ${delivery.deliveredOn} (${confirmed})`;
}
