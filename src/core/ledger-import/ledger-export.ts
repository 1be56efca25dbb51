import ExcelJS from 'exceljs';
import type { Viewer } from '../accounts/viewer';
import type { Db } from '../db/database';
import { meetingReleasableTo } from '../meetings/meeting.repository';
import { releasableRequirements } from '../requirements/requirement.repository';
import type { PledgeFilters } from '../pledges/pledge.repository';
import type { PledgeDetail } from '../pledges/pledge.schema';
import { exportPledgeDetails } from '../pledges/pledge.service';
import type { RequirementListQuery } from '../requirements/requirement.schema';
import { exportRequirements } from '../requirements/requirement.service';
import { inChunks } from './import-context';
import { deliveryColumns, numberText, pledgeColumns, requirementColumns } from './ledger-columns';
import { parseDecimal } from '../money';

/**
 * The ledger as files: the same columns the import reads (docs/ledger-import.md) plus the export-only
 * ones, so an export can be imported into another database as it is. Only what the viewer may read is
 * exported — the services' markings filter decides — and every row carries its marking.
 */

export type ExportCell = string | number | null;

export interface ExportTable {
  name: string;
  header: string[];
  rows: ExportCell[][];
}

const tableOf = (
  name: string,
  columns: readonly { name: string }[],
  records: readonly Record<string, ExportCell>[],
): ExportTable => {
  const header = columns.map((c) => c.name);
  return { name, header, rows: records.map((r) => header.map((h) => r[h] ?? null)) };
};

const relTo = (relToList: readonly string[]) =>
  relToList.length === 0 ? null : relToList.join(';');

/** The requirements releasable to the viewer, filtered as the list is, most urgent first. */
export async function requirementExport(
  db: Db,
  viewer: Viewer,
  slug: string,
  filters: Omit<RequirementListQuery, 'limit' | 'offset'>,
): Promise<ExportTable> {
  const requirements = await exportRequirements(db, viewer, slug, filters);
  return tableOf(
    'requirements',
    requirementColumns,
    requirements.map((r) => ({
      external_id: r.externalId ?? r.id,
      capability_area: r.capabilityArea.slug,
      item: r.item,
      specification: r.specification,
      quantity: r.quantity,
      unit: r.unit,
      needed_by: r.neededBy,
      priority: r.priority,
      status: r.status,
      note: r.note,
      marking: r.marking.classification,
      rel_to: relTo(r.marking.relTo),
      source_url: r.source.url,
      source_title: r.source.title,
      confidence: r.source.confidence,
      id: r.id,
      group: r.group,
      capability_area_name: r.capabilityArea.name,
      origin_nation: r.originNation,
      marking_label: r.marking.label,
      created_by: r.createdBy,
      created_at: r.createdAt,
      updated_at: r.updatedAt,
      version: r.version,
    })),
  );
}

/**
 * The pledges releasable to the viewer, filtered as the list is, and their deliveries: references
 * written as natural keys (a requirement's external id, a meeting's number and date, a coalition's
 * name, an event's reference) so that another database resolves them.
 */
