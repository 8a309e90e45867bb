import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { writeStyledWorkbook } from '../../../electron/core/excel/styled/styled-workbook';
import type { StyledColumn, StyledWorkbookSpec } from '../../../electron/core/excel/styled/types';
import { listColumns } from '../../../electron/core/exchange/list-columns';
import { templateColumns, templateInstructions, templateSheet, type TemplateContext } from '../../../electron/core/exchange/template-sheet';
import { writeReferenceWorkbook } from './reference-writer/reference-workbook';

const exportedAt = new Date('2025-06-30T08:00:00Z');
const long = (i: number) => `推进第${i}项重点工作。突出就业优先导向，大规模开展职业技能培训，新增城镇就业${i}万人以上。`.repeat(1 + (i % 4));

/** A list export: 序号, hidden id, two-level 责任单位 header, numbers, blanks, formula-like text, & and <. */
const list: StyledWorkbookSpec = {
  meta: { kind: 'list', senderOffice: '某某办公室', exportedAt, extra: { item_kind: 'task', title: '任务清单' } },
  sheets: [
    {
      name: '任务清单',
      title: '内需扩量提效攻坚任务清单',
      subtitleLeft: '制表单位：某某办公室',
      subtitleRight: '2025年6月30日',
      columns: listColumns(['code', 'title', 'content', 'lead', 'resp', 'coop', 'deadlineText', 'status', 'progress', 'progressNote']),
      rows: Array.from({ length: 40 }, (_, i) => ({
        seq: i + 1, uid: `uid-${i}`, code: String(i + 1), title: i === 3 ? '=SUM(A1:A2)' : `重点任务 <${i}> & 攻坚`, content: long(i), lead: '省发展改革委',
        resp: i % 3 ? '省商务厅' : '', coop: i % 2 ? null : '省财政厅、省人社厅', deadlineText: '2025年6月底前', status: '推进中', progress: i % 5 ? i * 2.5 : null,
        progressNote: i % 7 ? `  已完成${i}%  ` : '',
      })),
      notes: ['共 40 条。筛选条件：单位：省商务厅。'],
    },
  ],
};

const c: TemplateContext = { office: '某某办公室', periodName: '2025年第5期', start: '2025-06-16', end: '2025-06-29', due: '2025-06-30', issuedOn: '2025年6月30日' };
const fields = ['status', 'ratio', 'value', 'progressText', 'problems', 'nextSteps'] as const;
/** A fill-in template: instructions sheet, protected sheet, unlocked shaded input columns, dropdown and number validation. */
const template: StyledWorkbookSpec = {
  meta: { kind: 'template', senderOffice: '某某办公室', exportedAt, period: '2025年第5期', unit: '省商务厅', token: 'tok-1', extra: { fields: fields.join(',') } },
  instructions: templateInstructions(c, '填报单位：省商务厅，共 12 项', '填报表', fields),
  sheets: [
    templateSheet(c, { name: '省商务厅', token: 'tok-1' }, templateColumns(fields, true), Array.from({ length: 12 }, (_, i) => ({
      code: String(i + 1), uid: `u${i}`, plan: '攻坚方案', title: `任务${i}`, content: long(i * 3), lead: '省商务厅', role: '牵头', deadline: '2025年底', target: '≥100亿元',
      status: i % 2 ? '推进中' : null, ratio: i % 3 ? i * 8 : null, value: null, progressText: i % 4 ? '已召开调度会' : '', problems: null, nextSteps: null,
      extDate: null, extReason: '', extDecision: i === 2 ? '同意延期至2025-12-31' : '',
    })), '填报表'),
  ],
};

const SUMMARY_COLUMNS: StyledColumn[] = [
  { key: 'seq', header: ['序号'], width: 6, align: 'center' },
  { key: 'uid', header: ['条目标识'], width: 12, hidden: true },
  { key: 'title', header: ['名称'], width: 18 },
  { key: 'unit', header: ['本期填报', '填报单位'], width: 12 },
  { key: 'ratio', header: ['本期填报', '完成比例(%)'], width: 8, align: 'center' },
  { key: 'progress', header: ['本期填报', '进展情况'], width: 30, growTo: 80 },
  { key: 'when', header: ['本期填报', '报送日期'], width: 12, numFmt: 'yyyy-mm-dd' },
];
/** A 汇总表: two-level header, a column grown to fit a very long text, a date column, two notes. */
const summary: StyledWorkbookSpec = {
  meta: { kind: 'summary', senderOffice: '某某办公室', exportedAt, period: '2025年第5期' },
  sheets: [
    {
      name: '汇总表', title: '2025年第5期工作进展汇总表', subtitleLeft: '制表单位：某某办公室', subtitleRight: '2025年6月30日', columns: SUMMARY_COLUMNS,
      rows: Array.from({ length: 20 }, (_, i) => ({
        seq: i + 1, uid: `s${i}`, title: `任务${i}`, unit: i % 4 ? '省商务厅' : '未填报', ratio: i * 5, progress: i === 7 ? long(9).repeat(30) : long(i),
        when: i % 2 ? new Date(Date.UTC(2025, 5, 10 + i)) : null,
      })),
      notes: ['注：共 20 项，本期已填报 15 项。', '亮灯：绿灯 正常，黄灯 临期。'],
    },
    { name: '汇总表', title: '空表', columns: SUMMARY_COLUMNS.slice(0, 3), rows: [], notes: [] },
  ],
};

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

