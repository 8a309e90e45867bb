import {
  AlignmentType, BorderStyle, LineRuleType, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType,
} from 'docx';
import { FONTS, SIZE, run } from './gongwen';

/** A column of a 公文 table: header text, width in twips and how its cells align. */
export interface GongwenColumn {
  header: string;
  width: number;
  align?: 'center' | 'left';
}

/** A row: one text per column, or a group line spanning the whole table (黑体). */
export type GongwenRow = { cells: string[] } | { group: string };

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER } as const;
const CELL_MARGIN = { top: 40, bottom: 40, left: 80, right: 80 } as const;

function cellParagraphs(text: string, font: string, align: 'center' | 'left', size: number): Paragraph[] {
  // Line breaks inside a cell become paragraphs of their own.
  return text.split('\n').map(
    (line) =>
      new Paragraph({
        alignment: align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
        spacing: { line: 320, lineRule: LineRuleType.AT_LEAST },
        children: [run(line, font, size)],
      }),
  );
}

function cell(text: string, width: number, font: string, align: 'center' | 'left', size: number, span = 1): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: span > 1 ? span : undefined,
    verticalAlign: VerticalAlign.CENTER,
    margins: CELL_MARGIN,
    children: cellParagraphs(text, font, align, size),
  });
}

/**
 * A bordered table in 仿宋 小四 with its header row in 黑体, repeated at the top of every page
 * (w:tblHeader); a row is never split over two pages unless it is taller than a page.
 */
export function gongwenTable(columns: readonly GongwenColumn[], rows: readonly GongwenRow[], size: number = SIZE.xiaosi): Table {
  const total = columns.reduce((s, c) => s + c.width, 0);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c) => cell(c.header, c.width, FONTS.heading1, 'center', size)),
  });
  const body = rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children:
          'group' in r
            ? [cell(r.group, total, FONTS.heading1, 'left', size, columns.length)]
            : columns.map((c, i) => cell(r.cells[i] ?? '', c.width, FONTS.body, c.align ?? 'left', size)),
      }),
  );
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: columns.map((c) => c.width),
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    rows: [header, ...body],
  });
}
