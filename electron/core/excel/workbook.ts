import * as XLSX from '@e965/xlsx';
import { constants as zlibConstants, inflateRawSync } from 'node:zlib';
import { encryptedError, sniffFile } from './file-sniff';
import { ImportFileError, quoteFile } from './import-file-error';
import { countCsvRecords, decodeTableText, tooLargeMessage } from './text-decode';
import { DEFAULT_ZIP_LIMITS, assertZipIsSafe, type ZipEntry, type ZipLimits } from './zip-guard';

/**
 * A cell as the importers see it: text, a number, a date (UTC midnight of the day shown, time kept),
 * or null. Numbers shown as percentages come as their text (9%), booleans as TRUE/FALSE.
 */
export type CellValue = string | number | Date | null;

/** A merged range, 0-based and inclusive, like SheetJS: s = top-left, e = bottom-right. */
export interface MergeRange {
  s: { r: number; c: number };
  e: { r: number; c: number };
}

export interface SheetCells {
  name: string;
  hidden: boolean;
  /** rows[i][j] is Excel row i+1, column j+1 (A1 is rows[0][0]); a merge's value only at top-left. */
  rows: CellValue[][];
  merges: MergeRange[];
  /** 0-based row indices (into `rows`) hidden in the sheet. */
  hiddenRows: number[];
  /** 0-based column indices hidden in the sheet. */
  hiddenCols: number[];
}

export interface WorkbookCells {
  sheets: SheetCells[];
}

export interface ReadLimits extends ZipLimits {
  /** Largest file accepted at all (default 100 MB). */
  maxFileBytes: number;
  /** Most rows in one sheet (default 200,000); a longer sheet is refused, not truncated. */
  maxRows: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  ...DEFAULT_ZIP_LIMITS,
  maxFileBytes: 100 * 1024 * 1024,
  maxRows: 200_000,
};

// SheetJS types its SSF helper as `any`; these are the functions used from it.
const SSF = XLSX.SSF as { is_date: (format: string) => boolean; format: (format: string, value: number) => string };

/**
 * Reads .xlsx/.xlsm/.xlsb/.ods/.xls/HTML-as-xls/.csv bytes into plain cells. The only module that
 * touches SheetJS for reading. Throws ImportFileError (Chinese message naming the file) for an empty
 * file, something that is not a table (renamed PDF, Word, image …), an encrypted workbook, a zip
 * bomb, a file or sheet over the limits, an unreadable text encoding, or a corrupt workbook.
 */
export function readWorkbookCells(
  bytes: Uint8Array,
  fileName: string,
  limits: Partial<ReadLimits> = {},
): WorkbookCells {
  const lim: ReadLimits = { ...DEFAULT_READ_LIMITS, ...limits };
  if (bytes.byteLength === 0) {
    throw new ImportFileError('empty', fileName, `${quoteFile(fileName)}是空文件（0 字节），请确认文件已完整保存或下载`);
  }
  if (bytes.byteLength > lim.maxFileBytes) {
    throw new ImportFileError('too_large', fileName, tooLargeMessage(fileName, bytes.byteLength, lim.maxFileBytes));
  }
  const sniffed = sniffFile(bytes, fileName);
  if (sniffed.kind === 'zip') assertZipIsSafe(bytes, sniffed.entries, fileName, lim);
  const workbook =
    sniffed.kind === 'zip' || sniffed.kind === 'ole'
      ? parseBinary(bytes, fileName, lim, sniffed.kind === 'zip' && !hasUtf16Part(bytes, sniffed.entries))
      : parseText(bytes, fileName, lim, sniffed.kind);
  // Each sheet's SheetJS cells are dropped as soon as they are converted: a large sheet is not held twice.
  return {
    sheets: workbook.SheetNames.map((name, i) => {
      const cells = toSheetCells(workbook, name, i, fileName, lim);
      delete workbook.Sheets[name];
      return cells;
    }),
  };
}

/**
 * cellText false: no formatted text for every cell (a sixth of SheetJS's time on a large sheet);
 * the one cell kind shown as formatted, percentages, is formatted on its own (numberCell).
 */
