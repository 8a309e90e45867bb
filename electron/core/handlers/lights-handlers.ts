import type { lightsChannels } from '../../../shared/contract/channels/lights-channels';
import { createSettingsRepository } from '../repositories/settings-repository';
import { localDate, type CoreContext } from '../context';
import type { HandlersFor } from '../dispatch';
import { keptLevels, keptLights } from '../lights/kept-lights';
import { toItemLight } from '../lights/lights';
import { compareLights, takeLightSnapshot } from '../lights/snapshot';
import { targetProgress } from '../targets/target-progress';

/** Lights, snapshots and target progress. */
export function createLightsHandlers(ctx: CoreContext) {
  const today = () => localDate(ctx.now());
  const scheme = () => createSettingsRepository(ctx.db).settings().lightScheme;
  return {
    'lights:for-items': ({ ids }) => {
      const kept = ids.length ? keptLights(ctx.db, today(), { ids }) : [];
      const s = scheme();
      return { scheme: s, lights: Object.fromEntries(kept.map((r) => [String(r.id), toItemLight(s, r.id, r)])) };
    },
    'lights:list': (q) => {
      const s = scheme();
      const page = keptLevels(ctx.db, today(), q);
      return { total: page.total, rows: page.rows.map((r) => toItemLight(s, r.id, r)) };
    },
    'lights:snapshot': ({ periodId }) => ({ periodId, ...takeLightSnapshot(ctx.db, periodId, today()) }),
    'lights:compare': ({ periodId }) => compareLights(ctx.db, periodId, today()),
    'targets:progress': ({ itemId }) => targetProgress(ctx.db, itemId),
  } satisfies HandlersFor<typeof lightsChannels>;
}
