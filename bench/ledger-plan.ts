import type {
  DeliveriesTable,
  PledgeStatusChangesTable,
  PledgesTable,
  PledgeTranchesTable,
  PriceListItemsTable,
  RequirementPriorityChangesTable,
  RequirementsTable,
} from '../src/core/db/tables/ledger';
import { markingColumns } from '../src/core/markings';
import type { PledgeFigures } from '../src/core/pledges/pledge';
import { catalogue, type CatalogueItem, relToPartners } from './ledger-catalogue';
import { DAY, dayOf, isoDay, isoInstant } from './ledger-dates';
import { finishPledge, type PlanContext } from './pledge-rows';
import { Random, uuidV7, Weighted } from './random';

/**
 * The generator's rules, free of I/O: given the reference rows (group, areas, coalitions, meetings,
 * donors) and a seed, it makes the requirements, then the pledges chunk by chunk with their status
 * history, schedule and deliveries. The same reference and seed always give the same rows.
 */

export interface LedgerScale {
  donors: number;
  requirements: number;
  pledges: number;
  /** Deliveries per pledge over the whole ledger; they go to the pledges being delivered. */
  deliveriesPerPledge: number;
}

export interface LedgerReference {
  groupId: string;
  recipient: string;
  reportingCurrency: string;
  areaIds: ReadonlyMap<string, string>;
  /** Coalition ids per capability area id, sorted by coalition name. */
  coalitionsByArea: ReadonlyMap<string, readonly string[]>;
  /** Held meetings up to the end of the ledger, by date. */
  meetings: readonly { id: string; date: string }[];
  /** Donors in rank order, with the day they joined the group (null: from the start). */
  donors: readonly { code: string; validFrom: string | null }[];
  userId: string;
}

/** The ledger covers the first meeting to this day, fixed so the data never depend on the clock. */
export const LEDGER_END = '2026-03-31';

/** Share of pledges made against a requirement. */
const LINKED_SHARE = 0.7;
/** At most this many deliveries against one pledge. */
const MAX_DELIVERIES = 60;

export interface PledgeChunk {
  pledges: PledgesTable[];
  figures: PledgeFigures[];
  statusChanges: PledgeStatusChangesTable[];
  tranches: PledgeTranchesTable[];
  deliveries: DeliveriesTable[];
}

export interface PlannedRequirement {
  row: RequirementsTable;
  areaSlug: string;
  item: CatalogueItem;
  day: number;
}

export type Stage =
  'announced' | 'committed' | 'contracted' | 'delivering' | 'delivered' | 'withdrawn';

/** A pledge before its deliveries are counted: who, what, and the days of its status chain. */
export interface Draft {
  donor: string;
  requirement: PlannedRequirement | null;
  areaSlug: string;
  item: CatalogueItem;
  kind: string;
  quantity: number | null;
  day: number;
  meetingId: string | null;
  committed: number | null;
  contracted: number;
  firstDelivery: number;
  complete: number;
  withdrawn: number | null;
  stage: Stage;
  deliveryCount: number;
}

export class LedgerPlanner implements PlanContext {
  readonly random: Random;
  readonly ids: Random;
  private readonly start: number;
  readonly end = dayOf(LEDGER_END);
  private readonly areas: Weighted<(typeof catalogue)[number]>;
  private readonly items = new Map<string, Weighted<CatalogueItem>>();
  private readonly donors: Weighted<{ code: string; validFrom: string | null }>;
  private readonly planned: PlannedRequirement[] = [];
  private readonly meetingDays: number[];
  private requirementPick: Weighted<PlannedRequirement> | undefined;
  private deliveryCarry = 0;
  /** Quantity pledged (not withdrawn) and delivered per requirement, over every marking. */
  private readonly requirementProgress = new Map<string, { pledged: number; delivered: number }>();

