import type { evaluationChannels } from '../../../shared/contract/channels/evaluation-channels';
import { localDate, type CoreContext } from '../context';
import type { HandlersFor } from '../dispatch';
import { officeName } from '../exchange/doc-format';
import { exportEvaluation } from '../evaluation/export';
import { evaluationTable } from '../evaluation/table';
import { evaluationTrend } from '../evaluation/trend';

/** 考评. */
export function createEvaluationHandlers(ctx: CoreContext) {
  const today = () => localDate(ctx.now());
  return {
    'evaluation:table': (q) => evaluationTable(ctx.db, q, today()),
    'evaluation:trend': (q) => evaluationTrend(ctx.db, q, today()),
    'evaluation:export': async (q) => exportEvaluation(evaluationTable(ctx.db, q, today()), officeName(ctx.db), ctx.now()),
  } satisfies HandlersFor<typeof evaluationChannels>;
}
