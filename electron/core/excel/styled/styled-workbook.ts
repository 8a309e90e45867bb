import ExcelJS from 'exceljs';
import { writeInstructionsSheet } from './instructions-sheet';
import { META_SHEET, writeMetaSheet, type SheetLayout } from './meta-sheet';
import { sheetName } from './safe-text';
import type { StyledWorkbookSpec } from './types';
import { writeTableSheet } from './write-table-sheet';
import { useSongtiAsNormalFont } from './zip-rewrite';

/** Creator written into the file properties. */
const CREATOR = '清单通';

/**
 * Writes a styled .xlsx: an optional instructions sheet first, the table sheets, and the hidden
 * `_meta` sheet that lets the app recognise the file when it comes back. Bytes out, no paths.
 */
export async function writeStyledWorkbook(spec: StyledWorkbookSpec): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  wb.creator = CREATOR;
  wb.lastModifiedBy = CREATOR;
  wb.created = spec.meta.exportedAt;
  wb.modified = spec.meta.exportedAt;
  const taken = new Set<string>([META_SHEET]);
  if (spec.instructions) {
    const name = sheetName(spec.instructions.name, taken);
    taken.add(name);
    await writeInstructionsSheet(wb, name, spec.instructions);
  }
  const layouts: SheetLayout[] = [];
  for (const sheet of spec.sheets) {
    const name = sheetName(sheet.name, taken);
    taken.add(name);
    layouts.push(await writeTableSheet(wb, name, sheet));
  }
  writeMetaSheet(wb, spec.meta, layouts);
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  const buffer = await wb.xlsx.writeBuffer();
  return useSongtiAsNormalFont(new Uint8Array(buffer as unknown as Uint8Array));
}
