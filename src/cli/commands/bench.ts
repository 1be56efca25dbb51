import { statSync } from 'node:fs';
import cliProgress from 'cli-progress';
import {
  type GenerateProgress,
  generateLedger,
  isLedgerScale,
  ledgerScales,
} from '../../../bench/ledger-generator';
import type { Config } from '../../core/config';
import { describeDatabaseUrl } from '../../core/config';
import { invalid } from '../../core/errors';
import { withConnection } from '../context';
import { runSeed } from './database';

const phaseLabel: Record<GenerateProgress['phase'], string> = {
  requirements: 'requirements',
  pledges: 'pledges',
  totals: 'totals',
};

/** A bar per phase on a terminal; a line per phase elsewhere (logs, CI), so output stays readable. */
function progressReporter(): { report: (p: GenerateProgress) => void; stop: () => void } {
  if (!process.stderr.isTTY) {
    let last = '';
    return {
      report: (p) => {
        if (p.phase !== last && p.done === 0) process.stderr.write(`  ${phaseLabel[p.phase]}...\n`);
        last = p.phase;
      },
      stop: () => undefined,
    };
  }
  let bar: cliProgress.SingleBar | undefined;
  let phase = '';
  return {
    report: (p) => {
      if (p.phase !== phase) {
        bar?.stop();
        phase = p.phase;
        bar = new cliProgress.SingleBar(
          {
            format: `  ${phaseLabel[p.phase].padEnd(12)} {bar} {percentage}% {value}/{total} {eta_formatted}`,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(p.total, p.done);
      } else bar?.update(p.done);
    },
    stop: () => bar?.stop(),
  };
}

/**
 * Migrates, loads the reference data (as `ramstein seed`), then generates the bench ledger of the
 * scale: deterministic, into an empty ledger only.
 */
export async function runBenchGenerate(config: Config, options: { scale: string }): Promise<void> {
  if (!isLedgerScale(options.scale)) {
    throw invalid('--scale', `must be one of ${Object.keys(ledgerScales).join(', ')}`);
  }
  const scale = options.scale;
  await runSeed(config);
  const reporter = progressReporter();
  const report = await withConnection(config, async (connection) => {
    try {
      return await generateLedger(connection, { scale, onProgress: reporter.report });
    } finally {
      reporter.stop();
    }
  });
  const { kind, target } = describeDatabaseUrl(config.DATABASE_URL);
  const size = kind === 'sqlite' ? ` SQLite file ${sqliteSize(target)}.` : '';
  process.stdout.write(
    `Generated the ${scale} ledger in ${report.seconds.toFixed(1)} s: ` +
      `${report.requirements} requirements, ${report.pledges} pledges, ` +
      `${report.statusChanges} status changes, ${report.tranches} tranches, ` +
      `${report.deliveries} deliveries, ${report.priceListItems} prices; buckets: ` +
      `${report.buckets.requirement} requirement, ${report.buckets.donor} donor, ` +
      `${report.buckets.timeline} timeline.${size}\n`,
  );
}

/** The database file and its write-ahead log, in MB. */
function sqliteSize(file: string): string {
  const bytes = [file, `${file}-wal`].reduce((sum, f) => {
    try {
      return sum + statSync(f).size;
    } catch {
      return sum;
    }
  }, 0);
  return `${(bytes / 1_048_576).toFixed(0)} MB`;
}
