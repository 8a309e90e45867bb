import type ExcelJS from 'exceljs';

/** Fonts and fills of the formal table layout (document fonts; Excel/WPS substitute when absent). */
export const BODY_FONT_SIZE = 11;
export const TITLE_FONT_SIZE = 18;

export const TITLE_FONT: Partial<ExcelJS.Font> = { name: '方正小标宋简体', size: TITLE_FONT_SIZE };
export const SUBTITLE_FONT: Partial<ExcelJS.Font> = { name: '仿宋', size: 12 };
export const HEADER_FONT: Partial<ExcelJS.Font> = { name: '黑体', size: BODY_FONT_SIZE };
export const BODY_FONT: Partial<ExcelJS.Font> = { name: '宋体', size: BODY_FONT_SIZE };
export const NOTE_FONT: Partial<ExcelJS.Font> = { name: '仿宋', size: 11 };

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
export const THIN_BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
/** Light yellow for cells a unit fills in (prints as a faint grey). */
export const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF7D6' } };

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

export const PAGE_FOOTER = '&C&"宋体"&10第 &P 页 共 &N 页';
