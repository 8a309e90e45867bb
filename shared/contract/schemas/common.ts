import { z } from 'zod';

/** A database row id. */
export const IdSchema = z.number().int().positive();

/** yyyy-mm-dd, a real calendar date. */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 年-月-日，如 2025-06-30')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, '不是有效的日期');

/** Nothing to send. */
export const EmptySchema = z.object({}).strict();
export const OkSchema = z.object({ ok: z.literal(true) });

/** A page window for long lists. */
export const PageSchema = z.object({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(200),
});
