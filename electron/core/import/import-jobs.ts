import type { ImportProgress } from '../../../shared/contract/schemas/imports';

const KEEP_MS = 10 * 60 * 1000;

/** Progress of running imports by the client's job id, for `imports:progress` polls. */
export function createImportJobs() {
  const jobs = new Map<string, ImportProgress>();
  return {
    /** Updates a job (no-op without an id). */
    set(jobId: string | undefined, patch: Partial<ImportProgress>): void {
      if (!jobId) return;
      const prev = jobs.get(jobId) ?? { stage: 'queued', message: '排队中', filesDone: 0, files: 0, rows: 0 };
      const next = { ...prev, ...patch };
      jobs.set(jobId, next);
      if (next.stage === 'done' || next.stage === 'failed') setTimeout(() => jobs.delete(jobId), KEEP_MS).unref();
    },
    get(jobId: string): ImportProgress {
      return jobs.get(jobId) ?? { stage: 'unknown', message: '没有这个导入任务', filesDone: 0, files: 0, rows: 0 };
    },
  };
}
export type ImportJobs = ReturnType<typeof createImportJobs>;
