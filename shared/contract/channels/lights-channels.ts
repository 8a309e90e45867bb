import { z } from 'zod';
import { defineChannels } from '../define';
import { IdSchema } from '../schemas/common';
import {
  LightCompareSchema,
  LightsForItemsResultSchema,
  LightsForItemsSchema,
  LightsListSchema,
  LightsPageSchema,
  SnapshotResultSchema,
} from '../schemas/lights';
import { TargetProgressSchema } from '../schemas/targets';

const ByPeriod = z.object({ periodId: IdSchema });

/** Lights (亮灯), their per-period snapshots, and quantitative target progress. */
export const lightsChannels = defineChannels({
  /** Lights of the rows a list shows: id → light, so list pages add chips without changing items:list. */
  'lights:for-items': { input: LightsForItemsSchema, output: LightsForItemsResultSchema },
  /** A page of a kind's items with their lights, by item id, optionally only some levels, and the total. */
  'lights:list': { input: LightsListSchema, output: LightsPageSchema },
  /** Takes or refreshes a period's light snapshot. */
  'lights:snapshot': { input: ByPeriod, output: SnapshotResultSchema },
  /** A period's lights against the previous period's snapshot: improved / worsened / unchanged. */
  'lights:compare': { input: ByPeriod, output: LightCompareSchema },
  /** An item's quantitative targets and completion ratio. */
  'targets:progress': { input: z.object({ itemId: IdSchema }), output: TargetProgressSchema },
});
