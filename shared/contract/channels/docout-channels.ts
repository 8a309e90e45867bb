import { defineChannels } from '../define';
import { EmptySchema } from '../schemas/common';
import { BulletinDocxSchema, MissingDocxSchema, PlanDocDraftSchema, PlanDocInputSchema, PlanDocOutlineSchema, PlanDocStateSchema } from '../schemas/docout';
import { FileOutSchema } from '../schemas/periods';

/** Documents out as .docx in 公文 layout: the 落实方案, the 调度通报 and the 催报 list. */
export const docoutChannels = defineChannels({
  /** The kept 落实方案 draft (or a suggested one), the plans that have local items, the suggested title and preface. */
  'plandoc:state': { input: EmptySchema, output: PlanDocStateSchema },
  /** What the document will say with this title, preface and choice of plans. */
  'plandoc:outline': { input: PlanDocInputSchema, output: PlanDocOutlineSchema },
  /** Keeps title, preface and plan choice. */
  'plandoc:save-draft': { input: PlanDocInputSchema, output: PlanDocDraftSchema },
  /** Writes the 落实方案 .docx (and keeps the draft it was written from). */
  'plandoc:docx': { input: PlanDocInputSchema, output: FileOutSchema },
  /** The period's 调度通报 as .docx. */
  'bulletins:docx': { input: BulletinDocxSchema, output: FileOutSchema },
  /** The period's 催报 list as .docx. */
  'periods:missing-docx': { input: MissingDocxSchema, output: FileOutSchema },
});

