import { z } from 'zod';
import { IdSchema } from './common';

/** One 对口单位 row: an upper unit and this office's unit that answers for it. */
export const CounterpartSchema = z.object({
  upperName: z.string(),
  /** The upper unit in the directory, when it is there. */
  upperUnitId: IdSchema.nullable(),
  /** This office's unit (kept or suggested); null when there is none. */
  localName: z.string().nullable(),
  localUnitId: IdSchema.nullable(),
  /** kept: the user's confirmed row; rule / directory: a suggestion; none: no counterpart found. */
  how: z.enum(['kept', 'rule', 'directory', 'none']),
  confirmed: z.boolean(),
  /** Upper items naming this unit. */
  items: z.number().int(),
  /** Why no counterpart was suggested. */
  reason: z.string(),
});
export type Counterpart = z.infer<typeof CounterpartSchema>;

export const CounterpartListSchema = z.object({
  /** The place the suggestions use (汨罗市) and the office's level. */
  place: z.string(),
  level: z.string(),
  rows: z.array(CounterpartSchema),
});

export const CounterpartSaveSchema = z.object({
  rows: z
    .array(
      z.object({
        upperName: z.string().trim().min(1, '上级单位不能为空').max(100),
        /** Empty or null: the upper unit has no counterpart here (kept as such). */
        localName: z.string().trim().max(100).nullable(),
      }),
    )
    .min(1, '请至少确认一行')
    .max(5000),
});
export const CounterpartSaveResultSchema = z.object({ batchId: IdSchema.nullable(), saved: z.number().int(), createdUnits: z.number().int(), message: z.string() });

export const CounterpartFileSchema = z.object({
  fileName: z.string().trim().min(1).max(300),
  bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= 10 * 1024 * 1024, '文件超过 10 MB'),
});

/** Before 分解: which upper units the map covers and which it does not. */
export const BreakDownPreviewSchema = z.object({
  items: z.number().int(),
  mapped: z.array(z.object({ upperName: z.string(), localName: z.string(), items: z.number().int() })),
  unmapped: z.array(z.object({ upperName: z.string(), items: z.number().int() })),
});
export type BreakDownPreview = z.infer<typeof BreakDownPreviewSchema>;

const ChainTargetSchema = z.object({ label: z.string(), display: z.string() });
/** One step of an item's upper chain (省 → 市州 → 本级), top first; the last is the item itself. */
export const UpperChainStepSchema = z.object({
  itemId: IdSchema,
  code: z.string(),
  title: z.string(),
  /** The office whose plan holds it (省政府办公厅 …); 本级 for the item itself. */
  office: z.string(),
  lead: z.string(),
  resp: z.string(),
  coop: z.string(),
  deadlineText: z.string(),
  /** Its own targets. */
  targets: z.array(ChainTargetSchema),
});
export const UpperChainSchema = z.object({
  steps: z.array(UpperChainStepSchema),
  /** The item's targets kept as the upper's when it was broken down. */
  upperTargets: z.array(ChainTargetSchema),
});
export type UpperChain = z.infer<typeof UpperChainSchema>;

/** Linking a second upper source (市州) to the first (省). */
export const UpperLinkSuggestSchema = z.object({
  /** The prefecture's items (imported as upper items). */
  lowerIds: z.array(IdSchema).min(1).max(20000),
  /** The province's items they may localise. */
  upperIds: z.array(IdSchema).min(1).max(20000),
});
export const UpperLinkSchema = z.object({ itemId: IdSchema, upperItemId: IdSchema, how: z.enum(['uid', 'text']) });
export const UpperLinkSuggestionSchema = UpperLinkSchema.extend({ score: z.number() });
export const UpperLinkConfirmSchema = z.object({ links: z.array(UpperLinkSchema).min(1, '请至少确认一项关联').max(20000) });
export const UpperLinkResultSchema = z.object({ batchId: IdSchema, linked: z.number().int(), message: z.string() });
