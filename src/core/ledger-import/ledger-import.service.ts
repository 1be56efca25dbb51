import type { Kysely } from 'kysely';
import { canWrite, hasRole, isSecretariatOf, type Viewer } from '../accounts/viewer';
import type { Database } from '../db/database';
import type { SqliteWriter } from '../db/sqlite-writer';
import { AppError, invalid } from '../errors';
import type { GroupRow } from '../groups/group.repository';
import { requireGroup } from '../groups/group.service';
import { requireRecipient } from '../requirements/requirement.service';
import { checkDeliveries, type DeliveryPlan } from './delivery-import';
import { type ImportContext, loadContext } from './import-context';
import {
  type AuditFacts,
  PledgeSender,
  rowsToWrite,
  type WritePlan,
  writePlan,
} from './import-write';
import { kielRows } from './kiel-mapping';
import { cellOf, type ImportRow, standardRows } from './ledger-columns';
import { ImportRefused, type LedgerFile, openLedgerFile } from './ledger-file';
import type {
  ImportCounts,
  ImportKind,
  ImportMapping,
  ImportPhase,
  ImportProblem,
  ImportReport,
} from './ledger-import.schema';
import { checkPledges, type PledgePlan, type PledgeTarget, statusProblems } from './pledge-import';
import { checkRequirements, type RequirementPlan } from './requirement-import';

/** Told how far an import has got: rows (bytes while reading) done of the phase's total. */
export type ProgressListener = (done: number, total: number, phase: ImportPhase) => void;

export interface ImportOptions {
  kind: ImportKind;
  /** The file's name, for the report, problems and the audit entry. */
  fileName: string;
  /** Check everything and report, writing nothing. */
  dryRun?: boolean;
  mapping?: ImportMapping;
  /** XLSX: the sheet to read; the first when not given. */
  sheet?: string;
  now?: Date;
  onProgress?: ProgressListener;
  /**
   * A writer thread on the same SQLite file (the CLI's): a pledges file without a deliveries sheet is
   * then inserted while it is checked. Without one, the rows are checked first and written after.
   */
  writer?: SqliteWriter;
}

/** A file read and its rows ready to check; `run` checks them and, unless refused, writes them. */
export interface PreparedImport {
  /** Data rows read (both sheets of a pledges workbook); 0 when the file itself was refused. */
  rows: number;
  run(onProgress?: ProgressListener): Promise<ImportReport>;
}

/** The sheet of a pledges workbook that holds its deliveries, imported with it (as exports write it). */
export const DELIVERIES_SHEET = 'deliveries';

const noCounts = (rows = 0): ImportCounts => ({
  rows,
  created: 0,
  unchanged: 0,
  skipped: 0,
  refused: 0,
});

/**
 * Who may import what: the same rules as the API. Requirements are the recipient's. Pledges and
 * deliveries take a nation's coordinator (its own nation's rows) or the chair's secretariat (any
 * donor's); each row is then checked like a single pledge, so a row for another donor is a row error.
 */
function requireImporter(viewer: Viewer, group: GroupRow, kind: ImportKind): void {
  if (kind === 'requirements') {
    requireRecipient(viewer, group);
    return;
  }
  if (viewer.userId === null || viewer.nationCode === null) {
    throw new AppError('unauthenticated', 'Sign in first');
  }
  if (!canWrite(viewer)) throw new AppError('forbidden', 'This token is read-only');
  if (!isSecretariatOf(viewer, group.id) && !hasRole(viewer, 'coordinator')) {
    throw new AppError(
      'forbidden',
      `Only a nation's coordinators or the chair's secretariat import ${kind}`,
    );
  }
}

/**
 * Reads an import file after checking who asks: nothing about the ledger is read for someone who may
 * not import. A file refused as a whole (too large, empty, unreadable, a bad header) becomes a report
 * saying why; access and an unknown group are errors.
 */
