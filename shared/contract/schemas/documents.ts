import { z } from 'zod';
import { IdSchema } from './common';
import { ITEM_STATUSES, ItemUnitSchema } from './items';

/** 密级 as printed on the slip. */
export const SECRECY_LEVELS = ['非密', '内部', '秘密', '机密', '绝密'] as const;

/** Markers on a document saved without a key field (shown in the list and printed on the slip). */
export const DOC_FLAG_NO_DOC_NO = '缺文号';
export const DOC_FLAG_NO_DATE = '缺收文日期';

const text = (max: number, label: string) => z.string().trim().max(max, `${label}不能超过 ${max} 字`).default('');

function validDateTime(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (!m) return false;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== `${m[1]}-${m[2]}-${m[3]}`) return false;
  return (m[4] === undefined || Number(m[4]) < 24) && (m[5] === undefined || Number(m[5]) < 60) && (m[6] === undefined || Number(m[6]) < 60);
}

/** 收文日期 with time: 2025-01-20 10:26:51, 2025-01-20 10:26 or 2025-01-20; '' when unknown. */
export const ReceivedAtSchema = z
  .string()
  .trim()
  .transform((s) => s.replace('T', ' '))
  .refine((s) => s === '' || validDateTime(s), '收文日期格式应为 2025-01-20 10:26 或 2025-01-20')
  .default('');

/** The fields of the 文件处理单 (the seed's slip), one to one. */
export const DocumentFieldsSchema = z.object({
  /** 来文机关 */
  issuer: text(100, '来文机关'),
  /** 文号, e.g. 湘政办发〔2025〕2号 */
  docNo: text(100, '文号'),
  /** 密级 */
  secrecy: z.enum(SECRECY_LEVELS, '密级应为 非密、内部、秘密、机密 或 绝密').default('非密'),
  /** 收文日期 with time */
  receivedAt: ReceivedAtSchema,
  /** 文件主题 */
  subject: z.string().trim().min(1, '请填写文件主题').max(500, '文件主题不能超过 500 字'),
  /** 拟发单位 */
  proposedUnits: text(500, '拟发单位'),
  /** 送批意见, with its signature as written */
  submitOpinion: text(5000, '送批意见'),
  /** 办公室意见, with its signature as written */
  officeOpinion: text(5000, '办公室意见'),
  /** 备注 */
  remark: text(2000, '备注'),
  /** 经办人 */
  handler: text(50, '经办人'),
  /** 联系电话 */
  phone: text(50, '联系电话'),
  /** 收文编号 */
  receiptNo: text(50, '收文编号'),
});
export type DocumentFields = z.output<typeof DocumentFieldsSchema>;

/** One 领导批示 as entered: who, when (as written: 2025-01-24 or 1.24), what. */
export const InstructionInputSchema = z
  .object({
    /** Present for an instruction already saved (keeps its task links). */
    id: IdSchema.optional(),
    person: text(50, '批示人'),
    givenOn: text(30, '批示日期'),
    content: text(5000, '批示内容'),
  })
  .refine((i) => i.person !== '' || i.content !== '', '每条领导批示至少填写批示人或批示内容');

/** Create (no id) or replace (id) a document with its instructions in the given order. */
export const DocumentSaveSchema = z.object({
  id: IdSchema.optional(),
  fields: DocumentFieldsSchema,
  instructions: z.array(InstructionInputSchema).max(50, '领导批示不能超过 50 条').default([]),
});

/** A task made from an instruction, as the slip and the list show it. */
export const InstructionTaskSchema = z.object({
  id: IdSchema,
  title: z.string(),
  status: z.enum(ITEM_STATUSES),
  progress: z.number(),
  deadlineText: z.string(),
});
export type InstructionTask = z.infer<typeof InstructionTaskSchema>;

/** A saved 领导批示 with the tasks it spawned; open = has words and no task yet, or a task not done. */
export const InstructionSchema = z.object({
  id: IdSchema,
  documentId: IdSchema,
  person: z.string(),
  givenOn: z.string(),
  content: z.string(),
  sort: z.number(),
  tasks: z.array(InstructionTaskSchema),
  open: z.boolean(),
});
export type Instruction = z.infer<typeof InstructionSchema>;

/** An attached file (bytes come through documents:file). */
export const DocumentFileSchema = z.object({
  id: IdSchema,
  documentId: IdSchema,
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
});
export type DocumentFile = z.infer<typeof DocumentFileSchema>;

/** A whole document as the form and the slip show it. */
export const DocumentSchema = z.object({
  ...DocumentFieldsSchema.shape,
  secrecy: z.string(),
  id: IdSchema,
  /** 缺文号 / 缺收文日期 */
  flags: z.array(z.string()),
  instructions: z.array(InstructionSchema),
  files: z.array(DocumentFileSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Document = z.infer<typeof DocumentSchema>;

/** One line of the document list. */
export const DocumentRowSchema = z.object({
  id: IdSchema,
  issuer: z.string(),
  docNo: z.string(),
  secrecy: z.string(),
  receivedAt: z.string(),
  subject: z.string(),
  receiptNo: z.string(),
  flags: z.array(z.string()),
  instructionCount: z.number().int(),
  openInstructionCount: z.number().int(),
  taskCount: z.number().int(),
  fileCount: z.number().int(),
});
export type DocumentRow = z.infer<typeof DocumentRowSchema>;

/** The list: keyword (any length, over subject, 文号, issuer, opinions and instructions), open-only filter, window. */
export const DocumentQuerySchema = z.object({
  keyword: z.string().trim().max(100).optional(),
  openOnly: z.boolean().default(false),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(200),
});
export const DocumentPageSchema = z.object({ total: z.number().int(), rows: z.array(DocumentRowSchema) });

/** A search hit: the row and which field matched. */
export const DocumentHitSchema = DocumentRowSchema.extend({ matched: z.array(z.string()) });

/** A document with its open instructions (领导批示未办结). */
export const OpenInstructionsSchema = z.object({ document: DocumentRowSchema, instructions: z.array(InstructionSchema) });

/** Attachment upload: the limit and the types are checked by the core, by extension and by content. */
export const AttachSchema = z.object({
  documentId: IdSchema,
  fileName: z.string().trim().min(1, '缺少文件名').max(255, '文件名过长'),
  bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, { error: '缺少文件内容' }),
});

/** Turns an instruction into a local task linked to it. */
export const InstructionToTaskSchema = z.object({
  instructionId: IdSchema,
  title: z.string().trim().min(1, '任务名称不能为空').max(500, '任务名称不能超过 500 字'),
  content: z.string().max(20000).default(''),
  units: z.array(ItemUnitSchema).max(200).default([]),
  leader: z.string().trim().max(100).default(''),
  deadlineText: z.string().trim().max(100).default(''),
  planId: IdSchema.nullable().default(null),
});

/** Where a task came from: the instruction and its document. */
export const InstructionSourceSchema = z.object({
  documentId: IdSchema,
  subject: z.string(),
  docNo: z.string(),
  issuer: z.string(),
  receivedAt: z.string(),
  instruction: z.object({ id: IdSchema, person: z.string(), givenOn: z.string(), content: z.string() }),
});
export type InstructionSource = z.infer<typeof InstructionSourceSchema>;
