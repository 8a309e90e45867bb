import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { checkAppWorkbookBytes } from '../../../electron/core/excel/app-zip-check';
import { inspectOle } from '../../../electron/core/excel/ole-encryption';
import { readWorkbookCells } from '../../../electron/core/excel/workbook';

interface Cfb {
  utils: { cfb_new: () => unknown; cfb_add: (c: unknown, name: string, content: Uint8Array) => void };
  write: (c: unknown, o: { type: 'array' }) => ArrayBuffer | number[];
}
const CFB = XLSX.CFB as Cfb;

/** An OLE compound file holding the given streams. */
function ole(streams: Record<string, Uint8Array>): Uint8Array {
  const c = CFB.utils.cfb_new();
  for (const [name, content] of Object.entries(streams)) CFB.utils.cfb_add(c, `/${name}`, content);
  return new Uint8Array(CFB.write(c, { type: 'array' }) as ArrayBuffer);
}

/** BIFF records: [type, payload] → bytes. */
function biff(...records: [number, number[]][]): Uint8Array {
  const out: number[] = [];
  for (const [type, data] of records) out.push(type & 0xff, type >> 8, data.length & 0xff, data.length >> 8, ...data);
  return new Uint8Array(out);
}
const BOF: [number, number[]] = [0x0809, [0x00, 0x06, 0x05, 0x00, ...new Array<number>(12).fill(0)]];
const EOF: [number, number[]] = [0x000a, []];
const FILEPASS: [number, number[]] = [0x002f, [0x01, 0x00, 0x01, 0x00, ...new Array<number>(48).fill(0)]];
const PROTECT: [number, number[]] = [0x0012, [0x01, 0x00]];

describe('encryption is told by the file’s own records, not by the container', () => {
  it('an .xls whose sheets are protected is a plain workbook and is read', () => {
    const ws = XLSX.utils.aoa_to_sheet([['编号', '名称'], ['1', '稳就业']]);
    ws['!protect'] = { password: undefined };
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '填报表');
    const bytes = new Uint8Array(XLSX.write(wb, { bookType: 'biff8', type: 'array' }) as ArrayBuffer);
    expect(inspectOle(bytes)).toBe('workbook');
    expect(checkAppWorkbookBytes(bytes, 'a.xls')).toBe('xls');
    expect(readWorkbookCells(bytes, 'a.xls').sheets[0].rows[1]).toEqual(['1', '稳就业']);
  });

  it('workbook protection records (PROTECT) are not encryption; a FILEPASS record is', () => {
    expect(inspectOle(ole({ Workbook: biff(BOF, PROTECT, EOF) }))).toBe('workbook');
    expect(inspectOle(ole({ Workbook: biff(BOF, FILEPASS, EOF) }))).toBe('encrypted');
    expect(inspectOle(ole({ Book: biff(BOF, FILEPASS, EOF) }))).toBe('encrypted');
    // FILEPASS after the globals' EOF belongs to no workbook header: not read as encryption.
    expect(inspectOle(ole({ Workbook: biff(BOF, EOF, FILEPASS) }))).toBe('workbook');
  });

  it('an encrypted .xlsx (EncryptionInfo + EncryptedPackage) is encrypted; a Word .doc is not a workbook', () => {
    expect(inspectOle(ole({ EncryptionInfo: new Uint8Array(8), EncryptedPackage: new Uint8Array(8) }))).toBe('encrypted');
    expect(inspectOle(ole({ WordDocument: new Uint8Array(8) }))).toBe('not_workbook');
  });

  it('returned files say so in Chinese, naming the file', () => {
    expect(() => checkAppWorkbookBytes(ole({ Workbook: biff(BOF, FILEPASS, EOF) }), '省商务厅.xls')).toThrow('文件「省商务厅.xls」设置了打开密码');
    expect(() => checkAppWorkbookBytes(ole({ WordDocument: new Uint8Array(8) }), '说明.xls')).toThrow('文件「说明.xls」是 Word 或其他旧版 Office 文件');
    expect(() => readWorkbookCells(ole({ Workbook: biff(BOF, FILEPASS, EOF) }), 'x.xls')).toThrow('设置了打开密码');
  });
});
