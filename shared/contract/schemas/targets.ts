import { z } from 'zod';
import { IdSchema } from './common';
import { COMPARATORS, ITEM_KINDS } from './items';

/** One target of an item with what was reported against it. */
export const TargetProgressRowSchema = z.object({
  label: z.string(),
  comparator: z.enum(COMPARATORS).nullable(),
  value: z.number(),
  unit: z.string(),
  /** ≥ 70万人 */
  display: z.string(),
  rawText: z.string(),
  /** Reported value in the target's unit, when one applies to this target. */
  reported: z.number().nullable(),
  reportedDisplay: z.string(),
  /** 1 = reached; null when nothing was reported. */
  ratio: z.number().nullable(),
  met: z.boolean().nullable(),
});
export type TargetProgressRow = z.infer<typeof TargetProgressRowSchema>;

/** An item's quantitative targets and its completion ratio. */
export const TargetProgressSchema = z.object({
  itemId: IdSchema,
  kind: z.enum(ITEM_KINDS),
  targets: z.array(TargetProgressRowSchema),
  /** Where the reported value came from: the latest report's 完成值, or the indicator's actual value. */
  source: z.enum(['report', 'indicator']).nullable(),
  periodName: z.string().nullable(),
  /** Ratio of the first (primary) target, which a report's 完成值 measures. */
  ratio: z.number().nullable(),
  /** One Chinese sentence: 新增城镇就业 已完成 72万人，目标 ≥ 70万人，完成 103%. */
  summary: z.string(),
});
export type TargetProgress = z.infer<typeof TargetProgressSchema>;
