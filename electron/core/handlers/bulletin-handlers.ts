import type { bulletinChannels } from '../../../shared/contract/channels/bulletin-channels';
import type { CoreContext } from '../context';
import type { HandlersFor } from '../dispatch';
import { createBulletinService } from '../services/bulletin-service';

/** 调度通报 per period. */
export function createBulletinHandlers(ctx: CoreContext) {
  const bulletins = createBulletinService(ctx);
  return {
    'bulletins:periods': () => bulletins.periods(),
    'bulletins:draft': (input) => bulletins.draft(input),
    'bulletins:get': ({ periodId }) => bulletins.get(periodId),
    'bulletins:save': ({ periodId, body, lagging }) => bulletins.save(periodId, body, lagging),
  } satisfies HandlersFor<typeof bulletinChannels>;
}
