import type { itemChannels } from '../../../shared/contract/channels/item-channels';
import { localDate, type CoreContext } from '../context';
import type { HandlersFor } from '../dispatch';
import { createItemsRepository } from '../repositories/items-repository';
import { createUnitsRepository } from '../repositories/units-repository';
import { createItemService } from '../services/item-service';
import { createUnitService } from '../services/unit-service';

/** The four lists and the unit directory. */
export function createItemHandlers(ctx: CoreContext) {
  const items = createItemService(ctx);
  const units = createUnitService(ctx);
  return {
    'items:list': (q) => createItemsRepository(ctx.db).list(q, q.today ?? localDate(ctx.now())),
    'items:get': ({ id }) => items.get(id),
    'items:create': (input) => items.create(input),
    'items:update': (input) => items.update(input),
    'items:delete': ({ ids }) => ({ deleted: items.remove(ids) }),
    'items:history': ({ id }) => items.history(id),
    'units:list': () => createUnitsRepository(ctx.db).list(),
    'units:create': (input) => units.create(input),
    'units:update': (input) => units.update(input),
    'units:merge': ({ sourceId, targetId }) => units.merge(sourceId, targetId),
    'units:delete': ({ id }) => (units.remove(id), { ok: true as const }),
  } satisfies HandlersFor<typeof itemChannels>;
}
