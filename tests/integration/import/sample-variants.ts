import * as XLSX from '@e965/xlsx';
import { readFileSync } from 'node:fs';
import { SAMPLE } from './stored';

type Cell = string | number | null;
export type SheetRows = Record<string, Cell[][]>;

/**
 * The sample workbook with its rows edited (a "newer version" an office might send): same title,
 * header and merged section rows, rows changed or appended by `edit`.
 */
export function sampleVariant(edit: (sheets: SheetRows) => void): Uint8Array<ArrayBuffer> {
  const wb = XLSX.read(readFileSync(SAMPLE), { cellStyles: true });
  const sheets: SheetRows = Object.fromEntries(
    wb.SheetNames.map((n) => [n, XLSX.utils.sheet_to_json<Cell[]>(wb.Sheets[n], { header: 1, defval: null, raw: true })]),
  );
  edit(sheets);
  const out = XLSX.utils.book_new();
  for (const n of wb.SheetNames) {
    const ws = XLSX.utils.aoa_to_sheet(sheets[n]);
    ws['!merges'] = wb.Sheets[n]['!merges'];
    XLSX.utils.book_append_sheet(out, ws, n);
  }
  return new Uint8Array(XLSX.write(out, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/** A workbook from rows (sheet name → rows), no styling. */
export function workbookOf(sheets: SheetRows): Uint8Array<ArrayBuffer> {
  const out = XLSX.utils.book_new();
  for (const [n, rows] of Object.entries(sheets)) XLSX.utils.book_append_sheet(out, XLSX.utils.aoa_to_sheet(rows), n);
  return new Uint8Array(XLSX.write(out, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}
