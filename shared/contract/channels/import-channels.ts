import { z } from 'zod';
import { defineChannels } from '../define';
import { IdSchema } from '../schemas/common';
import {
  BatchSchema,
  ImportApplyResultSchema,
  ImportApplySchema,
  ImportPreviewSchema,
  ImportProgressSchema,
  ImportRequestSchema,
} from '../schemas/imports';

/** Importing files and pasted plan text: preview, apply (one batch), batches, undo, progress. */
export const importChannels = defineChannels({
  /** Reads the files / text (off the main thread) and compares with the database; writes nothing. */
  'imports:preview': { input: ImportRequestSchema, output: ImportPreviewSchema },
  /** Reads again, recomputes the preview and applies it in one transaction = one batch. */
  'imports:apply': { input: ImportApplySchema, output: ImportApplyResultSchema },
  'imports:batches': { input: z.object({}).strict(), output: z.array(BatchSchema) },
  'imports:undo': { input: z.object({ batchId: IdSchema }), output: BatchSchema },
  /** Where the preview or apply running under `jobId` is. */
  'imports:progress': { input: z.object({ jobId: z.string().regex(/^[\w-]{1,64}$/) }), output: ImportProgressSchema },
  /** Forgets the column mapping remembered for a layout (the next file is detected afresh). */
  'imports:forget-mapping': { input: z.object({ layoutKey: z.string().max(64) }), output: z.object({ forgotten: z.boolean() }) },
});
