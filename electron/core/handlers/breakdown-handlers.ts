import type { breakdownChannels } from '../../../shared/contract/channels/breakdown-channels';
import { breakDown } from '../breakdown/break-down';
import { reportUp } from '../breakdown/report-up';
import type { CoreContext } from '../context';
import type { HandlersFor } from '../dispatch';
import { createSettingsRepository } from '../repositories/settings-repository';

/** 分解 and 上报. */
export function createBreakdownHandlers(ctx: CoreContext) {
  const operator = () => createSettingsRepository(ctx.db).settings().operator;
  return {
    'items:break-down': (input) => breakDown(ctx.db, input, { operator: operator(), at: ctx.now().toISOString() }),
    'reportup:fill': ({ fileName, bytes }) => reportUp(ctx.db, fileName, bytes),
  } satisfies HandlersFor<typeof breakdownChannels>;
}
