import type ExcelJS from 'exceljs';
import { xmlAttr } from './xml-text';

/** How one cell looks: the same shape as ExcelJS's cell style, so specs and readers speak one language. */
export interface CellStyle {
  readonly font?: Partial<ExcelJS.Font>;
  readonly fill?: ExcelJS.Fill;
  readonly border?: Partial<ExcelJS.Borders>;
  readonly alignment?: Partial<ExcelJS.Alignment>;
  readonly numFmt?: string;
  readonly protection?: Partial<ExcelJS.Protection>;
}

/** Excel's built-in number formats the writer may use by id (others get ids from 164). */
const BUILTIN_FORMATS: Readonly<Record<string, number>> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, 'mm-dd-yy': 14 };

/** The workbook's Normal font: 宋体 11, so column widths count the same characters in Excel, WPS and LibreOffice. */
const NORMAL_FONT = '<font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>';

const color = (tag: string, c: Partial<ExcelJS.Color> | undefined) =>
  !c ? '' : c.argb ? `<${tag} rgb="${c.argb}"/>` : c.theme !== undefined ? `<${tag} theme="${c.theme}"/>` : '';

function fontXml(f: Partial<ExcelJS.Font>): string {
  return `<font>${f.bold ? '<b/>' : ''}${f.italic ? '<i/>' : ''}${f.underline ? '<u/>' : ''}${f.size ? `<sz val="${f.size}"/>` : ''}${color('color', f.color)}${
    f.name ? `<name val="${xmlAttr(f.name)}"/>` : ''}${f.family ? `<family val="${f.family}"/>` : ''}${f.charset ? `<charset val="${f.charset}"/>` : ''}</font>`;
}

function fillXml(f: ExcelJS.Fill): string {
  if (f.type !== 'pattern') throw new Error('只支持纯色或图案填充');
  return `<fill><patternFill patternType="${f.pattern}">${color('fgColor', f.fgColor)}${color('bgColor', f.bgColor)}</patternFill></fill>`;
}

function borderXml(b: Partial<ExcelJS.Borders>): string {
  const side = (name: 'left' | 'right' | 'top' | 'bottom') => {
    const s = b[name];
    return s?.style ? `<${name} style="${s.style}">${color('color', s.color)}</${name}>` : `<${name}/>`;
  };
  return `<border>${side('left')}${side('right')}${side('top')}${side('bottom')}<diagonal/></border>`;
}

function alignmentXml(a: Partial<ExcelJS.Alignment>): string {
  const attrs = [
    a.horizontal ? ` horizontal="${a.horizontal}"` : '',
    a.vertical ? ` vertical="${a.vertical === 'middle' ? 'center' : a.vertical}"` : '',
    a.wrapText ? ' wrapText="1"' : '',
    a.indent ? ` indent="${a.indent}"` : '',
  ];
  return `<alignment${attrs.join('')}/>`;
}

/** A list of distinct XML fragments, each with its index. */
class Pool {
  readonly items: string[] = [];
  private readonly ids = new Map<string, number>();
  constructor(initial: readonly string[]) {
    for (const x of initial) this.id(x);
  }
  id(xml: string): number {
    let id = this.ids.get(xml);
    if (id === undefined) (id = this.items.push(xml) - 1), this.ids.set(xml, id);
    return id;
  }
}

/**
 * The workbook's styles, built from the distinct cell styles used: each style gets its cellXfs
 * index once (look it up per column, not per cell), and styles.xml is written at the end.
 */
export class StyleRegistry {
  private readonly fonts = new Pool([NORMAL_FONT]);
  private readonly fills = new Pool(['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>']);
  private readonly borders = new Pool(['<border><left/><right/><top/><bottom/><diagonal/></border>']);
  private readonly xfs = new Pool(['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']);
  private readonly numFmts = new Map<string, number>();
  private readonly byStyle = new WeakMap<CellStyle, number>();

  /** The cellXfs index of a style (0 is the Normal style). */
  id(style: CellStyle): number {
    const known = this.byStyle.get(style);
    if (known !== undefined) return known;
    const fmt = style.numFmt ? this.numFmtId(style.numFmt) : 0;
    const font = style.font ? this.fonts.id(fontXml(style.font)) : 0;
    const fill = style.fill ? this.fills.id(fillXml(style.fill)) : 0;
    const border = style.border ? this.borders.id(borderXml(style.border)) : 0;
    const p = style.protection;
    const protection = p && (p.locked !== undefined || p.hidden !== undefined)
      ? `<protection${p.locked !== undefined ? ` locked="${p.locked ? 1 : 0}"` : ''}${p.hidden ? ' hidden="1"' : ''}/>`
      : '';
    const applies = `${fmt ? ' applyNumberFormat="1"' : ''}${font ? ' applyFont="1"' : ''}${fill ? ' applyFill="1"' : ''}${border ? ' applyBorder="1"' : ''}${
      style.alignment ? ' applyAlignment="1"' : ''}${protection ? ' applyProtection="1"' : ''}`;
    const inner = `${style.alignment ? alignmentXml(style.alignment) : ''}${protection}`;
    const xf = `<xf numFmtId="${fmt}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"${applies}${inner ? `>${inner}</xf>` : '/>'}`;
    const id = this.xfs.id(xf);
    this.byStyle.set(style, id);
    return id;
  }

  private numFmtId(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    let id = this.numFmts.get(code);
    if (id === undefined) (id = 164 + this.numFmts.size), this.numFmts.set(code, id);
    return id;
  }

  /** xl/styles.xml for every style handed out. */
  xml(): string {
    const list = (tag: string, items: readonly string[]) => `<${tag} count="${items.length}">${items.join('')}</${tag}>`;
    const fmts = [...this.numFmts].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlAttr(code)}"/>`);
    return (
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (fmts.length ? list('numFmts', fmts) : '') +
      list('fonts', this.fonts.items) +
      list('fills', this.fills.items) +
      list('borders', this.borders.items) +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list('cellXfs', this.xfs.items) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/>' +
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>'
    );
  }
}
