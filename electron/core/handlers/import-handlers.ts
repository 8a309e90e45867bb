import type { importChannels } from '../../../shared/contract/channels/import-channels';
import { listBatches, undoBatch } from '../batches/batches';
import type { CoreContext } from '../context';
import type { HandlersFor } from '../dispatch';
import { createImportService } from '../import/import-files';

/** Importing files and pasted text: preview, apply, batches, undo, progress. */
export function createImportHandlers(ctx: CoreContext) {
  const imports = createImportService(ctx);
  return {
    'imports:preview': (input) => imports.preview(input),
    'imports:apply': (input) => imports.apply(input),
    'imports:batches': () => listBatches(ctx.db),
    'imports:undo': ({ batchId }) => undoBatch(ctx.db, batchId, ctx.now().toISOString()),
    'imports:progress': ({ jobId }) => imports.progress(jobId),
    'imports:forget-mapping': ({ layoutKey }) => ({ forgotten: imports.forgetMapping(layoutKey) }),
  } satisfies HandlersFor<typeof importChannels>;
}
