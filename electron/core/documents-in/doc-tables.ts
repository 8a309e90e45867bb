import type { CellValue } from '../excel/workbook';
import { gridSheet, type DocumentBlock } from './document-blocks';

/**
 * Word 97–2003 text as word-extractor gives it: a table cell ends with a tab, a row with one more
 * tab (or a line break after a merged row's last cell), a cell's own paragraphs with line breaks.
 */

/** Lines of one table: from a line with a tab, through cells whose paragraphs broke the line. */
function tableRegion(lines: readonly string[], start: number): number {
  let end = start;
  while (end < lines.length) {
    const line = lines[end];
    if (!line.includes('\t') && (end === start || /\t$/.test(lines[end - 1]))) break;
    end++;
  }
  return end;
}

/**
 * Rows of a table region. The first row (the header) ends at the first empty part and sets the
 * width; later an empty part ends a full row and is an empty cell otherwise; a part after a line
 * break starts a new row (a merged row ends that way).
 */
export function regionRows(region: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let width = 0;
  const endRow = () => {
    if (row.some((c) => c !== '')) {
      rows.push(row);
      if (width === 0) width = row.length;
    }
    row = [];
  };
  for (const raw of region.split('\t')) {
    if (raw.startsWith('\n')) endRow();
    const part = raw.replace(/^\n+/, '').trim();
    if (part !== '') row.push(part);
    else if (raw.startsWith('\n')) continue;
    else if (width === 0 || row.length >= width) endRow();
    else row.push('');
  }
  endRow();
  return rows;
}

/** Paragraphs and tables of a .doc body. */
export function docBlocks(body: string): DocumentBlock[] {
  const lines = body.split(/\r\n|\r|\n/);
  const blocks: DocumentBlock[] = [];
  for (let i = 0; i < lines.length; ) {
    if (!lines[i].includes('\t')) {
      const text = lines[i].trim();
      if (text !== '') blocks.push({ kind: 'para', text });
      i++;
      continue;
    }
    const end = tableRegion(lines, i);
    const rows: CellValue[][] = regionRows(lines.slice(i, end).join('\n'));
    if (rows.length > 0) blocks.push({ kind: 'table', sheet: gridSheet(rows) });
    i = end;
  }
  return blocks;
}
