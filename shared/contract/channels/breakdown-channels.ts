import { defineChannels } from '../define';
import { BreakDownResultSchema, BreakDownSchema } from '../schemas/breakdown';

/** 分解 and 上报: local items from upper ones, and the upper office's template filled from local data. */
export const breakdownChannels = defineChannels({
  /** Creates linked local items from upper items, as one undoable batch. */
  'items:break-down': { input: BreakDownSchema, output: BreakDownResultSchema },
});
