import { parentPort, workerData } from 'node:worker_threads';
import { parseSources, type ParseJob } from '../parse-sources';

/** Worker thread entry: parses one job, posts progress and the result, then exits. */
const port = parentPort;
if (port) {
  try {
    const sources = parseSources(workerData as ParseJob, (p) => port.postMessage({ type: 'progress', progress: p }));
    port.postMessage({ type: 'done', sources });
  } catch (error) {
    port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}
