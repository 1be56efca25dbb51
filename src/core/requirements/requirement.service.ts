import { canWrite, hasRole, type Viewer } from '../accounts/viewer';
import { actorOf, recordAudit } from '../audit/audit.service';
import type { Db } from '../db/database';
import { AppError, invalid, notFound, staleVersion } from '../errors';
import type { GroupRow } from '../groups/group.repository';
import { requireGroup } from '../groups/group.service';
import { newId } from '../ids';
import { markingColumns, toMarking } from '../markings';
import { toSource } from '../source';
import {
  findAreaBySlug,
  findRequirement,
  findRequirementByExternalId,
  insertPriorityChange,
  insertRequirement,
  lockRanking,
  listPriorityChanges,
  listRequirementRows,
  maxPriority,
  type RequirementRow,
  shiftPriorities,
  updateRequirementRow,
} from './requirement.repository';
import type {
  CreateRequirement,
  MoveRequirement,
  PriorityChange,
  Requirement,
  RequirementListQuery,
  RequirementPage,
  RequirementStatus,
  UpdateRequirement,
} from './requirement.schema';

export function toRequirement(row: RequirementRow): Requirement {
  return {
    id: row.id,
    group: row.group_slug,
    capabilityArea: { id: row.capability_area_id, slug: row.area_slug, name: row.area_name },
    item: row.item,
    specification: row.specification,
    quantity: Number(row.quantity),
    unit: row.unit,
    priority: row.priority,
    neededBy: row.needed_by,
    status: row.status as RequirementStatus,
    note: row.note,
    originNation: row.origin_nation,
    externalId: row.external_id,
    marking: toMarking(row),
    source: toSource(row),
    createdBy: row.created_by_username,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

const auditView = (r: Requirement) => ({
  area: r.capabilityArea.slug,
  item: r.item,
  specification: r.specification,
  quantity: r.quantity,
  unit: r.unit,
  priority: r.priority,
  neededBy: r.neededBy,
  status: r.status,
  marking: r.marking.label,
  version: r.version,
});

/** Requirements are the recipient's: only its users with the recipient role publish or change them. */
export function requireRecipient(
  viewer: Viewer,
  group: GroupRow,
): asserts viewer is Viewer & { userId: string; nationCode: string } {
  if (viewer.userId === null || viewer.nationCode === null)
    throw new AppError('unauthenticated', 'Sign in first');
  if (!canWrite(viewer)) throw new AppError('forbidden', 'This token is read-only');
  if (!hasRole(viewer, 'recipient') || viewer.nationCode !== group.recipient_code) {
    throw new AppError(
      'forbidden',
      `Only the recipient (${group.recipient_code}) publishes and re-orders requirements`,
    );
  }
}

async function requireArea(db: Db, group: GroupRow, slug: string, path: string) {
  const area = await findAreaBySlug(db, group.id, slug);
  if (!area) throw invalid(path, `is not a capability area of ${group.short_name}`);
  return area;
}

export async function listRequirements(
  db: Db,
  viewer: Viewer,
  slug: string,
  query: RequirementListQuery,
): Promise<RequirementPage> {
  const group = await requireGroup(db, slug);
  const { rows, total } = await listRequirementRows(db, viewer, group.id, query);
  return { items: rows.map(toRequirement), total, limit: query.limit, offset: query.offset };
}

/**
 * Every matching requirement releasable to the viewer, most urgent first, for exports (CSV, XLSX):
 * the list's own query and markings filter in one read, with no page limit.
 */
export async function exportRequirements(
  db: Db,
  viewer: Viewer,
  slug: string,
  filters: Omit<RequirementListQuery, 'limit' | 'offset'>,
): Promise<Requirement[]> {
  const group = await requireGroup(db, slug);
  const everything = { limit: 2_147_483_647, offset: 0 };
  const { rows } = await listRequirementRows(db, viewer, group.id, { ...filters, ...everything });
  return rows.map(toRequirement);
}

/** Not releasable and not there answer alike: not_found. */
export async function getRequirement(db: Db, viewer: Viewer, id: string): Promise<Requirement> {
  const row = await findRequirement(db, viewer, id);
  if (!row) throw notFound(`Requirement ${id}`);
  return toRequirement(row);
}

export async function createRequirement(
  db: Db,
  viewer: Viewer,
  slug: string,
  input: CreateRequirement,
  now: Date = new Date(),
): Promise<Requirement> {
  const group = await requireGroup(db, slug);
  requireRecipient(viewer, group);
  const area = await requireArea(db, group, input.capabilityArea, 'body.capabilityArea');
  if (input.externalId !== undefined) {
    const existing = await findRequirementByExternalId(db, group.id, input.externalId);
    if (existing) {
      throw new AppError('conflict', `A requirement with external id ${input.externalId} exists`, [
        { path: 'body.externalId', message: `is already used by requirement ${existing.id}` },
      ]);
    }
  }
  await lockRanking(db, group.id);
  const last = await maxPriority(db, group.id);
  const priority = input.priority ?? last + 1;
  if (priority > last + 1) throw invalid('body.priority', `must be at most ${last + 1}`);
  if (priority <= last) await shiftPriorities(db, group.id, priority, last, 1);

  const at = now.toISOString();
  const id = newId(now.getTime());
  const marking = markingColumns(input.marking, viewer.nationCode);
  await insertRequirement(db, {
    id,
    group_id: group.id,
    capability_area_id: area.id,
    item: input.item,
    specification: input.specification,
    quantity: input.quantity,
    unit: input.unit,
    priority,
    needed_by: input.neededBy ?? null,
    status: 'open',
    note: input.note ?? null,
    origin_nation: viewer.nationCode,
    external_id: input.externalId ?? null,
    ...marking,
    source_url: null,
    source_title: null,
    confidence: null,
    created_by: viewer.userId,
    created_at: at,
    updated_at: at,
    version: 1,
  });
  await insertPriorityChange(db, {
    id: newId(now.getTime()),
    requirement_id: id,
    from_priority: null,
    to_priority: priority,
    reason: 'published',
    changed_by: viewer.userId,
    changed_at: at,
  });
  const requirement = await getRequirement(db, viewer, id);
  await recordAudit(
    db,
    actorOf(viewer),
    {
      action: 'requirement.create',
      entity: 'requirement',
      entityId: id,
      marking: { ...marking, group_id: group.id },
      after: auditView(requirement),
    },
    now,
  );
  return requirement;
}

async function requireOwnRequirement(db: Db, viewer: Viewer, id: string) {
  const row = await findRequirement(db, viewer, id);
  if (!row) throw notFound(`Requirement ${id}`);
  const group = await requireGroup(db, row.group_slug);
  requireRecipient(viewer, group);
  return { row, group, writer: viewer };
}

export async function updateRequirement(
  db: Db,
  viewer: Viewer,
  id: string,
  input: UpdateRequirement,
  now: Date = new Date(),
): Promise<Requirement> {
  const { row, group } = await requireOwnRequirement(db, viewer, id);
  const before = toRequirement(row);
  if (row.version !== input.version) throw staleVersion('requirement', input.version, before);
  const area =
    input.capabilityArea === undefined
      ? undefined
      : await requireArea(db, group, input.capabilityArea, 'body.capabilityArea');
  const marking = input.marking ? markingColumns(input.marking, row.origin_nation) : undefined;
  const changed = await updateRequirementRow(db, id, input.version, {
    ...(area === undefined ? {} : { capability_area_id: area.id }),
    ...(input.item === undefined ? {} : { item: input.item }),
    ...(input.specification === undefined ? {} : { specification: input.specification }),
    ...(input.quantity === undefined ? {} : { quantity: input.quantity }),
    ...(input.unit === undefined ? {} : { unit: input.unit }),
    ...(input.neededBy === undefined ? {} : { needed_by: input.neededBy }),
    ...(input.status === undefined ? {} : { status: input.status }),
    ...(input.note === undefined ? {} : { note: input.note }),
    ...(marking ?? {}),
    updated_at: now.toISOString(),
  });
  if (!changed) throw staleVersion('requirement', input.version, before);
  const after = await getRequirement(db, viewer, id);
  await recordAudit(
    db,
    actorOf(viewer),
    {
      action: 'requirement.update',
      entity: 'requirement',
      entityId: id,
      // The wider of the two markings: whoever could read the record can read what happened to it.
      marking: { ...(marking ?? row), group_id: row.group_id },
      before: auditView(before),
      after: auditView(after),
    },
    now,
  );
  return after;
}

/**
 * Moves a requirement to another rank; those in between shift by one, so ranks stay 1..n without gaps.
 * The move is kept in the requirement's priority history with who, when and why.
 */
export async function moveRequirement(
  db: Db,
  viewer: Viewer,
  id: string,
  input: MoveRequirement,
  now: Date = new Date(),
): Promise<Requirement> {
  const found = await requireOwnRequirement(db, viewer, id);
  const { group, writer } = found;
  await lockRanking(db, group.id);
  // Read again under the lock: a concurrent move of another requirement may have shifted this one.
  const row = (await findRequirement(db, viewer, id)) ?? found.row;
  const before = toRequirement(row);
  if (row.version !== input.version) throw staleVersion('requirement', input.version, before);
  const last = await maxPriority(db, group.id);
  if (input.priority > last) throw invalid('body.priority', `must be at most ${last}`);
  const from = row.priority;
  const to = input.priority;
  if (from === to) return before;
  if (to < from) await shiftPriorities(db, group.id, to, from - 1, 1);
  else await shiftPriorities(db, group.id, from + 1, to, -1);
  const at = now.toISOString();
  if (!(await updateRequirementRow(db, id, input.version, { priority: to, updated_at: at }))) {
    throw staleVersion('requirement', input.version, before);
  }
  await insertPriorityChange(db, {
    id: newId(now.getTime()),
    requirement_id: id,
    from_priority: from,
    to_priority: to,
    reason: input.reason ?? null,
    changed_by: writer.userId,
    changed_at: at,
  });
  const after = await getRequirement(db, viewer, id);
  await recordAudit(
    db,
    actorOf(viewer),
    {
      action: 'requirement.reprioritise',
      entity: 'requirement',
      entityId: id,
      marking: row,
      before: { priority: from },
      after: { priority: to, reason: input.reason ?? null },
    },
    now,
  );
  return after;
}

export async function priorityHistory(
  db: Db,
  viewer: Viewer,
  id: string,
): Promise<PriorityChange[]> {
  await getRequirement(db, viewer, id);
  const rows = await listPriorityChanges(db, id);
  return rows.map((r) => ({
    fromPriority: r.from_priority,
    toPriority: r.to_priority,
    reason: r.reason,
    changedBy: r.username,
    changedAt: r.changed_at,
  }));
}
