import type { CellValue, MergeRange, SheetCells } from '../workbook';
import { normalizeCellText } from '../../parse/text-normalize';
import { matchHeaderField, matchSubHeaderField, normalizeHeader, type ForeignField } from './synonyms';

/** The header of a data sheet: where it is and what each column says. */
export interface DetectedHeader {
  /** 0-based index of the (first) header row. */
  row: number;
  /** 1, or 2 for a merged two-row header (责任单位 over 牵头 / 配合). */
  rowCount: 1 | 2;
  /** Flattened header text per column ('' where none), e.g. 责任单位/牵头. */
  headers: string[];
  /** The field each column's header names, null when unknown. */
  fields: (ForeignField | null)[];
}

/** How many rows from the top may hold the header. */
export const HEADER_SCAN_ROWS = 15;
const MIN_FIELDS = 2;

/** Text of a cell for header and row tests: trimmed, line breaks collapsed, '' for empty. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return normalizeCellText(String(value));
}

/**
 * Finds the header among the first rows: the row naming the most distinct fields (at least two,
 * one of them 任务名称 or 具体内容), with its sub-header row when the next row splits merged
 * parents. Null when no row qualifies: an instructions or cover sheet, not a data sheet.
 */
export function detectHeader(sheet: SheetCells, forcedRow?: number): DetectedHeader | null {
  if (forcedRow !== undefined) return forcedRow < sheet.rows.length ? headerAt(sheet, forcedRow) : null;
  let best: DetectedHeader | null = null;
  let bestScore = 0;
  for (const r of range(0, Math.min(sheet.rows.length, HEADER_SCAN_ROWS))) {
    const header = headerAt(sheet, r);
    const score = scoreFields(header.fields);
    if (!isUsableHeader(header.fields)) continue;
    if (score > bestScore) {
      best = header;
      bestScore = score;
    }
  }
  return best;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}

function scoreFields(fields: readonly (ForeignField | null)[]): number {
  return new Set(fields.filter((f) => f !== null)).size;
}

function isUsableHeader(fields: readonly (ForeignField | null)[]): boolean {
  return scoreFields(fields) >= MIN_FIELDS && (fields.includes('title') || fields.includes('content'));
}

function headerAt(sheet: SheetCells, r: number): DetectedHeader {
  const top = (sheet.rows[r] ?? []).map(cellText);
  if (isSubHeaderRow(sheet, r)) return flattenTwoRows(sheet, r, top);
  return { row: r, rowCount: 1, headers: top, fields: top.map((t) => matchHeaderField(t)) };
}

/** Horizontal merge in row r covering column c, if any. */
function horizontalMergeAt(merges: readonly MergeRange[], r: number, c: number): MergeRange | undefined {
  return merges.find((m) => m.s.r === r && m.s.c <= c && c <= m.e.c && m.e.c > m.s.c);
}

/**
 * Row r+1 is a sub-header when it has text only where row r has a merged (or blank, unmerged)
 * parent, and every such text reads like a header (牵头, 配合, a field synonym …).
 */
function isSubHeaderRow(sheet: SheetCells, r: number): boolean {
  const top = sheet.rows[r];
  const below = sheet.rows[r + 1];
  if (!top || !below) return false;
  let underParent = 0;
  for (let c = 0; c < below.length; c += 1) {
    const text = cellText(below[c]);
    if (text === '') continue;
    if (!matchSubHeaderField(text) && !isShortLabel(text)) return false;
    if (horizontalMergeAt(sheet.merges, r, c) || cellText(top[c]) === '') underParent += 1;
  }
  return underParent > 0 && top.some((v) => matchHeaderField(cellText(v)) !== null);
}

function isShortLabel(text: string): boolean {
  const t = normalizeHeader(text);
  return t.length <= 6 && !/\d/.test(t);
}

function flattenTwoRows(sheet: SheetCells, r: number, top: readonly string[]): DetectedHeader {
  const below = (sheet.rows[r + 1] ?? []).map(cellText);
  const width = Math.max(top.length, below.length);
  const headers: string[] = [];
  const fields: (ForeignField | null)[] = [];
  for (let c = 0; c < width; c += 1) {
    const parent = parentText(sheet, r, c, top, below);
    const child = below[c] ?? '';
    headers.push(child === '' || child === parent ? parent : parent === '' ? child : `${parent}/${child}`);
    fields.push(child === '' ? matchHeaderField(parent) : subField(parent, child));
  }
  return { row: r, rowCount: 2, headers, fields };
}

/** The parent over column c: its own text, its merge's text, or the text of an unmerged run to its left. */
function parentText(sheet: SheetCells, r: number, c: number, top: readonly string[], below: readonly string[]): string {
  if ((top[c] ?? '') !== '') return top[c];
  const merge = horizontalMergeAt(sheet.merges, r, c);
  if (merge) return top[merge.s.c] ?? '';
  if ((below[c] ?? '') === '') return '';
  for (let k = c - 1; k >= 0; k -= 1) {
    if ((below[k] ?? '') === '') return '';
    if ((top[k] ?? '') !== '') return top[k];
  }
  return '';
}

function subField(parent: string, child: string): ForeignField | null {
  return matchSubHeaderField(child) ?? matchHeaderField(parent);
}
