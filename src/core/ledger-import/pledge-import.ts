import { isAppError } from '../errors';
import type { PledgesTable, PledgeStatusChangesTable } from '../db/tables/ledger';
import { formatMoney } from '../money';
import { isReleasableTo, markingColumns } from '../markings';
import { releasablePledges } from '../pledges/pledge.repository';
import {
  announcedOnProblems,
  channelNationProblems,
  pathFromAnnounced,
  pledgeShapeProblems,
  requirementProblems,
  type RuleProblem,
} from '../pledges/pledge-rules';
import {
  type ChannelInput,
  createPledgeSchema,
  type PledgeStatus,
  pledgeStatusSchema,
} from '../pledges/pledge.schema';
import { requirePledgeWriter, valuationOf } from '../pledges/pledge.service';
import { releasableRequirements } from '../requirements/requirement.repository';
import {
  byExportKey,
  columnFinder,
  differences,
  type ImportContext,
  inChunks,
  isUuid,
  markingInput,
  reportIssues,
  sameMarking,
} from './import-context';
import { CellReader, type ImportRow } from './ledger-columns';
import type { ImportCounts, ImportProblem } from './ledger-import.schema';
import { sourceOf } from './requirement-import';

/** Which column each field of createPledgeSchema (and of the rules) comes from. */
export const pledgeColumnOf = columnFinder(
  {
    donor: 'donor',
    channel: 'channel_kind',
    'channel.kind': 'channel_kind',
    'channel.nation': 'channel_nation',
    'channel.coalitionId': 'channel_coalition',
    'channel.name': 'channel_fund',
    requirementId: 'requirement_external_id',
    capabilityArea: 'capability_area',
    item: 'item',
    specification: 'specification',
    quantity: 'quantity',
    unit: 'unit',
    kind: 'kind',
    value: 'value_amount',
    'value.amount': 'value_amount',
    'value.currency': 'value_currency',
    valuationDate: 'valuation_date',
    valuationMethod: 'valuation_method',
    announcedOn: 'announced_on',
    meetingId: 'meeting_number',
    eventId: 'event',
    status: 'status',
    statusOn: 'status_on',
    externalRef: 'external_ref',
    externalId: 'external_id',
    note: 'note',
    marking: 'marking',
    'marking.classification': 'marking',
    'marking.relTo': 'rel_to',
  },
  'external_id',
);

/** A pledge as an import sees it: as it will be written, as it was stored, and what the import adds. */
export interface PledgeTarget {
  /** The running state: created by this import, or as stored and moved by its deliveries. */
  row: PledgesTable;
  /** As stored before the import; null for a pledge this import creates. */
  stored: PledgesTable | null;
  /** The pledge's row in this import, for a pledge it creates. */
  line: number | null;
  /** Refused pledges are kept so their deliveries can say so. */
  refused: boolean;
  /** The status and its day as the file gives them, checked again after the file's deliveries. */
  expected: {
    status: PledgeStatus;
    statusOn: string | null;
    label: (c: string) => string;
    sheet: string | null;
  } | null;
  changes: PledgeStatusChangesTable[];
}

export interface PledgePlan {
  counts: ImportCounts;
  problems: ImportProblem[];
  /** New pledges by external id (refused ones too, flagged), in file order. */
  created: Map<string, PledgeTarget>;
  /** Requirements the new pledges count against, with the version checked. */
  requirementVersions: Map<string, number>;
}

type StoredPledge = PledgesTable & { area_slug: string };

const CHANNEL_KINDS = ['direct', 'nation', 'coalition', 'fund'] as const;

