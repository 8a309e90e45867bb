import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../../shared/contract/errors';
import { parseSources, type ParseJob, type ParsedSource, type ParseProgress } from '../parse-sources';
import type { Database } from 'better-sqlite3';
import type { ImportApplyResult } from '../../../../shared/contract/schemas/imports';
import { undoBatch, type BatchInfo } from '../../batches/batches';
import { applyParsed, type ApplyOptions } from '../apply-parsed';
import { createParseCache } from './parse-cache';
import type { WorkerJob, WorkerMessage } from './import-worker';

/** Bundle name of the worker entry (electron.vite.config.ts builds it next to the main bundle). */
export const WORKER_BUNDLE_NAME = 'import-worker.js';

/** A hostile file that exhausts this heap ends the worker with an error, never the app. */
const WORKER_HEAP_MB = 3072;
/**
 * Reading a list allocates mostly short-lived strings. V8 sizes the nursery from the heap limit
 * (up to 64 MB with a 3 GB heap), and all of it stays resident: 16 MB keeps a 50,000-row import's
 * peak memory ~20 MB lower at a few percent of its time (npm run bench).
 */
const WORKER_NURSERY_MB = 16;

export interface WorkerScript {
  url: URL;
  execArgv?: string[];
}

/**
 * Where the worker script is: the .ts source under tsx / vitest, the built bundle in the app. A built
 * worker named by QD_IMPORT_WORKER comes first: the test runs bundle it once (tests/bundle/bundle.ts)
 * instead of each worker loading tsx and the source again.
 */
export function workerScript(): WorkerScript | null {
  const built = process.env.QD_IMPORT_WORKER;
  if (built && existsSync(built)) return { url: pathToFileURL(built) };
  const here = import.meta.url;
  if (/\.ts$/.test(new URL(here).pathname)) {
    const hasTsx = process.execArgv.some((a) => a.includes('tsx'));
    return { url: new URL('./import-worker.ts', here), execArgv: hasTsx ? undefined : [...process.execArgv, '--import', 'tsx'] };
  }
  for (const rel of [`./${WORKER_BUNDLE_NAME}`, `../${WORKER_BUNDLE_NAME}`]) {
    const url = new URL(rel, here);
    if (existsSync(fileURLToPath(url))) return { url };
  }
  return null;
}

function workerFailed(detail: string): AppError {
  return new AppError('bad_file', `读取文件的后台线程意外终止（${detail}），可能是文件过大或已损坏；未写入任何数据`);
}

/** A started worker and whether it has loaded its modules (said `ready`). */
interface Started {
  worker: Worker;
  ready: Promise<boolean>;
}

function start(script: WorkerScript): Started {
  const worker = new Worker(script.url, { execArgv: script.execArgv, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_NURSERY_MB } });
  const ready = new Promise<boolean>((resolve) => {
    let said = false;
    const say = (ok: boolean, why?: string) => {
      if (said) return;
      said = true;
      if (!ok) console.error(`[import] import worker did not start (${why})`);
      resolve(ok);
    };
    worker.once('message', (m: WorkerMessage) => say(m.type === 'ready', m.type));
    worker.once('error', (e) => say(false, e.message));
    worker.once('exit', (code) => say(false, `exit ${code}`));
  });
  return { worker, ready };
}

/** Progress callbacks of a job. */
export interface JobHooks {
  onProgress?: (p: ParseProgress) => void;
  /** The apply starts writing. */
  onWriting?: () => void;
}

/** Runs one job in a started worker; the worker ends with the job. */
function runIn<T>(s: Started, message: WorkerJob, hooks: JobHooks): Promise<T> {
  const { worker } = s;
  const doing = { parse: '读取文件', apply: '导入', undo: '撤销导入' }[message.kind];
  worker.ref();
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') hooks.onProgress?.(m.progress);
      else if (m.type === 'writing') hooks.onWriting?.();
      else if (m.type === 'parsed') finish(() => resolve(m.json as T));
      else if (m.type === 'applied') finish(() => resolve(m.result as T));
      else if (m.type === 'undone') finish(() => resolve(m.batch as T));
      else if (m.type === 'error') finish(() => reject(m.code ? new AppError(m.code, m.message) : new AppError('internal', `${doing}时出错：${m.message}`)));
    });
    worker.on('error', (e) => finish(() => reject(workerFailed(e.message))));
    worker.on('exit', (code) => finish(() => reject(workerFailed(`代码 ${code}`))));
    worker.postMessage(message);
  });
}

