import { z } from 'zod';
import { defineChannels } from '../define';
import { IdSchema } from '../schemas/common';
import {
  BreakDownPreviewSchema,
  CounterpartFileSchema,
  CounterpartListSchema,
  CounterpartSaveResultSchema,
  CounterpartSaveSchema,
  UpperChainSchema,
  UpperLinkConfirmSchema,
  UpperLinkResultSchema,
  UpperLinkSuggestionSchema,
  UpperLinkSuggestSchema,
} from '../schemas/counterparts';

/** 对口单位 (upper units → this office's units), the preview before 分解, and an item's upper chain. */
export const counterpartChannels = defineChannels({
  /** Kept rows and suggestions for every upper unit not yet confirmed. */
  'counterparts:list': { input: z.object({}).strict(), output: CounterpartListSchema },
  /** Confirms rows (adding missing local units), one undoable batch. */
  'counterparts:save': { input: CounterpartSaveSchema, output: CounterpartSaveResultSchema },
  'counterparts:export': { input: z.object({}).strict(), output: z.object({ fileName: z.string(), bytes: z.instanceof(Uint8Array) }) },
  /** Reads a 对口单位 workbook and keeps every row, or none (bad rows named by row and column). */
  'counterparts:import': { input: CounterpartFileSchema, output: CounterpartSaveResultSchema },
  /** Before 分解: which upper units the map covers and which stay unmapped. */
  'items:break-down-preview': { input: z.object({ upperItemIds: z.array(IdSchema).min(1).max(10000) }), output: BreakDownPreviewSchema },
  /** 省 → 市州 → 本级 for an item, with its units and targets at each step. */
  'items:upper-chain': { input: z.object({ id: IdSchema }), output: UpperChainSchema },
  /** Which province item each prefecture item localises (by uid, else by text similarity), to confirm. */
  'upper-links:suggest': { input: UpperLinkSuggestSchema, output: z.array(UpperLinkSuggestionSchema) },
  /** Keeps confirmed links, one undoable batch. */
  'upper-links:confirm': { input: UpperLinkConfirmSchema, output: UpperLinkResultSchema },
});
