import type { bulkChannels } from '../../../shared/contract/channels/bulk-channels';
import { bulkEdit } from '../bulk/bulk-edit';
import { localDate, type CoreContext } from '../context';
import type { HandlersFor } from '../dispatch';
import { createSettingsRepository } from '../repositories/settings-repository';

/** Bulk edits of list rows. */
export function createBulkHandlers(ctx: CoreContext) {
  return {
    'items:bulk-edit': (input) =>
      bulkEdit(ctx.db, input, { operator: createSettingsRepository(ctx.db).settings().operator, at: ctx.now().toISOString(), today: localDate(ctx.now()) }),
  } satisfies HandlersFor<typeof bulkChannels>;
}
