import { cellText } from './safe-text';
import { INSTRUCTIONS_PAGE, NOTE_FONT, TITLE_FONT, TITLE_FONT_SIZE } from './sheet-style';
import { SheetWriter } from './sheet-writer';
import type { CellStyle, StyleRegistry } from './style-registry';
import { rowHeightPt } from './text-metrics';
import type { InstructionsSheet } from './types';
import type { ZipPart } from './xlsx-zip';

const WIDTH = 110;
const PARAGRAPH_SIZE = 12;

const TITLE: CellStyle = { font: TITLE_FONT, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };
const PARAGRAPH: CellStyle = { font: { ...NOTE_FONT, size: PARAGRAPH_SIZE }, alignment: { horizontal: 'left', vertical: 'top', wrapText: true } };

/** The first sheet of a fill-in template: a title and numbered paragraphs, protected, A4-ready text. */
export async function writeInstructionsSheet(part: ZipPart, spec: InstructionsSheet, styles: StyleRegistry): Promise<void> {
  const w = new SheetWriter(part, { columns: [{ width: WIDTH }], lastRow: spec.paragraphs.length + 1, showGridLines: false, fitToPage: true });
  w.row(1, [cellText(spec.title)], [styles.id(TITLE)], rowHeightPt([{ text: spec.title, width: WIDTH }], TITLE_FONT_SIZE) + 10);
  const paragraph = [styles.id(PARAGRAPH)];
  spec.paragraphs.forEach((p, i) => w.row(i + 2, [cellText(p)], paragraph, rowHeightPt([{ text: p, width: WIDTH }], PARAGRAPH_SIZE) + 4));
  await w.close({ protect: true, merges: [], validations: [], page: INSTRUCTIONS_PAGE });
}