export async function pledgeExport(
  db: Db,
  viewer: Viewer,
  slug: string,
  filters: PledgeFilters,
): Promise<{ pledges: ExportTable; deliveries: ExportTable }> {
  const pledges = await exportPledgeDetails(db, viewer, slug, filters);
  const ids = (pick: (p: PledgeDetail) => string | null) => [
    ...new Set(pledges.map(pick).filter((v): v is string => v !== null)),
  ];
  // A requirement the viewer may not read is written by its id (which the pledge shows anyway).
  const requirementKeys = new Map(
    (
      await inChunks(
        ids((p) => p.requirementId),
        (chunk) =>
          releasableRequirements(db, viewer)
            .select(['requirements.id', 'requirements.external_id'])
            .where('requirements.id', 'in', chunk)
            .execute(),
      )
    ).map((r) => [r.id, r.external_id ?? r.id]),
  );
  const meetings = new Map(
    (
      await inChunks(
        ids((p) => p.meetingId),
        (chunk) =>
          db
            .selectFrom('meetings')
            .select(['id', 'number', 'date'])
            .where('id', 'in', chunk)
            .where(meetingReleasableTo(viewer))
            .execute(),
      )
    ).map((m) => [m.id, m]),
  );
  const coalitions = new Map(
    (
      await inChunks(
        ids((p) => p.channel.coalitionId),
        (chunk) =>
          db.selectFrom('coalitions').select(['id', 'name']).where('id', 'in', chunk).execute(),
      )
    ).map((c) => [c.id, c.name]),
  );
  const events = new Map(
    (
      await inChunks(
        ids((p) => p.eventId),
        (chunk) => db.selectFrom('events').select(['id', 'ref']).where('id', 'in', chunk).execute(),
      )
    ).map((e) => [e.id, e.ref]),
  );
  const keyOf = (p: PledgeDetail) => p.externalId ?? p.id;
  const pledgeTable = tableOf(
    'pledges',
    pledgeColumns,
    pledges.map((p) => {
      const meeting = p.meetingId === null ? undefined : meetings.get(p.meetingId);
      return {
        external_id: keyOf(p),
        donor: p.donor,
        channel_kind: p.channel.kind,
        channel_nation: p.channel.kind === 'nation' ? p.channel.nation : null,
        channel_coalition:
          p.channel.coalitionId === null
            ? null
            : (coalitions.get(p.channel.coalitionId) ?? p.channel.coalitionId),
        channel_fund: p.channel.kind === 'fund' ? p.channel.name : null,
        requirement_external_id:
          p.requirementId === null
            ? null
            : (requirementKeys.get(p.requirementId) ?? p.requirementId),
        capability_area: p.capabilityArea.slug,
        item: p.item,
        specification: p.specification,
        quantity: p.quantity,
        unit: p.unit,
        kind: p.kind,
        value_amount: p.value?.amount ?? null,
        value_currency: p.value?.currency ?? null,
        valuation_date: p.valuationDate,
        valuation_method: p.valuationMethod,
        announced_on: p.announcedOn,
        meeting_number: meeting?.number ?? null,
        meeting_date: meeting?.date ?? null,
        event: p.eventId === null ? null : (events.get(p.eventId) ?? p.eventId),
        status: p.status,
        status_on: p.statusOn,
        external_ref: p.externalRef,
        note: p.note,
        marking: p.marking.classification,
        rel_to: relTo(p.marking.relTo),
        source_url: p.source.url,
        source_title: p.source.title,
        confidence: p.source.confidence,
        id: p.id,
        group: p.group,
        capability_area_name: p.capabilityArea.name,
        channel_key: p.channel.key,
        requirement_id: p.requirementId,
        meeting_id: p.meetingId,
        reporting_value_amount: p.reportingValue?.amount ?? null,
        reporting_currency: p.reportingValue?.currency ?? null,
        rate_used: p.rateUsed?.rate ?? null,
        rate_date: p.rateUsed?.date ?? null,
        is_estimate: p.isEstimate ? 'true' : 'false',
        delivered_quantity: p.deliveredQuantity,
        marking_label: p.marking.label,
        created_by: p.createdBy,
        created_at: p.createdAt,
        updated_at: p.updatedAt,
        version: p.version,
      };
    }),
  );
  const deliveryTable = tableOf(
    'deliveries',
    deliveryColumns,
    pledges.flatMap((p) =>
      p.deliveries.map((d) => ({
        pledge_external_id: keyOf(p),
        external_id: d.externalId ?? d.id,
        quantity: d.quantity,
        delivered_on: d.deliveredOn,
        place: d.place,
        note: d.note,
        id: d.id,
        pledge_id: p.id,
        donor: p.donor,
        item: p.item,
        // A delivery is as releasable as its pledge: it carries the pledge's marking.
        marking: p.marking.classification,
        marking_label: p.marking.label,
        recorded_by: d.recordedBy,
        recorded_at: d.recordedAt,
        confirmed: d.confirmed ? 'true' : 'false',
        confirmed_by: d.confirmedBy,
        confirmed_at: d.confirmedAt,
      })),
    ),
  );
  return { pledges: pledgeTable, deliveries: deliveryTable };
}

/** Columns whose text is an exact amount: a number cell when the number prints back the same. */
const AMOUNT_COLUMNS = new Set(['value_amount', 'reporting_value_amount']);

function amountCell(text: string): string | number {
  const value = Number(text);
  const exact = parseDecimal(text);
  const back = parseDecimal(numberText(value));
  if (exact === null || back === null || !Number.isFinite(value)) return text;
  // Equal as decimals (1234.50 is 1234.5): the float holds the amount exactly as written.
  const scale = Math.max(exact.scale, back.scale);
  const widen = (d: { coefficient: bigint; scale: number }) =>
    d.coefficient * 10n ** BigInt(scale - d.scale);
  return widen(exact) === widen(back) ? value : text;
}

/**
 * An XLSX workbook of the tables, one sheet each. Every text cell is written as a string cell, never a
 * formula: text that begins with = + - or @ is also given the Text number format, so a spreadsheet keeps
 * it as text even when someone edits the cell.
 */
export async function workbookOf(tables: readonly ExportTable[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Ramstein';
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name);
    sheet.addRow(table.header);
    sheet.getRow(1).font = { bold: true };
    for (const cells of table.rows) {
      const row = sheet.addRow([]);
      cells.forEach((value, i) => {
        if (value === null) return;
        const cell = row.getCell(i + 1);
        if (typeof value === 'number') {
          cell.value = value;
          return;
        }
        const column = table.header[i] ?? '';
        cell.value = AMOUNT_COLUMNS.has(column) ? amountCell(value) : value;
        if (typeof cell.value === 'string' && /^[=+\-@\t\r]/.test(value)) cell.numFmt = '@';
      });
    }
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
