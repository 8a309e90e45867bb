import type { counterpartChannels } from '../../../shared/contract/channels/counterpart-channels';
import { upperChain } from '../breakdown/upper-chain';
import { confirmUpperLinks, suggestUpperLinks } from '../breakdown/upper-links';
import type { CoreContext } from '../context';
import { exportCounterparts, previewBreakDown, readCounterpartFile, saveCounterparts } from '../counterparts/counterpart-service';
import { listCounterparts } from '../counterparts/counterpart-store';
import { placeName } from '../counterparts/suggest-names';
import type { HandlersFor } from '../dispatch';
import { createSettingsRepository } from '../repositories/settings-repository';

/** 对口单位, the break-down preview and the upper chain. */
export function createCounterpartHandlers(ctx: CoreContext) {
  const settings = () => createSettingsRepository(ctx.db);
  const opts = () => ({ operator: settings().settings().operator, at: ctx.now().toISOString() });
  return {
    'counterparts:list': () => {
      const office = settings().office();
      return { place: placeName(office), level: office.level, rows: listCounterparts(ctx.db, office) };
    },
    'counterparts:save': ({ rows }) => saveCounterparts(ctx.db, rows, opts()),
    'counterparts:export': async () => ({ fileName: `对口单位-${placeName(settings().office())}.xlsx`, bytes: await exportCounterparts(ctx.db, settings().office()) }),
    'counterparts:import': ({ fileName, bytes }) => saveCounterparts(ctx.db, readCounterpartFile(bytes, fileName), opts(), `导入对口单位：${fileName}`),
    'items:break-down-preview': ({ upperItemIds }) => previewBreakDown(ctx.db, upperItemIds),
    'items:upper-chain': ({ id }) => upperChain(ctx.db, id),
    'upper-links:suggest': ({ lowerIds, upperIds }) => suggestUpperLinks(ctx.db, lowerIds, upperIds),
    'upper-links:confirm': ({ links }) => confirmUpperLinks(ctx.db, links, opts()),
  } satisfies HandlersFor<typeof counterpartChannels>;
}
