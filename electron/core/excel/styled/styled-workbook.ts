import { writeInstructionsSheet } from './instructions-sheet';
import { META_SHEET, META_WIDTHS, metaRows, type SheetLayout } from './meta-sheet';
import { sheetName } from './safe-text';
import { META_PAGE } from './sheet-style';
import { SheetWriter } from './sheet-writer';
import { StyleRegistry } from './style-registry';
import { HEADER_START, writeTableSheet } from './table-sheet';
import type { StyledWorkbookSpec } from './types';
import { appXml, contentTypes, coreXml, ROOT_RELS, SHARED_STRINGS, workbookRels, workbookXml, type SheetEntry } from './workbook-parts';
import { ZipWriter } from './xlsx-zip';
import { XML_HEAD } from './xml-text';

/** Creator written into the file properties. */
const CREATOR = '清单通';

/**
 * Writes a styled .xlsx: an optional instructions sheet first, the table sheets, and the hidden
 * `_meta` sheet that lets the app recognise the file when it comes back. Rows are streamed
 * straight into the compressed zip (no workbook model in memory); styles.xml is built from the
 * distinct styles used. Bytes out, no paths.
 */
export async function writeStyledWorkbook(spec: StyledWorkbookSpec): Promise<Uint8Array<ArrayBuffer>> {
  const zip = new ZipWriter(spec.meta.exportedAt);
  const styles = new StyleRegistry();
  const entries: SheetEntry[] = [];
  const taken = new Set<string>([META_SHEET]);
  const nextPart = () => zip.open(`xl/worksheets/sheet${entries.length + 1}.xml`);
  if (spec.instructions) {
    const name = sheetName(spec.instructions.name, taken);
    taken.add(name);
    await writeInstructionsSheet(nextPart(), spec.instructions, styles);
    entries.push({ name });
  }
  const layouts: SheetLayout[] = [];
  for (const sheet of spec.sheets) {
    const name = sheetName(sheet.name, taken);
    taken.add(name);
    const layout = await writeTableSheet(nextPart(), name, sheet, styles);
    layouts.push(layout);
    entries.push({ name, printTitleRows: `${HEADER_START}:${layout.headerRow}` });
  }
  const rows = metaRows(spec.meta, layouts);
  const meta = new SheetWriter(nextPart(), { columns: META_WIDTHS.map((width) => ({ width })), lastRow: rows.length, lastColumn: Math.max(...rows.map((r) => r.length)) });
  rows.forEach((r, i) => r.length && meta.row(i + 1, r, []));
  await meta.close({ merges: [], validations: [], page: META_PAGE });
  entries.push({ name: META_SHEET, hidden: true });
  await zip.part('xl/styles.xml', `${XML_HEAD}${styles.xml()}`);
  await zip.part('xl/sharedStrings.xml', SHARED_STRINGS);
  await zip.part('xl/workbook.xml', workbookXml(entries));
  await zip.part('xl/_rels/workbook.xml.rels', workbookRels(entries.length));
  await zip.part('docProps/core.xml', coreXml(CREATOR, spec.meta.exportedAt));
  await zip.part('docProps/app.xml', appXml(entries.map((e) => e.name)));
  await zip.part('_rels/.rels', ROOT_RELS);
  await zip.part('[Content_Types].xml', contentTypes(entries.length));
  return zip.finish();
}
