import { layoutHeader } from './header-layout';
import type { SheetLayout } from './meta-sheet';
import { cellText } from './safe-text';
import {
  BODY_FONT, BODY_FONT_SIZE, HEADER_FILL, HEADER_FONT, INPUT_FILL, NOTE_FONT, SUBTITLE_FONT, TABLE_PAGE, THIN_BORDER, TITLE_FONT, TITLE_FONT_SIZE,
} from './sheet-style';
import { SheetWriter, type CellValue } from './sheet-writer';
import type { CellStyle, StyleRegistry } from './style-registry';
import { lineHeightPt, rowHeightPt, widthToFit, wrappedLines } from './text-metrics';
import type { CellInput, StyledColumn, StyledSheet } from './types';
import type { ZipPart } from './xlsx-zip';
import { columnLetters } from './xml-text';

/** First row of the header block (title and subtitle above it). */
export const HEADER_START = 3;

const TITLE: CellStyle = { font: TITLE_FONT, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };
const SUB_LEFT: CellStyle = { font: SUBTITLE_FONT, alignment: { horizontal: 'left', vertical: 'middle' } };
const SUB_RIGHT: CellStyle = { font: SUBTITLE_FONT, alignment: { horizontal: 'right', vertical: 'middle' } };
const HEADER: CellStyle = { font: HEADER_FONT, fill: HEADER_FILL, border: THIN_BORDER, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };
const NOTE: CellStyle = { font: NOTE_FONT, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true } };

/** The text a cell shows, for row-height estimation. */
function shownText(v: CellInput): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return '2025-06-30';
  return String(v);
}

function toCellValue(v: CellInput): CellValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return cellText(v);
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  return v;
}

const visibleWidth = (cols: readonly StyledColumn[]) => cols.reduce((w, c) => w + (c.hidden ? 0 : c.width), 0);

function dataStyle(col: StyledColumn, protect: boolean, numFmt = col.numFmt): CellStyle {
  return {
    font: BODY_FONT,
    border: THIN_BORDER,
    alignment: { horizontal: col.align ?? (col.width >= 12 ? 'left' : 'center'), vertical: 'middle', wrapText: true },
    ...(numFmt ? { numFmt } : {}),
    ...(col.input ? { fill: INPUT_FILL, ...(protect ? { protection: { locked: false } } : {}) } : {}),
  };
}

function withFittedWidths(sheet: StyledSheet): StyledSheet {
  if (!sheet.columns.some((c) => c.growTo)) return sheet;
  const columns = sheet.columns.map((c) =>
    c.growTo ? { ...c, width: widthToFit(sheet.rows.map((r) => shownText(r[c.key])), c.width, c.growTo, BODY_FONT_SIZE) } : c,
  );
  return { ...sheet, columns };
}

const range = (r1: number, c1: number, r2: number, c2: number) => `${columnLetters(c1)}${r1}:${columnLetters(c2)}${r2}`;
const repeat = <T>(n: number, x: T): T[] => new Array<T>(n).fill(x);

/** Title and subtitle rows; pushes their merges. */
function writeTitleRows(w: SheetWriter, sheet: StyledSheet, styles: StyleRegistry, merges: string[]): void {
  const n = sheet.columns.length;
  if (n > 1) merges.push(range(1, 1, 1, n));
  w.row(1, [cellText(sheet.title)], repeat(n, styles.id(TITLE)), Math.max(34, rowHeightPt([{ text: sheet.title, width: visibleWidth(sheet.columns) }], TITLE_FONT_SIZE) + 6));
  const split = Math.max(1, Math.ceil(n / 2));
  const left = sheet.subtitleLeft ?? '';
  const right = sheet.subtitleRight ?? '';
  const [l, r] = [styles.id(SUB_LEFT), styles.id(SUB_RIGHT)];
  if (right && n > 1) {
    if (split > 1) merges.push(range(2, 1, 2, split));
    if (n > split + 1) merges.push(range(2, split + 1, 2, n));
    const values: CellValue[] = repeat(n, null);
    values[0] = cellText(left);
    values[split] = cellText(right);
    w.row(2, values, [...repeat(split, l), ...repeat(n - split, r)], 24);
  } else {
    if (n > 1) merges.push(range(2, 1, 2, n));
    w.row(2, [cellText(right && n === 1 ? `${left}　${right}` : left)], repeat(Math.max(n, 1), l), 24);
  }
}

