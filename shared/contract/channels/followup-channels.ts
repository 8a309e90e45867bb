import { z } from 'zod';
import { defineChannels } from '../define';
import { IdSchema, OkSchema } from '../schemas/common';
import {
  CloseRequestSchema, ClosureSchema, EvidenceAttachSchema, EvidenceFileSchema, ExtensionDecideSchema, ExtensionListSchema,
  ExtensionRequestSchema, ExtensionSchema, ItemFollowupSchema, ReopenSchema, UrgeCreateSchema, UrgeListSchema, UrgeSchema,
} from '../schemas/followup';

const ByItem = z.object({ itemId: IdSchema });

/** 督办 follow-up: 延期申请 and decisions, 办结销号 with evidence, 催办. */
export const followupChannels = defineChannels({
  'extensions:request': { input: ExtensionRequestSchema, output: ExtensionSchema },
  'extensions:decide': { input: ExtensionDecideSchema, output: ExtensionSchema },
  'extensions:list': { input: ExtensionListSchema, output: z.array(ExtensionSchema) },
  'closures:request': { input: CloseRequestSchema, output: ClosureSchema },
  'closures:attach': { input: EvidenceAttachSchema, output: EvidenceFileSchema },
  'closures:file': { input: z.object({ fileId: IdSchema }), output: z.object({ fileName: z.string(), mime: z.string(), bytes: z.instanceof(Uint8Array) }) },
  'closures:detach': { input: z.object({ fileId: IdSchema }), output: OkSchema },
  'closures:confirm': { input: ByItem, output: ClosureSchema },
  'closures:reopen': { input: ReopenSchema, output: ClosureSchema },
  'urges:create': { input: UrgeCreateSchema, output: z.object({ batchId: IdSchema, urges: z.array(UrgeSchema) }) },
  'urges:list': { input: UrgeListSchema, output: z.array(UrgeSchema) },
  'urges:export': { input: UrgeListSchema, output: z.object({ fileName: z.string(), bytes: z.instanceof(Uint8Array) }) },
  'followup:item': { input: ByItem, output: ItemFollowupSchema },
});
