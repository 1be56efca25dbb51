import { confidenceSchema } from '../common.schema';
import type { RequirementPriorityChangesTable, RequirementsTable } from '../db/tables/ledger';
import { markingColumns } from '../markings';
import { releasableRequirements } from '../requirements/requirement.repository';
import {
  createRequirementSchema,
  requirementStatusSchema,
} from '../requirements/requirement.schema';
import {
  byExportKey,
  columnFinder,
  differences,
  type ImportContext,
  inChunks,
  markingInput,
  reportIssues,
  sameMarking,
} from './import-context';
import { CellReader, type ImportRow } from './ledger-columns';
import type { ImportCounts, ImportProblem } from './ledger-import.schema';

/** Which column each field of createRequirementSchema comes from. */
const columnOf = columnFinder(
  {
    capabilityArea: 'capability_area',
    item: 'item',
    specification: 'specification',
    quantity: 'quantity',
    unit: 'unit',
    neededBy: 'needed_by',
    priority: 'priority',
    note: 'note',
    externalId: 'external_id',
    'marking.classification': 'marking',
    'marking.relTo': 'rel_to',
    marking: 'marking',
  },
  'external_id',
);

export interface RequirementPlan {
  counts: ImportCounts;
  problems: ImportProblem[];
  rows: RequirementsTable[];
  priorityChanges: RequirementPriorityChangesTable[];
  /** Existing requirements that move down to make room, with their new rank. */
  shifts: { id: string; priority: number }[];
  /** The highest rank when checked: the write refuses to go on if it changed meanwhile. */
  lastPriority: number;
}

/** The source columns: where a row comes from (a URL, a title, a confidence). */
export function sourceOf(reader: CellReader) {
  const url = reader.text('source_url') ?? null;
  const title = reader.text('source_title') ?? null;
  const confidence = reader.text('confidence')?.toLowerCase() ?? null;
  if (url !== null && (url.length > 2000 || !URL.canParse(url))) {
    reader.problem('source_url', 'must be a URL such as https://...');
  }
  if (title !== null && title.length > 500) {
    reader.problem('source_title', 'must be at most 500 characters');
  }
  if (confidence !== null && !confidenceSchema.safeParse(confidence).success) {
    reader.problem('confidence', 'must be high, medium or uncertain');
  }
  return { source_url: url, source_title: title, confidence };
}

/**
 * Checks every requirement row as createRequirement would — the recipient's, in an area of the group,
 * a rank no lower than the last plus one — and plans the inserts. A row whose external id exists with
 * the same content is unchanged; with another content, a conflict on that row.
 */
