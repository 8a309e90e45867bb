import type { documentChannels } from '../../../shared/contract/channels/document-channels';
import type { CoreContext } from '../context';
import type { HandlersFor } from '../dispatch';
import { createDocumentsRepository } from '../repositories/documents-repository';
import { createDocumentQueries } from '../services/document-queries';
import { createDocumentService } from '../services/document-service';
import { createInstructionTasks } from '../services/instruction-tasks';

/** 来文批示: documents, instructions, attachments, instruction → task. */
export function createDocumentHandlers(ctx: CoreContext) {
  const docs = createDocumentService(ctx);
  const queries = createDocumentQueries(ctx);
  const instructions = createInstructionTasks(ctx);
  return {
    'documents:list': (q) => createDocumentsRepository(ctx.db).list(q),
    'documents:get': ({ id }) => docs.get(id),
    'documents:save': (input) => docs.save(input),
    'documents:delete': ({ id }) => docs.remove(id),
    'documents:search': ({ keyword, limit }) => queries.search(keyword, limit),
    'documents:attach': ({ documentId, fileName, bytes }) => docs.attach(documentId, fileName, bytes),
    'documents:file': ({ fileId }) => docs.file(fileId),
    'documents:detach': ({ fileId }) => (docs.detach(fileId), { ok: true as const }),
    'documents:open-instructions': () => queries.openInstructions(),
    'instructions:to-task': (input) => instructions.toTask(input),
    'instructions:source': ({ instructionId }) => instructions.source(instructionId),
  } satisfies HandlersFor<typeof documentChannels>;
}
