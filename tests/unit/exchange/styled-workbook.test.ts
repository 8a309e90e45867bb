import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { readAppWorkbook } from '../../../electron/core/excel/app-workbook-reader';
import { writeStyledWorkbook } from '../../../electron/core/excel/styled/styled-workbook';
import { rewriteZipText } from '../../../electron/core/excel/styled/zip-rewrite';

const spec = {
  meta: { kind: 'list', senderOffice: '某某办公室', exportedAt: new Date('2025-06-30T08:00:00Z'), period: '2025年第5期', extra: { item_kind: 'task' } },
  sheets: [
    {
      name: '任务清单',
      title: '任务清单',
      subtitleLeft: '制表单位：某某办公室',
      subtitleRight: '2025年6月30日',
      columns: [
        { key: 'code', header: ['编号'], width: 6 },
        { key: 'uid', header: ['条目标识'], width: 10, hidden: true },
        { key: 'title', header: ['名称'], width: 20 },
        { key: 'lead', header: ['责任单位', '牵头'], width: 14 },
        { key: 'coop', header: ['责任单位', '配合'], width: 14 },
      ],
      rows: [
        { code: '1', uid: 'u-1', title: '=HYPERLINK("http://x")', lead: '省商务厅', coop: '@省财政厅' },
        { code: '2', uid: 'u-2', title: '推动增收减负'.repeat(8), lead: '省发展改革委', coop: null },
      ],
    },
  ],
} as const;

describe('styled workbook writer', () => {
  it('makes 宋体 11 the Normal font, so column widths mean the same in Excel, WPS and LibreOffice', async () => {
    const bytes = await writeStyledWorkbook(spec);
    let styles = '';
    rewriteZipText(bytes, 'xl/styles.xml', (t) => (styles = t));
    expect(/<fonts[^>]*><font>(.*?)<\/font>/.exec(styles)?.[1]).toContain('<name val="宋体"/>');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['任务清单', '_meta']);
    expect(XLSX.read(bytes, { type: 'array' }).SheetNames).toEqual(['任务清单', '_meta']);
  });

  it('writes title, subtitle, merged two-row header, rows with heights, and the _meta it reads back', async () => {
    const bytes = await writeStyledWorkbook(spec);
    const back = await readAppWorkbook(bytes, 'list.xlsx');
    expect(back.meta).toMatchObject({ format: 'qingdan', version: 1, kind: 'list', senderOffice: '某某办公室', period: '2025年第5期', exportedAt: '2025-06-30T08:00:00.000Z' });
    expect(back.meta?.values.item_kind).toBe('task');
    expect(back.meta?.sheets[0]).toMatchObject({ name: '任务清单', headerRow: 4, firstDataRow: 5, lastDataRow: 6, columns: ['code', 'uid', 'title', 'lead', 'coop'] });
    const rows = back.sheets[0].rows;
    expect(rows[0][0]).toBe('任务清单');
    expect(rows[1]).toContain('2025年6月30日');
    expect(rows[2].slice(0, 4)).toEqual(['编号', '条目标识', '名称', '责任单位']);
    expect(rows[3].slice(3, 5)).toEqual(['牵头', '配合']);
    expect(rows[4]).toEqual(['1', 'u-1', '=HYPERLINK("http://x")', '省商务厅', '@省财政厅']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('任务清单')!;
    expect(ws.getCell('C5').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getRow(6).height).toBeGreaterThan(ws.getRow(5).height);
    expect(ws.getColumn(2).hidden).toBe(true);
  });
});
