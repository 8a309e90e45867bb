import { z } from 'zod';
import { IdSchema, IsoDateSchema } from './common';

/** What the clerk edits before the 落实方案 is written: title, preface, which plans (all when null). */
export const PlanDocInputSchema = z.object({
  title: z.string().trim().min(1, '请填写方案标题').max(200),
  preface: z.string().max(20_000),
  planIds: z.array(z.number().int().min(0)).nullable(),
});
export type PlanDocInput = z.infer<typeof PlanDocInputSchema>;

/** The kept draft of the 落实方案 (settings), with when it was last kept. */
export const PlanDocDraftSchema = PlanDocInputSchema.extend({ savedAt: z.string().nullable() });
export type PlanDocDraft = z.infer<typeof PlanDocDraftSchema>;

/** One task as the document writes it. */
export const PlanDocTaskSchema = z.object({
  itemId: IdSchema,
  no: z.number().int(),
  title: z.string(),
  /** The whole paragraph: 1.正文。（牵头单位牵头，…等按职责分工负责；完成时限：…） */
  text: z.string(),
  lead: z.array(z.string()),
  others: z.array(z.string()),
  deadline: z.string(),
});
export type PlanDocTask = z.infer<typeof PlanDocTaskSchema>;

export const PlanDocSectionSchema = z.object({ heading: z.string(), tasks: z.array(PlanDocTaskSchema) });
export type PlanDocSection = z.infer<typeof PlanDocSectionSchema>;

/** A level-1 part (一、) for one plan; id 0 holds local items without a plan. */
export const PlanDocPartSchema = z.object({ planId: z.number().int().min(0), heading: z.string(), sections: z.array(PlanDocSectionSchema) });
export type PlanDocPart = z.infer<typeof PlanDocPartSchema>;

/** What will be written, for the preview. */
export const PlanDocOutlineSchema = z.object({
  title: z.string(),
  /** The title as the document breaks it into lines. */
  titleLines: z.array(z.string()),
  preface: z.string(),
  parts: z.array(PlanDocPartSchema),
  taskCount: z.number().int(),
  attachmentTitle: z.string(),
});
export type PlanDocOutline = z.infer<typeof PlanDocOutlineSchema>;

/** A plan that has local items, to pick. */
export const PlanDocPlanSchema = z.object({ id: z.number().int().min(0), title: z.string(), localCount: z.number().int() });

/** The page's starting state: the kept draft (or a suggested one), the plans to pick from, the suggested title and preface. */
export const PlanDocStateSchema = z.object({
  draft: PlanDocDraftSchema,
  plans: z.array(PlanDocPlanSchema),
  suggested: z.object({ title: z.string(), preface: z.string() }),
});
export type PlanDocState = z.infer<typeof PlanDocStateSchema>;

/** The bulletin as .docx: the text in the editor when given, else the kept (or freshly drafted) one. */
export const BulletinDocxSchema = z.object({ periodId: IdSchema, body: z.string().max(200_000).optional() });

/** The 催报 list as .docx. */
export const MissingDocxSchema = z.object({ periodId: IdSchema, today: IsoDateSchema.optional() });
