import type { DraftItem, DraftProblem } from '../import/draft';
import type { SheetLayout } from './styled/meta-sheet';
import { appColumns, appLayouts, appMapping, withUpperIdentity, type AppColumns } from './foreign/app-made';
import { ImportFileError, quoteFile, type ImportFileErrorReason } from './import-file-error';
import { readWorkbookCells, type CellValue, type ReadLimits, type SheetCells } from './workbook';
import { buildItem, type ItemContext } from './foreign/build-item';
import { columnLetter, columnsByField, columnsOf, layoutKeyOf, mappingFromFields, sanitizeMapping, type MappingResult } from './foreign/column-map';
import { detectHeader, type DetectedHeader } from './foreign/header-detect';
import { findTitle, resolvePlanName, yearFromText } from './foreign/plan-name';
import { classifyRow, makeRowContext } from './foreign/section-rows';
import { FIELD_LABELS, type ColumnMapping } from './foreign/synonyms';
import { SectionTracker, describeRows, dominantYear, fillVerticalMerges } from './foreign/sheet-walk';

export type { ColumnMapping, ForeignField } from './foreign/synonyms';

export interface ForeignReadOptions {
  /**
   * Year for deadlines without one (6月30日, 全年). Default: a 20xx in the title, sheet or file name;
   * else the year most deadline cells write; else the current year.
   */
  year?: number;
  /** Mappings the user chose, by layoutKey (remembered per layout). */
  mappingsByLayout?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Mappings the user chose for this file, by sheet name (wins over mappingsByLayout). */
  mappingsBySheet?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** 1-based header row by sheet name, when detection picked the wrong row. */
  headerRowBySheet?: Readonly<Record<string, number>>;
  /** Import hidden rows too (default: skipped, with a warning). */
  includeHiddenRows?: boolean;
  /** Read hidden sheets too (default: skipped; a hidden data sheet is reported). */
  includeHiddenSheets?: boolean;
  limits?: Partial<ReadLimits>;
}

export interface ForeignSheetResult {
  name: string;
  /** 1-based Excel row of the (first) header row. */
  headerRow: number;
  headerRowCount: 1 | 2;
  /** Flattened header text per column, '' where none (责任单位/牵头 for two-row headers). */
  headers: string[];
  mapping: ColumnMapping;
  /** Whether `mapping` came from options (user choice) or was detected. */
  mappingSource: 'detected' | 'sheet' | 'layout';
  layoutKey: string;
  plan: string;
  campaign: string;
  items: DraftItem[];
  /** Section and group headings in sheet order, as written. */
  sections: string[];
  problems: DraftProblem[];
}

export interface ForeignWorkbookResult {
  fileName: string;
  sheets: ForeignSheetResult[];
  /** Workbook-level problems (unreadable file, no data sheet, hidden sheets). */
  problems: DraftProblem[];
  /** Set when the file could not be read at all; `problems` holds the message. */
  fileError?: ImportFileErrorReason;
}

/**
 * Reads a workbook of any office's layout into draft items. Never throws for bad input: an
 * unreadable file (renamed PDF, encrypted, zip bomb, too many rows, wrong encoding) gives
 * `fileError` and one error problem naming the file. Sheets without a recognisable header
 * (instructions, cover pages) are skipped silently.
 */
export function readForeignWorkbook(
  bytes: Uint8Array,
  fileName: string,
  options: ForeignReadOptions = {},
): ForeignWorkbookResult {
  let sheets: SheetCells[];
  try {
    sheets = readWorkbookCells(bytes, fileName, options.limits).sheets;
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    return { fileName, sheets: [], problems: [{ file: fileName, severity: 'error', message: error.message }], fileError: error.reason };
  }
  return readForeignCells(sheets, fileName, options);
}

