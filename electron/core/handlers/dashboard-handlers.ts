import type { dashboardChannels } from '../../../shared/contract/channels/dashboard-channels';
import { localDate, type CoreContext } from '../context';
import { getDashboard } from '../dashboard/dashboard';
import type { HandlersFor } from '../dispatch';

/** 概览. */
export function createDashboardHandlers(ctx: CoreContext) {
  return {
    'dashboard:get': (q) => getDashboard(ctx.db, q, localDate(ctx.now())),
  } satisfies HandlersFor<typeof dashboardChannels>;
}
