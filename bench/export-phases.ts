/**
 * One measured export run in its own process (clean memory numbers); prints one JSON line.
 *   list-plain <rows>   baseline: the list's cells through ExcelJS's streaming writer, no styles
 *   list       <rows>   the app: writeStyledWorkbook, the styled list as export:list writes it
 *   templates-plain     baseline: the 67 templates' cells, one plain streamed workbook per unit
 *   templates           the app: the 67 styled templates templates:issue writes
 */
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { writeStyledWorkbook } from '../electron/core/excel/styled/styled-workbook';
import type { StyledWorkbookSpec } from '../electron/core/excel/styled/types';
import { listSpec, plainSheets, templateSpec, UNITS } from './export-specs';
import { createLaps } from './measure';

const { lap, markIdle, print } = createLaps();

/** Baseline: the same cells, as plain values, through ExcelJS's streaming writer; answers the bytes. */
async function writePlain(spec: StyledWorkbookSpec): Promise<number> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream });
  for (const sheet of plainSheets(spec)) {
    const ws = wb.addWorksheet(sheet.name);
    for (const r of sheet.rows) ws.addRow(r).commit();
    ws.commit();
  }
  await wb.commit();
  return Buffer.concat(chunks).byteLength;
}

const [mode, arg] = process.argv.slice(2);
const plain = mode.endsWith('-plain');
const specs = mode.startsWith('list') ? [listSpec(Number(arg))] : Array.from({ length: UNITS }, (_, u) => templateSpec(u));
lap('load');
markIdle();
let rows = 0;
for (const spec of specs) {
  const bytes = plain ? await writePlain(spec) : (await writeStyledWorkbook(spec)).byteLength;
  if (bytes > 0) rows += spec.sheets.reduce((n, s) => n + s.rows.length, 0);
}
lap('write');
print(mode, rows);