const READ_OPTIONS: XLSX.ParsingOptions = {
  dense: true,
  cellDates: false,
  cellText: false,
  cellNF: true,
  cellStyles: true,
  cellHTML: false,
  cellFormula: false,
};

/**
 * `asBuffer`: hand SheetJS a Buffer view of the bytes (no copy) rather than the Uint8Array. It then
 * turns each unzipped part into text with Buffer's native latin1 decoding instead of TextDecoder
 * plus a regex pass over the whole part: the same cells, and a 50,000-row sheet reads in about
 * half the time. Its two paths differ only for parts that start with a UTF-16 byte-order mark,
 * so such workbooks (see hasUtf16Part) and .xls files keep the Uint8Array path.
 */
function parseBinary(bytes: Uint8Array, fileName: string, lim: ReadLimits, asBuffer: boolean): XLSX.WorkBook {
  try {
    if (!asBuffer) return withoutOdsFormatNoise(() => XLSX.read(bytes, { ...READ_OPTIONS, type: 'array', sheetRows: lim.maxRows + 1 }));
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return withoutOdsFormatNoise(() => XLSX.read(buffer, { ...READ_OPTIONS, type: 'buffer', sheetRows: lim.maxRows + 1 }));
  } catch (error) {
    throw libraryError(error, fileName);
  }
}

/**
 * SheetJS prints "ODS number format may be incorrect" to the console for every conditional number
 * format LibreOffice writes (a value read is not affected: percentages and dates keep their format).
 * Those lines are dropped while it reads; anything else it prints still goes through.
 */
function withoutOdsFormatNoise<T>(read: () => T): T {
  const original = console.error;
  console.error = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('ODS number format may be incorrect')) return;
    original(...args);
  };
  try {
    return read();
  } finally {
    console.error = original;
  }
}

/** Whether a zip part starts with FF FE or FE FF (or FE FF one byte in), or cannot be peeked at. */
function hasUtf16Part(bytes: Uint8Array, entries: readonly ZipEntry[]): boolean {
  return entries.some((entry) => {
    const head = partHead(bytes, entry);
    if (head === null) return true;
    return (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff) || (head[1] === 0xfe && head[2] === 0xff);
  });
}

/** The first three bytes of a zip part (fewer for a shorter part); null when they cannot be read. */
function partHead(bytes: Uint8Array, entry: ZipEntry): Uint8Array | null {
  const want = Math.min(3, entry.uncompressedSize);
  if (want === 0) return new Uint8Array(0);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.localHeaderOffset;
  if (local + 30 > bytes.byteLength) return null;
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const data = bytes.subarray(start, start + Math.min(entry.compressedSize, 1024));
  if (entry.method === 0) return data.length >= want ? data.subarray(0, want) : null;
  try {
    // 1 KB of a deflate stream always holds its first block's header and first bytes.
    const head = inflateRawSync(data, { finishFlush: zlibConstants.Z_SYNC_FLUSH, maxOutputLength: 4 * 1024 * 1024 });
    return head.length >= want ? head.subarray(0, want) : null;
  } catch {
    return null;
  }
}

/** CSV/TSV, or an HTML/XML table saved as .xls: decoded by our encoding chain (GBK included) first. */
function parseText(bytes: Uint8Array, fileName: string, lim: ReadLimits, kind: 'text' | 'markup'): XLSX.WorkBook {
  const { text } = decodeTableText(bytes, fileName);
  const records = kind === 'text' ? countCsvRecords(text, lim.maxRows) : countMarkupRows(text, lim.maxRows);
  if (records > lim.maxRows) throw tooManyRows(fileName, null, lim.maxRows);
  try {
    // raw: keep 2025-06, 001 and 1/2 as written; the importers parse them.
    return XLSX.read(text, { ...READ_OPTIONS, type: 'string', raw: true });
  } catch (error) {
    throw libraryError(error, fileName);
  }
}

function countMarkupRows(text: string, limit: number): number {
  let count = 0;
  for (const _ of text.matchAll(/<(?:tr|Row)[\s>]/gi)) {
    count += 1;
    if (count > limit) break;
  }
  return count;
}

