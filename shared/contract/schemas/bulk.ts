import { z } from 'zod';
import { IdSchema } from './common';
import { ITEM_STATUSES, ItemQuerySchema, ROLES } from './items';

/** The rows a bulk edit touches: chosen ids, or every row the list filter finds (across pages). */
export const BulkTargetSchema = z.union([
  z.object({ ids: z.array(IdSchema).min(1, '请至少选择一项').max(100000) }),
  z.object({ filter: ItemQuerySchema.omit({ offset: true, limit: true, sort: true, desc: true }) }),
]);

/** What a bulk edit does to every selected row. */
export const BulkActionSchema = z.discriminatedUnion('op', [
  /** Sets the units of one role (replacing that role's units). */
  z.object({ op: z.literal('units'), role: z.enum(ROLES), unitIds: z.array(IdSchema).max(200) }),
  /** Sets the deadline (as the user writes it), status or leader. */
  z.object({
    op: z.literal('fields'),
    deadlineText: z.string().trim().max(200).optional(),
    status: z.enum(ITEM_STATUSES).optional(),
    leader: z.string().trim().max(100).optional(),
  }),
  z.object({ op: z.literal('delete') }),
  z.object({ op: z.literal('break-down') }),
]);

export const BulkEditSchema = z.object({ target: BulkTargetSchema, action: BulkActionSchema });

export const BulkEditResultSchema = z.object({
  batchId: IdSchema.nullable(),
  /** Rows selected. */
  selected: z.number().int(),
  /** Rows actually changed (or deleted, or broken down). */
  changed: z.number().int(),
  /** The toast: "已修改 30 项，可撤销". */
  message: z.string(),
});
export type BulkEditResult = z.infer<typeof BulkEditResultSchema>;
