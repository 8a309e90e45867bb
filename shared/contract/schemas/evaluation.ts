import { z } from 'zod';
import { IdSchema } from './common';
import { ITEM_KINDS } from './items';

/**
 * 考评 weights and list rules, kept in the settings (`evaluationWeights`).
 * score = base + onTime × 按时报送率 + green × 绿灯占比 − overdue × 逾期事项 − extension × 获批延期 − urge × 被催办,
 * clamped to 0–100.
 */
export const EvaluationWeightsSchema = z.object({
  /** 基础分 every unit starts from. */
  base: z.number().min(0).max(100),
  /** Points for a 100 % on-time reporting rate (scaled by the rate). */
  onTime: z.number().min(0).max(100),
  /** Points for all lights green (scaled by the green share). */
  green: z.number().min(0).max(100),
  /** Points taken per overdue item. */
  overdue: z.number().min(0).max(100),
  /** Points taken per approved extension. */
  extension: z.number().min(0).max(100),
  /** Points taken per 催办. */
  urge: z.number().min(0).max(100),
  /** 红榜: the top N by score (ties included), 0 = no limit … */
  commendTopN: z.number().int().min(0).max(100),
  /** … and only with at least this score. */
  commendMinScore: z.number().min(0).max(100),
  /** 黄榜: the bottom N by score (ties included), 0 = none … */
  criticiseBottomN: z.number().int().min(0).max(100),
  /** … or a score below this (0 = off) … */
  criticiseBelowScore: z.number().min(0).max(100),
  /** … or more than this many red lights (灯次) in the range (0 = off). */
  criticiseRedLights: z.number().int().min(0).max(1000),
});
export type EvaluationWeights = z.infer<typeof EvaluationWeightsSchema>;

export const DEFAULT_EVALUATION_WEIGHTS: EvaluationWeights = {
  base: 30,
  onTime: 40,
  green: 30,
  overdue: 2,
  extension: 1,
  urge: 2,
  commendTopN: 3,
  commendMinScore: 75,
  criticiseBottomN: 3,
  criticiseBelowScore: 60,
  criticiseRedLights: 5,
};

/** What 考评 looks at: a range of periods (either order), optionally one plan and one item kind. */
export const EvaluationQuerySchema = z.object({
  fromPeriodId: IdSchema,
  toPeriodId: IdSchema,
  planId: IdSchema.optional(),
  kind: z.enum(ITEM_KINDS).optional(),
  /** Weights to try without saving them; the saved ones otherwise. */
  weights: EvaluationWeightsSchema.optional(),
});
export type EvaluationQuery = z.infer<typeof EvaluationQuerySchema>;

export const EvaluationPeriodSchema = z.object({
  id: IdSchema,
  name: z.string(),
  closed: z.boolean(),
  /** Where its lights come from: the snapshot taken at closing, the kept (current) lights, or judged as of its end. */
  lightSource: z.enum(['snapshot', 'kept', 'judged']),
});
export type EvaluationPeriod = z.infer<typeof EvaluationPeriodSchema>;

export const EvaluationRowSchema = z.object({
  unitId: IdSchema,
  unitName: z.string(),
  /** 1 + the number of units with a higher score (ties share a rank). */
  rank: z.number().int(),
  /** 应报次数: periods the unit was asked to report in and whose due date has passed (or it reported). */
  expected: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  missing: z.number().int(),
  /** 按时报送率, percent (one decimal); null when never asked. */
  onTimeRate: z.number().nullable(),
  red: z.number().int(),
  yellow: z.number().int(),
  green: z.number().int(),
  /** 绿灯占比, percent; null without lights. */
  greenShare: z.number().nullable(),
  overdueItems: z.number().int(),
  extensionsRequested: z.number().int(),
  extensionsApproved: z.number().int(),
  urged: z.number().int(),
  score: z.number(),
  /** 红榜 / 黄榜 / neither. */
  list: z.enum(['commend', 'criticise']).nullable(),
  /** Why on 黄榜 (排名靠后, 得分低于 60, 红灯 4 个). */
  listReasons: z.array(z.string()),
});
export type EvaluationRow = z.infer<typeof EvaluationRowSchema>;

export const EvaluationTableSchema = z.object({
  periods: z.array(EvaluationPeriodSchema),
  /** The date overdue items are counted at: the last period's end, or today when earlier. */
  asOf: z.string(),
  scope: z.string(),
  weights: EvaluationWeightsSchema,
  /** Ranked, best first. */
  rows: z.array(EvaluationRowSchema),
});
export type EvaluationTable = z.infer<typeof EvaluationTableSchema>;

export const EvaluationTrendQuerySchema = z.object({
  fromPeriodId: IdSchema,
  toPeriodId: IdSchema,
  planId: IdSchema.optional(),
  unitId: IdSchema.optional(),
});
export type EvaluationTrendQuery = z.infer<typeof EvaluationTrendQuerySchema>;

export const EvaluationTrendSchema = z.object({
  title: z.string(),
  points: z.array(
    z.object({
      periodId: IdSchema,
      periodName: z.string(),
      /** Average reported progress (percent, one decimal) of the items reported that period; null when none. */
      progress: z.number().nullable(),
      reportedItems: z.number().int(),
      red: z.number().int(),
      yellow: z.number().int(),
      green: z.number().int(),
    }),
  ),
});
export type EvaluationTrend = z.infer<typeof EvaluationTrendSchema>;

/** The score rule in words, with the office's weights (on the page, in the export and the print). */
export function formulaText(w: EvaluationWeights): string {
  return (
    `得分 = ${w.base}（基础分）+ ${w.onTime} × 按时报送率 + ${w.green} × 绿灯占比 − ${w.overdue} × 逾期事项数` +
    ` − ${w.extension} × 获批延期次数 − ${w.urge} × 被催办次数，限 0–100 分`
  );
}
