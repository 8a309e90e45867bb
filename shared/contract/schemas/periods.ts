import { z } from 'zod';
import { IdSchema, IsoDateSchema } from './common';

export const PERIOD_KINDS = ['双周', '月', '季'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** 调度期次 with how many units were sent a template and how many have reported. */
export const PeriodSchema = z.object({
  id: IdSchema,
  name: z.string(),
  kind: z.enum(PERIOD_KINDS),
  startDate: z.string(),
  endDate: z.string(),
  dueDate: z.string(),
  closed: z.boolean(),
  createdAt: z.string(),
  /** Units sent a fill-in template for this period. */
  issuedUnits: z.number().int(),
  /** Units with at least one report this period. */
  reportedUnits: z.number().int(),
});
export type Period = z.infer<typeof PeriodSchema>;

/** Opens a period: 2025年第5期, 双周, 2025-06-16 … 2025-06-29, due 2025-06-30. */
export const PeriodOpenSchema = z
  .object({
    name: z.string().trim().min(1, '请填写期次名称，如 2025年第5期').max(50, '期次名称不能超过 50 字'),
    kind: z.enum(PERIOD_KINDS),
    start: IsoDateSchema,
    end: IsoDateSchema,
    due: IsoDateSchema,
  })
  .refine((p) => p.start <= p.end, { message: '开始日期不能晚于结束日期', path: ['end'] })
  .refine((p) => p.due >= p.start, { message: '报送截止日期不能早于开始日期', path: ['due'] });

/** Closes a period (or reopens it with `reopen`). */
export const PeriodCloseSchema = z.object({ id: IdSchema, reopen: z.boolean().default(false) });

export const MissingQuerySchema = z.object({
  periodId: IdSchema,
  /** "Today" for days late; defaults to the real date. */
  today: IsoDateSchema.optional(),
});

/** 催报: one unit that owes this period's report. */
export const MissingUnitSchema = z.object({
  unitId: IdSchema,
  unitName: z.string(),
  contact: z.string(),
  phone: z.string(),
  /** not_returned: sent a template, no report; partial: some rows reported; not_issued: has items, no template sent. */
  state: z.enum(['not_returned', 'partial', 'not_issued']),
  issuedAt: z.string().nullable(),
  /** Rows in the template sent (0 when none was sent). */
  issuedRows: z.number().int(),
  reportedRows: z.number().int(),
  /** Items where the unit leads or is responsible. */
  itemCount: z.number().int(),
  /** Days past the due date (0 when not yet due). */
  daysLate: z.number().int(),
});
export type MissingUnit = z.infer<typeof MissingUnitSchema>;

export const MissingReportSchema = z.object({
  period: PeriodSchema,
  today: z.string(),
  daysPastDue: z.number().int(),
  counts: z.object({ issued: z.number().int(), returned: z.number().int(), notReturned: z.number().int(), partial: z.number().int(), notIssued: z.number().int() }),
  units: z.array(MissingUnitSchema),
});
export type MissingReport = z.infer<typeof MissingReportSchema>;

/** A workbook made by the core: a suggested file name and its bytes. */
export const FileOutSchema = z.object({ fileName: z.string(), bytes: z.instanceof(Uint8Array) });
export type FileOut = z.infer<typeof FileOutSchema>;

/** The 汇总表 export takes the same filters as the page (one query feeds both). */
export { SummaryQuerySchema as SummaryExportSchema } from './summary';