/** The header block from row 3; returns its last row. */
function writeHeader(w: SheetWriter, cols: readonly StyledColumn[], styles: StyleRegistry, merges: string[]): number {
  const { depth, cells } = layoutHeader(cols.map((c) => c.header));
  const values: CellValue[][] = Array.from({ length: depth }, () => repeat(cols.length, null));
  const linesPerRow = repeat(depth, 1);
  for (const h of cells) {
    if (h.toRow > h.row || h.toCol > h.col) merges.push(range(HEADER_START + h.row, h.col + 1, HEADER_START + h.toRow, h.toCol + 1));
    values[h.row][h.col] = cellText(h.label);
    let width = 0;
    for (let c = h.col; c <= h.toCol; c++) width += cols[c].hidden ? 0 : cols[c].width;
    if (width === 0) continue;
    const span = h.toRow - h.row + 1;
    const lines = Math.ceil(wrappedLines(h.label, width) / span);
    for (let r = h.row; r <= h.toRow; r++) linesPerRow[r] = Math.max(linesPerRow[r], lines);
  }
  const style = repeat(cols.length, styles.id(HEADER));
  values.forEach((v, i) => w.row(HEADER_START + i, v, style, linesPerRow[i] * lineHeightPt(BODY_FONT_SIZE) + 8));
  return HEADER_START + depth - 1;
}

/** Rows written between waits for the compressor. */
const ROWS_PER_DRAIN = 256;

/** The data rows from `first`, each with its estimated height. */
async function writeRows(w: SheetWriter, sheet: StyledSheet, first: number, styles: StyleRegistry): Promise<void> {
  const cols = sheet.columns;
  const protect = !!sheet.protect;
  const ids = cols.map((c) => styles.id(dataStyle(c, protect)));
  const dateIds = cols.map((c) => (c.numFmt ? undefined : styles.id(dataStyle(c, protect, 'mm-dd-yy'))));
  const shown = cols.map((c, i) => (c.hidden ? -1 : i)).filter((i) => i >= 0);
  const minLines = sheet.minRowLines ?? 1;
  const values: CellValue[] = repeat(cols.length, null);
  for (let i = 0; i < sheet.rows.length; i++) {
    if (i % ROWS_PER_DRAIN === ROWS_PER_DRAIN - 1) await w.drain();
    const record = sheet.rows[i];
    let rowStyles = ids;
    for (let c = 0; c < cols.length; c++) {
      const v = toCellValue(record[cols[c].key]);
      values[c] = v;
      if (v instanceof Date && dateIds[c] !== undefined) (rowStyles = rowStyles === ids ? [...ids] : rowStyles)[c] = dateIds[c]!;
    }
    const texts = shown.map((c) => ({ text: shownText(record[cols[c].key]), width: cols[c].width }));
    w.row(first + i, values, rowStyles, rowHeightPt(texts, BODY_FONT_SIZE, minLines));
  }
}

/**
 * Streams one formal table sheet: merged title, office and date row, merged multi-level header,
 * bordered wrapped rows with estimated heights, notes; frozen header, A4 landscape one page wide,
 * 第 X 页 共 Y 页 footer, locked except the input columns when protected. Returns where things are.
 */
export async function writeTableSheet(part: ZipPart, name: string, input: StyledSheet, styles: StyleRegistry): Promise<SheetLayout> {
  const sheet = withFittedWidths(input);
  const cols = sheet.columns;
  const depth = layoutHeader(cols.map((c) => c.header)).depth;
  const headerEnd = HEADER_START + depth - 1;
  const lastData = headerEnd + sheet.rows.length;
  const notes = sheet.notes ?? [];
  const w = new SheetWriter(part, { columns: cols, lastRow: notes.length ? lastData + 1 + notes.length : lastData, frozenRows: headerEnd, showGridLines: false, fitToPage: true });
  const merges: string[] = [];
  writeTitleRows(w, sheet, styles, merges);
  writeHeader(w, cols, styles, merges);
  await writeRows(w, sheet, headerEnd + 1, styles);
  const width = visibleWidth(cols);
  const note = repeat(Math.max(cols.length, 1), styles.id(NOTE));
  notes.forEach((text, i) => {
    const r = lastData + 2 + i;
    if (cols.length > 1) merges.push(range(r, 1, r, cols.length));
    w.row(r, [cellText(text)], note, rowHeightPt([{ text, width }], 11));
  });
  const validations = sheet.rows.length
    ? cols.flatMap((c, i) => (c.validation ? [{ sqref: sheet.rows.length > 1 ? range(headerEnd + 1, i + 1, lastData, i + 1) : `${columnLetters(i + 1)}${lastData}`, rule: c.validation }] : []))
    : [];
  await w.close({ protect: sheet.protect, merges, validations, page: TABLE_PAGE });
  return {
    name,
    headerRow: headerEnd,
    firstDataRow: headerEnd + 1,
    lastDataRow: sheet.rows.length ? lastData : 0,
    columns: cols.map((c) => c.key),
    meta: sheet.meta ?? {},
  };
}
