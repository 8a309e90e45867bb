import { defineChannels } from '../define';
import { FileOutSchema } from '../schemas/periods';
import { EvaluationQuerySchema, EvaluationTableSchema, EvaluationTrendQuerySchema, EvaluationTrendSchema } from '../schemas/evaluation';

/** 考评: units over a range of periods (报送, lights, overdue, extensions, 催办), scored and ranked, 红黄榜, trends. Weights are saved with `settings:set`. */
export const evaluationChannels = defineChannels({
  /** The ranked table, best first, with each unit's 红榜 / 黄榜 mark. */
  'evaluation:table': { input: EvaluationQuerySchema, output: EvaluationTableSchema },
  /** Average reported progress and light counts per period, for a plan or a unit. */
  'evaluation:trend': { input: EvaluationTrendQuerySchema, output: EvaluationTrendSchema },
  /** The table and the 红黄榜 as a styled workbook (sheets 考评 and 红黄榜). */
  'evaluation:export': { input: EvaluationQuerySchema, output: FileOutSchema },
});
