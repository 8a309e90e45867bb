import { parentPort } from 'node:worker_threads';
import { AppError } from '../../../../shared/contract/errors';
import type { ImportApplyResult } from '../../../../shared/contract/schemas/imports';
import { undoBatch, type BatchInfo } from '../../batches/batches';
import { openDatabase } from '../../db/open-database';
import { applyParsed, type ApplyOptions } from '../apply-parsed';
import { parseSources, type ParsedSource, type ParseJob, type ParseProgress } from '../parse-sources';

/**
 * The one job a worker is sent: read files (for a preview); read and write them to the database
 * file (apply); or undo an import batch there.
 */
export type WorkerJob =
  | { kind: 'parse'; job: ParseJob }
  /** `read`: the files to read, or their reading already done for the preview (parse-cache.ts). */
  | { kind: 'apply'; read: { job: ParseJob } | { parsed: string }; dbPath: string; options: ApplyOptions }
  | { kind: 'undo'; dbPath: string; batchId: number; at: string };

/** What an import worker posts: `ready` once its modules are loaded, then progress and the outcome of its one job. */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'progress'; progress: ParseProgress }
  /** The apply starts writing (the database is locked for writing until it ends). */
  | { type: 'writing' }
  /** The parsed sources as JSON: one string crosses threads faster than 50,000 small objects. */
  | { type: 'parsed'; json: string }
  | { type: 'applied'; result: ImportApplyResult }
  | { type: 'undone'; batch: BatchInfo }
  | { type: 'error'; message: string; code?: AppError['code'] };

/** Runs `work` on the worker's own connection to the app's database file (WAL: the app keeps reading meanwhile). */
function withDatabase<T>(dbPath: string, work: (db: ReturnType<typeof openDatabase>) => T): T {
  const db = openDatabase(dbPath, { migrate: false });
  try {
    return work(db);
  } finally {
    db.close();
  }
}

async function run(port: NonNullable<typeof parentPort>, m: WorkerJob): Promise<WorkerMessage> {
  if (m.kind === 'undo') return { type: 'undone', batch: withDatabase(m.dbPath, (db) => undoBatch(db, m.batchId, m.at)) };
  const parse = (job: ParseJob) => parseSources(job, (progress) => port.postMessage({ type: 'progress', progress } satisfies WorkerMessage));
  if (m.kind === 'parse') return { type: 'parsed', json: JSON.stringify(await parse(m.job)) };
  const sources = 'parsed' in m.read ? (JSON.parse(m.read.parsed) as ParsedSource[]) : await parse(m.read.job);
  const writing = () => port.postMessage({ type: 'writing' } satisfies WorkerMessage);
  return { type: 'applied', result: withDatabase(m.dbPath, (db) => applyParsed(db, sources, m.options, writing)) };
}

/** Worker thread entry: says ready, runs the one job it is sent, posts progress and the outcome. */
const port = parentPort;
if (port) {
  port.once('message', async (m: WorkerJob) => {
    let out: WorkerMessage;
    try {
      out = await run(port, m);
    } catch (error) {
      out = error instanceof AppError ? { type: 'error', message: error.message, code: error.code } : { type: 'error', message: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(out);
  });
  port.postMessage({ type: 'ready' } satisfies WorkerMessage);
}
