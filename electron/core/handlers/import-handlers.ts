import type { importChannels } from '../../../shared/contract/channels/import-channels';
import { listBatches } from '../batches/batches';
import type { CoreContext } from '../context';
import type { HandlersFor } from '../dispatch';
import { createImportService } from '../import/import-files';
import { importWorkers } from '../import/worker/import-workers';

/** Importing files and pasted text: preview, apply, batches, undo, progress. */
export function createImportHandlers(ctx: CoreContext) {
  const imports = createImportService(ctx);
  return {
    'imports:preview': (input) => imports.preview(input),
    'imports:apply': (input) => imports.apply(input),
    'imports:batches': () => listBatches(ctx.db),
    // In the import worker: undoing 50,000 items takes seconds, and the app keeps answering meanwhile.
    'imports:undo': ({ batchId }) => importWorkers().undo({ dbPath: ctx.paths.dbPath, db: ctx.db }, batchId, ctx.now().toISOString()),
    'imports:progress': ({ jobId }) => imports.progress(jobId),
    'imports:forget-mapping': ({ layoutKey }) => ({ forgotten: imports.forgetMapping(layoutKey) }),
  } satisfies HandlersFor<typeof importChannels>;
}