/** Everything a reader sees of a sheet: set-up, columns, rows, and every cell's value, type and style. */
function snapshot(ws: ExcelJS.Worksheet) {
  const cells: Record<string, unknown> = {};
  const rows: Record<number, unknown> = {};
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    rows[r] = { height: row.height, hidden: row.hidden };
    row.eachCell({ includeEmpty: true }, (cell) => {
      cells[cell.address] = { type: cell.type, value: cell.value, style: cell.style, master: cell.isMerged ? cell.master.address : undefined };
    });
  });
  const columns = Array.from({ length: ws.columnCount }, (_, i) => ({ width: ws.getColumn(i + 1).width, hidden: ws.getColumn(i + 1).hidden }));
  return {
    name: ws.name, state: ws.state, views: ws.views, pageSetup: ws.pageSetup, headerFooter: ws.headerFooter, protection: (ws as unknown as { sheetProtection: unknown }).sheetProtection,
    merges: [...(ws.model.merges ?? [])].sort(), validations: (ws as unknown as { dataValidations: { model: unknown } }).dataValidations.model,
    columns, rows, cells,
  };
}

describe('streamed styled workbook', () => {
  for (const [what, spec] of [['a list', list], ['a template with instructions, validation and protection', template], ['a 汇总表', summary]] as const) {
    it(`writes ${what} cell by cell and style by style as the in-memory writer did`, async () => {
      const [streamed, reference] = await Promise.all([writeStyledWorkbook(spec).then(load), writeReferenceWorkbook(spec).then(load)]);
      expect(streamed.worksheets.map((w) => w.name)).toEqual(reference.worksheets.map((w) => w.name));
      for (const [n, ws] of reference.worksheets.entries()) {
        const mine = snapshot(streamed.getWorksheet(ws.name)!);
        const theirs = snapshot(ws);
        expect(Object.keys(mine.cells).length).toBeGreaterThan(0);
        // ExcelJS dropped the width of some runs of equal-width columns (the list's 状态 and 完成比例,
        // both 9, came out at the default width); the streamed writer writes every column's own width.
        const lost = theirs.columns.flatMap((col, i) => (col.width === undefined ? [i] : []));
        expect(mine).toEqual({ ...theirs, columns: theirs.columns.map((col, i) => (lost.includes(i) ? mine.columns[i] : col)) });
        if (ws.name !== '_meta') {
          const sheet = spec.sheets[n - (spec.instructions ? 1 : 0)];
          for (const i of lost) expect(mine.columns[i].width).toBe(sheet.columns[i].width);
        }
      }
    });
  }

  it('writes a sheet of many compressed pieces that both readers take back whole', async () => {
    const rows = 4000;
    const big = { ...list, sheets: [{ ...list.sheets[0], rows: Array.from({ length: rows }, (_, i) => ({ ...list.sheets[0].rows[i % 40], seq: i + 1 })) }] };
    const bytes = await writeStyledWorkbook(big);
    const sheet = XLSX.read(bytes, { type: 'array' }).Sheets['任务清单'];
    const data = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true }).filter((r) => typeof r[0] === 'number');
    expect(data.map((r) => r[0])).toEqual(Array.from({ length: rows }, (_, i) => i + 1));
    expect(data[rows - 1][4]).toBe(list.sheets[0].rows[(rows - 1) % 40].content);
    const ws = (await load(bytes)).getWorksheet('任务清单')!;
    expect(ws.getCell(4 + rows, 1).value).toBe(rows);
    expect(ws.getCell(4 + rows, 1).style.border).toEqual(ws.getCell(5, 1).style.border);
  });

  it('is read back by SheetJS with the same values, sheets and merges', async () => {
    for (const spec of [list, template, summary]) {
      const a = XLSX.read(await writeStyledWorkbook(spec), { type: 'array', cellDates: true });
      const b = XLSX.read(await writeReferenceWorkbook(spec), { type: 'array', cellDates: true });
      expect(a.SheetNames).toEqual(b.SheetNames);
      expect(a.Workbook?.Sheets?.map((s) => s.Hidden)).toEqual(b.Workbook?.Sheets?.map((s) => s.Hidden));
      for (const name of a.SheetNames) {
        expect(XLSX.utils.sheet_to_json(a.Sheets[name], { header: 1, raw: true })).toEqual(XLSX.utils.sheet_to_json(b.Sheets[name], { header: 1, raw: true }));
        expect(a.Sheets[name]['!merges']?.map((m) => XLSX.utils.encode_range(m)).sort()).toEqual(b.Sheets[name]['!merges']?.map((m) => XLSX.utils.encode_range(m)).sort());
      }
    }
  });
});
