import { z } from 'zod';
import { IdSchema } from './common';

const UnitNameSchema = z.string().trim().min(1, '单位名称不能为空').max(100, '单位名称过长');

/** 单位 in the directory, with its aliases and how many items name it. */
export const UnitSchema = z.object({
  id: IdSchema,
  name: z.string(),
  kind: z.string(),
  contact: z.string(),
  phone: z.string(),
  aliases: z.array(z.string()),
  itemCount: z.number().int(),
  /**
   * Search keys: the name's short form (省发改委) and the full pinyin and initials of the name, short form and each
   * alias, lower case (shengfazhangaigewei, sfzggw, sfgw). The first is the name's full pinyin (pinyin order).
   */
  pinyin: z.array(z.string()),
});
export type Unit = z.infer<typeof UnitSchema>;

export const UnitCreateSchema = z.object({
  name: UnitNameSchema,
  kind: z.string().trim().max(50).default(''),
  contact: z.string().trim().max(50).default(''),
  phone: z.string().trim().max(50).default(''),
});

export const UnitUpdateSchema = z.object({
  id: IdSchema,
  name: UnitNameSchema.optional(),
  kind: z.string().trim().max(50).optional(),
  contact: z.string().trim().max(50).optional(),
  phone: z.string().trim().max(50).optional(),
  aliases: z.array(UnitNameSchema).max(50).optional(),
});

/** Merge `sourceId` into `targetId`: every assignment moves, the old name becomes an alias. */
export const UnitMergeSchema = z
  .object({ sourceId: IdSchema, targetId: IdSchema })
  .refine((v) => v.sourceId !== v.targetId, '不能把单位合并到它自己');
