import { z } from 'zod';
import { defineChannels } from '../define';
import { EmptySchema } from '../schemas/common';
import {
  FileOutSchema, MissingQuerySchema, MissingReportSchema, PeriodCloseSchema, PeriodOpenSchema, PeriodSchema, SummaryExportSchema,
} from '../schemas/periods';
import { SummaryQuerySchema, SummaryResultSchema } from '../schemas/summary';

/** 调度期次: open and close rounds, 催报, and the period's 汇总表. */
export const periodChannels = defineChannels({
  /** Every period, newest first, with issued and reported unit counts. */
  'periods:list': { input: EmptySchema, output: z.array(PeriodSchema) },
  'periods:open': { input: PeriodOpenSchema, output: PeriodSchema },
  'periods:close': { input: PeriodCloseSchema, output: PeriodSchema },
  /** 催报: units that owe this period's report, and how late. */
  'periods:missing': { input: MissingQuerySchema, output: MissingReportSchema },
  /** The 催报 list as a styled workbook. */
  'periods:missing-export': { input: MissingQuerySchema, output: FileOutSchema },
  /** The period's 汇总表 as the page shows it: every item issued or reported, with lights and deadlines, filtered. */
  'periods:summary': { input: SummaryQuerySchema, output: SummaryResultSchema },
  /** The period's 汇总表 as a styled workbook: the same rows as `periods:summary`. */
  'periods:summary-export': { input: SummaryExportSchema, output: FileOutSchema },
});
