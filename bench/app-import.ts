import { openDatabase } from '../electron/core/db/open-database';
import { createImportWorkers } from '../electron/core/import/worker/import-workers';

/**
 * The app's 导入 as a bench phase runs it: the import workers from the built bundle (a spare
 * started as the app does at start-up, by `prewarm()`), and `run`, where the worker reads the file,
 * compares and writes one batch on its own connection. `lap(readLap)` marks the end of reading.
 */
export function createAppImport(lap: (name: string) => void, readLap: string) {
  const workers = createImportWorkers({ url: new URL('../out/main/import-worker.js', import.meta.url) });
  async function run(bytes: Uint8Array, dbPath: string, fileName: string): Promise<number> {
    const db = openDatabase(dbPath);
    const res = await workers.apply(
      { files: [{ name: fileName, bytes }], mappingsByLayout: {}, choices: [] },
      { dbPath, db },
      { kind: 'task', origin: 'upper', decisions: {}, mappings: [], operator: 'bench', at: new Date().toISOString() },
      { onWriting: () => lap(readLap) },
    );
    db.close();
    lap('compare+apply');
    return res.counts.new;
  }
  return { workers, run };
}
