import { z } from 'zod';
import { IdSchema } from './common';
import { ITEM_STATUSES } from './items';

/** A period as the bulletin picker shows it, with whether a bulletin is kept for it. */
export const BulletinPeriodSchema = z.object({
  id: IdSchema,
  name: z.string(),
  kind: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  dueDate: z.string(),
  closed: z.boolean(),
  bulletinUpdatedAt: z.string().nullable(),
});
export type BulletinPeriod = z.infer<typeof BulletinPeriodSchema>;

/** A lagging item in the bulletin: who, what, why. */
export const LaggingItemSchema = z.object({
  itemId: IdSchema,
  code: z.string(),
  title: z.string(),
  units: z.string(),
  deadline: z.string(),
  progress: z.number(),
  light: z.string(),
  reason: z.string(),
});

/** The numbers the draft is written from (also what the tests check). */
export const BulletinFactsSchema = z.object({
  periodName: z.string(),
  /** 截至: the period's end, or today while the period is still running (never a future date). */
  asOf: z.string(),
  /** The period's 报送截止 date; a unit is late (未按时报送) only once today is after it. */
  dueDate: z.string(),
  duePassed: z.boolean(),
  itemCount: z.number().int(),
  byStatus: z.record(z.enum(ITEM_STATUSES), z.number().int()),
  averageProgress: z.number(),
  /** snapshot: the period's stored light snapshot; judged: the light rule applied as of the period's end. */
  lightSource: z.enum(['snapshot', 'judged']),
  lights: z.array(z.object({ light: z.string(), label: z.string(), count: z.number().int() })),
  lagging: z.array(LaggingItemSchema),
  expectedUnits: z.array(z.string()),
  missingUnits: z.array(z.string()),
  /** Units that reported only after the due date (also 未按时报送, named apart from those that sent nothing). */
  lateUnits: z.array(z.string()).default([]),
  commendedUnits: z.array(z.object({ name: z.string(), itemCount: z.number().int() })),
  /** 催办 written between the period's start and end, and the units they went to. */
  urgeCount: z.number().int(),
  urgedUnits: z.array(z.string()),
});
export type BulletinFacts = z.infer<typeof BulletinFactsSchema>;

export const BulletinDraftSchema = z.object({ periodId: IdSchema, title: z.string(), body: z.string(), facts: BulletinFactsSchema });
export type BulletinDraft = z.infer<typeof BulletinDraftSchema>;

/** Which lagging items a bulletin lists: all (both absent), the `limit` most severe, or exactly the picked ones. */
export const LaggingChoiceSchema = z.object({
  limit: z.number().int().min(0).max(1000).optional(),
  ids: z.array(IdSchema).max(5000).optional(),
});
export type LaggingChoice = z.infer<typeof LaggingChoiceSchema>;

/** The kept bulletin of a period. */
export const BulletinSchema = z.object({
  periodId: IdSchema,
  periodName: z.string(),
  title: z.string(),
  body: z.string(),
  draftedAt: z.string(),
  updatedAt: z.string(),
  /** The lagging-items choice kept with it (null: all listed, or kept before the choice existed). */
  lagging: LaggingChoiceSchema.nullable(),
});
export type Bulletin = z.infer<typeof BulletinSchema>;

/** How a draft is written: list at most `laggingLimit` lagging items (the most severe), or exactly the picked ones. */
export const BulletinDraftInputSchema = z.object({
  periodId: IdSchema,
  laggingLimit: z.number().int().min(0).max(1000).optional(),
  laggingIds: z.array(IdSchema).max(5000).optional(),
});
export type BulletinDraftInput = z.infer<typeof BulletinDraftInputSchema>;

export const BulletinSaveSchema = z.object({
  periodId: IdSchema,
  body: z.string().max(200000, '通报正文过长（超过 20 万字）'),
  /** The lagging-items choice the draft was written with, kept with the period. */
  lagging: LaggingChoiceSchema.optional(),
});
