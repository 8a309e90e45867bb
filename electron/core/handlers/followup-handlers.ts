import type { followupChannels } from '../../../shared/contract/channels/followup-channels';
import { AppError } from '../../../shared/contract/errors';
import type { CoreContext } from '../context';
import type { HandlersFor } from '../dispatch';
import { officeName } from '../exchange/doc-format';
import { createClosureService, getClosure, listEvidence } from '../followup/closures';
import { extensionTally, listExtensions } from '../followup/extension-store';
import { createExtensionService } from '../followup/extensions';
import { exportUrges } from '../followup/urge-export';
import { createUrgeService, listUrges } from '../followup/urges';

/** 督办 follow-up: 延期申请, 办结销号, 催办. */
export function createFollowupHandlers(ctx: CoreContext) {
  const extensions = createExtensionService(ctx);
  const closures = createClosureService(ctx);
  const urges = createUrgeService(ctx);
  return {
    'extensions:request': (input) => extensions.request(input),
    'extensions:decide': (input) => extensions.decide(input),
    'extensions:list': (q) => extensions.list(q),
    'closures:request': (input) => closures.request(input),
    'closures:attach': ({ itemId, fileName, bytes }) => closures.attach(itemId, fileName, bytes),
    'closures:file': ({ fileId }) => closures.file(fileId),
    'closures:detach': ({ fileId }) => (closures.detach(fileId), { ok: true as const }),
    'closures:confirm': ({ itemId }) => closures.confirm(itemId),
    'closures:reopen': ({ itemId, reason }) => closures.reopen(itemId, reason),
    'urges:create': (input) => urges.create(input),
    'urges:list': (q) => urges.list(q),
    'urges:export': async (q) => {
      const list = listUrges(ctx.db, q).reverse();
      if (!list.length) throw new AppError('not_found', '没有可导出的催办单');
      return exportUrges(list, officeName(ctx.db), ctx.now());
    },
    'followup:item': ({ itemId }) => {
      const tally = extensionTally(ctx.db, itemId);
      return {
        extensions: listExtensions(ctx.db, { itemId }),
        extensionCount: tally.count,
        originalDeadline: tally.originalText,
        closure: getClosure(ctx.db, itemId),
        evidence: listEvidence(ctx.db, itemId),
        urges: listUrges(ctx.db, { itemId }),
      };
    },
  } satisfies HandlersFor<typeof followupChannels>;
}
