import { defineChannels } from '../define';
import { BreakDownResultSchema, BreakDownSchema, ReportUpFillSchema, ReportUpResultSchema } from '../schemas/breakdown';

/** 分解 and 上报: local items from upper ones, and the upper office's template filled from local data. */
export const breakdownChannels = defineChannels({
  /** Creates linked local items from upper items, as one undoable batch. */
  'items:break-down': { input: BreakDownSchema, output: BreakDownResultSchema },
  /** Fills the upper office's template for a period from local data; answers the filled workbook. */
  'reportup:fill': { input: ReportUpFillSchema, output: ReportUpResultSchema },
});