function libraryError(error: unknown, fileName: string): ImportFileError {
  const detail = error instanceof Error ? error.message : String(error);
  if (/password|encrypt/i.test(detail)) return encryptedError(fileName);
  return new ImportFileError(
    'corrupt',
    fileName,
    `${quoteFile(fileName)}无法读取，可能已损坏或不是受支持的表格格式（${detail.slice(0, 120)}）。请在 Excel 或 WPS 中打开并另存为 .xlsx 后再导入`,
  );
}

function tooManyRows(fileName: string, sheet: string | null, maxRows: number): ImportFileError {
  const where = sheet === null ? '' : `的工作表「${sheet}」`;
  return new ImportFileError(
    'too_many_rows',
    fileName,
    `${quoteFile(fileName)}${where}超过 ${maxRows.toLocaleString('en-US')} 行，超出导入上限。请删去空行或拆分成几个文件后再导入`,
  );
}

function toSheetCells(
  workbook: XLSX.WorkBook,
  name: string,
  index: number,
  fileName: string,
  lim: ReadLimits,
): SheetCells {
  const sheet = workbook.Sheets[name];
  const data = sheet?.['!data'] ?? [];
  if (data.length > lim.maxRows && data.slice(lim.maxRows).some((row) => row?.some((cell) => cell !== undefined))) {
    throw tooManyRows(fileName, name, lim.maxRows);
  }
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  return {
    name,
    hidden: (workbook.Workbook?.Sheets?.[index]?.Hidden ?? 0) !== 0,
    rows: toRows(data, lim.maxRows, date1904),
    merges: (sheet?.['!merges'] ?? []).map((m) => ({ s: { ...m.s }, e: { ...m.e } })),
    hiddenRows: hiddenIndices(sheet?.['!rows']),
    hiddenCols: hiddenIndices(sheet?.['!cols']),
  };
}

/**
 * Plain cells of the first `limit` rows, every row a real array of the same width (dense rows may
 * be sparse arrays, missing rows holes). One pass: a 50,000-row sheet is not copied twice.
 */
function toRows(data: readonly (XLSX.CellObject[] | undefined)[], limit: number, date1904: boolean): CellValue[][] {
  const count = Math.min(data.length, limit);
  let width = 0;
  for (let r = 0; r < count; r++) width = Math.max(width, data[r]?.length ?? 0);
  const rows: CellValue[][] = [];
  for (let r = 0; r < count; r++) {
    const src = data[r];
    // Sized up front: a row grown by push keeps room for 17 cells.
    const row = new Array<CellValue>(width);
    for (let c = 0; c < width; c++) row[c] = src ? toCellValue(src[c], date1904) : null;
    rows.push(row);
  }
  return rows;
}

function hiddenIndices(infos: readonly ({ hidden?: boolean } | undefined)[] | undefined): number[] {
  const out: number[] = [];
  infos?.forEach((info, i) => {
    if (info?.hidden) out.push(i);
  });
  return out;
}

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const EPOCH_1904_OFFSET_DAYS = 1462;
const DAY_MS = 86_400_000;

function toCellValue(cell: XLSX.CellObject | undefined, date1904: boolean): CellValue {
  if (!cell) return null;
  switch (cell.t) {
    case 's':
      return typeof cell.v === 'string' ? cell.v : String(cell.v ?? '');
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'd':
      return cell.v instanceof Date ? cell.v : new Date(String(cell.v));
    case 'n':
      return numberCell(cell, date1904);
    default:
      return null;
  }
}

function numberCell(cell: XLSX.CellObject, date1904: boolean): CellValue {
  const value = typeof cell.v === 'number' ? cell.v : Number(cell.v);
  const format = typeof cell.z === 'string' ? cell.z : '';
  if (format !== '' && SSF.is_date(format)) {
    const days = value + (date1904 ? EPOCH_1904_OFFSET_DAYS : 0);
    return new Date(EXCEL_EPOCH_UTC + Math.round(days * DAY_MS));
  }
  if (format.includes('%')) return typeof cell.w === 'string' ? cell.w : percentText(format, value);
  return value;
}


/** A percentage as Excel shows it (9%, 12.50%); the plain number when the format cannot be applied. */
function percentText(format: string, value: number): string | number {
  try {
    return SSF.format(format, value);
  } catch {
    return value;
  }
}
