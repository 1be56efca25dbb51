import { isAppError } from '../errors';
import { newId } from '../ids';
import type { PreparedImport } from './ledger-import.service';
import type { ImportJob, ImportKind } from './ledger-import.schema';

/**
 * Large imports run as jobs, their progress kept in this process's memory: SQLite cannot take progress
 * writes while the import's transaction holds the write lock, and the job ends when the process does.
 * A job is answered only on the node that runs it, and only to the user who started it; a finished job
 * is kept for an hour.
 */
export class ImportJobs {
  private readonly jobs = new Map<string, { job: ImportJob; owner: string; finished: number }>();

  constructor(
    private readonly onFailure: (job: ImportJob, error: unknown) => void = () => undefined,
    private readonly keepMs = 60 * 60 * 1000,
  ) {}

  /** Starts the import in the background and answers its job at once. */
  start(owner: string, kind: ImportKind, file: string, prepared: PreparedImport): ImportJob {
    this.prune();
    const job: ImportJob = {
      id: newId(),
      kind,
      file,
      state: 'running',
      phase: 'checking',
      done: 0,
      total: prepared.rows,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      report: null,
      error: null,
    };
    const entry = { job, owner, finished: Number.POSITIVE_INFINITY };
    this.jobs.set(job.id, entry);
    const finish = (state: ImportJob['state']) => {
      job.state = state;
      job.phase = 'done';
      job.finishedAt = new Date().toISOString();
      entry.finished = Date.now();
    };
    prepared
      .run((done, total, phase) => {
        job.phase = phase;
        job.done = done;
        job.total = total;
      })
      .then(
        (report) => {
          job.report = report;
          finish(report.problems.length === 0 ? 'succeeded' : 'failed');
        },
        (error: unknown) => {
          // A refusal the user can act on keeps its words; anything else is logged, not shown.
          job.error = isAppError(error) ? error.message : 'The import failed; nothing was written';
          finish('failed');
          this.onFailure(job, error);
        },
      );
    return { ...job };
  }

  /** The job as it stands, for its owner only. */
  get(id: string, owner: string): ImportJob | undefined {
    this.prune();
    const entry = this.jobs.get(id);
    return entry && entry.owner === owner ? { ...entry.job } : undefined;
  }

  private prune(): void {
    const now = Date.now();
    for (const [id, entry] of this.jobs) {
      if (now - entry.finished > this.keepMs) this.jobs.delete(id);
    }
  }
}