export async function checkRequirements(
  ctx: ImportContext,
  rows: readonly ImportRow[],
  progress: (done: number) => void,
): Promise<RequirementPlan> {
  const { db, group, viewer } = ctx;
  const userId = viewer.userId ?? '';
  const nation = viewer.nationCode ?? '';
  const keys = [
    ...new Set(
      rows.map((r) => new CellReader(r).text('external_id')).filter((k) => k !== undefined),
    ),
  ];
  const existing = await inChunks(keys, (chunk) =>
    releasableRequirements(db, viewer)
      .selectAll('requirements')
      .select(['capability_areas.slug as area_slug'])
      .where('requirements.group_id', '=', group.id)
      .where(byExportKey('requirements', chunk))
      .execute(),
  );
  const byKey = new Map(existing.map((r) => [r.external_id ?? r.id, r]));
  // Existence regardless of markings: the external id is unique in the group either way.
  const taken = new Set(
    (
      await inChunks(keys, (chunk) =>
        db
          .selectFrom('requirements')
          .select('external_id')
          .where('group_id', '=', group.id)
          .where('external_id', 'in', chunk)
          .execute(),
      )
    ).map((r) => r.external_id),
  );
  const ranks = await db
    .selectFrom('requirements')
    .select(['id', 'priority'])
    .where('group_id', '=', group.id)
    .execute();
  const priorityOf = new Map(ranks.map((r) => [r.id, Number(r.priority)]));
  const lastPriority = ranks.reduce((max, r) => Math.max(max, Number(r.priority)), 0);
  let last = lastPriority;

  const plan: RequirementPlan = {
    counts: { rows: rows.length, created: 0, unchanged: 0, skipped: 0, refused: 0 },
    problems: [],
    rows: [],
    priorityChanges: [],
    shifts: [],
    lastPriority,
  };
  const seen = new Map<string, number>();
  rows.forEach((row, index) => {
    const reader = new CellReader(row);
    const status = reader.text('status')?.toLowerCase() ?? 'open';
    if (!requirementStatusSchema.safeParse(status).success) {
      reader.problem('status', 'must be open, partly_met, met or withdrawn');
    }
    const source = sourceOf(reader);
    const parsed = createRequirementSchema.safeParse({
      capabilityArea: reader.text('capability_area'),
      item: reader.text('item'),
      specification: reader.text('specification'),
      quantity: reader.integer('quantity'),
      unit: reader.text('unit'),
      neededBy: reader.date('needed_by'),
      priority: reader.integer('priority'),
      note: reader.text('note'),
      externalId: reader.text('external_id'),
      marking: markingInput(reader),
    });
    if (!parsed.success) reportIssues(reader, parsed.error, columnOf);
    const input = parsed.success ? parsed.data : null;
    const key = input?.externalId;
    if (input && key === undefined) {
      reader.problem(
        'external_id',
        'is required: it is what makes importing the file again change nothing',
      );
    }
    if (key !== undefined) {
      const first = seen.get(key);
      if (first !== undefined)
        reader.problem('external_id', `appears again (first on line ${first})`);
      else seen.set(key, row.line);
    }
    const area = input ? ctx.areas.get(input.capabilityArea) : undefined;
    if (input && !area) {
      reader.problem('capability_area', `is not a capability area of ${group.short_name}`);
    }
    const marking = input ? markingColumns(input.marking, nation) : null;
    const stored = key === undefined ? undefined : byKey.get(key);

    if (input && key !== undefined && stored && marking && reader.problems.length === 0) {
      const diff = differences(
        [
          ['capability_area', input.capabilityArea, stored.area_slug],
          ['item', input.item, stored.item],
          ['specification', input.specification, stored.specification],
          ['quantity', input.quantity, Number(stored.quantity)],
          ['unit', input.unit, stored.unit],
          ['needed_by', input.neededBy ?? null, stored.needed_by],
          ['status', status, stored.status],
          ['note', input.note ?? null, stored.note],
          ['source_url', source.source_url, stored.source_url],
          ['source_title', source.source_title, stored.source_title],
          ['confidence', source.confidence, stored.confidence],
        ],
        row.label,
      );
      if (!sameMarking(marking, stored)) diff.push(`${row.label('marking')} (marking differs)`);
      if (diff.length > 0) {
        reader.problem(
          'external_id',
          `${key} exists with other content; it differs in ${diff.join(', ')}`,
        );
      }
    } else if (key !== undefined && !stored && taken.has(key)) {
      reader.problem('external_id', `${key} is already used by another requirement`);
    }

    if (reader.problems.length > 0 || !input || !area || !marking || key === undefined) {
      plan.problems.push(...reader.problems);
      plan.counts.refused += 1;
    } else if (stored) {
      plan.counts.unchanged += 1;
    } else {
      const priority = input.priority ?? last + 1;
      if (priority > last + 1) {
        reader.problem('priority', `must be at most ${last + 1}`);
        plan.problems.push(...reader.problems);
        plan.counts.refused += 1;
      } else {
        // As createRequirement does: those ranked at or below it move down one.
        if (priority <= last) {
          for (const [id, rank] of priorityOf) if (rank >= priority) priorityOf.set(id, rank + 1);
        }
        const id = ctx.ids.next();
        priorityOf.set(id, priority);
        last += 1;
        plan.counts.created += 1;
        plan.rows.push({
          id,
          group_id: group.id,
          capability_area_id: area.id,
          item: input.item,
          specification: input.specification,
          quantity: input.quantity,
          unit: input.unit,
          priority,
          needed_by: input.neededBy ?? null,
          status,
          note: input.note ?? null,
          origin_nation: nation,
          external_id: key,
          ...marking,
          ...source,
          created_by: userId,
          created_at: ctx.at,
          updated_at: ctx.at,
          version: 1,
        });
        plan.priorityChanges.push({
          id: ctx.ids.next(),
          requirement_id: id,
          from_priority: null,
          to_priority: priority,
          reason: 'published',
          changed_by: userId,
          changed_at: ctx.at,
        });
      }
    }
    if (index % 500 === 0) progress(index);
  });
  // Final ranks: new rows take theirs as inserted; existing ones that moved are updated.
  for (const row of plan.rows) row.priority = priorityOf.get(row.id) ?? row.priority;
  for (const r of ranks) {
    const now = priorityOf.get(r.id);
    if (now !== undefined && now !== Number(r.priority))
      plan.shifts.push({ id: r.id, priority: now });
  }
  progress(rows.length);
  return plan;
}
