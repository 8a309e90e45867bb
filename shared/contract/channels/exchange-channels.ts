import { z } from 'zod';
import { defineChannels } from '../define';
import {
  ExportListSchema, ReturnsApplyResultSchema, ReturnsApplySchema, ReturnsPreviewResultSchema, ReturnsPreviewSchema,
  ItemReportsSchema, TemplateCountSchema, TemplateCountsSchema, TemplateIssueResultSchema, TemplateIssueSchema,
} from '../schemas/exchange';
import { IdSchema } from '../schemas/common';
import { FileOutSchema } from '../schemas/periods';

/** The Excel round trip: styled list export, fill-in templates out, returned templates back. */
export const exchangeChannels = defineChannels({
  /** A list as shown (filter, order, chosen columns) as a styled workbook. */
  'export:list': { input: ExportListSchema, output: FileOutSchema },
  /** Before 下发: each unit named on an item with the rows its template will hold (the same count the files get). */
  'templates:counts': { input: TemplateCountsSchema, output: z.array(TemplateCountSchema) },
  /** One fill-in template per unit for a period (bytes, or files written to outDir). */
  'templates:issue': { input: TemplateIssueSchema, output: TemplateIssueResultSchema },
  /** What returned templates would change: rows, conflicts, problems. Writes nothing. */
  'returns:preview': { input: ReturnsPreviewSchema, output: ReturnsPreviewResultSchema },
  /** An item's reports of its latest reported period, one per unit (the drawer shows them with the combining rule). */
  'reports:item': { input: z.object({ itemId: IdSchema }), output: ItemReportsSchema },
  /** Applies returned templates as one undoable batch. */
  'returns:apply': { input: ReturnsApplySchema, output: ReturnsApplyResultSchema },
});