  constructor(
    readonly reference: LedgerReference,
    private readonly scale: LedgerScale,
    seed: string,
  ) {
    this.random = new Random(seed);
    this.ids = new Random(`${seed}:ids`);
    const first = reference.meetings[0]?.date;
    if (first === undefined) throw new Error('the group has no held meeting to start the ledger');
    this.start = dayOf(first);
    this.meetingDays = reference.meetings.map((m) => dayOf(m.date));
    for (const area of catalogue) {
      if (!reference.areaIds.has(area.slug)) {
        throw new Error(`capability area ${area.slug} is missing: load the reference data first`);
      }
      this.items.set(area.slug, new Weighted(area.items, (i) => i.weight));
    }
    this.areas = new Weighted(catalogue, (a) => a.weight);
    // Zipf-like: the first donors give most, a long tail gives a little.
    this.donors = new Weighted(reference.donors, (_, rank) => 1 / Math.pow(rank + 1, 1.1));
  }

  time(day: number, fromHour: number, toHour: number): { iso: string; ms: number } {
    const seconds = this.random.int(fromHour * 3600, toHour * 3600 - 1);
    const millis = this.random.int(0, 999);
    const ms = day * DAY + seconds * 1000 + millis;
    return { iso: isoInstant(ms), ms };
  }

  private item(slug: string): CatalogueItem {
    const items = this.items.get(slug);
    if (!items) throw new Error(`no items for ${slug}`);
    return items.pick(this.random);
  }

  /** The recipient's requirements, ranked 1..n; each one's need is sized to the pledges it will draw. */
  requirements(): {
    rows: RequirementsTable[];
    priorityChanges: RequirementPriorityChangesTable[];
  } {
    const { requirements: count, pledges } = this.scale;
    const ranks = Array.from({ length: count }, (_, i) => i + 1);
    for (let i = ranks.length - 1; i > 0; i--) {
      const j = this.random.int(0, i);
      [ranks[i], ranks[j]] = [ranks[j] as number, ranks[i] as number];
    }
    const weightOf = (priority: number) => 1 / (1 + priority / Math.max(1, count / 20));
    const totalWeight = ranks.reduce((sum, p) => sum + weightOf(p), 0);
    const priorityChanges: RequirementPriorityChangesTable[] = [];
    for (let i = 0; i < count; i++) {
      const area = this.areas.pick(this.random);
      const item = this.item(area.slug);
      const priority = ranks[i] as number;
      const day = this.random.int(this.start, this.end - 60);
      const created = this.time(day, 8, 12);
      const expectedPledges = pledges * LINKED_SHARE * (weightOf(priority) / totalWeight);
      const meanQuantity =
        item.max === item.min ? item.min : (item.max - item.min) / Math.log(item.max / item.min);
      const quantity = Math.max(
        1,
        Math.round(expectedPledges * meanQuantity * (0.5 + this.random.next() * 1.1)),
      );
      const marking = this.marking(this.reference.recipient, 0.2, 0.1);
      const row: RequirementsTable = {
        id: uuidV7(this.ids, created.ms),
        group_id: this.reference.groupId,
        capability_area_id: this.areaId(area.slug),
        item: item.item,
        specification: item.specification,
        quantity,
        unit: item.unit,
        priority,
        needed_by: this.random.chance(0.85) ? isoDay(day + this.random.int(60, 540)) : null,
        // Provisional: settled from the pledges once they are all made (requirementStatuses).
        status: this.random.chance(0.03) ? 'withdrawn' : 'open',
        note: null,
        origin_nation: this.reference.recipient,
        external_id: null,
        ...marking,
        source_url: null,
        source_title: null,
        confidence: null,
        created_by: this.reference.userId,
        created_at: created.iso,
        updated_at: created.iso,
        version: 1,
      };
      this.planned.push({ row, areaSlug: area.slug, item, day });
      priorityChanges.push({
        id: uuidV7(this.ids, created.ms),
        requirement_id: row.id,
        from_priority: null,
        to_priority: priority,
        reason: null,
        changed_by: this.reference.userId,
        changed_at: created.iso,
      });
    }
    if (count > 0)
      this.requirementPick = new Weighted(this.planned, (r) => weightOf(r.row.priority));
    return { rows: this.planned.map((p) => p.row), priorityChanges };
  }

