import type { DataValidation } from 'exceljs';
import type { ZipPart } from './xlsx-zip';
import { columnLetters, XML_HEAD, xmlAttr, xmlText } from './xml-text';

/** A value as written: text (already made safe by cellText), a number, a date, or nothing. */
export type CellValue = string | number | Date | null | undefined;

export interface SheetHead {
  readonly columns: readonly { readonly width: number; readonly hidden?: boolean }[];
  /** Last row and column written, for <dimension>. */
  readonly lastRow: number;
  /** Last column written when wider than the column list (the `_meta` sheet). */
  readonly lastColumn?: number;
  /** Rows frozen at the top; undefined for no frozen pane. */
  readonly frozenRows?: number;
  /** false hides grid lines; undefined writes no sheet view at all. */
  readonly showGridLines?: boolean;
  readonly fitToPage?: boolean;
}

export interface PageSetup {
  readonly margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** <pageSetup> attributes, in order. */
  readonly attrs: Readonly<Record<string, string | number>>;
  readonly horizontalCentered?: boolean;
  readonly oddFooter?: string;
}

export interface SheetTail {
  readonly protect?: boolean;
  /** Merged ranges (A1:N1). */
  readonly merges: readonly string[];
  readonly validations: readonly { readonly sqref: string; readonly rule: DataValidation }[];
  readonly page: PageSetup;
}

/** Excel's day number of a date (1900 date system; the time of day as the fraction). */
const excelDate = (d: Date) => 25569 + d.getTime() / 86400000;

/** Leading or trailing white space, which XML drops unless told to keep it. */
const edgeSpace = (s: string) => {
  const a = s.charCodeAt(0);
  const b = s.charCodeAt(s.length - 1);
  return a <= 32 || b <= 32 || a === 0x3000 || b === 0x3000 || a === 0xa0 || b === 0xa0;
};

/** Shared string 0: the empty string (inline strings cannot be empty and still read back as text). */
export const EMPTY_SHARED_STRING = 0;

function validationXml(sqref: string, v: DataValidation): string {
  let a = '';
  if ((v.type as string) !== 'any') {
    a += ` type="${v.type}"`;
    if (v.operator && v.type !== 'list' && v.operator !== 'between') a += ` operator="${v.operator}"`;
    if (v.allowBlank) a += ' allowBlank="1"';
  }
  if (v.showInputMessage) a += ' showInputMessage="1"';
  if (v.promptTitle) a += ` promptTitle="${xmlAttr(v.promptTitle)}"`;
  if (v.prompt) a += ` prompt="${xmlAttr(v.prompt)}"`;
  if (v.showErrorMessage) a += ' showErrorMessage="1"';
  if (v.errorStyle) a += ` errorStyle="${v.errorStyle}"`;
  if (v.errorTitle) a += ` errorTitle="${xmlAttr(v.errorTitle)}"`;
  if (v.error) a += ` error="${xmlAttr(v.error)}"`;
  const formulae = (v.formulae ?? []).map((f, i) => `<formula${i + 1}>${xmlText(v.type === 'date' ? String(excelDate(new Date(f as string))) : String(f))}</formula${i + 1}>`);
  return `<dataValidation${a} sqref="${sqref}">${formulae.join('')}</dataValidation>`;
}

/**
 * One worksheet written straight into its zip part: the head (views, columns), then rows one by
 * one, then the tail (protection, merges, validations, page set-up). Nothing is kept per cell.
 */
export class SheetWriter {
  private readonly letters: string[] = [];

  constructor(private readonly part: ZipPart, head: SheetHead) {
    const n = head.columns.length;
    const width = Math.max(n, head.lastColumn ?? 0, 1);
    for (let c = 1; c <= width; c++) this.letters.push(columnLetters(c));
    let xml = `${XML_HEAD}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`;
    if (head.fitToPage) xml += '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';
    xml += `<dimension ref="A1:${this.letters[width - 1]}${Math.max(head.lastRow, 1)}"/>`;
    if (head.showGridLines !== undefined || head.frozenRows) {
      const grid = head.showGridLines === false ? ' showGridLines="0"' : '';
      const f = head.frozenRows;
      xml += f
        ? `<sheetViews><sheetView workbookViewId="0"${grid}><pane ySplit="${f}" topLeftCell="A${f + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>`
        : `<sheetViews><sheetView workbookViewId="0"${grid}/></sheetViews>`;
    }
    xml += '<sheetFormatPr defaultRowHeight="15" outlineLevelRow="0" outlineLevelCol="0"/>';
    if (n) {
      xml += `<cols>${head.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}"${c.hidden ? ' hidden="1"' : ''} customWidth="1"/>`).join('')}</cols>`;
    }
    part.write(`${xml}<sheetData>`);
  }

  /**
   * Writes row `r` (1-based): cells from column A, each with its cellXfs index (0: unstyled).
   * Undefined styles and values past the end are not written.
   */
  row(r: number, values: readonly CellValue[], styles: readonly number[], height?: number): void {
    let xml = height === undefined ? `<row r="${r}">` : `<row r="${r}" ht="${height}" customHeight="1">`;
    const n = Math.max(values.length, styles.length);
    for (let i = 0; i < n; i++) {
      const v = values[i];
      const s = styles[i];
      const ref = `${this.letters[i] ?? columnLetters(i + 1)}${r}`;
      const sAttr = s ? ` s="${s}"` : '';
      if (v === null || v === undefined) {
        if (s) xml += `<c r="${ref}"${sAttr}/>`;
      } else if (typeof v === 'string') {
        if (v === '') xml += `<c r="${ref}"${sAttr} t="s"><v>${EMPTY_SHARED_STRING}</v></c>`;
        else xml += `<c r="${ref}"${sAttr} t="inlineStr"><is><t${edgeSpace(v) ? ' xml:space="preserve"' : ''}>${xmlText(v)}</t></is></c>`;
      } else if (typeof v === 'number') {
        xml += Number.isFinite(v) ? `<c r="${ref}"${sAttr}><v>${v}</v></c>` : s ? `<c r="${ref}"${sAttr}/>` : '';
      } else {
        xml += `<c r="${ref}"${sAttr}><v>${excelDate(v)}</v></c>`;
      }
    }
    this.part.write(`${xml}</row>`);
  }

  /** Waits while the zip's compression falls behind (call every few hundred rows). */
  drain(): Promise<void> {
    return this.part.drain();
  }

  /** Writes the tail and closes the part. */
  async close(tail: SheetTail): Promise<void> {
    let xml = '</sheetData>';
    if (tail.protect) xml += '<sheetProtection sheet="1" formatColumns="0" formatRows="0"/>';
    if (tail.merges.length) xml += `<mergeCells count="${tail.merges.length}">${tail.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`;
    if (tail.validations.length) {
      xml += `<dataValidations count="${tail.validations.length}">${tail.validations.map((v) => validationXml(v.sqref, v.rule)).join('')}</dataValidations>`;
    }
    const p = tail.page;
    if (p.horizontalCentered) xml += '<printOptions horizontalCentered="1"/>';
    const m = p.margins;
    xml += `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`;
    xml += `<pageSetup${Object.entries(p.attrs).map(([k, v]) => ` ${k}="${v}"`).join('')}/>`;
    if (p.oddFooter) xml += `<headerFooter><oddFooter>${xmlText(p.oddFooter)}</oddFooter></headerFooter>`;
    this.part.write(`${xml}</worksheet>`);
    await this.part.close();
  }
}
