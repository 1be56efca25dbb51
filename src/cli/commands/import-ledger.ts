import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import cliProgress from 'cli-progress';
import type { Kysely } from 'kysely';
import { viewerFor } from '../../core/accounts/auth.service';
import { findUserByUsername } from '../../core/accounts/user.repository';
import type { Config } from '../../core/config';
import { AppError } from '../../core/errors';
import {
  type ImportKind,
  type ImportPhase,
  type ImportReport,
  importMappingSchema,
  MAX_IMPORT_BYTES,
} from '../../core/ledger-import/ledger-import.schema';
import { importLedger } from '../../core/ledger-import/ledger-import.service';
import type { Database } from '../../core/db/database';
import type { SqliteWriter } from '../../core/db/sqlite-writer';
import { withConnection } from '../context';
import { EXIT_FAILURE } from '../output';

export interface ImportLedgerOptions {
  group: string;
  as: string;
  dryRun?: boolean;
  mapping?: string;
  sheet?: string;
}

/** How many problems the terminal shows; the rest are counted. */
const SHOWN = 200;

const phaseNames: Record<ImportPhase, string> = {
  reading: 'Reading ',
  checking: 'Checking',
  writing: 'Writing ',
  done: 'Done    ',
};

/** The report as a person at a terminal reads it: what happened, then each problem as line, column: reason. */
export function describeLedgerImport(report: ImportReport): string {
  const { counts } = report;
  const kind =
    report.format === 'csv'
      ? `CSV, ${report.encoding ?? 'unknown encoding'}`
      : `XLSX, sheet ${report.sheet ?? '?'}`;
  const state =
    report.problems.length > 0
      ? 'Refused, nothing written'
      : report.dryRun
        ? 'Dry run, nothing written'
        : report.written
          ? 'Imported'
          : 'Nothing to write';
  const lines = [
    `${state}: ${report.file} (${kind}, ${report.kind}, mapping ${report.mapping}): ${counts.rows} row(s): ${counts.created} new, ${counts.unchanged} unchanged, ${counts.skipped} skipped, ${counts.refused} refused.`,
  ];
  if (report.deliveries) {
    const d = report.deliveries;
    lines.push(
      `  deliveries sheet: ${d.rows} row(s): ${d.created} new, ${d.unchanged} unchanged, ${d.refused} refused.`,
    );
  }
  for (const note of report.notes) lines.push(`  ${note}`);
  if (report.skipped.length > 0) {
    lines.push(`  skipped by the mapping:`);
    for (const s of report.skipped.slice(0, SHOWN)) lines.push(`    line ${s.line}: ${s.reason}`);
  }
  if (report.problems.length > 0) {
    lines.push(`${report.problems.length} problem(s):`);
    for (const p of report.problems.slice(0, SHOWN)) {
      const where = [
        p.sheet === null ? null : `sheet ${p.sheet}`,
        p.line === null ? report.file : `line ${p.line}`,
        p.column === null ? null : `column ${p.column}`,
      ].filter(Boolean);
      lines.push(`  ${where.join(', ')}: ${p.message}`);
    }
    if (report.problems.length > SHOWN)
      lines.push(`  ... and ${report.problems.length - SHOWN} more`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `ramstein import requirements|pledges|deliveries <file>`: imports as a user, with that user's rights,
 * all or nothing. Exits 1 when anything is refused (the report says what and where).
 */
export async function runImportLedger(
  config: Config,
  kind: ImportKind,
  path: string,
  options: ImportLedgerOptions,
): Promise<void> {
  const fileName = basename(path);
  const mapping = importMappingSchema.safeParse(options.mapping ?? 'standard');
  if (!mapping.success) {
    throw new AppError('invalid', `Unknown mapping "${options.mapping ?? ''}"`, [
      { path: '--mapping', message: 'must be standard or kiel' },
    ]);
  }
  let size: number;
  try {
    size = statSync(path).size;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('invalid', `${fileName} cannot be read: ${reason}`, [
      { path: fileName, message: 'cannot be read' },
    ]);
  }
  if (size > MAX_IMPORT_BYTES) {
    throw new AppError(
      'invalid',
      `${fileName} is ${(size / 1024 / 1024).toFixed(1)} MB: larger than the 50 MB an import reads; split it into smaller files`,
      [{ path: fileName, message: 'is larger than 50 MB' }],
    );
  }
  const bytes = readFileSync(path);
  await withConnection(config, async (connection) => {
    const { db } = connection;
    // On a SQLite file, pledges are inserted by a second connection in a worker thread while they are
    // checked (sqlite-writer.ts); it starts now, so it is ready when the first rows are.
    const writer =
      kind === 'pledges' && options.dryRun !== true ? connection.openWriter?.() : undefined;
    try {
      await importWith(db, writer);
    } finally {
      await writer?.close();
    }
  });

  async function importWith(db: Kysely<Database>, writer: SqliteWriter | undefined): Promise<void> {
    const user = await findUserByUsername(db, options.as.toLowerCase());
    if (!user || user.disabled_at !== null) {
      throw new AppError('invalid', `No active user "${options.as}"`, [
        { path: '--as', message: 'must be the user name of an active account' },
      ]);
    }
    const viewer = await viewerFor(db, user, 'cli', 'write');
    const bar = process.stderr.isTTY
      ? new cliProgress.SingleBar(
          {
            stream: process.stderr,
            format: '{phase} [{bar}] {value}/{total}',
            hideCursor: true,
            clearOnComplete: true,
          },
          cliProgress.Presets.shades_classic,
        )
      : null;
    let started = false;
    const report = await importLedger(db, viewer, options.group, bytes, {
      kind,
      fileName,
      dryRun: options.dryRun === true,
      mapping: mapping.data,
      ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
      ...(writer === undefined ? {} : { writer }),
      onProgress: (done, total, phase) => {
        if (!bar) return;
        if (!started) {
          bar.start(total, done, { phase: phaseNames[phase] });
          started = true;
        } else {
          bar.setTotal(total);
          bar.update(done, { phase: phaseNames[phase] });
        }
      },
    }).finally(() => bar?.stop());
    process.stdout.write(describeLedgerImport(report));
    if (report.problems.length > 0) {
      process.stderr.write(
        `ramstein: ${report.file}: ${report.problems.length} problem(s); nothing was written\n`,
      );
      process.exitCode = EXIT_FAILURE;
    }
  }
}