export async function prepareImport(
  db: Kysely<Database>,
  viewer: Viewer,
  slug: string,
  bytes: Uint8Array,
  options: ImportOptions,
): Promise<PreparedImport> {
  const group = await requireGroup(db, slug);
  requireImporter(viewer, group, options.kind);
  const mapping = options.mapping ?? 'standard';
  if (mapping === 'kiel' && options.kind !== 'pledges') {
    throw invalid('mapping', 'the Kiel mapping reads pledges only');
  }
  const now = options.now ?? new Date();
  const report: ImportReport = {
    kind: options.kind,
    file: options.fileName,
    sha256: '',
    bytes: bytes.length,
    format: /\.xlsx$/i.test(options.fileName) ? 'xlsx' : 'csv',
    encoding: null,
    sheet: options.sheet ?? null,
    mapping,
    dryRun: options.dryRun === true,
    written: false,
    counts: noCounts(),
    deliveries: null,
    problems: [],
    skipped: [],
    notes: [],
  };
  options.onProgress?.(0, bytes.length, 'reading');
  let file: LedgerFile;
  let main: ImportRow[];
  let deliveries: ImportRow[] | null = null;
  try {
    file = await openLedgerFile(bytes, options.fileName);
    Object.assign(report, {
      sha256: file.sha256,
      format: file.format,
      encoding: file.encoding,
      notes: [...file.notes],
    });
    const table = file.table(options.sheet);
    report.sheet = table.sheet;
    if (mapping === 'kiel') {
      const known = await nationNames(db);
      const kiel = kielRows(table, options.fileName, (name) => known.get(name.toLowerCase()));
      main = kiel.rows;
      report.skipped = kiel.skipped;
      report.notes.push(
        'Read with the Kiel Ukraine Support Tracker mapping (docs/ledger-import.md).',
      );
    } else {
      main = standardRows(table, options.kind);
    }
    if (
      options.kind === 'pledges' &&
      mapping === 'standard' &&
      file.sheetNames.includes(DELIVERIES_SHEET) &&
      table.sheet !== DELIVERIES_SHEET
    ) {
      deliveries = standardRows(file.table(DELIVERIES_SHEET), 'deliveries');
      report.notes.push(
        `The workbook's "${DELIVERIES_SHEET}" sheet (${deliveries.length} rows) is imported with its pledges, in the same transaction.`,
      );
    }
    if (main.length + report.skipped.length === 0) {
      throw new ImportRefused([
        {
          sheet: table.sheet,
          line: null,
          column: null,
          message: `${options.fileName} has a header but no rows`,
        },
      ]);
    }
  } catch (error) {
    if (!(error instanceof ImportRefused)) throw error;
    report.problems = error.problems;
    return { rows: 0, run: () => Promise.resolve(report) };
  }
  options.onProgress?.(bytes.length, bytes.length, 'reading');
  report.counts = noCounts(main.length + report.skipped.length);
  report.counts.skipped = report.skipped.length;
  if (deliveries) report.deliveries = noCounts(deliveries.length);
  const rows = main.length + (deliveries?.length ?? 0);
  return {
    rows,
    run: (listener) =>
      runImport(db, viewer, group, { main, deliveries }, report, {
        ...options,
        now,
        onProgress: listener ?? options.onProgress,
      }),
  };
}

/** Reads, checks and (unless dry or refused) writes an import file: the CLI's whole import. */
export async function importLedger(
  db: Kysely<Database>,
  viewer: Viewer,
  slug: string,
  bytes: Uint8Array,
  options: ImportOptions,
): Promise<ImportReport> {
  return (await prepareImport(db, viewer, slug, bytes, options)).run();
}

async function nationNames(db: Kysely<Database>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('nations').select(['code', 'name']).execute();
  const map = new Map<string, string>();
  for (const r of rows) {
    map.set(r.name.toLowerCase(), r.code);
    map.set(r.code.toLowerCase(), r.code);
  }
  return map;
}

