import type ExcelJS from 'exceljs';
import { cellText } from '../../../../electron/core/excel/styled/safe-text';
import { A4_LANDSCAPE_ONE_WIDE } from './page-setup';
import { NOTE_FONT, PAGE_FOOTER, TITLE_FONT, TITLE_FONT_SIZE } from '../../../../electron/core/excel/styled/sheet-style';
import { rowHeightPt } from '../../../../electron/core/excel/styled/text-metrics';
import type { InstructionsSheet } from '../../../../electron/core/excel/styled/types';

const WIDTH = 110;
const PARAGRAPH_SIZE = 12;

/** The first sheet of a fill-in template: a title and numbered paragraphs, A4 portrait-ready text. */
export async function writeInstructionsSheet(wb: ExcelJS.Workbook, name: string, spec: InstructionsSheet): Promise<void> {
  const ws = wb.addWorksheet(name, { views: [{ showGridLines: false }] });
  ws.getColumn(1).width = WIDTH;
  const title = ws.getCell(1, 1);
  title.value = cellText(spec.title);
  title.font = TITLE_FONT;
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(1).height = rowHeightPt([{ text: spec.title, width: WIDTH }], TITLE_FONT_SIZE) + 10;
  spec.paragraphs.forEach((p, i) => {
    const cell = ws.getCell(i + 2, 1);
    cell.value = cellText(p);
    cell.font = { ...NOTE_FONT, size: PARAGRAPH_SIZE };
    cell.alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
    ws.getRow(i + 2).height = rowHeightPt([{ text: p, width: WIDTH }], PARAGRAPH_SIZE) + 4;
  });
  ws.pageSetup = {
    ...A4_LANDSCAPE_ONE_WIDE,
    margins: { left: 0.6, right: 0.6, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: PAGE_FOOTER };
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
}
