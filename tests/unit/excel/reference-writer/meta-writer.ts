import type ExcelJS from 'exceljs';
import { META_SHEET, META_WIDTHS, metaRows, type SheetLayout } from '../../../../electron/core/excel/styled/meta-sheet';
import type { WorkbookMeta } from '../../../../electron/core/excel/styled/types';

/** The old writer's hidden `_meta` sheet (ExcelJS model): the same rows the streaming writer writes. */
export function writeMetaSheet(wb: ExcelJS.Workbook, meta: WorkbookMeta, layouts: readonly SheetLayout[]): void {
  const ws = wb.addWorksheet(META_SHEET, { state: 'hidden' });
  for (const r of metaRows(meta, layouts)) ws.addRow(r);
  ws.getColumn(1).width = META_WIDTHS[0];
  ws.getColumn(2).width = META_WIDTHS[1];
}
