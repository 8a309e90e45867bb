import type { z } from 'zod';
import type { ImportApplySchema, ImportApplyResult, ImportPreviewResult, ImportRequestSchema } from '../../../shared/contract/schemas/imports';
import type { CoreContext } from '../context';
import { createSettingsRepository } from '../repositories/settings-repository';
import { createColumnMappings } from './column-mappings';
import { createImportJobs, type ImportJobs } from './import-jobs';
import { setsOf } from './import-sets';
import type { ParseJob } from './parse-sources';
import { addCounts, fileView, mergeUnknown, ZERO_COUNTS } from './preview-view';
import { importWorkers, type ImportWorkers } from './worker/import-workers';

export type ImportRequestInput = z.output<typeof ImportRequestSchema>;
export type ImportApplyInput = z.output<typeof ImportApplySchema>;

/**
 * The import pipeline behind `imports:*`: files or pasted text are parsed in a worker thread,
 * turned into import sets (one per data sheet) and compared with the database (preview). Apply
 * reads again and writes in the worker too, on its own connection, in one transaction recorded as
 * one undoable batch: the client's preview is never trusted, and the app stays responsive while a
 * large list is written.
 */
export function createImportService(ctx: CoreContext, opts: { workers?: ImportWorkers; jobs?: ImportJobs } = {}) {
  const workers = opts.workers ?? importWorkers();
  const jobs = opts.jobs ?? createImportJobs();

  function parseJob(req: ImportRequestInput): ParseJob {
    jobs.set(req.jobId, { stage: 'reading', message: '正在读取…', files: req.files.length + (req.text?.trim() ? 1 : 0) });
    return { files: req.files, text: req.text, mappingsByLayout: createColumnMappings(ctx.db).all(), choices: req.mappings };
  }

  /** Runs an import step under its job id; when it ends, the progress line still says which files it read. */
  async function tracked<T>(req: ImportRequestInput, work: () => Promise<T>): Promise<T> {
    const jobId = req.jobId;
    const names = req.files.map((f) => f.name).join('、');
    try {
      const out = await work();
      jobs.set(jobId, { stage: 'done', message: names ? `已读完 ${names}` : '完成' });
      return out;
    } catch (e) {
      jobs.set(jobId, { stage: 'failed', message: e instanceof Error ? e.message : String(e) });
      throw e;
    }
  }

  return {
    /** Reads and compares; writes nothing. */
    preview(req: ImportRequestInput): Promise<ImportPreviewResult> {
      return tracked(req, async () => {
        const parsed = await workers.parse(parseJob(req), (p) => jobs.set(req.jobId, { stage: 'reading', ...p }));
        jobs.set(req.jobId, { stage: 'comparing', message: '正在与数据库比对…' });
        const views = parsed.map((p) => fileView(ctx.db, p, setsOf(p, req.kind, req.origin), req.listLimit));
        return {
          files: views.map((v) => v.view),
          counts: views.reduce((c, v) => addCounts(c, v.view.counts), ZERO_COUNTS),
          unknownUnits: mergeUnknown(views.map((v) => v.unknown)),
          errors: views.filter((v) => v.view.error !== null).length,
        };
      });
    },

    /** Reads again, then applies everything in one transaction = one batch (none when nothing changes). */
    apply(req: ImportApplyInput): Promise<ImportApplyResult> {
      return tracked(req, () =>
        workers.apply(
          parseJob(req),
          { dbPath: ctx.paths.dbPath, db: ctx.db },
          { kind: req.kind, origin: req.origin, decisions: req.decisions, duplicates: req.duplicates, mappings: req.mappings, operator: createSettingsRepository(ctx.db).settings().operator, at: ctx.now().toISOString() },
          {
            onProgress: (p) => jobs.set(req.jobId, { stage: 'reading', ...p }),
            onWriting: () => jobs.set(req.jobId, { stage: 'writing', message: '正在写入数据库…' }),
          },
        ),
      );
    },

    progress: (jobId: string) => jobs.get(jobId),
    forgetMapping: (layoutKey: string) => createColumnMappings(ctx.db).forget(layoutKey),
  };
}
export type ImportService = ReturnType<typeof createImportService>;
