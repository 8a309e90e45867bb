import { z } from 'zod';
import { IdSchema } from './common';

export const SectionSchema = z.object({ id: IdSchema, planId: IdSchema, name: z.string(), sort: z.number() });
export type Section = z.infer<typeof SectionSchema>;

/** 方案 with its 专班 and sections. */
export const PlanSchema = z.object({
  id: IdSchema,
  parentId: IdSchema.nullable(),
  title: z.string(),
  campaign: z.string(),
  docNo: z.string(),
  attachmentNo: z.string(),
  goals: z.string(),
  convener: z.string(),
  deputyConveners: z.string(),
  officeUnit: z.string(),
  members: z.array(z.string()),
  origin: z.enum(['upper', 'local']),
  sections: z.array(SectionSchema),
  itemCount: z.number().int(),
});
export type Plan = z.infer<typeof PlanSchema>;
