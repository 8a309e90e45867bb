import { parentPort } from 'node:worker_threads';
import { AppError } from '../../../../shared/contract/errors';
import type { ImportApplyResult } from '../../../../shared/contract/schemas/imports';
import { openDatabase } from '../../db/open-database';
import { applyParsed, type ApplyOptions } from '../apply-parsed';
import { parseSources, type ParseJob, type ParseProgress } from '../parse-sources';

/** The one job a worker is sent: read files; with `apply`, also write them to the database file. */
export interface WorkerJob {
  job: ParseJob;
  apply?: { dbPath: string; options: ApplyOptions };
}

/** What an import worker posts: `ready` once its modules are loaded, then progress and the outcome of its one job. */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'progress'; progress: ParseProgress }
  /** The apply starts writing (the database is locked for writing until it ends). */
  | { type: 'writing' }
  /** The parsed sources as JSON: one string crosses threads faster than 50,000 small objects. */
  | { type: 'parsed'; json: string }
  | { type: 'applied'; result: ImportApplyResult }
  | { type: 'error'; message: string; code?: AppError['code'] };

function run(port: NonNullable<typeof parentPort>, { job, apply }: WorkerJob): WorkerMessage {
  const sources = parseSources(job, (progress) => port.postMessage({ type: 'progress', progress } satisfies WorkerMessage));
  if (!apply) return { type: 'parsed', json: JSON.stringify(sources) };
  // Its own connection to the app's database file (WAL: the app keeps reading meanwhile).
  const db = openDatabase(apply.dbPath, { migrate: false });
  try {
    return { type: 'applied', result: applyParsed(db, sources, apply.options, () => port.postMessage({ type: 'writing' } satisfies WorkerMessage)) };
  } finally {
    db.close();
  }
}

/** Worker thread entry: says ready, runs the one job it is sent, posts progress and the outcome. */
const port = parentPort;
if (port) {
  port.once('message', (m: WorkerJob) => {
    let out: WorkerMessage;
    try {
      out = run(port, m);
    } catch (error) {
      out = error instanceof AppError ? { type: 'error', message: error.message, code: error.code } : { type: 'error', message: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(out);
  });
  port.postMessage({ type: 'ready' } satisfies WorkerMessage);
}
