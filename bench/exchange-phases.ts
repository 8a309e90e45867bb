/**
 * One measured exchange run in its own process (clean memory numbers); prints one JSON line.
 *   returns-read  <db> <file>…   baseline: the 30 returned files parsed by the reader returns use
 *   returns       <db> <file>…   the app: returns:preview, then returns:apply (one batch)
 *   export-plain  <db> <cells>   baseline: the same cells through ExcelJS's streaming writer
 *   export        <db> <cells>   the app: export:list, the styled workbook
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { readAppWorkbook } from '../electron/core/excel/app-workbook-reader';
import type { AppCell } from '../electron/core/excel/app-workbook-reader';
import { connect, EXPORT_COLUMNS } from './exchange-setup';
import { createLaps } from './measure';

const { lap, markIdle, print } = createLaps();

type Files = { name: string; bytes: Uint8Array<ArrayBuffer> }[];

/** Baseline: each returned file parsed once by the reader the returns code uses; answers the data rows. */
async function returnsRead(files: Files): Promise<number> {
  let rows = 0;
  for (const f of files) {
    const wb = await readAppWorkbook(f.bytes, f.name);
    for (const l of wb.meta?.sheets ?? []) rows += l.lastDataRow - l.firstDataRow + 1;
  }
  lap('parse');
  return rows;
}

/** The app: preview (what the user sees first), then apply (reads again, writes one batch). */
async function returns(dbPath: string, files: Files): Promise<number> {
  const { ctx, call } = connect(dbPath);
  const preview = await call('returns:preview', { files });
  lap('preview');
  const applied = await call('returns:apply', { files });
  lap('apply');
  ctx.close();
  if (preview.counts.errors) throw new Error(`${preview.counts.errors} errors in preview`);
  return applied.counts.newReports;
}

/** Baseline: the export's cells, as plain values, through the streaming writer (no styles). */
async function exportPlain(rows: readonly (readonly AppCell[])[], name: string): Promise<number> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream });
  const ws = wb.addWorksheet(name);
  for (const r of rows) ws.addRow([...r]).commit();
  ws.commit();
  await wb.commit();
  const bytes = Buffer.concat(chunks);
  lap('write');
  return bytes.byteLength > 0 ? rows.length : 0;
}

/** The app: the styled export as the user gets it (query, styled workbook with `_meta`, bytes). */
async function exportStyled(dbPath: string, rows: number): Promise<number> {
  const { ctx, call } = connect(dbPath);
  const file = await call('export:list', { query: { kind: 'task' }, columns: EXPORT_COLUMNS });
  lap('export');
  ctx.close();
  return file.bytes.byteLength > 0 ? rows : 0;
}

const [mode, dbPath, ...inputs] = process.argv.slice(2);
if (mode.startsWith('returns')) {
  const files: Files = inputs.map((p) => ({ name: p.split(/[\\/]/).at(-1)!, bytes: new Uint8Array(readFileSync(p)) }));
  lap('load');
  markIdle();
  print(mode, mode === 'returns' ? await returns(dbPath, files) : await returnsRead(files));
} else {
  const cells = JSON.parse(readFileSync(inputs[0], 'utf8')) as { name: string; rows: AppCell[][] };
  lap('load');
  markIdle();
  print(mode, mode === 'export' ? await exportStyled(dbPath, cells.rows.length) : await exportPlain(cells.rows, cells.name));
}
