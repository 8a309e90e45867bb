import { z } from 'zod';
import { IdSchema } from './common';
import { ItemQuerySchema } from './items';

/** Columns a list export can show, in the order the UI offers them. */
export const EXPORT_COLUMNS = [
  'code', 'planTitle', 'sectionName', 'groupName', 'title', 'content', 'lead', 'resp', 'coop', 'leader', 'deadlineText',
  'status', 'progress', 'progressNote', 'origin', 'upperCode', 'investTotal', 'investYearPlan', 'investDone', 'projectStage',
  'policyDocNo', 'policyStage', 'planIssueDate', 'target', 'actualValue', 'updatedAt',
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

/** Header of each export column; 牵头/负责/配合 sit under 责任单位. */
export const EXPORT_COLUMN_LABELS: Record<ExportColumn, string> = {
  code: '编号', planTitle: '所属方案', sectionName: '章节', groupName: '分组', title: '名称', content: '主要内容',
  lead: '牵头', resp: '负责', coop: '配合', leader: '责任领导', deadlineText: '完成时限', status: '状态', progress: '完成比例(%)',
  progressNote: '进展情况', origin: '来源', upperCode: '上级编号', investTotal: '总投资(万元)', investYearPlan: '年度计划投资(万元)',
  investDone: '已完成投资(万元)', projectStage: '项目阶段', policyDocNo: '文号', policyStage: '政策阶段', planIssueDate: '计划出台时间',
  target: '目标', actualValue: '实际值', updatedAt: '更新时间',
};

/** Exports a list as shown: same filter and order as items:list (every row, not a page), chosen columns. */
export const ExportListSchema = z.object({
  query: ItemQuerySchema,
  columns: z.array(z.enum(EXPORT_COLUMNS)).min(1, '请至少选择一列').max(EXPORT_COLUMNS.length),
  /** Title row; defaults to the list name (任务清单 …). */
  title: z.string().trim().max(100).optional(),
});

/** The fields a fill-in template asks a unit for. */
export const TEMPLATE_FIELDS = ['status', 'ratio', 'value', 'progressText', 'problems', 'nextSteps'] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];
export const TEMPLATE_FIELD_LABELS: Record<TemplateField, string> = {
  status: '状态',
  ratio: '完成比例(%)',
  value: '完成值',
  progressText: '进展情况',
  problems: '存在问题',
  nextSteps: '下步计划',
};

/**
 * How an item's values combine when several lead or responsible (牵头/负责) units report on it:
 * each unit keeps its own report (item × period × unit); the item shows the combination. Shown in
 * the UI wherever a combined value appears (returns preview, item drawer).
 */
export const COMBINE_RULE = [
  '状态：各单位都已完成才为已完成，任一单位推进中或已完成即为推进中，都暂缓为暂缓',
  '完成比例：取各单位中最低的（尚未报送的单位按下发时的值计）',
  '完成值：分别承担的各单位相加，共同牵头的取最高',
  '进展情况、存在问题：按单位分列',
] as const;
/** An item's reports of its latest reported period, one per unit, and how many lead/responsible units share it. */
export const ItemReportsSchema = z.object({
  periodName: z.string(),
  /** Lead and responsible units of the item; several → the item combines their reports (COMBINE_RULE). */
  sharedBy: z.number().int(),
  reports: z.array(
    z.object({
      unitName: z.string(),
      /** 牵头 / 负责 / 配合 */
      role: z.string(),
      status: z.string(),
      ratio: z.number().nullable(),
      value: z.number().nullable(),
      progressText: z.string(),
      problems: z.string(),
      reportedAt: z.string(),
    }),
  ),
});
export type ItemReports = z.infer<typeof ItemReportsSchema>;

export const COMBINE_RULE_TEXT = `多个牵头/负责单位各自报送，本项按规则合并：${COMBINE_RULE.join('；')}。`;