const UNIQUE_VIOLATION = new Set([
  'SQLITE_CONSTRAINT_UNIQUE',
  'SQLITE_CONSTRAINT_PRIMARYKEY',
  '23505',
]);

type RunOptions = ImportOptions & { now: Date };
type Progress = (done: number, total: number, phase: ImportPhase) => void;

async function runImport(
  db: Kysely<Database>,
  viewer: Viewer,
  group: GroupRow,
  rows: { main: ImportRow[]; deliveries: ImportRow[] | null },
  report: ImportReport,
  options: RunOptions,
): Promise<ImportReport> {
  const progress = options.onProgress ?? (() => undefined);
  const ctx: ImportContext = await loadContext(db, viewer, group, options.now);
  const writer = options.writer;
  // Sent while checked only where each checked pledge is final: no deliveries sheet to move it later.
  if (writer && options.kind === 'pledges' && rows.deliveries === null && !report.dryRun) {
    return sendWhileChecking(writer, ctx, rows.main, report, options, progress);
  }
  const plan = await checkRows(ctx, rows, report, options, progress);
  const toWrite = rowsToWriteAfterCheck(plan, report, progress);
  if (toWrite === 0) return report;
  progress(0, toWrite, 'writing');
  await refusingTakenIds(
    db
      .transaction()
      .execute((trx) =>
        writePlan(trx, { ...ctx, db: trx }, plan, auditOf(report, options), (n) =>
          progress(n, toWrite, 'writing'),
        ),
      ),
  );
  return written(report, toWrite, progress);
}

/**
 * A pledges file imported through a writer thread (the CLI's): its transaction opens before the check,
 * each checked batch of new pledges is sent to it at once, and the check goes on while they are
 * inserted on the other core. A refused file rolls back whatever was sent; the report is the same as
 * when the rows are checked first and written after.
 */
async function sendWhileChecking(
  writer: SqliteWriter,
  ctx: ImportContext,
  rows: ImportRow[],
  report: ImportReport,
  options: RunOptions,
  progress: Progress,
): Promise<ImportReport> {
  let toWrite = 0;
  await refusingTakenIds(
    writer.db
      .transaction()
      .execute(async (trx) => {
        const sender = new PledgeSender(writer, trx);
        // The check reads through this thread's connection. From here the writer's transaction holds
        // the write lock, so nothing the check reads can change before the commit; the context read
        // just before is verified by writePlan, as when the check runs before the transaction.
        const plan = await checkRows(
          ctx,
          { main: rows, deliveries: null },
          report,
          options,
          progress,
          sender.add,
        );
        toWrite = rowsToWriteAfterCheck(plan, report, progress);
        if (toWrite === 0) throw new NothingToWrite();
        sender.flush();
        progress(0, toWrite, 'writing');
        await writePlan(
          trx,
          { ...ctx, db: trx },
          plan,
          auditOf(report, options),
          (n) => progress(n, toWrite, 'writing'),
          true,
        );
      })
      .catch((error: unknown) => {
        if (!(error instanceof NothingToWrite)) throw error;
      }),
  );
  return toWrite === 0 ? report : written(report, toWrite, progress);
}

/** Thrown to roll back a writer's transaction when the check found nothing to write (or refused). */
class NothingToWrite extends Error {}

