import { createHash } from 'node:crypto';
import { extractTargets } from '../parse/quantity';
import { documentKind } from '../documents-in/document-kind';
import { readDocument } from '../documents-in/read-document';
import { ImportFileError } from '../excel/import-file-error';
import { readForeignWorkbook, type ForeignReadOptions, type ForeignWorkbookResult } from '../excel/read-foreign-sheet';
import { parseHandlingSlip, type HandlingSlip } from './plan-text/handling-slip';
import { parsePlanText, type ParsedPlanText } from './plan-text/parse-plan-text';

/** Name under which pasted text appears in previews, problems and batches. */
export const PASTED_TEXT_NAME = '粘贴文本';

/** The user's choices for one sheet of one file. */
export interface SheetChoice {
  file: string;
  sheet: string;
  layoutKey: string;
  columns: Readonly<Record<string, string>>;
  headerRow?: number;
}

/** Everything the parse step needs; plain data, so it can cross to a worker thread. */
export interface ParseJob {
  files: readonly { name: string; bytes: Uint8Array }[];
  text?: string;
  /** Remembered mappings by layout (the database's column_mappings), plus this request's choices. */
  mappingsByLayout: Readonly<Record<string, Readonly<Record<string, string>>>>;
  choices: readonly SheetChoice[];
}

/**
 * One source read: a workbook, or the pasted text. A Word/PDF document is a file whose tables are
 * the workbook's sheets, with its body text read as pasted text is and its 文件处理单, if any.
 */
export type ParsedSource =
  | { source: 'file'; file: string; hash: string; workbook: ForeignWorkbookResult; text?: ParsedPlanText; slip?: HandlingSlip | null }
  | { source: 'text'; file: string; hash: string; text: ParsedPlanText; slip?: HandlingSlip | null };

/** Progress of the parse step. */
export interface ParseProgress {
  filesDone: number;
  files: number;
  rows: number;
  message: string;
}

function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Pasted text states its targets in the task text (新增城镇就业 70 万人以上): read them for the preview. */
function withTargets(parsed: ParsedPlanText): ParsedPlanText {
  const items = parsed.items.map((d) => {
    if (d.targets) return d;
    const targets = extractTargets(d.content);
    return targets.length ? { ...d, targets } : d;
  });
  return { ...parsed, items };
}

function optionsFor(job: ParseJob, file: string) {
  const mine = job.choices.filter((c) => c.file === file);
  const byLayout: Record<string, Readonly<Record<string, string>>> = { ...job.mappingsByLayout };
  // A mapping corrected on one file applies to every other file of the same layout in this import.
  for (const c of job.choices) if (Object.keys(c.columns).length > 0) byLayout[c.layoutKey] = c.columns;
  const bySheet = Object.fromEntries(mine.filter((c) => Object.keys(c.columns).length > 0).map((c) => [c.sheet, c.columns]));
  const headerRows = Object.fromEntries(mine.filter((c) => c.headerRow !== undefined).map((c) => [c.sheet, c.headerRow!]));
  return { mappingsByLayout: byLayout, mappingsBySheet: bySheet, headerRowBySheet: headerRows };
}

/**
 * Reads every file (any office's workbook layout, Word and PDF documents) and the pasted text.
 * Pure (no database): runs in the parse worker. Never throws for bad input: an unreadable file
 * gives `fileError`.
 */
export async function parseSources(job: ParseJob, onProgress: (p: ParseProgress) => void = () => {}): Promise<ParsedSource[]> {
  const total = job.files.length + (job.text?.trim() ? 1 : 0);
  const out: ParsedSource[] = [];
  let rows = 0;
  const report = (message: string) => onProgress({ filesDone: out.length, files: total, rows, message });
  for (const f of job.files) {
    report(`正在读取 ${out.length + 1}/${total}：${f.name}`);
    const parsed = await parseFile(f, optionsFor(job, f.name));
    rows += parsed.workbook.sheets.reduce((n, s) => n + s.items.length, 0) + (parsed.text?.items.length ?? 0);
    out.push(parsed);
  }
  if (job.text?.trim()) {
    report(`正在识别${PASTED_TEXT_NAME}`);
    const text = withTargets(parsePlanText(job.text, { file: PASTED_TEXT_NAME }));
    rows += text.items.length;
    out.push({ source: 'text', file: PASTED_TEXT_NAME, hash: sha256(job.text), text, slip: parseHandlingSlip(job.text) });
  }
  report(`已读取 ${total} 个来源，共 ${rows} 条`);
  return out;
}

/** A workbook, or a Word/PDF document (told by its bytes) read by documents-in. */
async function parseFile(f: ParseJob['files'][number], options: ForeignReadOptions): Promise<ParsedSource & { source: 'file' }> {
  const hash = sha256(f.bytes);
  let kind;
  try {
    kind = documentKind(f.bytes, f.name);
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    const problems = [{ file: f.name, severity: 'error' as const, message: error.message }];
    return { source: 'file', file: f.name, hash, workbook: { fileName: f.name, sheets: [], problems, fileError: error.reason } };
  }
  if (kind === null) return { source: 'file', file: f.name, hash, workbook: readForeignWorkbook(f.bytes, f.name, options) };
  const doc = await readDocument(f.bytes, f.name, kind, options);
  return { source: 'file', file: f.name, hash, workbook: doc.workbook, text: withTargets(doc.text), slip: doc.slip };
}
