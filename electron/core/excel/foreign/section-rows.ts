import type { CellValue, MergeRange } from '../workbook';
import { chineseNumeralToNumber, normalizeDigitsAndLetters, parseNumbering } from '../../parse/text-normalize';
import { cellText } from './header-detect';
import { columnsOf } from './column-map';
import { normalizeHeader, type ColumnMapping } from './synonyms';

/** What a row below the header is. */
export type RowClass =
  | { kind: 'blank' }
  | { kind: 'skip'; reason: 'note' | 'total' | 'header' }
  | { kind: 'section'; text: string; level: number }
  | { kind: 'data' };

export interface RowContext {
  mapping: ColumnMapping;
  /** Header text per column, as detected and normalised (normalizeHeader): to spot repeated header rows. */
  headers: readonly string[];
  normalizedHeaders: readonly string[];
  /** Merges by their top row, so each row looks up only its own. */
  mergesByRow: ReadonlyMap<number, readonly MergeRange[]>;
}

/** Builds the per-sheet context once; rows are then classified in constant time each. */
export function makeRowContext(mapping: ColumnMapping, headers: readonly string[], merges: readonly MergeRange[]): RowContext {
  const mergesByRow = new Map<number, MergeRange[]>();
  for (const m of merges) mergesByRow.set(m.s.r, [...(mergesByRow.get(m.s.r) ?? []), m]);
  return { mapping, headers, normalizedHeaders: headers.map((h) => normalizeHeader(h)), mergesByRow };
}

/** 注：… 制表人： 审核人： 联系电话： 填报日期： … below the table: not items. */
const NOTE_RE =
  /^(?:(?:注|备注|说明|附注|填表说明|填报说明)\s*\d*\s*[:：]|注\s*\d+\s*[.、．]|(?:制表人|制表|填表人|填报人|审核人|审核|审批人|单位负责人|负责人|分管领导|联系人|联系电话|经办人|填报单位|填报日期|填表日期|报送单位|报送日期|签字|签发|盖章|单位盖章|单位（盖章）)\s*[:：])/;
const TOTAL_RE = /^(?:合\s*计|小\s*计|总\s*计|共\s*计)$/;
const PLAIN_NUMBER = /^\d+(?:\.\d+)*[.、]?$/;
const MIN_SECTION_SPAN = 2;

/**
 * Classifies a row below the header: blank; a note, signature, total or repeated header row
 * (skipped); a section heading — a single value merged across columns, a single value numbered
 * 一、 or （一）, a single non-number in the 序号 column, or 序号 一、/（一） beside a title with
 * nothing else; otherwise data.
 */
export function classifyRow(values: readonly CellValue[], r: number, ctx: RowContext): RowClass {
  const texts = values.map((v) => cellText(v));
  const filled = texts.map((t, c) => (t !== '' && ctx.mapping[c] !== undefined ? c : -1)).filter((c) => c >= 0);
  const anyText = texts.some((t) => t !== '');
  if (filled.length === 0) return anyText && isNoteOrTotal(texts) ? { kind: 'skip', reason: 'note' } : { kind: 'blank' };
  const first = texts[filled[0]];
  if (NOTE_RE.test(first) && filled.length <= 4) return { kind: 'skip', reason: 'note' };
  if (TOTAL_RE.test(first)) return { kind: 'skip', reason: 'total' };
  if (isRepeatedHeader(texts, ctx)) return { kind: 'skip', reason: 'header' };
  const found = sectionText(texts, filled, r, ctx);
  if (found === null) return { kind: 'data' };
  const section = normalizeDigitsAndLetters(found);
  return { kind: 'section', text: section, level: parseNumbering(section)?.level ?? 0 };
}

function isNoteOrTotal(texts: readonly string[]): boolean {
  const first = texts.find((t) => t !== '') ?? '';
  return NOTE_RE.test(first) || TOTAL_RE.test(first);
}

const MAX_HEADER_LENGTH = 24;

function isRepeatedHeader(texts: readonly string[], ctx: RowContext): boolean {
  let same = 0;
  let filled = 0;
  texts.forEach((t, c) => {
    if (t === '') return;
    filled += 1;
    if (t === ctx.headers[c]) same += 1;
    else if (t.length <= MAX_HEADER_LENGTH && normalizeHeader(t) === (ctx.normalizedHeaders[c] ?? '')) same += 1;
  });
  return same >= 2 && same * 2 >= filled;
}

function sectionText(texts: readonly string[], filled: readonly number[], r: number, ctx: RowContext): string | null {
  if (filled.length === 1) return singleCellSection(texts[filled[0]], filled[0], r, ctx);
  if (filled.length === 2) return codeAndTitleSection(texts, filled, ctx);
  return null;
}

function singleCellSection(text: string, c: number, r: number, ctx: RowContext): string | null {
  const merge = ctx.mergesByRow.get(r)?.find((m) => m.s.c === c);
  if (merge && merge.e.c - merge.s.c + 1 >= MIN_SECTION_SPAN) return text;
  const numbering = parseNumbering(text);
  if (numbering && numbering.level <= 2) return text;
  const field = ctx.mapping[c];
  const titleColumns = columnsOf(ctx.mapping, 'title');
  const inFirstColumn = field === 'code' || (field === 'ignore' && c === firstMappedColumn(ctx.mapping));
  if (inFirstColumn && !PLAIN_NUMBER.test(text) && !titleColumns.includes(c) && titleColumns.length > 0) return text;
  return null;
}

/** 序号「一、」or「（一）」or「一」with the heading in the title column and nothing else. */
function codeAndTitleSection(texts: readonly string[], filled: readonly number[], ctx: RowContext): string | null {
  const [a, b] = filled;
  if (ctx.mapping[a] !== 'code' || ctx.mapping[b] !== 'title') return null;
  const code = texts[a];
  const numbering = parseNumbering(code);
  if (numbering && numbering.level <= 2 && numbering.rest === '') return `${code}${texts[b]}`;
  if (chineseNumeralToNumber(code) !== null) return `${code}、${texts[b]}`;
  return null;
}

function firstMappedColumn(mapping: ColumnMapping): number {
  return Math.min(...Object.keys(mapping).map(Number));
}