/** Existing releasable pledges of the group by external id (or, for one that has none, by id). */
export async function findPledgesByKey(
  ctx: ImportContext,
  keys: readonly string[],
): Promise<Map<string, StoredPledge>> {
  const rows = await inChunks(keys, (chunk) =>
    releasablePledges(ctx.db, ctx.viewer)
      .selectAll('pledges')
      .select('capability_areas.slug as area_slug')
      .where('pledges.group_id', '=', ctx.group.id)
      .where(byExportKey('pledges', chunk))
      .execute(),
  );
  return new Map(
    rows.map((r) => {
      const { area_slug, ...stored } = r;
      const row: StoredPledge = {
        ...stored,
        quantity: stored.quantity === null ? null : Number(stored.quantity),
        delivered_quantity: Number(stored.delivered_quantity),
        value_minor: stored.value_minor === null ? null : Number(stored.value_minor),
        reporting_value_minor:
          stored.reporting_value_minor === null ? null : Number(stored.reporting_value_minor),
        area_slug,
      };
      return [r.external_id ?? r.id, row];
    }),
  );
}

/**
 * Checks every pledge row with the rules createPledge applies — who may record it, the donor and
 * channel taking part, the requirement it counts against, its shape, its value and rate, its status
 * reached by legal transitions — and plans the inserts. `deliveredKeys`: pledges whose deliveries come
 * in the same workbook, which then reach delivering or delivered through them. `onCreated` is told of
 * each new pledge as soon as its row is checked, while no row before it was refused.
 */
