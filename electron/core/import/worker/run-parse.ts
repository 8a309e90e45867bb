import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../../shared/contract/errors';
import { parseSources, type ParseJob, type ParsedSource, type ParseProgress } from '../parse-sources';

/** Bundle name of the worker entry (electron.vite.config.ts builds it next to the main bundle). */
export const WORKER_BUNDLE_NAME = 'import-parse-worker.js';

/** A hostile file that exhausts this heap ends the worker with an error, never the app. */
const WORKER_HEAP_MB = 3072;

type WorkerMessage =
  | { type: 'progress'; progress: ParseProgress }
  | { type: 'done'; sources: ParsedSource[] }
  | { type: 'error'; message: string };

/** Where the worker script is: the .ts source under tsx / vitest, the built bundle in the app. */
export function workerScript(): { url: URL; execArgv?: string[] } | null {
  const here = import.meta.url;
  if (/\.ts$/.test(new URL(here).pathname)) {
    const hasTsx = process.execArgv.some((a) => a.includes('tsx'));
    return { url: new URL('./parse-worker.ts', here), execArgv: hasTsx ? undefined : [...process.execArgv, '--import', 'tsx'] };
  }
  for (const rel of [`./${WORKER_BUNDLE_NAME}`, `../${WORKER_BUNDLE_NAME}`]) {
    const url = new URL(rel, here);
    if (existsSync(fileURLToPath(url))) return { url };
  }
  return null;
}

/**
 * Parses a job in a worker thread, so the main process (window, HTTP server) never blocks on a
 * large workbook. Falls back to parsing in-process only when no worker script exists.
 */
export function runParse(job: ParseJob, onProgress: (p: ParseProgress) => void = () => {}): Promise<ParsedSource[]> {
  const script = workerScript();
  if (!script) return Promise.resolve(parseSources(job, onProgress));
  return new Promise((resolve, reject) => {
    const worker = new Worker(script.url, { workerData: job, execArgv: script.execArgv, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    let settled = false;
    let started = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    // A worker that cannot even start (e.g. a packaging problem) must not make import impossible.
    const fallback = (why: string) => {
      console.error(`[import] parse worker did not start (${why}); parsing in-process`);
      finish(() => resolve(parseSources(job, onProgress)));
    };
    worker.on('message', (m: WorkerMessage) => {
      started = true;
      if (m.type === 'progress') onProgress(m.progress);
      else if (m.type === 'done') finish(() => resolve(m.sources));
      else finish(() => reject(new AppError('internal', `读取文件时出错：${m.message}`)));
    });
    worker.on('error', (e) => (started ? finish(() => reject(workerFailed(e.message))) : fallback(e.message)));
    worker.on('exit', (code) => (started ? finish(() => reject(workerFailed(`代码 ${code}`))) : fallback(`exit ${code}`)));
  });
}

function workerFailed(detail: string): AppError {
  return new AppError('bad_file', `读取文件的后台线程意外终止（${detail}），可能是文件过大或已损坏；未写入任何数据`);
}
