import type ExcelJS from 'exceljs';

/** A4 (paper size 9) landscape, one page wide and as many pages down as it takes, centred. */
export const A4_LANDSCAPE_ONE_WIDE: Partial<ExcelJS.PageSetup> = {
  paperSize: 9,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  horizontalCentered: true,
};

/** Page set-up of every table sheet: A4 landscape, one page wide, centred, numbered footer. */
export function formalPageSetup(headerFrom: number, headerTo: number): Partial<ExcelJS.PageSetup> {
  return {
    ...A4_LANDSCAPE_ONE_WIDE,
    margins: { left: 0.4, right: 0.4, top: 0.55, bottom: 0.6, header: 0.25, footer: 0.3 },
    printTitlesRow: `${headerFrom}:${headerTo}`,
  };
}
