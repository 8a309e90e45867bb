import type { periodChannels } from '../../../shared/contract/channels/period-channels';
import { localDate, type CoreContext } from '../context';
import type { HandlersFor } from '../dispatch';
import { officeName } from '../exchange/doc-format';
import { exportMissing } from '../exchange/missing-export';
import { missingReport } from '../exchange/missing';
import { exportSummary } from '../exchange/summary-export';
import { summaryRows } from '../exchange/summary-rows';
import { takeLightSnapshot } from '../lights/snapshot';
import { createPeriodsRepository } from '../repositories/periods-repository';

/** 调度期次, 催报 and 汇总表. */
export function createPeriodHandlers(ctx: CoreContext) {
  const periods = () => createPeriodsRepository(ctx.db);
  return {
    'periods:list': () => periods().list(),
    'periods:open': (p) => periods().get(periods().insert(p, ctx.now().toISOString())),
    'periods:close': ({ id, reopen }) => {
      // Closing a period fixes its lights: the snapshot later periods are compared with.
      ctx.db.transaction(() => {
        periods().setClosed(id, !reopen);
        if (!reopen) takeLightSnapshot(ctx.db, id, localDate(ctx.now()));
      })();
      return periods().get(id);
    },
    'periods:missing': ({ periodId, today }) => missingReport(ctx.db, periodId, today ?? localDate(ctx.now())),
    'periods:missing-export': ({ periodId, today }) =>
      exportMissing(missingReport(ctx.db, periodId, today ?? localDate(ctx.now())), officeName(ctx.db), ctx.now()),
    'periods:summary': (q) => summaryRows(ctx.db, q, localDate(ctx.now())),
    'periods:summary-export': (q) => exportSummary(ctx.db, q, ctx.now()),
  } satisfies HandlersFor<typeof periodChannels>;
}
