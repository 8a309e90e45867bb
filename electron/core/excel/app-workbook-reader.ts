import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/contract/errors';
import { checkAppWorkbookBytes } from './app-zip-check';
import { ImportFileError } from './import-file-error';
import { readWorkbookCells, type MergeRange, type SheetCells } from './workbook';
import { META_SHEET, parseMetaRows, type AppMeta } from './styled/meta-sheet';

/** A cell as read back: text, number, date, or null. Percent-formatted numbers come as their text (80%). */
export type AppCell = string | number | Date | null;

export interface AppSheet {
  readonly name: string;
  readonly hidden: boolean;
  /** rows[r][c] is Excel row r+1, column c+1; a merge's value only at its top-left. */
  readonly rows: readonly (readonly AppCell[])[];
  /** Merged ranges, 0-based and inclusive (s = top-left, e = bottom-right). */
  readonly merges: readonly MergeRange[];
}

/** An app-made workbook read back: its `_meta` (null when the file is not ours) and its sheets. */
export interface AppWorkbook {
  readonly meta: AppMeta | null;
  readonly sheets: readonly AppSheet[];
}

function percentText(n: number, fmt: string): string {
  const decimals = /0\.(0+)%/.exec(fmt)?.[1].length ?? 0;
  return `${Number((n * 100).toFixed(decimals))}%`;
}

function cellValue(cell: ExcelJS.Cell): AppCell {
  if (cell.isMerged && cell.master.address !== cell.address) return null;
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return /%/.test(cell.numFmt ?? '') ? percentText(v, cell.numFmt) : v;
  if (typeof v === 'string' || v instanceof Date) return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('hyperlink' in v) return String(v.text ?? '');
  if ('formula' in v || 'sharedFormula' in v) {
    const r = (v as ExcelJS.CellFormulaValue).result;
    if (r === undefined || r === null || typeof r === 'object') return r instanceof Date ? r : null;
    return typeof r === 'boolean' ? (r ? 'TRUE' : 'FALSE') : r;
  }
  if ('error' in v) return null;
  return null;
}

/** Grows the merge whose top-left is the cell's master to cover the cell. */
function noteMerge(merges: Map<string, MergeRange>, cell: ExcelJS.Cell): void {
  const { master } = cell;
  const m = merges.get(master.address) ?? { s: { r: Number(master.row) - 1, c: Number(master.col) - 1 }, e: { r: Number(master.row) - 1, c: Number(master.col) - 1 } };
  m.e = { r: Math.max(m.e.r, Number(cell.row) - 1), c: Math.max(m.e.c, Number(cell.col) - 1) };
  merges.set(master.address, m);
}

function readSheet(ws: ExcelJS.Worksheet): AppSheet {
  const rows: AppCell[][] = [];
  const merges = new Map<string, MergeRange>();
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const out: AppCell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      out[c - 1] = cellValue(cell);
      if (cell.isMerged && cell.master.address !== cell.address) noteMerge(merges, cell);
    });
    for (let c = 0; c < out.length; c++) if (out[c] === undefined) out[c] = null;
    rows[r - 1] = out;
  });
  for (let r = 0; r < rows.length; r++) if (!rows[r]) rows[r] = [];
  return { name: ws.name, hidden: ws.state !== 'visible', rows, merges: [...merges.values()] };
}

/** A sheet read by SheetJS (.xls, .ods) in the same shape as an ExcelJS one: a merge's value only at its top-left. */
function fromCells(sheet: SheetCells): AppSheet {
  const rows = sheet.rows.map((r) => [...r]);
  for (const m of sheet.merges) {
    for (let r = m.s.r; r <= m.e.r; r++) {
      for (let c = m.s.c; c <= m.e.c; c++) if ((r !== m.s.r || c !== m.s.c) && rows[r]) rows[r][c] = null;
    }
  }
  return { name: sheet.name, hidden: sheet.hidden, rows, merges: sheet.merges };
}

async function readXlsx(bytes: Uint8Array, fileName: string): Promise<AppSheet[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new AppError('bad_file', `文件「${fileName}」无法读取（${why.slice(0, 80)}），请在 Excel/WPS 中打开并另存为 .xlsx 后再试`);
  }
  return wb.worksheets.map(readSheet);
}

function readOther(bytes: Uint8Array, fileName: string): AppSheet[] {
  try {
    return readWorkbookCells(bytes, fileName).sheets.map(fromCells);
  } catch (e) {
    if (e instanceof ImportFileError) throw new AppError('bad_file', e.message);
    throw e;
  }
}

/**
 * Reads a workbook the app made (a list, a fill-in template as returned by a unit), whatever
 * program saved it: .xlsx with ExcelJS, .xls and .ods (Excel, WPS, LibreOffice) with the SheetJS
 * reader in workbook.ts. The `_meta` sheet is found by name, hidden, very hidden or shown.
 */
export async function readAppWorkbook(bytes: Uint8Array, fileName: string): Promise<AppWorkbook> {
  const format = checkAppWorkbookBytes(bytes, fileName);
  const sheets = format === 'xlsx' ? await readXlsx(bytes, fileName) : readOther(bytes, fileName);
  const metaSheet = sheets.find((s) => s.name === META_SHEET);
  return { meta: metaSheet ? parseMetaRows(metaSheet.rows) : null, sheets: sheets.filter((s) => s.name !== META_SHEET) };
}
