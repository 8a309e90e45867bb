import type { z } from 'zod';
import { AppError } from '../../../shared/contract/errors';
import type { ImportApplySchema, ImportApplyResult, ImportPreviewResult, ImportRequestSchema } from '../../../shared/contract/schemas/imports';
import type { CoreContext } from '../context';
import { createSettingsRepository } from '../repositories/settings-repository';
import { createColumnMappings } from './column-mappings';
import { applyImport } from './import-apply';
import { createImportJobs, type ImportJobs } from './import-jobs';
import { mergeSets, setsOf, type SheetSet } from './import-sets';
import type { ParsedSource, ParseJob, ParseProgress } from './parse-sources';
import { addCounts, fileView, mergeUnknown, ZERO_COUNTS } from './preview-view';
import { runParse } from './worker/run-parse';

export type ImportRequestInput = z.output<typeof ImportRequestSchema>;
export type ImportApplyInput = z.output<typeof ImportApplySchema>;

type Parser = (job: ParseJob, onProgress: (p: ParseProgress) => void) => Promise<ParsedSource[]>;

interface ReadResult {
  parsed: ParsedSource[];
  sets: SheetSet[][];
}

/**
 * The import pipeline behind `imports:*`: files or pasted text are parsed in a worker thread,
 * turned into import sets (one per data sheet), compared with the database (preview) and applied
 * in one transaction recorded as one undoable batch. The apply re-reads and re-compares: the
 * client's preview is never trusted.
 */
export function createImportService(ctx: CoreContext, opts: { parse?: Parser; jobs?: ImportJobs } = {}) {
  const parse = opts.parse ?? runParse;
  const jobs = opts.jobs ?? createImportJobs();

  async function read(req: ImportRequestInput): Promise<ReadResult> {
    jobs.set(req.jobId, { stage: 'reading', message: '正在读取…', files: req.files.length + (req.text?.trim() ? 1 : 0) });
    const job: ParseJob = { files: req.files, text: req.text, mappingsByLayout: createColumnMappings(ctx.db).all(), choices: req.mappings };
    const parsed = await parse(job, (p) => jobs.set(req.jobId, { stage: 'reading', ...p }));
    return { parsed, sets: parsed.map((p) => setsOf(p, req.kind, req.origin)) };
  }

  async function tracked<T>(jobId: string | undefined, work: () => Promise<T>): Promise<T> {
    try {
      const out = await work();
      jobs.set(jobId, { stage: 'done', message: '完成' });
      return out;
    } catch (e) {
      jobs.set(jobId, { stage: 'failed', message: e instanceof Error ? e.message : String(e) });
      throw e;
    }
  }

  function checkReadable(parsed: readonly ParsedSource[]): void {
    const bad = parsed.filter((p) => p.source === 'file' && p.workbook.fileError);
    if (bad.length === 0) return;
    const msgs = bad.map((p) => (p.source === 'file' ? (p.workbook.problems[0]?.message ?? `文件「${p.file}」无法读取`) : ''));
    throw new AppError('bad_file', `${msgs.map((m) => m.replace(/[。.]$/, '')).join('；')}。请从导入列表中移除后再应用，未写入任何数据`);
  }

  function checkDecisions(decisions: Readonly<Record<string, number | null>>): void {
    const exists = ctx.db.prepare<[number], { id: number }>('SELECT id FROM units WHERE id = ?');
    for (const [name, id] of Object.entries(decisions)) {
      if (id !== null && !exists.get(id)) throw new AppError('not_found', `单位「${name}」要对应的单位（编号 ${id}）不存在，请重新选择`);
    }
  }

  function noItemsError(r: ReadResult): AppError {
    const errors = r.parsed.flatMap((p) => (p.source === 'file' ? p.workbook.problems : p.text.problems)).filter((p) => p.severity === 'error');
    const why = errors.length ? `：${errors[0].message}` : '';
    return new AppError('bad_file', `没有可导入的条目${why}`);
  }

  return {
    /** Reads and compares; writes nothing. */
    preview(req: ImportRequestInput): Promise<ImportPreviewResult> {
      return tracked(req.jobId, async () => {
        const r = await read(req);
        jobs.set(req.jobId, { stage: 'comparing', message: '正在与数据库比对…' });
        const views = r.parsed.map((p, i) => fileView(ctx.db, p, r.sets[i], req.listLimit));
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
      return tracked(req.jobId, async () => {
        const r = await read(req);
        checkReadable(r.parsed);
        checkDecisions(req.decisions);
        const sets = r.sets.flat().map((s) => s.set);
        if (sets.every((s) => s.items.length === 0)) throw noItemsError(r);
        jobs.set(req.jobId, { stage: 'writing', message: '正在写入数据库…' });
        const at = ctx.now().toISOString();
        const mappings = createColumnMappings(ctx.db);
        const operator = createSettingsRepository(ctx.db).settings().operator;
        return ctx.db.transaction(() => {
          const res = applyImport(ctx.db, mergeSets(sets), { decisions: req.decisions, operator, at });
          for (const m of req.mappings) if (m.layoutKey && Object.keys(m.columns).length) mappings.remember(m.layoutKey, m.columns, at);
          return res;
        })();
      });
    },

    progress: (jobId: string) => jobs.get(jobId),
    forgetMapping: (layoutKey: string) => createColumnMappings(ctx.db).forget(layoutKey),
  };
}
export type ImportService = ReturnType<typeof createImportService>;
