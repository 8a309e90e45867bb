import type ExcelJS from 'exceljs';
import { layoutHeader } from '../../../../electron/core/excel/styled/header-layout';
import type { SheetLayout } from '../../../../electron/core/excel/styled/meta-sheet';
import { cellText } from '../../../../electron/core/excel/styled/safe-text';
import {
  BODY_FONT, BODY_FONT_SIZE, HEADER_FILL, HEADER_FONT, INPUT_FILL, NOTE_FONT, PAGE_FOOTER,
  SUBTITLE_FONT, THIN_BORDER, TITLE_FONT, TITLE_FONT_SIZE,
} from '../../../../electron/core/excel/styled/sheet-style';
import { formalPageSetup } from './page-setup';
import { lineHeightPt, rowHeightPt, widthToFit, wrappedLines } from '../../../../electron/core/excel/styled/text-metrics';
import type { CellInput, StyledColumn, StyledSheet } from '../../../../electron/core/excel/styled/types';

const HEADER_START = 3;

/** The text a cell shows, for row-height estimation. */
function shownText(v: CellInput): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return '2025-06-30';
  return String(v);
}

function toCellValue(v: CellInput): ExcelJS.CellValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return cellText(v);
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  return v;
}

const visibleWidth = (cols: readonly StyledColumn[]) => cols.reduce((w, c) => w + (c.hidden ? 0 : c.width), 0);

function writeTitleRows(ws: ExcelJS.Worksheet, sheet: StyledSheet): void {
  const n = sheet.columns.length;
  if (n > 1) ws.mergeCells(1, 1, 1, n);
  const title = ws.getCell(1, 1);
  title.value = cellText(sheet.title);
  title.font = TITLE_FONT;
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(1).height = Math.max(34, rowHeightPt([{ text: sheet.title, width: visibleWidth(sheet.columns) }], TITLE_FONT_SIZE) + 6);
  const split = Math.max(1, Math.ceil(n / 2));
  const left = sheet.subtitleLeft ?? '';
  const right = sheet.subtitleRight ?? '';
  if (right && n > 1) {
    ws.mergeCells(2, 1, 2, split);
    ws.mergeCells(2, split + 1, 2, n);
  } else if (n > 1) {
    ws.mergeCells(2, 1, 2, n);
  }
  const l = ws.getCell(2, 1);
  l.value = cellText(right && n === 1 ? `${left}　${right}` : left);
  l.font = SUBTITLE_FONT;
  l.alignment = { horizontal: 'left', vertical: 'middle' };
  if (right && n > 1) {
    const r = ws.getCell(2, split + 1);
    r.value = cellText(right);
    r.font = SUBTITLE_FONT;
    r.alignment = { horizontal: 'right', vertical: 'middle' };
  }
  ws.getRow(2).height = 24;
}

/** Writes the header block from row 3; returns its last row. */
function writeHeader(ws: ExcelJS.Worksheet, cols: readonly StyledColumn[]): number {
  const { depth, cells } = layoutHeader(cols.map((c) => c.header));
  const last = HEADER_START + depth - 1;
  for (let r = HEADER_START; r <= last; r++) {
    for (let c = 1; c <= cols.length; c++) {
      const cell = ws.getCell(r, c);
      cell.font = HEADER_FONT;
      cell.fill = HEADER_FILL;
      cell.border = THIN_BORDER;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    }
  }
  const linesPerRow = new Array<number>(depth).fill(1);
  for (const h of cells) {
    if (h.toRow > h.row || h.toCol > h.col) ws.mergeCells(HEADER_START + h.row, h.col + 1, HEADER_START + h.toRow, h.toCol + 1);
    ws.getCell(HEADER_START + h.row, h.col + 1).value = cellText(h.label);
    let width = 0;
    for (let c = h.col; c <= h.toCol; c++) width += cols[c].hidden ? 0 : cols[c].width;
    if (width === 0) continue;
    const span = h.toRow - h.row + 1;
    const lines = Math.ceil(wrappedLines(h.label, width) / span);
    for (let r = h.row; r <= h.toRow; r++) linesPerRow[r] = Math.max(linesPerRow[r], lines);
  }
  linesPerRow.forEach((lines, i) => (ws.getRow(HEADER_START + i).height = lines * lineHeightPt(BODY_FONT_SIZE) + 8));
  return last;
}

