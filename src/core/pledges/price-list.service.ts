import { isSecretariatOf, canWrite, type Viewer } from '../accounts/viewer';
import { actorOf, recordAudit } from '../audit/audit.service';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { requireGroup } from '../groups/group.service';
import { newId } from '../ids';
import { formatMoney, parseMoney } from '../money';
import { toSource } from '../source';
import { findPrice, insertPrice, listPriceRows } from './pledge.repository';
import type { CreatePriceListItem, PriceListItem } from './pledge.schema';

/**
 * The group's price list values in-kind pledges reported without a value (flagged as estimates). It is
 * reference data of the group, public like the taxonomy it prices.
 */
export async function listPriceList(db: Db, slug: string): Promise<PriceListItem[]> {
  const group = await requireGroup(db, slug);
  const rows = await listPriceRows(db, group.id);
  return rows.map((row) => ({
    id: row.id,
    item: row.item,
    specification: row.specification,
    unit: row.unit,
    unitPrice: {
      amount: formatMoney({ minor: BigInt(row.unit_price_minor), currency: row.currency }),
      currency: row.currency,
    },
    validFrom: row.valid_from,
    source: toSource(row),
    createdAt: row.created_at,
  }));
}

/** The chair's secretariat keeps the price list. A price applies to pledges announced from its date. */
export async function addPriceListItem(
  db: Db,
  viewer: Viewer,
  slug: string,
  input: CreatePriceListItem,
  now: Date = new Date(),
): Promise<PriceListItem> {
  const group = await requireGroup(db, slug);
  if (viewer.userId === null) throw new AppError('unauthenticated', 'Sign in first');
  if (!canWrite(viewer)) throw new AppError('forbidden', 'This token is read-only');
  if (!isSecretariatOf(viewer, group.id)) {
    throw new AppError('forbidden', 'Only the chair secretariat keeps the price list');
  }
  const key = { item: input.item, specification: input.specification, unit: input.unit };
  const existing = await findPrice(db, group.id, key, input.validFrom);
  if (existing?.valid_from === input.validFrom) {
    throw new AppError('conflict', 'This item already has a price from that date', [
      { path: 'body.validFrom', message: `${input.item} has a price from ${input.validFrom}` },
    ]);
  }
  const price = parseMoney(
    input.unitPrice.amount,
    input.unitPrice.currency,
    'body.unitPrice.amount',
  );
  const id = newId(now.getTime());
  await insertPrice(db, {
    id,
    group_id: group.id,
    ...key,
    unit_price_minor: Number(price.minor),
    currency: price.currency,
    valid_from: input.validFrom,
    source_url: input.sourceUrl ?? null,
    source_title: input.sourceTitle ?? null,
    confidence: null,
    created_by: viewer.userId,
    created_at: now.toISOString(),
  });
  await recordAudit(
    db,
    actorOf(viewer),
    {
      action: 'price.create',
      entity: 'price_list_item',
      entityId: id,
      marking: { marking: 'PUBLIC', rel_to: null, group_id: group.id },
      after: { ...key, unitPrice: input.unitPrice, validFrom: input.validFrom },
    },
    now,
  );
  const list = await listPriceList(db, slug);
  const created = list.find((p) => p.id === id);
  if (!created) throw new AppError('unavailable', 'The price was not stored');
  return created;
}