export async function checkPledges(
  ctx: ImportContext,
  rows: readonly ImportRow[],
  deliveredKeys: ReadonlySet<string>,
  progress: (done: number) => void,
  onCreated?: (target: PledgeTarget) => void,
): Promise<PledgePlan> {
  const { db, group, viewer } = ctx;
  const readers = rows.map((r) => new CellReader(r));
  const keys = unique(readers.map((r) => r.text('external_id')));
  // Which external ids exist at all, whatever their markings (the unique index): usually none, so the
  // full rows are read only for those.
  const taken = new Set(
    (
      await inChunks(keys, (chunk) =>
        db
          .selectFrom('pledges')
          .select('external_id')
          .where('group_id', '=', group.id)
          .where('external_id', 'in', chunk)
          .execute(),
      )
    ).map((r) => r.external_id),
  );
  const byId = new Set(
    (
      await inChunks(keys.filter(isUuid), (chunk) =>
        db
          .selectFrom('pledges')
          .select('id')
          .where('group_id', '=', group.id)
          .where('external_id', 'is', null)
          .where('id', 'in', chunk)
          .execute(),
      )
    ).map((r) => r.id),
  );
  const stored = await findPledgesByKey(
    ctx,
    keys.filter((k) => taken.has(k) || byId.has(k)),
  );
  const requirementKeys = unique(readers.map((r) => r.text('requirement_external_id')));
  const requirements = new Map(
    (
      await inChunks(requirementKeys, (chunk) =>
        releasableRequirements(db, viewer)
          .selectAll('requirements')
          .select('capability_areas.slug as area_slug')
          .where('requirements.group_id', '=', group.id)
          .where(byExportKey('requirements', chunk))
          .execute(),
      )
    ).map((r) => [r.external_id ?? r.id, r]),
  );
  const eventKeys = unique(readers.map((r) => r.text('event')));
  const events = new Map<string, string>();
  for (const e of await inChunks(eventKeys, (chunk) =>
    db
      .selectFrom('events')
      .select(['id', 'ref'])
      .where((eb) => eb.or([eb('ref', 'in', chunk), eb('id', 'in', chunk)]))
      .execute(),
  )) {
    events.set(e.ref, e.id);
    events.set(e.id, e.id);
  }

  const plan: PledgePlan = {
    counts: { rows: rows.length, created: 0, unchanged: 0, skipped: 0, refused: 0 },
    problems: [],
    created: new Map(),
    requirementVersions: new Map(),
  };
  const seen = new Map<string, number>();
  for (let index = 0; index < readers.length; index++) {
    const reader = readers[index] as CellReader;
    const row = reader.row;

    // Cells into the API's shape; references (requirement, meeting, event, coalition) resolved here.
    const donor = reader.text('donor')?.toUpperCase() ?? viewer.nationCode ?? '';
    const channel = channelOf(reader, ctx);
    const amount = reader.decimal('value_amount');
    const currency = reader.text('value_currency')?.toUpperCase();
    if (amount !== undefined && currency === undefined) {
      reader.problem('value_currency', 'is required with a value_amount');
    }
    if (amount === undefined && currency !== undefined) {
      reader.problem('value_amount', 'is required with a value_currency');
    }
    const method = reader.text('valuation_method')?.toLowerCase();
    if (method !== undefined && !['reported', 'estimated', 'price_list', 'none'].includes(method)) {
      reader.problem('valuation_method', 'must be reported, estimated, price_list or none');
    }
    // A price-list value is the group's price times the quantity: worked out here, not read.
    const value =
      method === 'price_list' || amount === undefined || currency === undefined
        ? undefined
        : { amount, currency };
    if (method === 'none' && amount !== undefined) {
      reader.problem('valuation_method', 'is none, but the row gives a value');
    }
    const statusText = reader.text('status')?.toLowerCase() ?? 'announced';
    const status = pledgeStatusSchema.safeParse(statusText);
    if (!status.success) {
      reader.problem('status', `must be one of ${pledgeStatusSchema.options.join(', ')}`);
    }
    const statusOn = reader.date('status_on');
    const meetingId = meetingOf(reader, ctx);
    const eventKey = reader.text('event');
    const eventId = eventKey === undefined ? null : (events.get(eventKey) ?? null);
    if (eventKey !== undefined && eventId === null) reader.problem('event', 'is not a known event');
    const source = sourceOf(reader);

    const parsed = createPledgeSchema.safeParse({
      donor,
      channel,
      capabilityArea: reader.text('capability_area'),
      item: reader.text('item'),
      specification: reader.text('specification'),
      quantity: reader.integer('quantity'),
      unit: reader.text('unit'),
      kind: reader.text('kind')?.toLowerCase(),
      value,
      valuationDate: reader.date('valuation_date'),
      valuationMethod: method === 'estimated' ? 'estimated' : 'reported',
      announcedOn: reader.date('announced_on'),
      externalRef: reader.text('external_ref'),
      externalId: reader.text('external_id'),
      note: reader.text('note'),
      marking: markingInput(reader),
    });
    if (!parsed.success) reportIssues(reader, parsed.error, pledgeColumnOf);
    const input = parsed.success ? parsed.data : null;
    const key = reader.text('external_id');
    if (key === undefined) {
      reader.problem(
        'external_id',
        'is required: it is what makes importing the file again change nothing',
      );
    } else {
      const first = seen.get(key);
      if (first !== undefined)
        reader.problem('external_id', `appears again (first on line ${first})`);
      else seen.set(key, row.line);
    }
    const requirementKey = reader.text('requirement_external_id');
    const requirement = requirementKey === undefined ? undefined : requirements.get(requirementKey);
    if (requirementKey !== undefined && !requirement) {
      reader.problem(
        'requirement_external_id',
        `no requirement of ${group.short_name} you may read has the external id ${requirementKey}`,
      );
    }
    const previous = key === undefined ? undefined : stored.get(key);
    const target: PledgeTarget | null =
      key === undefined || previous
        ? null
        : {
            row: {} as PledgesTable,
            stored: null,
            line: row.line,
            refused: true,
            expected: null,
            changes: [],
          };
    if (target && key !== undefined && seen.get(key) === row.line) plan.created.set(key, target);

    // A cell that could not be read (a formula) leaves the row's other rules nothing sound to judge.
    if (input && (!requirementKey || requirement) && row.preset.length === 0) {
      // The pledge as it would be stored: a requirement lends its area, item, specification and unit.
      const area = requirement
        ? { id: requirement.capability_area_id }
        : input.capabilityArea === undefined
          ? undefined
          : ctx.areas.get(input.capabilityArea);
      const item = input.item ?? requirement?.item;
      const specification = requirement ? requirement.specification : (input.specification ?? '');
      const unit = requirement ? requirement.unit : input.unit;
      const quantity = input.quantity ?? null;
      let valuation: Awaited<ReturnType<typeof valuationOf>> | null = null;
      try {
        const valued = valuationOf(ctx.lookups, group, {
          value: input.value ?? null,
          valuationDate: input.valuationDate ?? null,
          valuationMethod: input.valuationMethod,
          announcedOn: input.announcedOn,
          item: item ?? '',
          specification,
          quantity,
          unit: unit ?? null,
        });
        // Answered at once from the import's caches, except for a currency's first rates.
        valuation = valued instanceof Promise ? await valued : valued;
      } catch (error) {
        if (!isAppError(error)) throw error;
        for (const issue of error.issues) {
          reader.problem(pledgeColumnOf(issue.path.replace(/^body\.?/, '')), issue.message);
        }
      }
      if (valuation && method === 'price_list' && valuation.valuation_method !== 'price_list') {
        reader.problem(
          'valuation_method',
          `is price_list, but ${group.short_name}'s price list has no price for this item on ${input.announcedOn}`,
        );
      }
      const marking = markingColumns(input.marking, donor);
      const channelColumns = {
        channel_kind: input.channel.kind,
        channel_nation: input.channel.kind === 'nation' ? input.channel.nation : null,
        channel_coalition_id: input.channel.kind === 'coalition' ? input.channel.coalitionId : null,
        channel_name: input.channel.kind === 'fund' ? input.channel.name : null,
      };

      if (previous) {
        // Importing the same row again: unchanged when it says what is stored, a conflict otherwise.
        const sinceDeliveries = previous.delivered_quantity > 0;
        const diff = differences(
          [
            ['donor', donor, previous.donor_nation],
            ['channel_kind', channelColumns.channel_kind, previous.channel_kind],
            ['channel_nation', channelColumns.channel_nation, previous.channel_nation],
            [
              'channel_coalition',
              channelColumns.channel_coalition_id,
              previous.channel_coalition_id,
            ],
            ['channel_fund', channelColumns.channel_name, previous.channel_name],
            ['requirement_external_id', requirement?.id ?? null, previous.requirement_id],
            ['capability_area', requirement?.area_slug ?? input.capabilityArea, previous.area_slug],
            ['item', item, previous.item],
            ['specification', specification, previous.specification],
            ['quantity', quantity, previous.quantity],
            ['unit', unit ?? null, previous.unit],
            ['kind', input.kind, previous.kind],
            ['value_amount', amountOf(valuation), amountOf(previous)],
            ['value_currency', valuation?.currency, previous.currency],
            ['valuation_date', valuation?.valuation_date, previous.valuation_date],
            ['valuation_method', valuation?.valuation_method, previous.valuation_method],
            ['announced_on', input.announcedOn, previous.announced_on],
            ['meeting_number', meetingId, previous.meeting_id],
            ['event', eventId, previous.event_id],
            // Deliveries move a pledge's status; the file's is compared only before any.
            [
              'status',
              sinceDeliveries ? null : statusText,
              sinceDeliveries ? null : previous.status,
            ],
            [
              'status_on',
              sinceDeliveries ? null : (statusOn ?? input.announcedOn),
              sinceDeliveries ? null : previous.status_on,
            ],
            ['external_ref', input.externalRef ?? null, previous.external_ref],
            ['note', input.note ?? null, previous.note],
            ['source_url', source.source_url, previous.source_url],
            ['source_title', source.source_title, previous.source_title],
            ['confidence', source.confidence, previous.confidence],
          ],
          row.label,
        );
        if (!sameMarking(marking, previous)) diff.push(`${row.label('marking')} (marking differs)`);
        if (diff.length > 0 && reader.problems.length === 0) {
          reader.problem(
            'external_id',
            `${key} exists with other content; it differs in ${diff.join(', ')}`,
          );
        }
      } else if (key !== undefined && taken.has(key)) {
        reader.problem('external_id', `${key} is already used by another pledge`);
      } else {
        // A new pledge: every rule createPledge checks, in its order.
        try {
          requirePledgeWriter(viewer, group, donor);
        } catch (error) {
          if (!isAppError(error)) throw error;
          reader.problem(
            'donor',
            error.issues[0]?.message
              ? `${error.message}: ${error.issues[0].message}`
              : error.message,
          );
        }
        if (!ctx.participants.has(donor)) {
          reader.problem('donor', `${donor} does not take part in ${group.short_name} as a donor`);
        }
        report(reader, announcedOnProblems(input.announcedOn, ctx.today));
        if (requirement) {
          report(
            reader,
            requirementProblems(requirement, {
              capabilityArea: input.capabilityArea,
              ...(input.specification === undefined ? {} : { specification: input.specification }),
              ...(input.unit === undefined ? {} : { unit: input.unit }),
            }),
          );
        } else if (input.capabilityArea === undefined) {
          reader.problem('capability_area', 'is required for a pledge without a requirement');
        } else if (!area) {
          reader.problem('capability_area', `is not a capability area of ${group.short_name}`);
        }
        report(
          reader,
          pledgeShapeProblems({
            item,
            quantity,
            unit,
            kind: input.kind,
            hasValue: input.value !== undefined,
            againstRequirement: requirement !== undefined,
          }),
        );
        if (input.channel.kind === 'nation') {
          report(reader, channelNationProblems(input.channel.nation, donor));
          if (input.channel.nation !== donor && !ctx.participants.has(input.channel.nation)) {
            reader.problem(
              'channel_nation',
              `${input.channel.nation} does not take part in ${group.short_name}`,
            );
          }
        }
        if (
          !isReleasableTo(viewer, {
            marking: marking.marking,
            rel_to: marking.rel_to,
            group_id: group.id,
          })
        ) {
          reader.problem(
            'marking',
            `must stay releasable to ${viewer.nationCode ?? 'you'}: you could not read the pledge`,
          );
        }
        // The status: reached from announced by legal transitions, dated within the pledge's life.
        const wanted: PledgeStatus = status.success ? status.data : 'announced';
        const byDeliveries =
          key !== undefined &&
          deliveredKeys.has(key) &&
          quantity !== null &&
          (wanted === 'delivering' || wanted === 'delivered');
        const { path, problems } = byDeliveries
          ? { path: [], problems: [] }
          : pathFromAnnounced(wanted, quantity);
        if (status.success) report(reader, problems);
        const on = statusOn ?? input.announcedOn;
        if (statusOn !== undefined && !byDeliveries) {
          if (path.length === 0 && statusOn !== input.announcedOn) {
            reader.problem(
              'status_on',
              `an announced pledge's status dates from its announcement (${input.announcedOn})`,
            );
          } else if (statusOn < input.announcedOn) {
            reader.problem(
              'status_on',
              `is before the pledge was announced (${input.announcedOn})`,
            );
          } else if (statusOn > ctx.today) {
            reader.problem('status_on', `is after today (${ctx.today})`);
          }
        }
        if (target && area && item !== undefined && valuation && reader.problems.length === 0) {
          const id = ctx.ids.next();
          // As createPledge records it: committed on the day of announcement is where it starts.
          const startsCommitted =
            path.length === 1 && path[0] === 'committed' && on === input.announcedOn;
          target.changes.push(
            statusChange(
              ctx,
              id,
              null,
              startsCommitted ? 'committed' : 'announced',
              input.announcedOn,
            ),
          );
          let current: PledgeStatus = startsCommitted ? 'committed' : 'announced';
          for (const step of startsCommitted ? [] : path) {
            target.changes.push(statusChange(ctx, id, current, step, on));
            current = step;
          }
          // Written out field by field, not spread: see contributionOf on V8's slow path.
          target.row = {
            id,
            group_id: group.id,
            donor_nation: donor,
            channel_kind: channelColumns.channel_kind,
            channel_nation: channelColumns.channel_nation,
            channel_coalition_id: channelColumns.channel_coalition_id,
            channel_name: channelColumns.channel_name,
            requirement_id: requirement?.id ?? null,
            capability_area_id: area.id,
            item,
            specification,
            quantity,
            unit: unit ?? null,
            kind: input.kind,
            value_minor: valuation.value_minor,
            currency: valuation.currency,
            valuation_date: valuation.valuation_date,
            valuation_method: valuation.valuation_method,
            reporting_value_minor: valuation.reporting_value_minor,
            reporting_rate: valuation.reporting_rate,
            reporting_rate_date: valuation.reporting_rate_date,
            reporting_currency: group.reporting_currency,
            announced_on: input.announcedOn,
            meeting_id: meetingId,
            event_id: eventId,
            status: current,
            status_on: path.length === 0 ? input.announcedOn : on,
            delivered_quantity: 0,
            external_ref: input.externalRef ?? null,
            external_id: key ?? null,
            note: input.note ?? null,
            marking: marking.marking,
            rel_to: marking.rel_to,
            source_url: source.source_url,
            source_title: source.source_title,
            confidence: source.confidence,
            created_by: viewer.userId ?? '',
            created_at: ctx.at,
            updated_at: ctx.at,
            version: 1,
          };
          target.refused = false;
          target.expected = byDeliveries
            ? { status: wanted, statusOn: statusOn ?? null, label: row.label, sheet: row.sheet }
            : null;
          if (requirement) plan.requirementVersions.set(requirement.id, requirement.version);
        }
      }
    }

    if (reader.problems.length > 0) {
      plan.problems.push(...reader.problems);
      plan.counts.refused += 1;
      if (target) target.refused = true;
    } else if (previous) plan.counts.unchanged += 1;
    else {
      plan.counts.created += 1;
      if (target && !target.refused && plan.counts.refused === 0) onCreated?.(target);
    }
    if (index % 500 === 0) progress(index);
  }
  progress(rows.length);
  return plan;
}

