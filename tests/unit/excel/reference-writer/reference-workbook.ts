import ExcelJS from 'exceljs';
import { writeInstructionsSheet } from './instructions-sheet';
import { META_SHEET, type SheetLayout } from '../../../../electron/core/excel/styled/meta-sheet';
import { writeMetaSheet } from './meta-writer';
import { sheetName } from '../../../../electron/core/excel/styled/safe-text';
import type { StyledWorkbookSpec } from '../../../../electron/core/excel/styled/types';
import { writeTableSheet } from './write-table-sheet';
import { rewriteZipText } from '../../../../electron/core/excel/styled/zip-rewrite';

/** Creator written into the file properties. */
const CREATOR = '清单通';

/** ExcelJS always writes Calibri as the Normal font; the old writer patched in 宋体 11. */
function useSongtiAsNormalFont(bytes: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  return rewriteZipText(bytes, 'xl/styles.xml', (xml) =>
    xml.replace(/<fonts([^>]*)><font>.*?<\/font>/, '<fonts$1><font><sz val="11"/><color theme="1"/><name val="宋体"/><family val="3"/><charset val="134"/></font>'),
  );
}

/**
 * The in-memory ExcelJS writer the app used before it streamed (kept only as the reference the
 * streaming writer is compared with, cell by cell and style by style): an optional instructions
 * sheet, the table sheets, the hidden `_meta` sheet.
 */
export async function writeReferenceWorkbook(spec: StyledWorkbookSpec): Promise<Uint8Array<ArrayBuffer>> {
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
