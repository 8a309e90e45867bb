import { z } from 'zod';
import { defineChannels } from '../define';
import { IdSchema, OkSchema } from '../schemas/common';
import {
  AttachSchema,
  DocumentFileSchema,
  DocumentHitSchema,
  DocumentPageSchema,
  DocumentQuerySchema,
  DocumentSaveSchema,
  DocumentSchema,
  InstructionSourceSchema,
  InstructionToTaskSchema,
  OpenInstructionsSchema,
} from '../schemas/documents';
import { ItemSchema } from '../schemas/items';

/** 来文批示: incoming documents, their leader instructions, attachments, and instruction → task. */
export const documentChannels = defineChannels({
  'documents:list': { input: DocumentQuerySchema, output: DocumentPageSchema },
  'documents:get': { input: z.object({ id: IdSchema }), output: DocumentSchema },
  'documents:save': { input: DocumentSaveSchema, output: DocumentSchema },
  'documents:delete': { input: z.object({ id: IdSchema }), output: z.object({ deleted: z.number().int(), tasksKept: z.number().int() }) },
  'documents:search': { input: z.object({ keyword: z.string().trim().min(1, '请输入关键词').max(100), limit: z.number().int().min(1).max(1000).default(100) }), output: z.array(DocumentHitSchema) },
  'documents:attach': { input: AttachSchema, output: DocumentFileSchema },
  'documents:file': { input: z.object({ fileId: IdSchema }), output: z.object({ fileName: z.string(), mime: z.string(), bytes: z.instanceof(Uint8Array) }) },
  'documents:detach': { input: z.object({ fileId: IdSchema }), output: OkSchema },
  'documents:open-instructions': { input: z.object({}).strict(), output: z.array(OpenInstructionsSchema) },
  'instructions:to-task': { input: InstructionToTaskSchema, output: ItemSchema },
  'instructions:source': { input: z.object({ instructionId: IdSchema }), output: InstructionSourceSchema },
});