  /** What the recipient would mark each requirement after the pledges: met, partly met or open. */
  requirementStatuses(): Map<string, RequirementsTable['status']> {
    const statuses = new Map<string, string>();
    for (const { row } of this.planned) {
      const progress = this.requirementProgress.get(row.id) ?? { pledged: 0, delivered: 0 };
      const status =
        row.status === 'withdrawn'
          ? 'withdrawn'
          : progress.delivered >= row.quantity
            ? 'met'
            : progress.pledged > 0
              ? 'partly_met'
              : 'open';
      if (status !== 'open') statuses.set(row.id, status);
    }
    return statuses;
  }

  /** The group's reference prices: one per catalogue item, valid from before the first meeting. */
  priceList(createdAt: string): PriceListItemsTable[] {
    return catalogue.flatMap((area) =>
      area.items.map((i) => ({
        id: uuidV7(this.ids, Date.parse(createdAt)),
        group_id: this.reference.groupId,
        item: i.item,
        specification: i.specification,
        unit: i.unit,
        unit_price_minor: i.unitPriceEur * 100,
        currency: 'EUR',
        valid_from: '2022-01-01',
        source_url: null,
        source_title: 'Bench data: orders of magnitude, not real prices',
        confidence: 'uncertain',
        created_by: this.reference.userId,
        created_at: createdAt,
      })),
    );
  }

  areaId(slug: string): string {
    const id = this.reference.areaIds.get(slug);
    if (id === undefined) throw new Error(`capability area ${slug} is missing`);
    return id;
  }

  /** Mostly GROUP, some PUBLIC, some RESTRICTED to the originator, the recipient and maybe a partner. */
  marking(origin: string, publicShare: number, restrictedShare: number) {
    const draw = this.random.next();
    const classification =
      draw < publicShare ? 'PUBLIC' : draw < publicShare + restrictedShare ? 'RESTRICTED' : 'GROUP';
    const relTo = [this.reference.recipient];
    if (classification === 'RESTRICTED' && this.random.chance(0.5)) {
      const partner = this.random.pick(relToPartners);
      if (partner !== origin) relTo.push(partner);
    }
    return markingColumns(
      { classification, relTo: classification === 'RESTRICTED' ? relTo : [] },
      origin,
    );
  }

  /** The next `count` pledges, with everything that hangs off them. */
  pledgeChunk(count: number): PledgeChunk {
    const drafts = Array.from({ length: count }, () => this.draftPledge());
    this.assignDeliveryCounts(drafts, count);
    const chunk: PledgeChunk = {
      pledges: [],
      figures: [],
      statusChanges: [],
      tranches: [],
      deliveries: [],
    };
    for (const draft of drafts) {
      const row = finishPledge(this, draft, chunk);
      if (row.requirement_id !== null) {
        const progress = this.requirementProgress.get(row.requirement_id) ?? {
          pledged: 0,
          delivered: 0,
        };
        if (row.status !== 'withdrawn') progress.pledged += row.quantity ?? 0;
        progress.delivered += row.delivered_quantity;
        this.requirementProgress.set(row.requirement_id, progress);
      }
    }
    return chunk;
  }