export const TemplateIssueSchema = z.object({
  periodId: IdSchema,
  /** Units to send to; default every unit that leads or is responsible for an item. */
  unitIds: z.array(IdSchema).max(2000).optional(),
  /** Also one workbook with a sheet per unit. */
  combined: z.boolean().default(false),
  /** Also the items where a unit only cooperates (配合). */
  includeCoop: z.boolean().default(false),
  /** Write the files into this folder instead of answering their bytes. */
  outDir: z.string().trim().min(1).max(1000).optional(),
  /** Answer one .zip of every file (named after the period) instead of each file's bytes: one browser download. */
  zip: z.boolean().default(false),
});

/** What 下发 would send, before it is made: every unit named on an item with its template's rows (0: no template). */
export const TemplateCountsSchema = z.object({ includeCoop: z.boolean().default(false) });
export const TemplateCountSchema = z.object({
  unitId: IdSchema,
  unitName: z.string(),
  /** Rows its template will hold, counted by the selection that writes the file. */
  rows: z.number().int(),
  /** Items it only cooperates on (配合): in its template only with includeCoop. */
  coopOnly: z.number().int(),
});
export type TemplateCount = z.infer<typeof TemplateCountSchema>;

export const IssuedFileSchema = z.object({
  fileName: z.string(),
  /** Empty for the combined workbook. */
  unitName: z.string(),
  rows: z.number().int(),
  bytes: z.instanceof(Uint8Array).optional(),
  path: z.string().optional(),
});
export const TemplateIssueResultSchema = z.object({
  periodName: z.string(),
  files: z.array(IssuedFileSchema),
  /** With zip: every file in one .zip (the files then come without bytes). */
  zip: z.object({ fileName: z.string(), bytes: z.instanceof(Uint8Array) }).optional(),
});

const MAX_RETURN_BYTES = 30 * 1024 * 1024;
/** One returned file as picked: its name and bytes. */
export const ReturnFileSchema = z.object({
  name: z.string().trim().min(1).max(300),
  bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_RETURN_BYTES, '文件超过 30 MB'),
});

export const ReturnsPreviewSchema = z.object({
  files: z.array(ReturnFileSchema).min(1, '请至少选择一个文件').max(300, '一次最多导入 300 个文件'),
  /** The period being collected; a file for another period is refused. */
  periodId: IdSchema.optional(),
});

export const DECISIONS = ['mine', 'theirs'] as const;
export const ReturnsApplySchema = ReturnsPreviewSchema.extend({
  /** Conflict key → keep the office's value (mine) or take the returned one (theirs); undecided keeps mine. */
  decisions: z.record(z.string(), z.enum(DECISIONS)).default({}),
});

export const ReturnProblemSchema = z.object({
  /** error: the file, sheet, row or field is not imported; warning: imported, but look; info: nothing wrong. */
  level: z.enum(['error', 'warning', 'info']),
  file: z.string(),
  sheet: z.string(),
  row: z.number().int().nullable(),
  column: z.string(),
  message: z.string(),
});
export type ReturnProblem = z.infer<typeof ReturnProblemSchema>;

export const FieldChangeSchema = z.object({ field: z.enum(TEMPLATE_FIELDS), label: z.string(), before: z.string(), after: z.string() });

/** A field the office changed after issuing that the unit changed too: shown side by side. */
export const ReturnConflictSchema = z.object({
  key: z.string(),
  itemId: IdSchema,
  code: z.string(),
  title: z.string(),
  unitName: z.string(),
  field: z.enum(TEMPLATE_FIELDS),
  label: z.string(),
  /** What the unit last saw: the issued value, or its own earlier return this period. */
  issued: z.string(),
  /** The office's value now (mine). */
  current: z.string(),
  /** The unit's value in the file (theirs). */
  returned: z.string(),
});
export type ReturnConflict = z.infer<typeof ReturnConflictSchema>;

