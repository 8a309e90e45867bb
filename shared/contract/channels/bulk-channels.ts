import { defineChannels } from '../define';
import { BulkEditResultSchema, BulkEditSchema } from '../schemas/bulk';

/** Bulk edits of list rows (chosen ids or the whole filtered list), one undoable batch each. */
export const bulkChannels = defineChannels({
  'items:bulk-edit': { input: BulkEditSchema, output: BulkEditResultSchema },
});