/**
 * Runs imports in worker threads, so the main process (window, IPC, HTTP server) never blocks on a
 * large workbook: `parse` reads files for a preview; `apply` reads them and writes them to the
 * database on the worker's own connection; `undo` undoes a batch there. Every job gets a fresh worker (a hostile file cannot
 * leave a bloated heap behind). After `prewarm()`, one spare worker is always started and idle,
 * its modules loaded, so a job starts at once; the next spare starts when a job ends. Falls back to
 * in-process work when no worker script exists or a worker cannot start (e.g. a packaging problem).
 */
export function createImportWorkers(script: WorkerScript | null = workerScript()) {
  let warm = false;
  let spare: Started | null = null;
  const cache = createParseCache();
  const startSpare = () => {
    if (!warm || spare || !script) return;
    const s = (spare = start(script));
    // A spare that dies while idle (or never starts) is dropped; the next job starts its own.
    // Once ready it waits without keeping the process alive.
    void s.ready.then((ok) => {
      if (spare === s) s.worker.unref();
      if (!ok && spare === s) spare = null;
    });
    s.worker.once('exit', () => {
      if (spare === s) spare = null;
    });
  };
  /** A ready worker for a job, or null (then the job runs in-process). */
  const take = async (): Promise<Started | null> => {
    if (!script) return null;
    const s = spare ?? start(script);
    spare = null;
    if (await s.ready) return s;
    void s.worker.terminate();
    console.error('[import] running the import in-process');
    return null;
  };
  const run = async <T>(s: Started, message: WorkerJob, hooks: JobHooks): Promise<T> => {
    try {
      return await runIn<T>(s, message, hooks);
    } finally {
      // After the caller's synchronous work on the result, not during it.
      setTimeout(startSpare, 0).unref();
    }
  };
  return {
    /** Reads files for a preview; the reading is kept for an apply of the same files (parse-cache.ts). */
    async parse(job: ParseJob, onProgress: (p: ParseProgress) => void = () => {}): Promise<ParsedSource[]> {
      const s = await take();
      if (!s) return parseSources(job, onProgress);
      const key = cache.keyOf(job);
      const json = await run<string>(s, { kind: 'parse', job }, { onProgress });
      cache.put(key, json);
      return JSON.parse(json) as ParsedSource[];
    },
    /** Reads the files and applies them to the database at `target.dbPath` (`target.db` when in-process). */
    async apply(job: ParseJob, target: { dbPath: string; db: Database }, options: ApplyOptions, hooks: JobHooks = {}): Promise<ImportApplyResult> {
      const s = await take();
      if (!s) return applyParsed(target.db, await parseSources(job, hooks.onProgress), options, hooks.onWriting);
      const parsed = cache.get(cache.keyOf(job));
      return run<ImportApplyResult>(s, { kind: 'apply', read: parsed === null ? { job } : { parsed }, dbPath: target.dbPath, options }, hooks);
    },
    /** Undoes an import batch in the database at `target.dbPath` (`target.db` when in-process). */
    async undo(target: { dbPath: string; db: Database }, batchId: number, at: string): Promise<BatchInfo> {
      const s = await take();
      return s ? run<BatchInfo>(s, { kind: 'undo', dbPath: target.dbPath, batchId, at }, {}) : undoBatch(target.db, batchId, at);
    },
    /** Keeps a spare worker started from now on (the app calls it at start-up); resolves when it is ready. */
    prewarm(): Promise<boolean> {
      warm = true;
      startSpare();
      return spare?.ready ?? Promise.resolve(false);
    },
    close(): void {
      warm = false;
      cache.clear();
      void spare?.worker.terminate();
      spare = null;
    },
  };
}
export type ImportWorkers = ReturnType<typeof createImportWorkers>;

const shared = createImportWorkers();

/** The process's import workers (see createImportWorkers). */
export const importWorkers = (): ImportWorkers => shared;

/** Starts keeping a spare import worker in this process (the app at start-up). */
export const prewarmImportWorkers = (): void => void shared.prewarm();
/** Stops the spare import worker (the app at shut-down). */
export const closeImportWorkers = (): void => shared.close();
