import { z } from 'zod';
import { IdSchema } from './common';
import { ITEM_KINDS } from './items';
import { LIGHT_LEVELS, LightChangeSchema, LightCountsSchema } from './lights';

export const DashboardQuerySchema = z.object({
  /** The period for reporting rate and changes; default the current (latest open) period. */
  periodId: IdSchema.optional(),
  /** The list the charts and tables are about; default 任务. */
  kind: z.enum(ITEM_KINDS).default('task'),
  /** Rows in the overdue and due-soon tables. */
  top: z.number().int().min(1).max(100).default(10),
});

/** A bar of a chart: a plan or a lead unit with its items per light. */
export const DashboardGroupSchema = LightCountsSchema.extend({ id: IdSchema.nullable(), name: z.string(), total: z.number().int() });
export type DashboardGroup = z.infer<typeof DashboardGroupSchema>;

/** A row of the overdue / due-soon tables. */
export const DashboardItemSchema = z.object({
  id: IdSchema,
  code: z.string(),
  title: z.string(),
  lead: z.string(),
  deadlineText: z.string(),
  deadlineDate: z.string(),
  /** Days overdue (overdue list) or days left (due-soon list). */
  days: z.number().int(),
  progress: z.number(),
  level: z.enum(LIGHT_LEVELS),
  /** ●红 */
  light: z.string(),
  reason: z.string(),
});
export type DashboardItem = z.infer<typeof DashboardItemSchema>;

export const ReportingRateSchema = z.object({
  /** issued: units sent a template; assigned: no templates yet, units leading or responsible for items. */
  basis: z.enum(['issued', 'assigned']),
  expected: z.number().int(),
  reported: z.number().int(),
  /** 0–1; null when nobody is expected. */
  rate: z.number().nullable(),
  /** First units still owing the report. */
  missing: z.array(z.string()),
});

export const DashboardSchema = z.object({
  today: z.string(),
  scheme: z.string(),
  kind: z.enum(ITEM_KINDS),
  counts: z.record(z.enum(ITEM_KINDS), z.number().int()),
  lights: LightCountsSchema,
  byPlan: z.array(DashboardGroupSchema),
  byUnit: z.array(DashboardGroupSchema),
  /** Items of the kind with no 牵头 unit (按职责分工负责 lists): not in byUnit. */
  withoutLead: z.number().int(),
  overdue: z.object({ total: z.number().int(), rows: z.array(DashboardItemSchema) }),
  dueSoon: z.object({ total: z.number().int(), days: z.number().int(), until: z.string(), rows: z.array(DashboardItemSchema) }),
  period: z.object({ id: IdSchema, name: z.string(), dueDate: z.string(), closed: z.boolean() }).nullable(),
  reporting: ReportingRateSchema.nullable(),
  changes: z
    .object({
      previous: z.string().nullable(),
      improved: z.number().int(),
      worsened: z.number().int(),
      unchanged: z.number().int(),
      improvedItems: z.array(LightChangeSchema),
      worsenedItems: z.array(LightChangeSchema),
    })
    .nullable(),
});
export type Dashboard = z.infer<typeof DashboardSchema>;