function styleDataCell(cell: ExcelJS.Cell, col: StyledColumn, protect: boolean): void {
  cell.font = BODY_FONT;
  cell.border = THIN_BORDER;
  cell.alignment = { horizontal: col.align ?? (col.width >= 12 ? 'left' : 'center'), vertical: 'middle', wrapText: true };
  if (col.numFmt) cell.numFmt = col.numFmt;
  if (col.input) {
    cell.fill = INPUT_FILL;
    if (protect) cell.protection = { locked: false };
  }
  if (col.validation) cell.dataValidation = col.validation;
}

/** Writes the data rows from `first`; returns the last row written (first - 1 when none). */
function writeRows(ws: ExcelJS.Worksheet, sheet: StyledSheet, first: number): number {
  const cols = sheet.columns;
  const protect = !!sheet.protect;
  sheet.rows.forEach((record, i) => {
    const row = ws.getRow(first + i);
    row.values = cols.map((c) => toCellValue(record[c.key]));
    cols.forEach((c, n) => styleDataCell(row.getCell(n + 1), c, protect));
    const texts = cols.filter((c) => !c.hidden).map((c) => ({ text: shownText(record[c.key]), width: c.width }));
    row.height = rowHeightPt(texts, BODY_FONT_SIZE, sheet.minRowLines ?? 1);
  });
  return first + sheet.rows.length - 1;
}

function writeNotes(ws: ExcelJS.Worksheet, sheet: StyledSheet, from: number): void {
  const width = visibleWidth(sheet.columns);
  (sheet.notes ?? []).forEach((note, i) => {
    const r = from + i;
    if (sheet.columns.length > 1) ws.mergeCells(r, 1, r, sheet.columns.length);
    const cell = ws.getCell(r, 1);
    cell.value = cellText(note);
    cell.font = NOTE_FONT;
    cell.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
    ws.getRow(r).height = rowHeightPt([{ text: note, width }], 11);
  });
}

function withFittedWidths(sheet: StyledSheet): StyledSheet {
  if (!sheet.columns.some((c) => c.growTo)) return sheet;
  const columns = sheet.columns.map((c) =>
    c.growTo ? { ...c, width: widthToFit(sheet.rows.map((r) => shownText(r[c.key])), c.width, c.growTo, BODY_FONT_SIZE) } : c,
  );
  return { ...sheet, columns };
}

/**
 * Writes one formal table sheet: merged title, office and date row, merged multi-level header,
 * bordered wrapped rows with estimated heights, notes; frozen header, A4 landscape one page wide,
 * header repeated on every printed page, 第 X 页 共 Y 页 footer. Returns where things are, for `_meta`.
 */
export async function writeTableSheet(wb: ExcelJS.Workbook, name: string, input: StyledSheet): Promise<SheetLayout> {
  const sheet = withFittedWidths(input);
  const cols = sheet.columns;
  const ws = wb.addWorksheet(name);
  cols.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    if (c.hidden) col.hidden = true;
  });
  writeTitleRows(ws, sheet);
  const headerEnd = writeHeader(ws, cols);
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerEnd, topLeftCell: `A${headerEnd + 1}`, showGridLines: false }];
  const lastData = writeRows(ws, sheet, headerEnd + 1);
  writeNotes(ws, sheet, lastData + 2);
  ws.pageSetup = { ...ws.pageSetup, ...formalPageSetup(HEADER_START, headerEnd) };
  ws.headerFooter = { oddFooter: PAGE_FOOTER };
  if (sheet.protect) {
    await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  }
  return {
    name,
    headerRow: headerEnd,
    firstDataRow: headerEnd + 1,
    lastDataRow: sheet.rows.length ? lastData : 0,
    columns: cols.map((c) => c.key),
    meta: sheet.meta ?? {},
  };
}
