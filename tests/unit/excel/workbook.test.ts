import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../shared/contract/errors';
import { ImportFileError } from '../../../electron/core/excel/import-file-error';
import { readForeignWorkbook } from '../../../electron/core/excel/read-foreign-sheet';
import { readWorkbookCells } from '../../../electron/core/excel/workbook';
import { encryptedOle, fakePdf, zipArchive, zipBomb } from '../../fixtures/foreign/hostile-fixtures';
import { GBK_CSV_PATH, GBK_HTML_PATH, HTML_TABLE, OFFICE_SHEET, csvUtf8, csvUtf8Bom, xlsFromSheets, xlsxFromSheets } from '../../fixtures/foreign/make-fixtures';

/** Runs the reader and returns the ImportFileError it throws (failing when it throws nothing else). */
function refusal(bytes: Uint8Array, fileName: string, limits?: Parameters<typeof readWorkbookCells>[2]): ImportFileError {
  try {
    readWorkbookCells(bytes, fileName, limits);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportFileError);
    const refused = error as ImportFileError;
    expect(refused.message).toContain(`「${fileName}」`);
    expect(refused.fileName).toBe(fileName);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused.code).toBe('bad_file');
    return refused;
  }
  throw new Error(`${fileName} was read without error`);
}

describe('readWorkbookCells: hostile input', () => {
  it('refuses a renamed PDF, naming what it is', () => {
    const error = refusal(fakePdf(), '任务清单.xlsx');
    expect(error.reason).toBe('not_spreadsheet');
    expect(error.message).toBe('文件「任务清单.xlsx」不是 Excel 或 CSV 表格（看起来是 PDF 文件）。请选择 .xlsx、.xls 或 .csv 文件');
  });

  it('refuses a Word document renamed .xlsx and unknown binary', () => {
    const docx = zipArchive([{ name: 'word/document.xml', data: new TextEncoder().encode('<w:document/>') }]);
    expect(refusal(docx, 'a.xlsx').message).toContain('Word 文档');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    expect(refusal(png, 'b.xls').message).toContain('PNG 图片');
    expect(refusal(new Uint8Array([1, 2, 0, 0, 9, 8, 0, 7]), 'c.xlsx').message).toContain('无法识别的二进制文件');
  });

  it('refuses an encrypted workbook (OLE with EncryptionInfo)', () => {
    const error = refusal(encryptedOle(), '加密清单.xlsx');
    expect(error.reason).toBe('encrypted');
    expect(error.message).toContain('设置了打开密码');
  });

  it('refuses an empty file', () => {
    const error = refusal(new Uint8Array(0), '空.xlsx');
    expect(error.reason).toBe('empty');
    expect(error.message).toBe('文件「空.xlsx」是空文件（0 字节），请确认文件已完整保存或下载');
  });

  it('refuses a zip bomb by its declared sizes before inflating (300 MB of zeros)', () => {
    const bomb = zipBomb(300 * 1024 * 1024);
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    const error = refusal(bomb, 'bomb.xlsx');
    expect(error.reason).toBe('zip_bomb');
    expect(error.message).toContain('解压后有 300 MB（上限 200 MB）');
  });

  it('refuses a zip bomb whose header lies about its size', () => {
    const error = refusal(zipBomb(20 * 1024 * 1024, 1000), 'liar.xlsx');
    expect(error.reason).toBe('zip_bomb');
    expect(error.message).toContain('解压后超过声明的');
  });

  it('refuses a 500,000-row CSV before building rows', () => {
    const lines = ['序号,重点任务,牵头单位'];
    for (let i = 1; i <= 500_000; i += 1) lines.push(`${i},任务${i},省发展改革委`);
    // The work this thread does, not the wall clock: another process keeping the cores busy cannot fail it.
    const started = process.threadCpuUsage();
    const error = refusal(new TextEncoder().encode(lines.join('\n')), '超长.csv');
    expect(error.reason).toBe('too_many_rows');
    expect(error.message).toContain('超过 200,000 行');
    const used = process.threadCpuUsage(started);
    expect((used.user + used.system) / 1000).toBeLessThan(5000);
  });

  it('refuses an .xlsx sheet over the row cap, naming the sheet', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => [i + 1, `任务${i}`]);
    const bytes = await xlsxFromSheets([{ name: '长表', rows }]);
    const error = refusal(bytes, 'long.xlsx', { maxRows: 50 });
    expect(error.reason).toBe('too_many_rows');
    expect(error.message).toContain('工作表「长表」超过 50 行');
  });

  it('refuses a wrong encoding (Latin-1 bytes are neither UTF-8 nor GB18030)', () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('name,city\nJos'), 0xe9, 0x0a]);
    const error = refusal(latin1, 'latin1.csv');
    expect(error.reason).toBe('encoding');
    expect(error.message).toContain('文字编码无法识别');
  });

  it('refuses a truncated workbook as corrupt', async () => {
    const bytes = await xlsxFromSheets([OFFICE_SHEET]);
    const error = refusal(bytes.subarray(0, 2000), 'half.xlsx');
    expect(['corrupt', 'not_spreadsheet']).toContain(error.reason);
  });

  it('refuses a zip whose entry does not inflate cleanly (SheetJS would loop on it)', () => {
    const sheetXml = new TextEncoder().encode(`<worksheet>${'<row><c t="inlineStr"><is><t>任务</t></is></c></row>'.repeat(200)}</worksheet>`);
    const zip = zipArchive([{ name: 'xl/workbook.xml', data: new TextEncoder().encode('<workbook/>') }, { name: 'xl/worksheets/sheet1.xml', data: sheetXml }]);
    const broken = zip.slice();
    broken.fill(0xff, 120, 160);
    const error = refusal(broken, 'broken.xlsx');
    expect(error.reason).toBe('corrupt');
    expect(error.message).toContain('已损坏');
  });

  it('answers every mangled file with a result or an ImportFileError, never a hang or a crash', async () => {
    const sources = [await xlsxFromSheets([OFFICE_SHEET]), xlsFromSheets([OFFICE_SHEET]), csvUtf8()];
    // SheetJS logs unknown BIFF records of mangled .xls files; the test only cares about the outcome.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * n);
    };
    for (let i = 0; i < 45; i += 1) {
      const bytes = sources[i % 3].slice();
      for (let k = 0; k < 1 + (i % 20); k += 1) bytes[random(bytes.length)] = random(256);
      const cut = i % 2 === 0 ? bytes.subarray(0, random(bytes.length)) : bytes;
      const result = readForeignWorkbook(cut, `mangled-${i}.xlsx`);
      if (result.fileError) expect(result.problems[0].message).toContain(`「mangled-${i}.xlsx」`);
    }
    quiet.mockRestore();
  });

  it('never throws from readForeignWorkbook: the error becomes a problem', () => {
    const result = readForeignWorkbook(fakePdf(), 'x.pdf');
    expect(result.fileError).toBe('not_spreadsheet');
    expect(result.sheets).toEqual([]);
    expect(result.problems).toEqual([
      { file: 'x.pdf', severity: 'error', message: '文件「x.pdf」不是 Excel 或 CSV 表格（看起来是 PDF 文件）。请选择 .xlsx、.xls 或 .csv 文件' },
    ]);
  });
});

