import { z } from 'zod';
import { defineChannels } from '../define';
import { IdSchema } from '../schemas/common';
import {
  ChangeSchema,
  ItemCreateSchema,
  ItemPageSchema,
  ItemQuerySchema,
  ItemSchema,
  ItemUpdateSchema,
} from '../schemas/items';
import { UnitCreateSchema, UnitMergeSchema, UnitSchema, UnitUpdateSchema } from '../schemas/units';

const ById = z.object({ id: IdSchema });

/** Items of the four lists, and the unit directory. */
export const itemChannels = defineChannels({
  'items:list': { input: ItemQuerySchema, output: ItemPageSchema },
  'items:get': { input: ById, output: ItemSchema },
  'items:create': { input: ItemCreateSchema, output: ItemSchema },
  'items:update': { input: ItemUpdateSchema, output: ItemSchema },
  'items:delete': { input: z.object({ ids: z.array(IdSchema).min(1).max(100000) }), output: z.object({ deleted: z.number() }) },
  'items:history': { input: ById, output: z.array(ChangeSchema) },
  'units:list': { input: z.object({}).strict(), output: z.array(UnitSchema) },
  'units:create': { input: UnitCreateSchema, output: UnitSchema },
  'units:update': { input: UnitUpdateSchema, output: UnitSchema },
  'units:merge': { input: UnitMergeSchema, output: z.object({ target: UnitSchema, movedAssignments: z.number(), alreadyHeld: z.number() }) },
  'units:delete': { input: ById, output: z.object({ ok: z.literal(true) }) },
});
