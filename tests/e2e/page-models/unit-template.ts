import ExcelJS from 'exceljs';

/** The fill-in sheet's header row (row 4: 下发内容 / 本期填报 above, the labels here). */
const HEADER_ROW = 4;
const FIRST_ROW = 5;

/** A returned template as a unit sees it in Excel: rows by 名称, columns by header label. */
export interface UnitSheet {
  readonly ws: ExcelJS.Worksheet;
  readonly labels: string[];
  /** 名称 of every item row, in order. */
  readonly titles: string[];
  /** How many item rows the sheet holds (rows with the hidden item id). */
  readonly itemRows: number;
  has(label: string): boolean;
  get(title: string, label: string): ExcelJS.CellValue;
  set(title: string, label: string, value: ExcelJS.CellValue): void;
}

function sheetOf(ws: ExcelJS.Worksheet): UnitSheet {
  const labels = (ws.getRow(HEADER_ROW).values as unknown[]).map((v) => (typeof v === 'string' ? v : ''));
  const col = (label: string) => {
    const n = labels.indexOf(label);
    if (n < 1) throw new Error(`no column ${label} in ${labels.join(',')}`);
    return n;
  };
  const rowOf = new Map<string, number>();
  for (let r = FIRST_ROW; r <= ws.rowCount; r++) {
    const cell = ws.getCell(r, col('名称'));
    // The 注 line under the table is merged across; it is not an item row.
    if (typeof cell.value === 'string' && cell.value && !cell.isMerged && !rowOf.has(cell.value)) rowOf.set(cell.value, r);
  }
  let itemRows = 0;
  for (let r = FIRST_ROW; r <= ws.rowCount; r++) {
    const id = ws.getCell(r, col('条目标识'));
    if (!id.isMerged && String(id.value ?? '').trim()) itemRows++;
  }
  const row = (title: string) => {
    const r = rowOf.get(title);
    if (!r) throw new Error(`no row ${title}`);
    return r;
  };
  return {
    ws,
    labels,
    titles: [...rowOf.keys()],
    itemRows,
    has: (label) => labels.includes(label),
    get: (title, label) => ws.getCell(row(title), col(label)).value,
    set: (title, label, value) => void (ws.getCell(row(title), col(label)).value = value),
  };
}

/** Opens a template's 填报表 (read only). */
export async function readTemplate(bytes: Uint8Array): Promise<UnitSheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return sheetOf(wb.getWorksheet('填报表')!);
}

/** What a unit does: opens its template in Excel, types into the unlocked cells, saves. */
export async function fillTemplate(bytes: Uint8Array, edit: (s: UnitSheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  edit(sheetOf(wb.getWorksheet('填报表')!));
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
