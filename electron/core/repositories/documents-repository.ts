import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/contract/errors';
import {
  DOC_FLAG_NO_DATE,
  DOC_FLAG_NO_DOC_NO,
  type DocumentFields,
  type DocumentFile,
  type DocumentRow,
  type Instruction,
  type InstructionTask,
} from '../../../shared/contract/schemas/documents';

/** A documents row as SQLite returns it. */
export interface DocumentDbRow {
  id: number;
  issuer: string;
  doc_no: string;
  secrecy: string;
  received_at: string;
  subject: string;
  proposed_units: string;
  submit_opinion: string;
  office_opinion: string;
  remark: string;
  handler: string;
  phone: string;
  receipt_no: string;
  created_at: string;
  updated_at: string;
}

interface ListDbRow extends DocumentDbRow {
  instruction_count: number;
  open_count: number;
  task_count: number;
  file_count: number;
}

/** Field (camelCase) → documents column. */
export const DOCUMENT_COLUMNS: { readonly [K in keyof DocumentFields]: string } = {
  issuer: 'issuer',
  docNo: 'doc_no',
  secrecy: 'secrecy',
  receivedAt: 'received_at',
  subject: 'subject',
  proposedUnits: 'proposed_units',
  submitOpinion: 'submit_opinion',
  officeOpinion: 'office_opinion',
  remark: 'remark',
  handler: 'handler',
  phone: 'phone',
  receiptNo: 'receipt_no',
};

/** An instruction is open when a task it spawned is not done, or it has words and no task yet. */
export const OPEN_INSTRUCTION = `(EXISTS (SELECT 1 FROM items t WHERE t.instruction_id = n.id AND t.status <> 'done')
  OR (trim(n.content) <> '' AND NOT EXISTS (SELECT 1 FROM items t WHERE t.instruction_id = n.id)))`;

const LIST_SELECT = `SELECT d.*,
  (SELECT count(*) FROM instructions n WHERE n.document_id = d.id) AS instruction_count,
  (SELECT count(*) FROM instructions n WHERE n.document_id = d.id AND ${OPEN_INSTRUCTION}) AS open_count,
  (SELECT count(*) FROM items t JOIN instructions n ON n.id = t.instruction_id WHERE n.document_id = d.id) AS task_count,
  (SELECT count(*) FROM document_files f WHERE f.document_id = d.id) AS file_count
  FROM documents d`;

const KEYWORD_WHERE = `(instr(d.subject, @kw) > 0 OR instr(d.doc_no, @kw) > 0 OR instr(d.issuer, @kw) > 0
  OR instr(d.receipt_no, @kw) > 0 OR instr(d.proposed_units, @kw) > 0 OR instr(d.submit_opinion, @kw) > 0
  OR instr(d.office_opinion, @kw) > 0 OR instr(d.remark, @kw) > 0 OR instr(d.doc_no, @kwDocNo) > 0
  OR EXISTS (SELECT 1 FROM instructions n WHERE n.document_id = d.id AND (instr(n.content, @kw) > 0 OR instr(n.person, @kw) > 0)))`;

/** 缺文号 / 缺收文日期 for a stored row. */
export function documentFlags(r: { doc_no: string; received_at: string }): string[] {
  const flags: string[] = [];
  if (!r.doc_no.trim()) flags.push(DOC_FLAG_NO_DOC_NO);
  if (!r.received_at.trim()) flags.push(DOC_FLAG_NO_DATE);
  return flags;
}

/** 文号 as offices write it in many ways: 湘政办发[2025]2号, 湘政办发（2025）2号 → 湘政办发〔2025〕2号. */
export function normalizeDocNo(s: string): string {
  return s.replace(/[\s\u3000]+/g, '').replace(/[[［【(（〔](\d{4})[\]］】)）〕]/g, '〔$1〕');
}

export function toFields(r: DocumentDbRow): DocumentFields {
  return {
    issuer: r.issuer,
    docNo: r.doc_no,
    secrecy: r.secrecy as DocumentFields['secrecy'],
    receivedAt: r.received_at,
    subject: r.subject,
    proposedUnits: r.proposed_units,
    submitOpinion: r.submit_opinion,
    officeOpinion: r.office_opinion,
    remark: r.remark,
    handler: r.handler,
    phone: r.phone,
    receiptNo: r.receipt_no,
  };
}

function toRow(r: ListDbRow): DocumentRow {
  return {
    id: r.id,
    issuer: r.issuer,
    docNo: r.doc_no,
    secrecy: r.secrecy,
    receivedAt: r.received_at,
    subject: r.subject,
    receiptNo: r.receipt_no,
    flags: documentFlags(r),
    instructionCount: r.instruction_count,
    openInstructionCount: r.open_count,
    taskCount: r.task_count,
    fileCount: r.file_count,
  };
}

