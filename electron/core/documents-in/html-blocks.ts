import { readWorkbookCells } from '../excel/workbook';
import type { DocumentBlock } from './document-blocks';

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Text of an HTML fragment: tags dropped, <br> and paragraph ends as line breaks, entities decoded. */
export function htmlText(html: string): string {
  return html
    .replace(/<br\s*\/?>|<\/(?:p|li|h[1-6])>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
      if (code[0] !== '#') return ENTITIES[code.toLowerCase()] ?? whole;
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) ? String.fromCodePoint(n) : whole;
    })
    .replace(/[ \t\u00a0]+\n/g, '\n')
    .trim();
}

/** Index just past the element that opens at `start` (same-name elements nested inside counted). */
function elementEnd(html: string, start: number, tag: string): number {
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
  re.lastIndex = start;
  let depth = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[1] === '/' ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  return html.length;
}

/**
 * A table's HTML read by the workbook reader (SheetJS), so colspan/rowspan become the same merges a
 * workbook's merged cells do. A cell's paragraphs stay lines of one cell.
 */
function tableBlock(html: string, fileName: string): DocumentBlock {
  const inner = html.replace(/<\/p>\s*<p[^>]*>/gi, '<br/>');
  const page = `<html><head><meta charset="utf-8"></head><body>${inner}</body></html>`;
  const sheet = readWorkbookCells(new TextEncoder().encode(page), fileName).sheets[0];
  return { kind: 'table', sheet: sheet ?? { name: '', hidden: false, rows: [], merges: [], hiddenRows: [], hiddenCols: [] } };
}

const TOP = /<(table|p|h[1-6]|ul|ol)\b[^>]*>/gi;

/** The top-level paragraphs and tables of mammoth's HTML, in order; list items are paragraphs. */
export function htmlBlocks(html: string, fileName: string): DocumentBlock[] {
  const blocks: DocumentBlock[] = [];
  TOP.lastIndex = 0;
  for (let m = TOP.exec(html); m; m = TOP.exec(html)) {
    const tag = m[1].toLowerCase();
    const end = elementEnd(html, m.index, tag);
    const element = html.slice(m.index, end);
    if (tag === 'table') {
      blocks.push(tableBlock(element, fileName));
    } else {
      for (const line of htmlText(element).split('\n')) if (line.trim() !== '') blocks.push({ kind: 'para', text: line.trim() });
    }
    TOP.lastIndex = end;
  }
  return blocks;
}
