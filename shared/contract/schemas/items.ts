import { z } from 'zod';
import { IdSchema, IsoDateSchema } from './common';

export const ITEM_KINDS = ['task', 'project', 'policy', 'indicator'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export const ITEM_KIND_LABELS: Record<ItemKind, string> = {
  task: '任务',
  project: '项目',
  policy: '政策',
  indicator: '指标',
};

export const ITEM_STATUSES = ['not_started', 'in_progress', 'done', 'suspended'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
export const ITEM_STATUS_LABELS: Record<ItemStatus, string> = {
  not_started: '未启动',
  in_progress: '推进中',
  done: '已完成',
  suspended: '暂缓',
};

export const ROLES = ['lead', 'resp', 'coop'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = { lead: '牵头', resp: '负责', coop: '配合' };

export const COMPARATORS = ['>=', '<=', '=', '>', '<'] as const;
export const PROJECT_STAGES = ['前期', '在建', '竣工'] as const;
export const POLICY_STAGES = ['起草', '征求意见', '审议', '已出台'] as const;

/** A unit on an item, with its role. */
export const ItemUnitSchema = z.object({ unitId: IdSchema, role: z.enum(ROLES) });
export const ItemUnitViewSchema = ItemUnitSchema.extend({ name: z.string() });

/** A quantitative target: 新增城镇就业 ≥ 700000 人. */
export const TargetSchema = z.object({
  label: z.string().trim().max(200).default(''),
  comparator: z.enum(COMPARATORS).nullable().default('>='),
  value: z.number().finite(),
  unit: z.string().trim().max(20).default(''),
  rawText: z.string().max(500).default(''),
});
export type Target = z.infer<typeof TargetSchema>;

const money = z.number().finite().min(0).nullable();
const rate = z.number().finite().min(0).max(100).nullable();

/** Fields a user may edit on any item (kind-specific ones are ignored for other kinds). */
export const ItemFieldsSchema = z.object({
  title: z.string().trim().min(1, '标题不能为空').max(500, '标题不能超过 500 字'),
  content: z.string().max(20000),
  code: z.string().trim().max(50),
  planId: IdSchema.nullable(),
  sectionId: IdSchema.nullable(),
  groupName: z.string().trim().max(200),
  leader: z.string().trim().max(100),
  /** As written: a date (2025-06-30, 2025年6月底前) or a phrase (长期坚持). */
  deadlineText: z.string().trim().max(100),
  status: z.enum(ITEM_STATUSES),
  progress: z.number().int().min(0, '完成比例不能小于 0').max(100, '完成比例不能大于 100'),
  progressNote: z.string().max(5000),
  problems: z.string().max(5000),
  note: z.string().max(2000),
  investTotal: money,
  investYearPlan: money,
  investDone: money,
  planStart: IsoDateSchema.nullable(),
  planEnd: IsoDateSchema.nullable(),
  actualStart: IsoDateSchema.nullable(),
  projectStage: z.enum(PROJECT_STAGES).nullable(),
  startRate: rate,
  payRate: rate,
  physicalRate: rate,
  policyDocNo: z.string().trim().max(100),
  policyStage: z.enum(POLICY_STAGES).nullable(),
  planIssueDate: IsoDateSchema.nullable(),
  actualIssueDate: IsoDateSchema.nullable(),
  comparator: z.enum(COMPARATORS).nullable(),
  targetValue: z.number().finite().nullable(),
  targetUnit: z.string().trim().max(20),
  baselineValue: z.number().finite().nullable(),
  actualValue: z.number().finite().nullable(),
});
export type ItemFields = z.infer<typeof ItemFieldsSchema>;

/** A whole item as the detail drawer shows it. */
export const ItemSchema = ItemFieldsSchema.extend({
  id: IdSchema,
  uid: z.string(),
  kind: z.enum(ITEM_KINDS),
  deadlineDate: z.string().nullable(),
  assignMode: z.enum(['lead', 'joint']),
  origin: z.enum(['upper', 'local']),
  upperCode: z.string(),
  upperItemId: IdSchema.nullable(),
  instructionId: IdSchema.nullable(),
  planTitle: z.string(),
  sectionName: z.string(),
  units: z.array(ItemUnitViewSchema),
  targets: z.array(TargetSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Item = z.infer<typeof ItemSchema>;

/** One row of a list table. */
export const ItemRowSchema = z.object({
  id: IdSchema,
  uid: z.string(),
  kind: z.enum(ITEM_KINDS),
  code: z.string(),
  title: z.string(),
  content: z.string(),
  planId: IdSchema.nullable(),
  planTitle: z.string(),
  sectionName: z.string(),
  groupName: z.string(),
  lead: z.string(),
  resp: z.string(),
  coop: z.string(),
  leader: z.string(),
  deadlineText: z.string(),
  deadlineDate: z.string().nullable(),
  status: z.enum(ITEM_STATUSES),
  progress: z.number(),
  progressNote: z.string(),
  origin: z.enum(['upper', 'local']),
  upperCode: z.string(),
  investTotal: z.number().nullable(),
  investYearPlan: z.number().nullable(),
  investDone: z.number().nullable(),
  projectStage: z.string().nullable(),
  policyDocNo: z.string(),
  policyStage: z.string().nullable(),
  planIssueDate: z.string().nullable(),
  comparator: z.string().nullable(),
  targetValue: z.number().nullable(),
  targetUnit: z.string(),
  actualValue: z.number().nullable(),
  updatedAt: z.string(),
});
export type ItemRow = z.infer<typeof ItemRowSchema>;

export const ITEM_SORT_FIELDS = ['order', 'code', 'title', 'deadline', 'status', 'progress', 'updated', 'plan'] as const;

/** What a list shows: filters, sort, and a window of rows. */
export const ItemQuerySchema = z.object({
  kind: z.enum(ITEM_KINDS),
  planId: IdSchema.optional(),
  sectionId: IdSchema.optional(),
  unitId: IdSchema.optional(),
  role: z.enum(ROLES).optional(),
  statuses: z.array(z.enum(ITEM_STATUSES)).optional(),
  origin: z.enum(['upper', 'local']).optional(),
  deadlineFrom: IsoDateSchema.optional(),
  deadlineTo: IsoDateSchema.optional(),
  overdue: z.boolean().optional(),
  /** 办结销号: pending = 待办结确认, closed = 已办结. */
  closure: z.enum(['pending', 'closed']).optional(),
  /** 亮灯: the kept light's levels (LIGHT_LEVELS of lights.ts, written out: lights.ts imports this file). */
  levels: z.array(z.enum(['bad', 'warn', 'good', 'done'])).max(4).optional(),
  /** "Today" for overdue; defaults to the real date. */
  today: IsoDateSchema.optional(),
  keyword: z.string().trim().max(100).optional(),
  ids: z.array(IdSchema).max(100000).optional(),
  sort: z.enum(ITEM_SORT_FIELDS).default('order'),
  desc: z.boolean().default(false),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(100000).default(200),
});
export type ItemQuery = z.input<typeof ItemQuerySchema>;

export const ItemPageSchema = z.object({ total: z.number().int(), rows: z.array(ItemRowSchema) });

export const ItemCreateSchema = ItemFieldsSchema.partial()
  .required({ title: true })
  .extend({ kind: z.enum(ITEM_KINDS), units: z.array(ItemUnitSchema).max(200).default([]), targets: z.array(TargetSchema).max(50).default([]) });

export const ItemUpdateSchema = z.object({
  id: IdSchema,
  fields: ItemFieldsSchema.partial().default({}),
  units: z.array(ItemUnitSchema).max(200).optional(),
  targets: z.array(TargetSchema).max(50).optional(),
});

/** One change in an item's history. */
export const ChangeSchema = z.object({
  id: IdSchema,
  action: z.string(),
  field: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
  operator: z.string(),
  at: z.string(),
  batchId: IdSchema.nullable(),
});
export type Change = z.infer<typeof ChangeSchema>;
