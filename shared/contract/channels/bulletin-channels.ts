import { z } from 'zod';
import { defineChannels } from '../define';
import { IdSchema } from '../schemas/common';
import { BulletinDraftInputSchema, BulletinDraftSchema, BulletinPeriodSchema, BulletinSaveSchema, BulletinSchema } from '../schemas/bulletins';

/** 调度通报: drafted from a period's data, edited and kept per period. */
export const bulletinChannels = defineChannels({
  'bulletins:periods': { input: z.object({}).strict(), output: z.array(BulletinPeriodSchema) },
  'bulletins:draft': { input: BulletinDraftInputSchema, output: BulletinDraftSchema },
  'bulletins:get': { input: z.object({ periodId: IdSchema }), output: BulletinSchema.nullable() },
  'bulletins:save': { input: BulletinSaveSchema, output: BulletinSchema },
});