/**
 * After the workbook's deliveries: a new pledge whose status the file gives as delivering or delivered
 * must have reached it through them (and on the day the file says, when it says one).
 */
export function statusProblems(plan: PledgePlan): ImportProblem[] {
  const out: ImportProblem[] = [];
  for (const target of plan.created.values()) {
    const expected = target.expected;
    if (target.refused || expected === null || target.line === null) continue;
    const { row } = target;
    const at = (column: string, message: string) =>
      out.push({
        sheet: expected.sheet,
        line: target.line,
        column: expected.label(column),
        message,
      });
    if (row.status !== expected.status) {
      at(
        'status',
        `is ${expected.status}, but its deliveries leave it ${row.status} (${row.delivered_quantity} of ${row.quantity ?? 0} delivered)`,
      );
    } else if (expected.statusOn !== null && expected.statusOn !== row.status_on) {
      at('status_on', `is ${expected.statusOn}, but its deliveries make it ${row.status_on}`);
    }
  }
  return out;
}

const amountOf = (v: { value_minor: number | null; currency: string | null } | null) =>
  v === null || v.value_minor === null || v.currency === null
    ? null
    : formatMoney({ minor: BigInt(v.value_minor), currency: v.currency });

/** Reports rule problems on the columns their fields come from. */
function report(reader: CellReader, problems: readonly RuleProblem[]): void {
  for (const p of problems) reader.problem(pledgeColumnOf(p.field), p.message);
}