describe('readWorkbookCells: formats', () => {
  const expectCsvRows = (bytes: Uint8Array, name: string): void => {
    const [sheet] = readWorkbookCells(bytes, name).sheets;
    expect(sheet.rows[0]).toEqual(['序号', '重点任务', '具体内容', '牵头单位', '配合单位', '完成时限']);
    expect(sheet.rows[1][0]).toBe('（一）大力提振消费');
    expect(sheet.rows[2][2]).toBe('新增城镇就业 70 万人以上，\r\n大力推广以工代赈。');
    expect(sheet.rows[3][5]).toBe('全年');
  };

  it('reads CSV in UTF-8 with BOM, UTF-8 without BOM and GBK', () => {
    expectCsvRows(csvUtf8Bom(), 'bom.csv');
    expectCsvRows(csvUtf8(), 'plain.csv');
    expectCsvRows(new Uint8Array(readFileSync(GBK_CSV_PATH)), 'gbk.csv');
  });

  it('reads UTF-16LE text with and without BOM', () => {
    const text = '序号\t重点任务\n1\t推动增收减负\n';
    const le = new Uint8Array(Buffer.from(text, 'utf16le'));
    expect(readWorkbookCells(le, 'u16.txt').sheets[0].rows[1]).toEqual(['1', '推动增收减负']);
    const withBom = new Uint8Array([0xff, 0xfe, ...le]);
    expect(readWorkbookCells(withBom, 'u16bom.txt').sheets[0].rows[0]).toEqual(['序号', '重点任务']);
  });

  it('reads an HTML table saved as .xls, in UTF-8 or GBK', () => {
    for (const bytes of [new TextEncoder().encode(HTML_TABLE), new Uint8Array(readFileSync(GBK_HTML_PATH))]) {
      const [sheet] = readWorkbookCells(bytes, 'oa-export.xls').sheets;
      expect(sheet.rows).toEqual([['序号', '重点任务'], ['（一）大力提振消费', null], ['1', '推动增收减负']]);
      expect(sheet.merges).toEqual([{ s: { r: 1, c: 0 }, e: { r: 1, c: 1 } }]);
    }
  });

  it('reads .xlsx: rows from A1, merges, hidden rows and columns, dates as UTC', async () => {
    const bytes = await xlsxFromSheets([{ ...OFFICE_SHEET, rows: [[null], ...OFFICE_SHEET.rows] }]);
    const [sheet] = readWorkbookCells(bytes, 'office.xlsx').sheets;
    expect(sheet.rows[0]).toEqual(Array(8).fill(null));
    expect(sheet.rows[4][0]).toBe('序号');
    expect(sheet.merges).toContainEqual({ s: { r: 0, c: 0 }, e: { r: 0, c: 7 } });
    expect(sheet.hiddenRows).toEqual([8]);
    expect(sheet.hiddenCols).toEqual([6]);
    expect(sheet.rows[8][5]).toBe(45838);
  });

  it('reads .xls (BIFF8) with merges and hidden sheets flagged', () => {
    const bytes = xlsFromSheets([OFFICE_SHEET]);
    const [sheet] = readWorkbookCells(bytes, 'office.xls').sheets;
    expect(sheet.name).toBe('重点任务');
    expect(sheet.rows[3]).toEqual(['序号', '工作任务', '工作措施', '牵头部门', '协同单位', '时间节点', '责任领导', '备注']);
    expect(sheet.merges).toContainEqual({ s: { r: 4, c: 0 }, e: { r: 4, c: 7 } });
    expect(sheet.hidden).toBe(false);
  });

  it('turns date-formatted cells into Date values', async () => {
    const bytes = await xlsxFromSheets([{ name: 'd', rows: [[new Date(Date.UTC(2025, 5, 30))]] }]);
    const value = readWorkbookCells(bytes, 'd.xlsx').sheets[0].rows[0][0];
    expect(value).toBeInstanceOf(Date);
    expect((value as Date).toISOString()).toBe('2025-06-30T00:00:00.000Z');
  });
});