interface InstructionDbRow {
  id: number;
  document_id: number;
  person: string;
  content: string;
  given_on: string;
  sort: number;
  open: number;
}

/** Documents, their instructions and files: reads and single-table writes (services wrap them in transactions). */
export function createDocumentsRepository(db: Database) {
  const rowStmt = db.prepare<[number], DocumentDbRow>('SELECT * FROM documents WHERE id = ?');
  const instrStmt = db.prepare<[number], InstructionDbRow>(
    `SELECT n.*, ${OPEN_INSTRUCTION} AS open FROM instructions n WHERE n.document_id = ? ORDER BY n.sort, n.id`,
  );
  const tasksStmt = db.prepare<[number], { id: number; title: string; status: InstructionTask['status']; progress: number; deadline_text: string }>(
    'SELECT id, title, status, progress, deadline_text FROM items WHERE instruction_id = ? ORDER BY id',
  );
  const filesStmt = db.prepare<[number], { id: number; document_id: number; file_name: string; mime: string; size: number; created_at: string }>(
    'SELECT id, document_id, file_name, mime, size, created_at FROM document_files WHERE document_id = ? ORDER BY id',
  );

  function where(q: { keyword?: string; openOnly?: boolean }, params: Record<string, unknown>): string {
    const parts = ['1 = 1'];
    if (q.keyword) {
      params.kw = q.keyword;
      params.kwDocNo = normalizeDocNo(q.keyword) || q.keyword;
      parts.push(KEYWORD_WHERE);
    }
    if (q.openOnly) parts.push(`EXISTS (SELECT 1 FROM instructions n WHERE n.document_id = d.id AND ${OPEN_INSTRUCTION})`);
    return parts.join(' AND ');
  }

  return {
    /** A filtered window of the list, newest received first (documents without a date last). */
    list(q: { keyword?: string; openOnly?: boolean; offset: number; limit: number }): { total: number; rows: DocumentRow[] } {
      const params: Record<string, unknown> = {};
      const w = where(q, params);
      const total = (db.prepare(`SELECT count(*) AS n FROM documents d WHERE ${w}`).get(params) as { n: number }).n;
      const sql = `${LIST_SELECT} WHERE ${w} ORDER BY d.received_at = '', d.received_at DESC, d.id DESC LIMIT @limit OFFSET @offset`;
      const rows = db.prepare<[Record<string, unknown>], ListDbRow>(sql).all({ ...params, limit: q.limit, offset: q.offset });
      return { total, rows: rows.map(toRow) };
    },
    listRow(id: number): DocumentRow {
      const r = db.prepare<[number], ListDbRow>(`${LIST_SELECT} WHERE d.id = ?`).get(id);
      if (!r) throw new AppError('not_found', `来文（编号 ${id}）不存在`);
      return toRow(r);
    },
    row(id: number): DocumentDbRow {
      const r = rowStmt.get(id);
      if (!r) throw new AppError('not_found', `来文（编号 ${id}）不存在`);
      return r;
    },
    instructions(documentId: number): Instruction[] {
      return instrStmt.all(documentId).map((n) => ({
        id: n.id,
        documentId: n.document_id,
        person: n.person,
        givenOn: n.given_on,
        content: n.content,
        sort: n.sort,
        open: n.open === 1,
        tasks: tasksStmt.all(n.id).map((t) => ({ id: t.id, title: t.title, status: t.status, progress: t.progress, deadlineText: t.deadline_text })),
      }));
    },
    files(documentId: number): DocumentFile[] {
      return filesStmt.all(documentId).map((f) => ({ id: f.id, documentId: f.document_id, fileName: f.file_name, mime: f.mime, size: f.size, createdAt: f.created_at }));
    },
    /** Inserts or updates the document row from fields; returns its id. */
    write(id: number | undefined, fields: DocumentFields, at: string): number {
      const cols = Object.values(DOCUMENT_COLUMNS);
      const values: Record<string, unknown> = Object.fromEntries(Object.entries(fields).map(([k, v]) => [DOCUMENT_COLUMNS[k as keyof DocumentFields], v]));
      if (id === undefined) {
        const sql = `INSERT INTO documents(${cols.join(', ')}, created_at, updated_at) VALUES (${cols.map((c) => `@${c}`).join(', ')}, @at, @at)`;
        return Number(db.prepare(sql).run({ ...values, at }).lastInsertRowid);
      }
      db.prepare(`UPDATE documents SET ${cols.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @at WHERE id = @id`).run({ ...values, at, id });
      return id;
    },
  };
}
export type DocumentsRepository = ReturnType<typeof createDocumentsRepository>;
