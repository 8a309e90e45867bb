import { z } from 'zod';
import { IdSchema } from './common';
import { ITEM_KINDS } from './items';

/** 分解: local items made from upper items, linked to them. */
export const BreakDownSchema = z.object({
  upperItemIds: z.array(IdSchema).min(1, '请至少选择一个上级条目').max(10000),
  /** The local list the new items go to; default the upper item's own kind. */
  kind: z.enum(ITEM_KINDS).optional(),
  /** Skip upper items that already have local items (so breaking down twice adds nothing). */
  skipExisting: z.boolean().default(true),
  /** Put this office's 对口单位 in place of the upper units (default yes). */
  applyCounterparts: z.boolean().default(true),
});

export const BreakDownResultSchema = z.object({
  batchId: IdSchema.nullable(),
  created: z.number().int(),
  /** Upper items skipped because they already have local items. */
  skipped: z.number().int(),
  items: z.array(z.object({ upperId: IdSchema, id: IdSchema, code: z.string(), title: z.string() })),
});
export type BreakDownResult = z.infer<typeof BreakDownResultSchema>;

const MAX_TEMPLATE_BYTES = 30 * 1024 * 1024;

/** 上报: the upper office's template for a period, to be filled from local data. */
export const ReportUpFillSchema = z.object({
  fileName: z.string().trim().min(1).max(300),
  bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_TEMPLATE_BYTES, '文件超过 30 MB'),
});

export const ReportUpRowSchema = z.object({
  sheet: z.string(),
  row: z.number().int(),
  code: z.string(),
  title: z.string(),
  /** How the row found its local item; null when it did not. */
  matchedBy: z.enum(['upper_uid', 'upper_code', 'title']).nullable(),
  itemId: IdSchema.nullable(),
  /** report: the linked item's own latest report; rollup: summed up from its local sub-items. */
  source: z.enum(['report', 'item', 'rollup']).nullable(),
  filled: z.array(z.string()),
});

export const ReportUpResultSchema = z.object({
  fileName: z.string(),
  bytes: z.instanceof(Uint8Array),
  period: z.string(),
  unit: z.string(),
  senderOffice: z.string(),
  counts: z.object({ rows: z.number().int(), filled: z.number().int(), rolledUp: z.number().int(), unmatched: z.number().int() }),
  rows: z.array(ReportUpRowSchema),
  /** What could not be filled, with sheet and row. */
  problems: z.array(z.string()),
});
export type ReportUpResult = z.infer<typeof ReportUpResultSchema>;
