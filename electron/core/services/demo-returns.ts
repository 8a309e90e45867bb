import ExcelJS from 'exceljs';
import { TEMPLATE_FIELD_LABELS, type TemplateField } from '../../../shared/contract/schemas/exchange';
import { ITEM_STATUS_LABELS, type ItemStatus } from '../../../shared/contract/schemas/items';
import { IDENTITY_LABELS } from '../exchange/template-sheet';

/** What a unit types into one row of its template (fields left out stay as issued). */
export interface DemoFill {
  status?: ItemStatus;
  ratio?: number;
  progressText?: string;
  problems?: string;
  nextSteps?: string;
}

/** Decides a row's input by its item uid; null leaves the row as issued (a partial return). */
export type RowFiller = (uid: string, row: number) => DemoFill | null;

function headerColumns(ws: ExcelJS.Worksheet): { headerRow: number; col: Map<string, number> } {
  for (let r = 1; r <= Math.min(ws.rowCount, 10); r++) {
    const labels = new Map<string, number>();
    ws.getRow(r).eachCell((cell, c) => {
      if (typeof cell.value === 'string') labels.set(cell.value, c);
    });
    if (labels.has(IDENTITY_LABELS.uid)) return { headerRow: r, col: labels };
  }
  throw new Error('示例报送：填报模板中找不到表头');
}

function cellValue(field: TemplateField, v: DemoFill[keyof DemoFill]): ExcelJS.CellValue {
  if (field === 'status') return ITEM_STATUS_LABELS[v as ItemStatus];
  return v as ExcelJS.CellValue;
}

/**
 * Fills an issued template as a unit would in Excel (only the fill cells of its 填报表) and saves it:
 * the bytes then go through the same returns import a user runs.
 */
export async function fillDemoTemplate(bytes: Uint8Array, filler: RowFiller, sheet = '填报表'): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`示例报送：填报模板中没有「${sheet}」工作表`);
  const { headerRow, col } = headerColumns(ws);
  const uidCol = col.get(IDENTITY_LABELS.uid)!;
  let n = 0;
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const uid = ws.getCell(r, uidCol).value;
    if (typeof uid !== 'string' || !uid) continue;
    const fill = filler(uid, n++);
    if (!fill) continue;
    for (const [field, v] of Object.entries(fill) as [keyof DemoFill, DemoFill[keyof DemoFill]][]) {
      const c = col.get(TEMPLATE_FIELD_LABELS[field]);
      if (c !== undefined && v !== undefined) ws.getCell(r, c).value = cellValue(field, v);
    }
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
