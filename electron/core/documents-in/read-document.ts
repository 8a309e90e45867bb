import type { DraftProblem } from '../import/draft';
import { parseHandlingSlip, type HandlingSlip } from '../import/plan-text/handling-slip';
import { parsePlanText, type ParsedPlanText } from '../import/plan-text/parse-plan-text';
import { ImportFileError, quoteFile } from '../excel/import-file-error';
import { readForeignCells, type ForeignReadOptions, type ForeignWorkbookResult } from '../excel/read-foreign-sheet';
import { tooLargeMessage } from '../excel/text-decode';
import { DEFAULT_READ_LIMITS } from '../excel/workbook';
import type { DocumentContent } from './document-blocks';
import type { DocumentKind } from './document-kind';
import { readDoc } from './doc-reader';
import { readDocx } from './docx-reader';
import { readPdf } from './pdf-reader';

/** A document read for the import: its tables as a workbook's sheets, its body text as pasted text is read. */
export interface DocumentRead {
  workbook: ForeignWorkbookResult;
  /** Plans and tasks found in the body text (none when the tasks are all in tables). */
  text: ParsedPlanText;
  /** The 文件处理单 on top of the document, registered as 来文 on apply. */
  slip: HandlingSlip | null;
}

const KIND_NAMES: Readonly<Record<DocumentKind, string>> = { docx: 'Word 文档', doc: 'Word 97–2003 文档', wps: 'WPS 文字文档', pdf: 'PDF 文件', ofd: 'OFD 版式文件' };

async function contentOf(bytes: Uint8Array, fileName: string, kind: DocumentKind, options: ForeignReadOptions): Promise<DocumentContent> {
  const limits = { ...DEFAULT_READ_LIMITS, ...options.limits };
  if (bytes.byteLength > limits.maxFileBytes) throw new ImportFileError('too_large', fileName, tooLargeMessage(fileName, bytes.byteLength, limits.maxFileBytes));
  if (kind === 'docx') return readDocx(bytes, fileName, limits);
  if (kind === 'doc' || kind === 'wps') return readDoc(bytes, fileName);
  if (kind === 'pdf') return readPdf(bytes, fileName);
  throw new ImportFileError('not_spreadsheet', fileName, `${quoteFile(fileName)}是 OFD 版式文件，暂不能导入。请向来文单位索取 Word、PDF 或 Excel 版本`);
}

function failed(fileName: string, error: ImportFileError): DocumentRead {
  return {
    workbook: { fileName, sheets: [], problems: [{ file: fileName, severity: 'error', message: error.message }], fileError: error.reason },
    text: { plans: [], items: [], problems: [] },
    slip: null,
  };
}

function nothingFound(fileName: string, kind: DocumentKind): DraftProblem {
  return {
    file: fileName,
    severity: 'error',
    message: `${quoteFile(fileName)}（${KIND_NAMES[kind]}）中没有找到任务清单表格（表头应包含“序号、重点任务、具体内容、牵头单位”等列），正文中也没有识别出任务`,
  };
}

/**
 * Reads a Word, WPS or PDF document. Its tables go through the foreign-sheet reader (header
 * detection, synonyms, merged cells) exactly as a workbook's sheets do; its body text through the
 * plan-text reader as pasted text does. Never throws for bad input: an unreadable document gives
 * `workbook.fileError` and one error problem naming the file.
 */
export async function readDocument(
  bytes: Uint8Array,
  fileName: string,
  kind: DocumentKind,
  options: ForeignReadOptions,
): Promise<DocumentRead> {
  let content: DocumentContent;
  try {
    content = await contentOf(bytes, fileName, kind, options);
  } catch (error) {
    if (error instanceof ImportFileError) return failed(fileName, error);
    throw error;
  }
  const read = readForeignCells(content.tables, fileName, options);
  // Tables that are no task list (a letterhead, a contact table) are normal in a document.
  const workbook = read.sheets.length > 0 ? read : { ...read, problems: [] };
  const text = parsePlanText(content.text, { file: fileName });
  if (workbook.sheets.every((s) => s.items.length === 0) && text.items.length === 0) workbook.problems.push(nothingFound(fileName, kind));
  return { workbook, text, slip: parseHandlingSlip(content.text) };
}
