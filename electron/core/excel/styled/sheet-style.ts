import type ExcelJS from 'exceljs';
import type { PageSetup } from './sheet-writer';

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

/** A4 (paper size 9) landscape, one page wide and as many pages down as it takes. */
const A4_LANDSCAPE = { paperSize: 9, orientation: 'landscape' } as const;

export const PAGE_FOOTER = '&C&"宋体"&10第 &P 页 共 &N 页';

/** Page set-up of every table sheet: A4 landscape, one page wide, centred, numbered footer (header rows repeat via print titles). */
export const TABLE_PAGE: PageSetup = {
  margins: { left: 0.4, right: 0.4, top: 0.55, bottom: 0.6, header: 0.25, footer: 0.3 },
  attrs: { ...A4_LANDSCAPE, horizontalDpi: 4294967295, verticalDpi: 4294967295, scale: 100, fitToWidth: 1, fitToHeight: 0 },
  horizontalCentered: true,
  oddFooter: PAGE_FOOTER,
};

/** Page set-up of the instructions sheet. */
export const INSTRUCTIONS_PAGE: PageSetup = {
  margins: { left: 0.6, right: 0.6, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 },
  attrs: { ...A4_LANDSCAPE, fitToWidth: 1, fitToHeight: 0 },
  horizontalCentered: true,
  oddFooter: PAGE_FOOTER,
};

/** Page set-up of the hidden `_meta` sheet (never printed; Excel's defaults). */
export const META_PAGE: PageSetup = {
  margins: { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  attrs: { orientation: 'portrait', horizontalDpi: 4294967295, verticalDpi: 4294967295, scale: 100, fitToWidth: 1, fitToHeight: 1 },
};
