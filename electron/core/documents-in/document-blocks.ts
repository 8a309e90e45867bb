import type { CellValue, MergeRange, SheetCells } from '../excel/workbook';

/** What a document reader hands on: paragraphs and tables in document order. */
export type DocumentBlock = { kind: 'para'; text: string } | { kind: 'table'; sheet: SheetCells };

/** A document split for the two readers: its body text (plan-text reader) and its tables (foreign-sheet reader). */
export interface DocumentContent {
  /** Body paragraphs, one a line; a leading 文件处理单 table comes first as tab-separated lines. */
  text: string;
  /** Each table as a sheet 表1, 表2 …, its title paragraphs (附件1, the list's title) as rows above it. */
  tables: SheetCells[];
}

/** A table's cells as a sheet, as the workbook reader gives them. */
export function gridSheet(rows: CellValue[][], merges: MergeRange[] = []): SheetCells {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const padded = rows.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill(null)]);
  return { name: '', hidden: false, rows: padded, merges, hiddenRows: [], hiddenCols: [] };
}

const SLIP_TITLE = /文件处理单\s*$/;
/** Title paragraphs kept above a table: short lines without sentence punctuation, such as 附件1 and 2025年重点任务清单. */
const TITLE_MAX = 60;

function cellText(v: CellValue): string {
  return v === null ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
}

/** The slip as pasted text shows it: cells joined by tabs, a cell's paragraphs as <div>s (signatures). */
function slipLines(sheet: SheetCells): string[] {
  return sheet.rows.map((row) =>
    row
      .map(cellText)
      .map((t) => (t.includes('\n') ? t.split('\n').map((l) => `<div>${l.trim()}</div>`).join(' ') : t))
      .join('\t'),
  );
}

/** The first table is a 文件处理单 when the slip's title is just above it or in its first row. */
function isSlip(blocks: readonly DocumentBlock[], at: number): boolean {
  const table = blocks[at];
  if (table.kind !== 'table') return false;
  const before = blocks.slice(0, at);
  if (before.some((b) => b.kind === 'table')) return false;
  const first = table.sheet.rows[0]?.map(cellText).join('') ?? '';
  return SLIP_TITLE.test(first) || before.some((b) => b.kind === 'para' && SLIP_TITLE.test(b.text));
}

/** Up to two short paragraphs right above a table (附件1, the title), as rows of one cell. */
function titleRows(blocks: readonly DocumentBlock[], at: number): CellValue[][] {
  const out: CellValue[][] = [];
  for (let i = at - 1; i >= 0 && out.length < 2; i--) {
    const b = blocks[i];
    if (b.kind !== 'para' || b.text.length > TITLE_MAX || /[。，；：,;:]/.test(b.text)) break;
    out.unshift([b.text]);
  }
  return out;
}

function withTitle(sheet: SheetCells, title: CellValue[][], name: string): SheetCells {
  const n = title.length;
  const merges = sheet.merges.map((m) => ({ s: { r: m.s.r + n, c: m.s.c }, e: { r: m.e.r + n, c: m.e.c } }));
  const grid = gridSheet([...title, ...sheet.rows], merges);
  return { ...grid, name, hiddenRows: sheet.hiddenRows.map((r) => r + n), hiddenCols: [...sheet.hiddenCols] };
}

/** Splits blocks into body text and tables (see DocumentContent). */
export function assembleDocument(blocks: readonly DocumentBlock[]): DocumentContent {
  const lines: string[] = [];
  const tables: SheetCells[] = [];
  blocks.forEach((b, i) => {
    if (b.kind === 'para') {
      lines.push(b.text);
    } else if (isSlip(blocks, i)) {
      lines.push(...slipLines(b.sheet));
    } else if (b.sheet.rows.length > 0) {
      tables.push(withTitle(b.sheet, titleRows(blocks, i), `表${tables.length + 1}`));
    }
  });
  return { text: lines.join('\n'), tables };
}