/** Reads sheets already turned into cells (a workbook's, or a Word/PDF document's tables) into draft items. */
export function readForeignCells(sheets: readonly SheetCells[], fileName: string, options: ForeignReadOptions = {}): ForeignWorkbookResult {
  const result: ForeignWorkbookResult = { fileName, sheets: [], problems: [] };
  const app = appLayouts(sheets);
  for (const sheet of sheets) {
    if (sheet.hidden && !options.includeHiddenSheets) {
      if (detectHeader(sheet)) result.problems.push(hiddenSheetProblem(fileName, sheet.name));
      continue;
    }
    const read = readForeignSheet(sheet, fileName, options, app?.get(sheet.name));
    if (read) result.sheets.push(read);
  }
  if (result.sheets.length === 0) result.problems.push(noDataProblem(fileName, sheets.length));
  return result;
}

function hiddenSheetProblem(fileName: string, sheet: string): DraftProblem {
  return { file: fileName, sheet, severity: 'warning', message: `工作表「${sheet}」是隐藏的，已跳过（如需导入，请先在 Excel 中取消隐藏）` };
}

function noDataProblem(fileName: string, sheetCount: number): DraftProblem {
  const why = sheetCount === 0 ? '没有任何工作表' : '的前 15 行中没有找到清单表头';
  return {
    file: fileName,
    severity: 'error',
    message: `${quoteFile(fileName)}${why}（表头应包含“序号、重点任务、具体内容、牵头单位”等列）。请检查是否选错了文件，或在预览中手动指定表头行`,
  };
}

/**
 * Reads one sheet; null when it has no header (not a data sheet). `app`: the sheet's layout in
 * `_meta` when the workbook is app-made (rows then keep the sender's id and 编号).
 */
export function readForeignSheet(
  sheet: SheetCells,
  fileName: string,
  options: ForeignReadOptions = {},
  app?: SheetLayout,
): ForeignSheetResult | null {
  const forced = options.headerRowBySheet?.[sheet.name];
  const header = detectHeader(sheet, forced === undefined ? undefined : forced - 1);
  if (!header) return null;
  const upper = appColumns(app, header.headers);
  const base = sheetBase(sheet, fileName, header, options, upper);
  const year = contextYear(sheet, header, base.mapping, fileName, options);
  const columns = columnsByField(base.mapping);
  const ctx: ItemContext = { fileName, sheetName: sheet.name, columns, headers: header.headers, plan: base, year };
  if (columns.title.length + columns.content.length === 0) {
    base.problems.push(sheetProblem(ctx, 'error', '没有“任务名称”或“具体内容”列，无法导入，请在预览中指定列'));
    return base;
  }
  walkRows(sheet, header, ctx, base, options, upper);
  return base;
}

/** options.year; else a 20xx in the title, sheet or file name; else the deadlines' usual year; else now. */
function contextYear(
  sheet: SheetCells,
  header: DetectedHeader,
  mapping: ColumnMapping,
  fileName: string,
  options: ForeignReadOptions,
): number {
  return (
    options.year ??
    yearFromText(findTitle(sheet.rows, header.row), sheet.name, fileName) ??
    dominantYear(sheet, columnsOf(mapping, 'deadline')[0], header.row + header.rowCount) ??
    new Date().getFullYear()
  );
}

function sheetBase(sheet: SheetCells, fileName: string, header: DetectedHeader, options: ForeignReadOptions, upper: AppColumns | null): ForeignSheetResult {
  const found = mappingFromFields(header.headers, header.fields);
  // An app-made list numbers its rows (序号) besides the sender's 编号: no duplicate to report.
  const detected = upper ? { mapping: appMapping(found.mapping, upper), duplicates: [] } : found;
  const layoutKey = layoutKeyOf(header.headers);
  const bySheet = options.mappingsBySheet?.[sheet.name];
  const byLayout = options.mappingsByLayout?.[layoutKey];
  const mapping = bySheet ? sanitizeMapping(bySheet) : byLayout ? sanitizeMapping(byLayout) : detected.mapping;
  const title = findTitle(sheet.rows, header.row);
  const plan = resolvePlanName(title, sheet.name, fileName);
  const base: ForeignSheetResult = {
    name: sheet.name,
    headerRow: header.row + 1,
    headerRowCount: header.rowCount,
    headers: header.headers,
    mapping,
    mappingSource: bySheet ? 'sheet' : byLayout ? 'layout' : 'detected',
    layoutKey,
    plan: plan.plan,
    campaign: plan.campaign,
    items: [],
    sections: [],
    problems: [],
  };
  base.problems.push(...mappingProblems(sheet, fileName, base, base.mappingSource === 'detected' ? detected.duplicates : [], upper));
  return base;
}