  /** Who pledges what, when and at which meeting, and how far along its status chain it is. */
  private draftPledge(): Draft {
    const r = this.random;
    const donor = this.donors.pick(r);
    const requirement =
      this.requirementPick !== undefined && r.chance(LINKED_SHARE)
        ? this.requirementPick.pick(r)
        : null;
    const areaSlug = requirement?.areaSlug ?? this.areas.pick(r).slug;
    const item = requirement?.item ?? this.item(areaSlug);
    const draw = r.next();
    const kind =
      areaSlug === 'training'
        ? 'training'
        : draw < 0.08
          ? 'funding'
          : draw < 0.33
            ? 'procurement'
            : draw < 0.37
              ? 'co-production'
              : 'donation';
    const quantity = kind === 'funding' ? null : r.logInt(item.min, item.max);

    // Never before the donor joined the group, nor before the requirement it answers.
    let lower = this.start;
    if (donor.validFrom !== null) lower = Math.max(lower, dayOf(donor.validFrom));
    if (requirement !== null) lower = Math.max(lower, requirement.day);
    let day = r.int(lower, this.end);
    let meetingId: string | null = null;
    if (r.chance(0.55)) {
      const first = this.meetingDays.findIndex((d) => d >= lower);
      if (first >= 0) {
        const index = r.int(first, this.meetingDays.length - 1);
        day = this.meetingDays[index] as number;
        meetingId = this.reference.meetings[index]?.id ?? null;
      }
    }

    const committed = r.chance(0.75) ? day + r.int(3, 60) : null;
    const contracted = (committed ?? day) + r.int(14, 150);
    const firstDelivery = contracted + r.int(14, 200);
    let complete = firstDelivery + r.int(0, 400);
    let withdrawn = r.chance(0.05) ? day + r.int(7, 300) : null;
    if (withdrawn !== null && (withdrawn >= firstDelivery || withdrawn > this.end))
      withdrawn = null;
    const end = this.end;
    let stage: Stage =
      withdrawn !== null
        ? 'withdrawn'
        : complete <= end
          ? 'delivered'
          : firstDelivery <= end
            ? 'delivering'
            : contracted <= end
              ? 'contracted'
              : committed !== null && committed <= end
                ? 'committed'
                : 'announced';
    // One item cannot be part-delivered: its first delivery completes it.
    if (stage === 'delivering' && quantity === 1) {
      stage = 'delivered';
      complete = firstDelivery;
    }
    return {
      donor: donor.code,
      requirement,
      areaSlug,
      item,
      kind,
      quantity,
      day,
      meetingId,
      committed,
      contracted,
      firstDelivery,
      complete,
      withdrawn,
      stage,
      deliveryCount: 0,
    };
  }

  /**
   * Shares the chunk's delivery budget (deliveriesPerPledge × pledges, plus what earlier chunks could
   * not place) among its pledges being delivered: at least one each, never more than the quantity
   * allows (a pledge still delivering keeps at least one item to come).
   */
  private assignDeliveryCounts(drafts: Draft[], count: number): void {
    let budget = Math.round(count * this.scale.deliveriesPerPledge) + this.deliveryCarry;
    const eligible = drafts.filter(
      (d) => d.quantity !== null && (d.stage === 'delivering' || d.stage === 'delivered'),
    );
    const caps = eligible.map((d) =>
      Math.min(MAX_DELIVERIES, (d.quantity ?? 1) - (d.stage === 'delivering' ? 1 : 0)),
    );
    for (const draft of eligible) draft.deliveryCount = 1;
    budget -= eligible.length;
    if (budget > 0 && eligible.length > 0) {
      const weights = eligible.map(
        (d) => (0.2 + this.random.next()) * (1 + Math.log10(d.quantity ?? 1)),
      );
      const total = weights.reduce((a, b) => a + b, 0);
      const share = budget;
      eligible.forEach((draft, i) => {
        const extra = Math.min((caps[i] ?? 1) - 1, Math.floor((share * (weights[i] ?? 0)) / total));
        draft.deliveryCount += extra;
        budget -= extra;
      });
      let placed = true;
      while (budget > 0 && placed) {
        placed = false;
        eligible.forEach((draft, i) => {
          if (budget > 0 && draft.deliveryCount < (caps[i] ?? 1)) {
            draft.deliveryCount += 1;
            budget -= 1;
            placed = true;
          }
        });
      }
    }
    this.deliveryCarry = budget;
  }
}