/** A status change this import writes, stamped with the import's instant and importer. */
function statusChange(
  ctx: ImportContext,
  pledgeId: string,
  from: PledgeStatus | null,
  to: PledgeStatus,
  effectiveOn: string,
): PledgeStatusChangesTable {
  return {
    id: ctx.ids.next(),
    pledge_id: pledgeId,
    from_status: from,
    to_status: to,
    effective_on: effectiveOn,
    note: null,
    changed_by: ctx.viewer.userId ?? '',
    changed_at: ctx.at,
  };
}

// Hot loops call module-level functions rather than closures made per row: cheaper, and under tsx
// (which names every function it compiles) a closure per row costs a property definition each.

function unique(values: readonly (string | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== undefined))];
}

/** The channel columns as the API's channel, the coalition found by name or id. */
function channelOf(reader: CellReader, ctx: ImportContext): ChannelInput {
  const nation = reader.text('channel_nation')?.toUpperCase();
  const coalition = reader.text('channel_coalition');
  const fund = reader.text('channel_fund');
  const written = reader.text('channel_kind')?.toLowerCase();
  const kind =
    written ??
    (nation !== undefined
      ? 'nation'
      : coalition !== undefined
        ? 'coalition'
        : fund !== undefined
          ? 'fund'
          : 'direct');
  if (!(CHANNEL_KINDS as readonly string[]).includes(kind)) {
    reader.problem('channel_kind', `must be one of ${CHANNEL_KINDS.join(', ')}`);
    return { kind: 'direct' };
  }
  strayChannel(reader, kind, 'channel_nation', nation, 'nation');
  strayChannel(reader, kind, 'channel_coalition', coalition, 'coalition');
  strayChannel(reader, kind, 'channel_fund', fund, 'fund');
  switch (kind) {
    case 'nation':
      return { kind, nation: nation ?? '' };
    case 'fund':
      return { kind, name: fund ?? '' };
    case 'coalition': {
      const found =
        coalition === undefined
          ? undefined
          : ctx.coalitions.get(isUuid(coalition) ? coalition : coalition.toLowerCase());
      if (!found) {
        reader.problem(
          'channel_coalition',
          coalition === undefined
            ? 'is required for channel_kind coalition'
            : `is not a coalition of ${ctx.group.short_name}`,
        );
        return { kind: 'direct' };
      }
      return { kind, coalitionId: found.id };
    }
    default:
      return { kind: 'direct' };
  }
}