/** Duplicate single-field columns, no unit column, hidden columns: said once per sheet. */
function mappingProblems(
  sheet: SheetCells,
  fileName: string,
  base: ForeignSheetResult,
  duplicates: MappingResult['duplicates'],
  upper: AppColumns | null,
): DraftProblem[] {
  const at = { file: fileName, sheet: sheet.name };
  const problems: DraftProblem[] = duplicates.map((d) => ({
    ...at,
    row: base.headerRow,
    column: columnLetter(d.column),
    severity: 'warning',
    message: `${columnLetter(d.column)}列「${base.headers[d.column]}」与前面的列同为“${FIELD_LABELS[d.field]}”，已忽略此列`,
  }));
  const fields = Object.values(base.mapping);
  if (!fields.includes('lead') && !fields.includes('resp') && !fields.includes('coop')) {
    problems.push({ ...at, severity: 'warning', message: '没有找到牵头单位或责任单位列，导入的条目将没有单位' });
  }
  // The hidden id column of an app-made list is expected, and read as the sender's id.
  const hiddenCols = sheet.hiddenCols.filter((c) => c !== upper?.uid);
  if (hiddenCols.length > 0) {
    const letters = hiddenCols.map(columnLetter).join('、');
    problems.push({ ...at, severity: 'warning', message: `${letters}列是隐藏列，已照常读取，请在预览中确认` });
  }
  return problems;
}

function sheetProblem(ctx: ItemContext, severity: DraftProblem['severity'], message: string): DraftProblem {
  return { file: ctx.fileName, sheet: ctx.sheetName, severity, message };
}

function walkRows(
  sheet: SheetCells,
  header: DetectedHeader,
  ctx: ItemContext,
  out: ForeignSheetResult,
  options: ForeignReadOptions,
  upper: AppColumns | null,
): void {
  const start = header.row + header.rowCount;
  const hidden = new Set(sheet.hiddenRows);
  const skippedHidden: number[] = [];
  const values = fillVerticalMerges(sheet, start);
  const tracker = new SectionTracker();
  const rowContext = makeRowContext(out.mapping, header.headers, sheet.merges);
  const fields = [...new Set(Object.values(out.mapping))].filter((f) => f !== 'ignore');
  for (let r = start; r < sheet.rows.length; r += 1) {
    const row: readonly CellValue[] = values(r);
    const kind = classifyRow(row, r, rowContext);
    if (kind.kind === 'blank') continue;
    if (hidden.has(r) && !options.includeHiddenRows) {
      skippedHidden.push(r + 1);
      continue;
    }
    if (kind.kind === 'section') {
      tracker.heading(kind.text, kind.level);
      out.sections.push(kind.text);
    } else if (kind.kind === 'data') {
      const built = buildItem(row, r, ctx, tracker.place());
      out.problems.push(...built.problems);
      if (built.item) {
        if (upper) withUpperIdentity(built.item, row, upper, fields);
        out.items.push(built.item);
        tracker.next();
      }
    }
  }
  if (skippedHidden.length > 0) {
    out.problems.push(sheetProblem(ctx, 'warning', `${describeRows(skippedHidden)}是隐藏行，已跳过（如需导入，请先取消隐藏）`));
  }
}
