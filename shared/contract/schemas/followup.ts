import { z } from 'zod';
import { IdSchema, IsoDateSchema } from './common';
import { ITEM_KINDS } from './items';

/** 延期申请 states: 待审批 / 已同意 / 未同意. */
export const EXTENSION_STATES = ['pending', 'approved', 'refused'] as const;
export type ExtensionState = (typeof EXTENSION_STATES)[number];
export const EXTENSION_STATE_LABELS: Readonly<Record<ExtensionState, string>> = { pending: '待审批', approved: '已同意', refused: '未同意' };

/** 办结 states: 待办结确认 / 已办结 / 已重新打开. */
export const CLOSURE_STATES = ['pending', 'closed', 'reopened'] as const;
export type ClosureState = (typeof CLOSURE_STATES)[number];
export const CLOSURE_STATE_LABELS: Readonly<Record<ClosureState, string>> = { pending: '待办结确认', closed: '已办结', reopened: '已重新打开' };

/** One extension request as the office sees it. */
export const ExtensionSchema = z.object({
  id: IdSchema,
  itemId: IdSchema,
  itemCode: z.string(),
  itemTitle: z.string(),
  /** Which list the item is in (a link to it opens that list). */
  itemKind: z.enum(ITEM_KINDS),
  unitName: z.string(),
  /** 申请延期至 (yyyy-mm-dd). */
  requestedDate: z.string(),
  reason: z.string(),
  progressNote: z.string(),
  /** The day it was asked (typed, or the day the returned file was applied). */
  requestedOn: z.string(),
  /** The item's deadline when asked, as written. */
  priorDeadline: z.string(),
  priorDeadlineDate: z.string().nullable(),
  /** Asked after the deadline had passed: flagged, the office decides knowingly. */
  late: z.boolean(),
  source: z.enum(['typed', 'file']),
  periodName: z.string(),
  state: z.enum(EXTENSION_STATES),
  decisionNote: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string(),
});
export type Extension = z.infer<typeof ExtensionSchema>;

/** Records an extension request typed by the office. */
export const ExtensionRequestSchema = z.object({
  itemId: IdSchema,
  unitId: IdSchema.optional(),
  requestedDate: IsoDateSchema,
  reason: z.string().trim().min(1, '请填写延期理由').max(2000, '延期理由过长'),
  progressNote: z.string().trim().max(4000).default(''),
  /** Defaults to today. */
  requestedOn: IsoDateSchema.optional(),
});

/** Approve or refuse a request, with a note. */
export const ExtensionDecideSchema = z.object({
  id: IdSchema,
  approve: z.boolean(),
  note: z.string().trim().max(2000).default(''),
});

export const ExtensionListSchema = z.object({
  state: z.enum(EXTENSION_STATES).optional(),
  itemId: IdSchema.optional(),
});

/** An evidence file (佐证材料) kept on an item. */
export const EvidenceFileSchema = z.object({ id: IdSchema, fileName: z.string(), mime: z.string(), size: z.number().int(), createdAt: z.string() });
export type EvidenceFile = z.infer<typeof EvidenceFileSchema>;

export const ClosureSchema = z.object({
  state: z.enum(CLOSURE_STATES),
  docNo: z.string(),
  note: z.string(),
  requestedAt: z.string(),
  confirmedAt: z.string().nullable(),
  confirmedBy: z.string(),
  reopenReason: z.string(),
  reopenedAt: z.string().nullable(),
});
export type Closure = z.infer<typeof ClosureSchema>;

/** 申请办结: the evidence (a 文号 and/or attached files) and a note. */
export const CloseRequestSchema = z.object({
  itemId: IdSchema,
  docNo: z.string().trim().max(200).default(''),
  note: z.string().trim().max(4000).default(''),
});

export const EvidenceAttachSchema = z.object({
  itemId: IdSchema,
  fileName: z.string().trim().min(1, '缺少文件名').max(255, '文件名过长'),
  bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, { error: '缺少文件内容' }),
});

export const ReopenSchema = z.object({ itemId: IdSchema, reason: z.string().trim().min(1, '请填写重新打开的理由').max(2000) });

/** An item a 催办 names. */
export const UrgeItemSchema = z.object({ id: IdSchema, code: z.string(), title: z.string(), deadline: z.string(), lead: z.string() });

/** One 催办 to one unit. */
export const UrgeSchema = z.object({
  id: IdSchema,
  unitName: z.string(),
  content: z.string(),
  dueDate: z.string().nullable(),
  issuedOn: z.string(),
  operator: z.string(),
  items: z.array(UrgeItemSchema),
});
export type Urge = z.infer<typeof UrgeSchema>;

/** Write a 催办 for chosen items to one unit or many (default: their 牵头 units). */
export const UrgeCreateSchema = z.object({
  itemIds: z.array(IdSchema).min(1, '请先选择要催办的条目').max(5000),
  unitIds: z.array(IdSchema).max(500).optional(),
  content: z.string().trim().min(1, '请填写催办事项').max(4000, '催办事项过长'),
  dueDate: IsoDateSchema.optional(),
});

export const UrgeListSchema = z.object({ ids: z.array(IdSchema).max(5000).optional(), itemId: IdSchema.optional(), batchId: IdSchema.optional() });

/** What the item drawer shows about an item's follow-up. */
export const ItemFollowupSchema = z.object({
  extensions: z.array(ExtensionSchema),
  /** Approved extensions so far. */
  extensionCount: z.number().int(),
  /** The deadline before the first approved extension, as written ('' when never extended). */
  originalDeadline: z.string(),
  closure: ClosureSchema.nullable(),
  evidence: z.array(EvidenceFileSchema),
  urges: z.array(UrgeSchema),
});
export type ItemFollowup = z.infer<typeof ItemFollowupSchema>;
