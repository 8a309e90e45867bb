import { matchHeaderField } from '../excel/foreign/synonyms';
import type { CellValue } from '../excel/workbook';
import { joinFragments } from '../import/plan-text/paragraphs';
import { gridSheet, type DocumentBlock } from './document-blocks';
import { isPageNumber, lineText, type PdfLine } from './pdf-lines';

/**
 * Task tables rebuilt from where text sits on the page: a header line names the columns (序号 …
 * 牵头单位), each column starts where its cells' text starts, a row starts at a line with text in
 * the first column and takes the wrapped lines below it. A table goes on across pages; the header
 * repeated on a later page is dropped. Cell borders are not read: text must be top-aligned in its
 * cell, as word processors print tables by default.
 */

const HEADER_MIN = 3;

const headerKey = (line: PdfLine): string => line.items.map((i) => i.text.replace(/\s+/g, '')).join('|');

function isHeader(line: PdfLine): boolean {
  return line.items.length >= HEADER_MIN && line.items.filter((i) => matchHeaderField(i.text) !== null).length >= HEADER_MIN;
}

/** Left edge of each column after the first: the leftmost text start between two header centres. */
function columnStarts(header: PdfLine, body: readonly PdfLine[]): number[] {
  const centres = header.items.map((i) => (i.x + i.end) / 2);
  const starts = body.flatMap((l) => l.items.map((i) => i.x));
  return centres.slice(1).map((c, k) => {
    const inside = starts.filter((x) => x > centres[k] && x <= c + 0.5);
    return inside.length > 0 ? Math.min(...inside) - 1 : Math.min(header.items[k + 1].x, (centres[k] + c) / 2);
  });
}

interface TableRun {
  header: PdfLine;
  /** Index of the first line after the table. */
  end: number;
  rows: string[][];
}

function cellsOf(line: PdfLine, bounds: readonly number[]): string[][] {
  const cells: string[][] = bounds.map(() => []).concat([[]]);
  for (const it of line.items) {
    let col = 0;
    while (col < bounds.length && it.x >= bounds[col]) col++;
    cells[col].push(it.text);
  }
  return cells;
}

/** Reads the table whose header is lines[at]; stops at another kind of header or the table's left edge. */
function readTable(lines: readonly PdfLine[], at: number): TableRun {
  const header = lines[at];
  const key = headerKey(header);
  const bounds = columnStarts(header, lines.slice(at + 1, at + 200));
  const left = Math.min(header.items[0].x, ...lines.slice(at + 1, at + 200).map((l) => l.items[0].x).filter((x) => x < (bounds[0] ?? Infinity))) - 12;
  const rows: string[][][] = [];
  let i = at + 1;
  for (; i < lines.length; i++) {
    const line = lines[i];
    // A page number printed mid-page; a lone number in the first column is a task's 序号.
    if (isPageNumber(line) && line.items[0].x >= (bounds[0] ?? 0)) continue;
    if (headerKey(line) === key) continue;
    if (isHeader(line) || line.items[0].x < left) break;
    const cells = cellsOf(line, bounds);
    if (cells[0].length > 0 || rows.length === 0) rows.push(cells);
    else cells.forEach((parts, c) => rows[rows.length - 1][c].push(...parts));
  }
  const texts = rows.map((r) => r.map((parts) => parts.reduce((a, b) => (a === '' ? b : joinFragments(a, b)), '')));
  return { header, end: i, rows: texts };
}

/** Trailing rows with text in the first column only are body paragraphs after the table. */
function splitTail(rows: string[][]): { rows: string[][]; tail: string[] } {
  let n = rows.length;
  while (n > 0 && rows[n - 1].slice(1).every((c) => c === '')) n--;
  return { rows: rows.slice(0, n), tail: rows.slice(n).map((r) => r[0]) };
}

/** Paragraph lines and rebuilt tables of a PDF, in reading order. */
export function pdfBlocks(lines: readonly PdfLine[]): DocumentBlock[] {
  const blocks: DocumentBlock[] = [];
  for (let i = 0; i < lines.length; ) {
    const line = lines[i];
    if (!isHeader(line)) {
      if (!isPageNumber(line)) blocks.push({ kind: 'para', text: lineText(line) });
      i++;
      continue;
    }
    const run = readTable(lines, i);
    const { rows, tail } = splitTail(run.rows);
    const grid: CellValue[][] = [run.header.items.map((it) => it.text), ...rows];
    blocks.push({ kind: 'table', sheet: gridSheet(grid) });
    for (const text of tail) blocks.push({ kind: 'para', text });
    i = run.end;
  }
  return blocks;
}
