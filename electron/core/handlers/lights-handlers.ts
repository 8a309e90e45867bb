import type { lightsChannels } from '../../../shared/contract/channels/lights-channels';
import { createSettingsRepository } from '../repositories/settings-repository';
import { localDate, type CoreContext } from '../context';
import type { HandlersFor } from '../dispatch';
import { judgeItems, toItemLight } from '../lights/lights';
import { compareLights, takeLightSnapshot } from '../lights/snapshot';
import { targetProgress } from '../targets/target-progress';

/** Lights, snapshots and target progress. */
export function createLightsHandlers(ctx: CoreContext) {
  const today = () => localDate(ctx.now());
  const scheme = () => createSettingsRepository(ctx.db).settings().lightScheme;
  return {
    'lights:for-items': ({ ids }) => {
      const judged = ids.length ? judgeItems(ctx.db, { ids }, today()) : [];
      const s = scheme();
      return { scheme: s, lights: Object.fromEntries(judged.map((r) => [String(r.id), toItemLight(s, r.id, r.verdict)])) };
    },
    'lights:list': ({ kind, levels, ids }) => {
      const s = scheme();
      return judgeItems(ctx.db, { kind, ids }, today())
        .filter((r) => !levels || levels.includes(r.verdict.level))
        .map((r) => toItemLight(s, r.id, r.verdict));
    },
    'lights:snapshot': ({ periodId }) => ({ periodId, ...takeLightSnapshot(ctx.db, periodId, today()) }),
    'lights:compare': ({ periodId }) => compareLights(ctx.db, periodId, today()),
    'targets:progress': ({ itemId }) => targetProgress(ctx.db, itemId),
  } satisfies HandlersFor<typeof lightsChannels>;
}
