import { z } from 'zod';
import { IdSchema } from './common';
import { COMPARATORS, ITEM_KINDS } from './items';

/** What a column of a foreign checklist holds (mirrors the reader's ForeignField), or 忽略. */
export const IMPORT_FIELDS = ['code', 'title', 'content', 'lead', 'coop', 'resp', 'deadline', 'note', 'leader', 'targets', 'progress', 'plan', 'section', 'ignore'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** The field names the mapping editor shows. */
export const IMPORT_FIELD_LABELS: Readonly<Record<ImportField, string>> = {
  code: '序号',
  title: '任务名称',
  content: '具体内容',
  lead: '牵头单位',
  coop: '配合单位',
  resp: '责任单位',
  deadline: '完成时限',
  note: '备注',
  leader: '责任领导',
  targets: '目标',
  progress: '进展情况',
  plan: '所属方案',
  section: '所属章节',
  ignore: '忽略',
};

/** A file as picked or dropped: its name and bytes. */
export const ImportFileSchema = z.object({
  name: z.string().trim().min(1).max(255),
  bytes: z.instanceof(Uint8Array, { error: '缺少文件内容' }),
});

/** The user's column mapping for one sheet: column index (0 = A) → field. */
export const ColumnOverrideSchema = z.object({
  file: z.string().max(255),
  sheet: z.string().max(255),
  /** The sheet's layout as the preview reported it: the mapping is remembered for this layout on apply. */
  layoutKey: z.string().max(64),
  columns: z.record(z.string().regex(/^\d{1,4}$/), z.enum(IMPORT_FIELDS)),
  /** 1-based header row, when detection picked the wrong one. */
  headerRow: z.number().int().min(1).max(1000).optional(),
});
export type ColumnOverride = z.infer<typeof ColumnOverrideSchema>;

/** What to import: files and/or pasted plan text, read as one kind of item. */
const ImportRequestFields = z.object({
  files: z.array(ImportFileSchema).max(200).default([]),
  text: z.string().max(5_000_000).optional(),
  kind: z.enum(ITEM_KINDS).default('task'),
  origin: z.enum(['upper', 'local']).default('upper'),
  mappings: z.array(ColumnOverrideSchema).max(2000).default([]),
  /** Client-chosen id to poll `imports:progress` with while the call runs. */
  jobId: z.string().regex(/^[\w-]{1,64}$/).optional(),
  /** Most items (and problems) listed per sheet; counts are always complete. */
  listLimit: z.number().int().min(0).max(100_000).default(2000),
});
const hasSource = (r: { files: unknown[]; text?: string }) => r.files.length > 0 || (r.text ?? '').trim() !== '';
const NO_SOURCE = { message: '请选择要导入的文件，或粘贴方案文本' };
export const ImportRequestSchema = ImportRequestFields.refine(hasSource, NO_SOURCE);
export type ImportRequest = z.input<typeof ImportRequestSchema>;

/** How unknown unit names are settled: an existing unit id, or null to create the unit. */
export const UnitDecisionsSchema = z.record(z.string().max(100), IdSchema.nullable());

/**
 * How likely duplicates (疑似重复) are settled, by the preview item's key: merge into the existing
 * item it resembles, keep as a new item, or skip (leave the existing item as it is and add nothing;
 * what the command line does by default). A row without a choice is kept as new.
 */
export const DUPLICATE_CHOICES = ['merge', 'new', 'skip'] as const;
export type DuplicateChoice = (typeof DUPLICATE_CHOICES)[number];
export const DuplicateDecisionsSchema = z.record(z.string().max(600), z.enum(DUPLICATE_CHOICES));

export const ImportApplySchema = ImportRequestFields.extend({ decisions: UnitDecisionsSchema.default({}), duplicates: DuplicateDecisionsSchema.default({}) }).refine(hasSource, NO_SOURCE);
export type ImportApplyRequest = z.input<typeof ImportApplySchema>;

/** A problem found while reading, located by file, sheet, row and column (Excel letters). */
export const ImportProblemSchema = z.object({
  file: z.string().optional(),
  sheet: z.string().optional(),
  row: z.number().int().optional(),
  column: z.string().optional(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblemSchema>;

/** duplicate: 疑似重复, rows that look like an existing item but are not certainly it (the user decides). */
export const StatusCountsSchema = z.object({ new: z.number().int(), changed: z.number().int(), unchanged: z.number().int(), duplicate: z.number().int() });

/** PreviewItem.status: 新增 / 更新 / 不变 / 疑似重复. */
export const PREVIEW_STATUSES = ['new', 'changed', 'unchanged', 'duplicate'] as const;

/** The existing item a 疑似重复 row resembles. */
export const DuplicateOfSchema = z.object({
  id: IdSchema,
  plan: z.string(),
  section: z.string(),
  code: z.string(),
  title: z.string(),
  /** How alike, 0…1. */
  score: z.number(),
});

/** A quantitative target as read: 新增城镇就业 ≥ 700000 人 (shown as 70万人). */
export const PreviewTargetSchema = z.object({
  label: z.string(),
  comparator: z.enum(COMPARATORS).nullable(),
  value: z.number(),
  unit: z.string(),
  display: z.string(),
  text: z.string(),
});

/** One item as understood, and what applying would do with it. */
export const PreviewItemSchema = z.object({
  /** Names the row for a 疑似重复 choice (file|sheet|n). */
  key: z.string(),
  /** Excel row (or text line) it came from. */
  row: z.number().int().nullable(),
  plan: z.string(),
  section: z.string(),
  group: z.string(),
  /** Number inside its section, as stored. */
  no: z.string(),
  /** The sheet's own 序号 as written. */
  code: z.string(),
  title: z.string(),
  content: z.string(),
  lead: z.array(z.string()),
  resp: z.array(z.string()),
  coop: z.array(z.string()),
  assignMode: z.enum(['lead', 'joint']),
  deadlineText: z.string(),
  deadlineDate: z.string().nullable(),
  leader: z.string(),
  note: z.string(),
  targets: z.array(PreviewTargetSchema),
  status: z.enum(PREVIEW_STATUSES),
  /** Set when status is duplicate; `changes` are then against this item. */
  duplicateOf: DuplicateOfSchema.nullable(),
  changes: z.array(z.object({ field: z.string(), label: z.string(), before: z.string(), after: z.string() })),
});
export type PreviewItem = z.infer<typeof PreviewItemSchema>;

/** A column of the sheet and the field it is read as. */
export const PreviewColumnSchema = z.object({ index: z.number().int(), letter: z.string(), header: z.string(), field: z.enum(IMPORT_FIELDS) });

/** A plan found, with its sections in order. */
export const PreviewPlanSchema = z.object({ title: z.string(), sections: z.array(z.string()), isNew: z.boolean() });

/** One data sheet of a file (or the pasted text). */
export const SheetPreviewSchema = z.object({
  name: z.string(),
  /** 1-based; 0 for pasted text. */
  headerRow: z.number().int(),
  layoutKey: z.string(),
  /** detected / remembered (layout) / chosen now (sheet); 'text' for pasted text. */
  mappingSource: z.enum(['detected', 'layout', 'sheet', 'text']),
  columns: z.array(PreviewColumnSchema),
  plans: z.array(PreviewPlanSchema),
  counts: StatusCountsSchema,
  itemCount: z.number().int(),
  items: z.array(PreviewItemSchema),
  problemCount: z.number().int(),
  problems: z.array(ImportProblemSchema),
});
export type SheetPreview = z.infer<typeof SheetPreviewSchema>;

export const FilePreviewSchema = z.object({
  file: z.string(),
  source: z.enum(['file', 'text']),
  hash: z.string(),
  /** Set when the file cannot be read at all (the message names the file); nothing of it is imported. */
  error: z.string().nullable(),
  problems: z.array(ImportProblemSchema),
  sheets: z.array(SheetPreviewSchema),
  counts: StatusCountsSchema,
  alreadyImported: z.object({ batchId: IdSchema, at: z.string() }).nullable(),
});
export type FilePreview = z.infer<typeof FilePreviewSchema>;

export const UnknownUnitSchema = z.object({
  name: z.string(),
  count: z.number().int(),
  suggestions: z.array(z.object({ id: IdSchema, name: z.string() })),
});

/** What the import would do, before anything is saved. */
export const ImportPreviewSchema = z.object({
  files: z.array(FilePreviewSchema),
  counts: StatusCountsSchema,
  unknownUnits: z.array(UnknownUnitSchema),
  /** Files that cannot be read; apply refuses while any is in the list. */
  errors: z.number().int(),
});
export type ImportPreviewResult = z.infer<typeof ImportPreviewSchema>;

export const ImportApplyResultSchema = z.object({
  /** Null when nothing changed (no batch is recorded). */
  batchId: IdSchema.nullable(),
  counts: z.object({ new: z.number().int(), changed: z.number().int(), unchanged: z.number().int(), units: z.number().int(), plans: z.number().int() }),
});
export type ImportApplyResult = z.infer<typeof ImportApplyResultSchema>;

/** An import batch as listed. */
export const BatchSchema = z.object({
  id: IdSchema,
  kind: z.string(),
  fileName: z.string(),
  fileHash: z.string(),
  sender: z.string(),
  operator: z.string(),
  createdAt: z.string(),
  counts: z.record(z.string(), z.number()),
  undoneAt: z.string().nullable(),
});
export type Batch = z.infer<typeof BatchSchema>;

/** Where a running import is. */
export const ImportProgressSchema = z.object({
  stage: z.enum(['queued', 'reading', 'comparing', 'writing', 'done', 'failed', 'unknown']),
  /** Chinese, e.g. 正在读取 2/5：计划表.xlsx */
  message: z.string(),
  filesDone: z.number().int(),
  files: z.number().int(),
  rows: z.number().int(),
});
export type ImportProgress = z.infer<typeof ImportProgressSchema>;
