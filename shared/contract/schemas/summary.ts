import { z } from 'zod';
import { IdSchema } from './common';
import { ITEM_KINDS, ITEM_STATUSES } from './items';
import { LIGHT_LEVELS } from './lights';

/** Which rows of a period's 汇总表: the view and the export take the same filters. */
export const SummaryQuerySchema = z.object({
  periodId: IdSchema,
  /** Only one list (任务/项目/政策/指标); all kinds when absent. */
  kind: z.enum(ITEM_KINDS).optional(),
  /** Items this unit reported on this period or answers for (牵头/负责/配合). */
  unitId: IdSchema.optional(),
  levels: z.array(z.enum(LIGHT_LEVELS)).max(4).optional(),
  statuses: z.array(z.enum(ITEM_STATUSES)).max(4).optional(),
  /** Words in 编号, 名称, 内容, units or the reported texts. */
  keyword: z.string().trim().max(100).optional(),
  /** A page of the filtered rows (the view fetches pages as it scrolls); every row when absent (the export). */
  offset: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(1000).optional(),
});
export type SummaryQuery = z.infer<typeof SummaryQuerySchema>;

/** One item of the 汇总表 with its light, deadline and what was reported this period. */
export const SummaryRowSchema = z.object({
  id: IdSchema,
  uid: z.string(),
  kind: z.enum(ITEM_KINDS),
  code: z.string(),
  plan: z.string(),
  title: z.string(),
  lead: z.string(),
  deadlineText: z.string(),
  deadlineDate: z.string().nullable(),
  light: z.object({
    level: z.enum(LIGHT_LEVELS),
    /** Colour word under the office's scheme: 红. */
    color: z.string(),
    /** Symbol and word: ●红 (never colour alone). */
    text: z.string(),
    /** Mantine colour name for the chip. */
    mantine: z.string(),
    reason: z.string(),
  }),
  /** Units that reported on the item this period (empty: 未填报). */
  units: z.array(z.string()),
  status: z.enum(ITEM_STATUSES),
  ratio: z.number().nullable(),
  progress: z.string(),
  problems: z.string(),
  next: z.string(),
});
export type SummaryRow = z.infer<typeof SummaryRowSchema>;

export const SummaryResultSchema = z.object({
  periodName: z.string(),
  /** The office's light scheme (红黄绿 …), for the filter's labels. */
  scheme: z.string(),
  /** Lights judged as of this day (the period's end, or today while it runs), or the period's snapshot. */
  lightsAsOf: z.string(),
  lightSource: z.enum(['snapshot', 'judged']),
  /** Items the period concerns before filtering, and how many of them were reported. */
  total: z.number().int(),
  reported: z.number().int(),
  /** Rows the filters keep (all pages), and how many of them were reported. */
  matched: z.number().int(),
  matchedReported: z.number().int(),
  /** Units to filter by: those reporting or answering for an item of the period. */
  units: z.array(z.object({ id: IdSchema, name: z.string() })),
  /** The filtered rows from `offset`, at most `limit` of them. */
  rows: z.array(SummaryRowSchema),
});
export type SummaryResult = z.infer<typeof SummaryResultSchema>;