/** Checks every row of the file, filling the report's counts and problems; returns the write plan. */
async function checkRows(
  ctx: ImportContext,
  rows: { main: ImportRow[]; deliveries: ImportRow[] | null },
  report: ImportReport,
  options: RunOptions,
  progress: Progress,
  onCreatedPledge?: (target: PledgeTarget) => void,
): Promise<WritePlan> {
  const total = rows.main.length + (rows.deliveries?.length ?? 0);
  progress(0, total, 'checking');
  const plan: WritePlan = { requirements: null, pledges: null, deliveries: null };
  let checked: RequirementPlan | PledgePlan | DeliveryPlan;
  switch (options.kind) {
    case 'requirements':
      checked = plan.requirements = await checkRequirements(ctx, rows.main, (n) =>
        progress(n, total, 'checking'),
      );
      break;
    case 'pledges': {
      const deliveredKeys = new Set(
        (rows.deliveries ?? []).flatMap((r) => {
          const key = cellOf(r, 'pledge_external_id');
          return typeof key === 'string' ? [key.trim()] : [];
        }),
      );
      checked = plan.pledges = await checkPledges(
        ctx,
        rows.main,
        deliveredKeys,
        (n) => progress(n, total, 'checking'),
        onCreatedPledge,
      );
      if (rows.deliveries) {
        const offset = rows.main.length;
        plan.deliveries = await checkDeliveries(ctx, rows.deliveries, plan.pledges.created, (n) =>
          progress(offset + n, total, 'checking'),
        );
        const late = statusProblems(plan.pledges);
        plan.pledges.problems.push(...late);
        const lines = new Set(late.map((p) => p.line));
        plan.pledges.counts.refused += lines.size;
        plan.pledges.counts.created -= lines.size;
      }
      break;
    }
    case 'deliveries':
      checked = plan.deliveries = await checkDeliveries(ctx, rows.main, new Map(), (n) =>
        progress(n, total, 'checking'),
      );
      break;
  }
  progress(total, total, 'checking');
  report.counts = { ...checked.counts, rows: report.counts.rows, skipped: report.counts.skipped };
  if (options.kind === 'pledges' && plan.deliveries) report.deliveries = plan.deliveries.counts;
  report.problems = [
    ...checked.problems,
    ...(options.kind === 'pledges' ? (plan.deliveries?.problems ?? []) : []),
  ].sort((a, b) => (a.sheet ?? '').localeCompare(b.sheet ?? '') || (a.line ?? 0) - (b.line ?? 0));
  return plan;
}

/** The rows a checked plan writes: 0 when refused, a dry run, or nothing new (the report says so). */
function rowsToWriteAfterCheck(plan: WritePlan, report: ImportReport, progress: Progress): number {
  if (report.problems.length > 0 || report.dryRun) return 0;
  const toWrite = rowsToWrite(plan);
  if (toWrite === 0) {
    // Importing the same file again: nothing to write, and so no transaction and no audit entry.
    report.notes.push('Nothing to write: every row is already in the ledger as the file gives it.');
    progress(0, 0, 'done');
  }
  return toWrite;
}

/** What the import's one audit entry says of it. */
function auditOf(report: ImportReport, options: RunOptions): AuditFacts {
  return {
    kind: options.kind,
    file: report.file,
    sha256: report.sha256,
    mapping: report.mapping,
    format: report.format,
    sheet: report.sheet,
    counts: {
      ...report.counts,
      ...(report.deliveries ? { deliveries: report.deliveries } : {}),
    },
  };
}

/** The report of an import whose transaction committed. */
function written(report: ImportReport, toWrite: number, progress: Progress): ImportReport {
  report.written = true;
  progress(toWrite, toWrite, 'done');
  return report;
}

/** An external id taken by another writer between the check and the write: a 409, nothing written. */
async function refusingTakenIds(writing: Promise<void>): Promise<void> {
  try {
    await writing;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && UNIQUE_VIOLATION.has(code)) {
      throw new AppError(
        'conflict',
        'The ledger changed while the file was being checked (an external id is now taken); nothing was written: import the file again',
        [{ path: 'file', message: 'an external id of the file was taken meanwhile' }],
      );
    }
    throw error;
  }
}

/** The problems of a report as API issues: `line N, column X` (with the sheet of a workbook). */
export function issuesOf(report: ImportReport): { path: string; message: string }[] {
  return report.problems.map((p: ImportProblem) => ({
    path: [
      p.sheet === null ? null : `sheet ${p.sheet}`,
      p.line === null ? report.file : `line ${p.line}`,
      p.column === null ? null : `column ${p.column}`,
    ]
      .filter(Boolean)
      .join(', '),
    message: p.message,
  }));
}
