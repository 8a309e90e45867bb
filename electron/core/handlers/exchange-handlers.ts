import type { exchangeChannels } from '../../../shared/contract/channels/exchange-channels';
import { localDate, type CoreContext } from '../context';
import type { HandlersFor } from '../dispatch';
import { itemReports } from '../exchange/item-reports';
import { exportList } from '../exchange/list-export';
import { applyReturns } from '../exchange/returns-apply';
import { planReturns } from '../exchange/returns-preview';
import { issueTemplates } from '../exchange/template-issue';
import { templateCounts } from '../exchange/template-rows';
import { createSettingsRepository } from '../repositories/settings-repository';

/** Styled list export, fill-in templates and returned templates. */
export function createExchangeHandlers(ctx: CoreContext) {
  return {
    'export:list': (input) => exportList(ctx, input),
    'templates:counts': ({ includeCoop }) => templateCounts(ctx.db, includeCoop),
    'templates:issue': (input) => issueTemplates(ctx, input),
    'returns:preview': async ({ files, periodId }) => (await planReturns(ctx.db, files, periodId, {}, localDate(ctx.now()))).preview,
    'reports:item': ({ itemId }) => itemReports(ctx.db, itemId),
    'returns:apply': ({ files, periodId, decisions }) =>
      applyReturns(ctx.db, files, { periodId, decisions, operator: createSettingsRepository(ctx.db).settings().operator, at: ctx.now().toISOString() }),
  } satisfies HandlersFor<typeof exchangeChannels>;
}
