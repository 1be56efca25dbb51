import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import { systemActor } from '../../core/audit/audit.service';
import type { Config } from '../../core/config';
import type { ImportReport } from '../../core/currency/exchange-rate.schema';
import { importEcbRates } from '../../core/currency/exchange-rate.service';
import type { Database } from '../../core/db/database';
import { parseEcbFile } from '../../core/currency/ecb-file';
import { AppError, type ErrorIssue } from '../../core/errors';
import { withConnection } from '../context';

export interface RatesFile {
  fileName: string;
  text: string;
  /** An unreadable file or its bad cells, as `file:line` and `column: reason`. */
  problems: ErrorIssue[];
}

/** Reads and checks an ECB rates file before any connection is opened; problems are returned, not thrown. */
export function readRatesFile(path: string): RatesFile {
  const fileName = basename(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      fileName,
      text: '',
      problems: [{ path: fileName, message: `cannot be read: ${reason}` }],
    };
  }
  return { fileName, text, problems: parseEcbFile(text, fileName).problems };
}

export function describeRatesImport(report: ImportReport): string {
  const range = report.firstDate === null ? '' : ` (${report.firstDate} to ${report.lastDate})`;
  const lines = [
    `${report.dryRun ? 'Dry run, nothing written: ' : ''}${report.file}: ${report.days} day(s)${range}, ${report.rates} rate(s).`,
    `  inserted ${report.inserted}, unchanged ${report.unchanged}, replaced ${report.replaced}, kept ${report.kept}`,
  ];
  if (report.ignored.length > 0)
    lines.push(`  ignored column(s), not current ISO 4217 codes: ${report.ignored.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

/** Imports in one transaction: the rates and their audit entry commit together or not at all. */
export function importRatesText(
  db: Kysely<Database>,
  file: Pick<RatesFile, 'text' | 'fileName'>,
  options: { dryRun?: boolean; onConflict?: 'fail' | 'replace' | 'keep' },
): Promise<ImportReport> {
  return db
    .transaction()
    .execute((trx) =>
      importEcbRates(trx, systemActor, file.text, { fileName: file.fileName, ...options }),
    );
}

export async function runImportRates(
  config: Config,
  path: string,
  options: { dryRun?: boolean; replace?: boolean },
): Promise<void> {
  const file = readRatesFile(path);
  if (file.problems.length > 0) {
    throw new AppError(
      'invalid',
      `Exchange rates not imported: ${file.problems.length} problem(s) found, nothing was written`,
      file.problems,
    );
  }
  await withConnection(config, async ({ db }) => {
    const report = await importRatesText(db, file, {
      dryRun: options.dryRun === true,
      onConflict: options.replace === true ? 'replace' : 'fail',
    });
    process.stdout.write(describeRatesImport(report));
  });
}