export const ReturnRowSchema = z.object({
  sheet: z.string(),
  row: z.number().int(),
  itemId: IdSchema,
  code: z.string(),
  title: z.string(),
  matchedBy: z.enum(['uid', 'code', 'title']),
  /** The report row (item × period × unit) this file writes. */
  report: z.enum(['new', 'changed', 'unchanged']),
  values: z.record(z.string(), z.string()),
  /** What the unit changed: asked fields that differ from its earlier return this period, else from what was issued. */
  changes: z.array(FieldChangeSchema),
  /** Item fields this row updates. */
  itemChanges: z.array(FieldChangeSchema),
  conflicts: z.array(z.string()),
  /** The item's lead and responsible units when there are several: each keeps its own report, the item combines them (COMBINE_RULE). */
  sharedBy: z.array(z.string()).default([]),
});

const FileCountsSchema = z.object({
  rows: z.number().int(),
  newReports: z.number().int(),
  changedReports: z.number().int(),
  unchangedReports: z.number().int(),
  itemUpdates: z.number().int(),
  conflicts: z.number().int(),
  errors: z.number().int(),
  warnings: z.number().int(),
});

/** A 申请延期 read from a returned row: what will be recorded as a pending request. */
export const ReturnExtensionSchema = z.object({
  sheet: z.string(),
  row: z.number().int(),
  itemId: IdSchema,
  code: z.string(),
  title: z.string(),
  unitName: z.string(),
  requestedDate: z.string(),
  reason: z.string(),
  /** The item's deadline now ('' when it has none). */
  deadline: z.string(),
  /** Asked after the deadline had passed: flagged in the preview and on the request. */
  late: z.boolean(),
});
export type ReturnExtension = z.infer<typeof ReturnExtensionSchema>;

/** A 申请办结 read from a returned row: recorded as a closure request waiting for the office (待办结确认). */
export const ReturnClosureSchema = z.object({
  sheet: z.string(),
  row: z.number().int(),
  itemId: IdSchema,
  code: z.string(),
  title: z.string(),
  unitName: z.string(),
  /** What the unit wrote (the evidence, as it becomes the request's note). */
  evidence: z.string(),
  /** The 文号 found in it ('' when none). */
  docNo: z.string(),
});
export type ReturnClosure = z.infer<typeof ReturnClosureSchema>;

export const ReturnFilePreviewSchema = z.object({
  name: z.string(),
  /** Recognised as one of this office's templates, with something to import. */
  ok: z.boolean(),
  /** 退回空表: recognised, but no fill cell differs from what was issued; nothing is written. */
  blank: z.boolean(),
  periodId: IdSchema.nullable(),
  periodName: z.string(),
  unitNames: z.array(z.string()),
  rows: z.array(ReturnRowSchema),
  missingRows: z.array(z.object({ itemId: IdSchema, code: z.string(), title: z.string(), unitName: z.string() })),
  problems: z.array(ReturnProblemSchema),
  conflicts: z.array(ReturnConflictSchema),
  counts: FileCountsSchema,
  /** 申请延期 rows (recorded as pending requests on apply). */
  extensions: z.array(ReturnExtensionSchema).optional(),
  /** 申请办结 rows (recorded as closure requests on apply). */
  closures: z.array(ReturnClosureSchema).optional(),
});
export type ReturnFilePreview = z.infer<typeof ReturnFilePreviewSchema>;

export const ReturnsPreviewResultSchema = z.object({ files: z.array(ReturnFilePreviewSchema), counts: FileCountsSchema.extend({ files: z.number().int(), okFiles: z.number().int(), blankFiles: z.number().int() }) });
export type ReturnsPreview = z.infer<typeof ReturnsPreviewResultSchema>;

export const ReturnsApplyResultSchema = z.object({
  batchId: IdSchema.nullable(),
  counts: z.object({
    files: z.number().int(),
    newReports: z.number().int(),
    changedReports: z.number().int(),
    itemUpdates: z.number().int(),
    keptMine: z.number().int(),
    tookTheirs: z.number().int(),
    skippedFiles: z.number().int(),
    /** 申请延期 recorded as pending requests. */
    extensionRequests: z.number().int().optional(),
    /** 申请办结 recorded as closure requests (待办结确认). */
    closureRequests: z.number().int().optional(),
  }),
});
