import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { systemActor } from '../../core/audit/audit.service';
import { confidenceSchema } from '../../core/common.schema';
import type { Config } from '../../core/config';
import { AppError } from '../../core/errors';
import { type Sheet, type SpendingMeasure, spendingMeasures } from '../../core/spending/nato-table';
import { csvSheet, xlsxSheets } from '../../core/spending/nato-table-file';
import { importSpendingTable } from '../../core/spending/spending-import.service';
import type { SpendingImportReport } from '../../core/spending/spending.schema';
import { withConnection } from '../context';

export interface ImportSpendingOptions {
  release: string;
  measure?: string;
  sheet?: string;
  sourceUrl?: string;
  sourceTitle?: string;
  confidence?: string;
  dryRun?: boolean;
}

const notImported = (issues: { path: string; message: string }[]) =>
  new AppError(
    'invalid',
    `Spending figures not imported: ${issues.length} problem(s) found, nothing was written`,
    issues,
  );

/** Reads a CSV or XLSX file into sheets before any connection is opened; problems are thrown. */
export async function readSpendingFile(path: string): Promise<{ file: string; sheets: Sheet[] }> {
  const file = basename(path);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw notImported([{ path: file, message: `cannot be read: ${reason}` }]);
  }
  const extension = extname(file).toLowerCase();
  if (extension === '.xlsx') {
    const read = await xlsxSheets(new Uint8Array(bytes), file);
    if ('problems' in read) throw notImported(read.problems);
    return { file, sheets: read.sheets };
  }
  if (extension === '.csv') {
    const read = csvSheet(bytes.toString('utf8'), file);
    if ('problems' in read) throw notImported(read.problems);
    return { file, sheets: [read.sheet] };
  }
  throw notImported([{ path: file, message: 'must be a .csv or .xlsx file' }]);
}

export function describeSpendingImport(report: SpendingImportReport): string {
  const years =
    report.years.length === 0 ? '' : ` for ${report.years[0]}–${report.years.at(-1) ?? ''}`;
  const lines = [
    `${report.dryRun ? 'Dry run, nothing written: ' : ''}${report.file}${report.sheet === null ? '' : ` (sheet "${report.sheet}")`}: ${report.cells} figure(s) of ${report.nations} nation(s)${years}, ${report.measure} (${report.measureFrom}), release "${report.release.name}" of ${report.release.date}.`,
    `  inserted ${report.inserted}, filled ${report.filled}, unchanged ${report.unchanged}`,
  ];
  for (const skip of report.skipped)
    lines.push(`  skipped line ${skip.line} "${skip.label}": ${skip.reason}`);
  return `${lines.join('\n')}\n`;
}

/** `ramstein import spending <file> --release <name>`: one NATO table, all or nothing, audited. */
export async function runImportSpending(
  config: Config,
  path: string,
  options: ImportSpendingOptions,
): Promise<void> {
  const issues: { path: string; message: string }[] = [];
  const measure = options.measure as SpendingMeasure | undefined;
  if (measure !== undefined && !spendingMeasures.includes(measure))
    issues.push({ path: '--measure', message: `must be one of ${spendingMeasures.join(', ')}` });
  const confidence = confidenceSchema.safeParse(options.confidence ?? 'high');
  if (!confidence.success)
    issues.push({ path: '--confidence', message: 'must be high, medium or uncertain' });
  if (options.sourceUrl !== undefined && !/^https?:\/\/\S+$/.test(options.sourceUrl))
    issues.push({ path: '--source-url', message: 'must be an http(s) URL' });
  if (issues.length > 0 || !confidence.success) throw notImported(issues);
  const { file, sheets } = await readSpendingFile(path);
  await withConnection(config, async ({ db }) => {
    const report = await db.transaction().execute((trx) =>
      importSpendingTable(trx, systemActor, sheets, {
        file,
        release: options.release,
        measure,
        sheet: options.sheet,
        source: {
          url: options.sourceUrl ?? null,
          title: options.sourceTitle ?? null,
          confidence: confidence.data,
        },
        dryRun: options.dryRun === true,
      }),
    );
    process.stdout.write(describeSpendingImport(report));
  });
}
