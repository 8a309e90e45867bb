import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/contract/errors';
import { TEMPLATE_FIELDS, type TemplateField } from '../../../shared/contract/schemas/exchange';
import { checkAppWorkbookBytes } from './app-zip-check';
import { META_SHEET, parseMetaRows, type AppMeta, type SheetLayout } from './styled/meta-sheet';
import { rowHeightPt } from './styled/text-metrics';
import { normalizeXmlBooleans } from './styled/zip-rewrite';

/** One data row of another office's fill-in template: who it is about and what it asks. */
export interface TemplateRowRef {
  sheet: string;
  /** 1-based Excel row. */
  row: number;
  uid: string;
  code: string;
  title: string;
  /** The fill columns this sheet has. */
  fields: TemplateField[];
}

/** What to write into one row; absent fields are left as they are. */
export interface RowFill {
  sheet: string;
  row: number;
  values: Partial<Record<TemplateField, string | number | null>>;
}

async function load(bytes: Uint8Array, fileName: string): Promise<ExcelJS.Workbook> {
  if (checkAppWorkbookBytes(bytes, fileName) !== 'xlsx') {
    throw new AppError('bad_file', `文件「${fileName}」不是 .xlsx 格式，无法自动填写；请在 Excel/WPS 中打开上级的模板并另存为 .xlsx（Excel 工作簿）后再试`);
  }
  // Whatever program saved it last: its true/false attributes read as ExcelJS's 1/0 (protection, unlocked cells, fit to page).
  const plain = normalizeXmlBooleans(new Uint8Array(bytes));
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(plain.buffer, plain.byteOffset, plain.byteLength) as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new AppError('bad_file', `文件「${fileName}」无法读取（${(e instanceof Error ? e.message : String(e)).slice(0, 80)}）`);
  }
  return wb;
}

function metaOf(wb: ExcelJS.Workbook, fileName: string): AppMeta {
  const ws = wb.getWorksheet(META_SHEET);
  const rows: unknown[][] = [];
  ws?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  const meta = ws ? parseMetaRows(rows) : null;
  if (!meta) throw new AppError('bad_file', `文件「${fileName}」不是清单通生成的填报模板（没有 _meta 工作表），无法自动填写；请按上级的格式手工填报`);
  if (meta.kind !== 'template') throw new AppError('bad_file', `文件「${fileName}」是清单通生成的「${meta.kind}」文件，不是填报模板`);
  return meta;
}

const text = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return String(v).trim();
};

function rowsOf(ws: ExcelJS.Worksheet, layout: SheetLayout): TemplateRowRef[] {
  const col = (key: string) => layout.columns.indexOf(key) + 1;
  const fields = TEMPLATE_FIELDS.filter((f) => layout.columns.includes(f));
  const out: TemplateRowRef[] = [];
  for (let r = layout.firstDataRow; r <= layout.lastDataRow && r > 0; r++) {
    const row = ws.getRow(r);
    const get = (key: string) => (col(key) > 0 ? text(row.getCell(col(key)).value) : '');
    if (!get('uid') && !get('code') && !get('title')) continue;
    out.push({ sheet: ws.name, row: r, uid: get('uid'), code: get('code'), title: get('title'), fields });
  }
  return out;
}

/** Reads another office's app-made template: its `_meta` and every data row with its identity. */
export async function readTemplateRows(bytes: Uint8Array, fileName: string): Promise<{ meta: AppMeta; rows: TemplateRowRef[] }> {
  const wb = await load(bytes, fileName);
  const meta = metaOf(wb, fileName);
  const rows: TemplateRowRef[] = [];
  for (const layout of meta.sheets) {
    const ws = wb.getWorksheet(layout.name);
    if (!ws) throw new AppError('bad_file', `文件「${fileName}」缺少工作表「${layout.name}」，可能被改过名称`);
    rows.push(...rowsOf(ws, layout));
  }
  return { meta, rows };
}

/** Makes a row tall enough for its wrapped text (never shorter than the sender made it). */
function growRow(ws: ExcelJS.Worksheet, r: number, columns: number): void {
  const row = ws.getRow(r);
  const cells: { text: string; width: number }[] = [];
  let size = 11;
  for (let c = 1; c <= columns; c++) {
    const col = ws.getColumn(c);
    if (col.hidden) continue;
    const cell = row.getCell(c);
    size = cell.font?.size ?? size;
    cells.push({ text: text(cell.value), width: col.width ?? 10 });
  }
  row.height = Math.max(row.height ?? 0, rowHeightPt(cells, size));
}

/**
 * Writes values into the fill cells of a template and returns the new bytes. Only cells of the
 * fill columns are touched (their style, protection and validation stay as the sender made them),
 * so the sheet protection, hidden id column and `_meta` come back exactly as they went out.
 */
export async function fillTemplate(bytes: Uint8Array, fileName: string, fills: readonly RowFill[]): Promise<Uint8Array<ArrayBuffer>> {
  const wb = await load(bytes, fileName);
  const meta = metaOf(wb, fileName);
  for (const f of fills) {
    const layout = meta.sheets.find((s) => s.name === f.sheet);
    const ws = wb.getWorksheet(f.sheet);
    if (!layout || !ws) continue;
    for (const [field, value] of Object.entries(f.values)) {
      const c = layout.columns.indexOf(field) + 1;
      if (c <= 0 || value === undefined) continue;
      ws.getRow(f.row).getCell(c).value = value === '' ? null : value;
    }
    growRow(ws, f.row, layout.columns.length);
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as unknown as Uint8Array);
}
