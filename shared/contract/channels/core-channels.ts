import { z } from 'zod';
import { defineChannels } from '../define';
import { EmptySchema, IdSchema } from '../schemas/common';
import { BackupCreateSchema, BackupEntrySchema, BackupRestoreResultSchema, BackupRestoreSchema } from '../schemas/backup';
import { OfficeSchema, SettingsSchema } from '../schemas/office';
import { PlanSchema } from '../schemas/plans';
import { ITEM_KINDS } from '../schemas/items';

/** Application state the shell needs on every screen. */
export const AppInfoSchema = z.object({
  office: OfficeSchema,
  settings: SettingsSchema,
  dbPath: z.string(),
  counts: z.record(z.enum(ITEM_KINDS), z.number().int()),
  unitCount: z.number().int(),
  currentPeriod: z.object({ id: IdSchema, name: z.string(), dueDate: z.string() }).nullable(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

/** 载入示例数据: the seed's lists; with `cycle` also deadlines, two periods, returns, lights and a bulletin. */
export const DemoLoadSchema = z.object({ cycle: z.boolean().optional() }).strict();
export const DemoResultSchema = z.object({
  plans: z.number(),
  sections: z.number(),
  items: z.number(),
  units: z.number(),
  periods: z.number().optional(),
  reports: z.number().optional(),
  /** With `cycle`: a unit's return left to import (its preview shows one conflict). */
  pendingReturn: z.string().optional(),
});

/** Office, settings, plans, demo data and backups. */
export const coreChannels = defineChannels({
  'app:info': { input: EmptySchema, output: AppInfoSchema },
  'office:set': { input: OfficeSchema, output: OfficeSchema },
  'settings:set': { input: SettingsSchema.partial(), output: SettingsSchema },
  'demo:load': { input: DemoLoadSchema, output: DemoResultSchema },
  'plans:list': { input: EmptySchema, output: z.array(PlanSchema) },
  'backup:list': { input: EmptySchema, output: z.array(BackupEntrySchema) },
  'backup:create': { input: BackupCreateSchema, output: BackupEntrySchema },
  'backup:restore': { input: BackupRestoreSchema, output: BackupRestoreResultSchema },
});