/** A channel column given for a channel kind that does not take it. */
function strayChannel(
  reader: CellReader,
  kind: string,
  column: string,
  given: string | undefined,
  only: string,
): void {
  if (given !== undefined && kind !== only) {
    reader.problem(column, `is only for channel_kind ${only} (this row's is ${kind})`);
  }
}

/** The meeting a pledge was announced at, by number or by date (both: they must agree). */
function meetingOf(reader: CellReader, ctx: ImportContext): string | null {
  const number = reader.integer('meeting_number');
  const date = reader.date('meeting_date');
  const name = ctx.group.short_name;
  let byNumber: string | null = null;
  if (number !== undefined) {
    const meeting = typeof number === 'number' ? ctx.meetingsByNumber.get(number) : undefined;
    if (!meeting) {
      reader.problem('meeting_number', `is not the number of a meeting of ${name}`);
      return null;
    }
    byNumber = meeting.id;
  }
  if (date === undefined) return byNumber;
  const onDay = ctx.meetingsByDate.get(date);
  if (byNumber !== null) {
    if (onDay !== null && onDay?.id !== byNumber) {
      reader.problem('meeting_date', `is not the date of meeting ${String(number)}`);
    }
    return byNumber;
  }
  if (onDay === undefined)
    reader.problem('meeting_date', `no meeting of ${name} was held on ${date}`);
  else if (onDay === null)
    reader.problem('meeting_date', `two meetings of ${name} share ${date}: give meeting_number`);
  return onDay?.id ?? null;
}
