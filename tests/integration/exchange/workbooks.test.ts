import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAppWorkbook } from '../../../electron/core/excel/app-workbook-reader';
import { cycleCore, fill, templateTitles, type TestCore } from './exchange-fixture';
import { pageCount, pdfText, squash, toPdf, toPng } from './libreoffice';

interface Made {
  list: Uint8Array;
  template: Uint8Array;
  missing: Uint8Array;
  summary: Uint8Array;
}

const FORMULA_TITLE = '=SUM(A1:A9)看起来像公式的标题';

describe('every exported workbook reads back and prints (SheetJS, ExcelJS, LibreOffice)', () => {
  let core: TestCore;
  let made: Made;
  let pdf: Record<string, string>;
  let titles: string[];

  beforeAll(async () => {
    const c = await cycleCore(['省商务厅', '省科技厅']);
    core = c.core;
    await core.call('items:create', { kind: 'task', title: FORMULA_TITLE, content: '+86 开头、-号开头和 @某人 开头的文字也都是文字', code: '-1' });
    titles = await templateTitles(c.template('省商务厅'));
    const filled = await fill(c.template('省商务厅'), (e) => {
      e.set(titles[0], '状态', '推进中');
      e.set(titles[0], '完成比例(%)', 35);
      e.set(titles[0], '进展情况', '已印发实施方案，召开专题推进会 2 次，完成以旧换新补贴兑付 1.2 亿元。'.repeat(3));
      e.set(titles[0], '存在问题', '部分市州配套资金未到位。');
    });
    await core.call('returns:apply', { files: [{ name: '省商务厅.xlsx', bytes: filled }] });
    made = {
      list: (await core.call('export:list', { query: { kind: 'task' }, columns: ['code', 'planTitle', 'title', 'content', 'lead', 'resp', 'coop', 'deadlineText', 'status'] })).bytes,
      template: c.template('省商务厅'),
      missing: (await core.call('periods:missing-export', { periodId: c.period.id, today: '2025-07-03' })).bytes,
      summary: (await core.call('periods:summary-export', { periodId: c.period.id })).bytes,
    };
    pdf = toPdf({ list: made.list, template: made.template, missing: made.missing, summary: made.summary });
    for (const p of Object.values(pdf)) toPng(p);
  }, 240_000);
  afterAll(() => core?.close());

  it('SheetJS reads each: visible table first, hidden _meta, hidden item id column, merged title and header', () => {
    for (const [kind, bytes] of Object.entries(made)) {
      const wb = XLSX.read(bytes, { type: 'array', cellStyles: true });
      const meta = wb.Workbook?.Sheets?.find((s) => s.name === '_meta');
      expect(meta?.Hidden, kind).toBe(1);
      const table = wb.Sheets[wb.SheetNames.find((n) => n !== '_meta' && n !== '填报说明')!];
      expect(table['!merges']?.some((m) => m.s.r === 0 && m.s.c === 0 && m.e.c > 3), kind).toBe(true);
      expect(table['!cols']?.some((c) => c?.hidden), kind).toBe(true);
      const metaRows = XLSX.utils.sheet_to_json<string[]>(wb.Sheets._meta, { header: 1 });
      expect(metaRows.find((r) => r[0] === 'format')?.[1], kind).toBe('qingdan');
      expect(metaRows.find((r) => r[0] === 'kind')?.[1], kind).toBe(kind);
    }
  });

  it('writes text that starts with = + - @ as text, never as a formula', async () => {
    const wb = XLSX.read(made.list, { type: 'array' });
    const ws = wb.Sheets[wb.SheetNames[0]];
    const cells = Object.entries(ws).filter(([k]) => !k.startsWith('!')).map(([, c]) => c as XLSX.CellObject);
    expect(cells.some((c) => c.f)).toBe(false);
    const formulaLike = cells.find((c) => c.v === FORMULA_TITLE);
    expect(formulaLike?.t).toBe('s');
    expect(cells.find((c) => c.v === '-1')?.t).toBe('s');
    const back = await readAppWorkbook(made.list, 'list.xlsx');
    expect(back.sheets[0].rows.flat()).toContain('+86 开头、-号开头和 @某人 开头的文字也都是文字');
  });

  it('ExcelJS reads each: A4 landscape one page wide, print titles, page footer, frozen header', async () => {
    for (const [kind, bytes] of Object.entries(made)) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
      const ws = wb.worksheets.find((w) => w.name !== '_meta' && w.name !== '填报说明')!;
      expect(ws.pageSetup, kind).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(ws.pageSetup.printTitlesRow, kind).toMatch(/^3:[34]$/);
      expect(ws.headerFooter.oddFooter, kind).toContain('第 &P 页 共 &N 页');
      expect(ws.views[0], kind).toMatchObject({ state: 'frozen', ySplit: Number(ws.pageSetup.printTitlesRow!.split(':')[1]) });
      expect(ws.getRow(5).height, kind).toBeGreaterThan(0);
    }
  });

  it('template: instructions first, identity locked, fill cells unlocked, 状态 dropdown, protection without password', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(made.template) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['填报说明', '填报表', '_meta']);
    expect(String(wb.worksheets[0].getCell(2, 1).value)).toContain('省商务厅');
    const ws = wb.getWorksheet('填报表')!;
    const header = ws.getRow(4).values as unknown[];
    const col = (l: string) => header.indexOf(l);
    // ExcelJS reads sheet protection into a field its typings do not declare.
    const protection = (ws as unknown as { sheetProtection: { sheet?: boolean; hashValue?: string } }).sheetProtection;
    expect(protection).toMatchObject({ sheet: true });
    expect(protection.hashValue).toBeUndefined();
    expect(ws.getCell(5, col('名称')).protection?.locked).not.toBe(false);
    for (const l of ['状态', '完成比例(%)', '进展情况', '存在问题', '下步计划']) expect(ws.getCell(5, col(l)).protection?.locked, l).toBe(false);
    expect(ws.getCell(5, col('状态')).dataValidation).toMatchObject({ type: 'list', formulae: ['"未启动,推进中,已完成,暂缓"'] });
    expect(ws.getColumn(col('条目标识')).hidden).toBe(true);
  });

  it('LibreOffice prints the long list with the header on every page and no row text cut', () => {
    const pages = pageCount(pdf.list);
    expect(pages).toBeGreaterThan(3);
    const page2 = squash(pdfText(pdf.list, 2));
    expect(page2).toContain('主要内容');
    expect(page2).toContain('责任单位');
    expect(page2).toContain(`第2页共${pages}页`);
    const all = squash(pdfText(pdf.list));
    expect(all).toContain('任务清单');
    const rows = core.ctx.db.prepare("SELECT title, content FROM items WHERE kind = 'task'").all() as { title: string; content: string }[];
    for (const r of rows) expect(all, r.title).toContain(squash(r.title));
    const longest = rows.reduce((a, b) => (b.content.length > a.content.length ? b : a));
    expect(all).toContain(squash(longest.content.slice(-12)));
  });

  it('LibreOffice prints the template, 催报 list and 汇总表 with their titles and numbers', () => {
    const template = pdfText(pdf.template);
    expect(pageCount(pdf.template)).toBeGreaterThan(1);
    expect(squash(pdfText(pdf.template, 1))).toContain('2025年第5期工作进展填报说明');
    expect(squash(template)).toContain('填报单位：省商务厅');
    expect(squash(template)).toContain(squash(titles[titles.length - 1]));

    const missing = squash(pdfText(pdf.missing));
    expect(missing).toContain('2025年第5期未报送单位名单');
    expect(missing).toContain('省科技厅');
    expect(missing).toContain('已逾期3天');
    expect(missing).toContain(`共${pageCount(pdf.missing)}页`);

    const summary = squash(pdfText(pdf.summary));
    expect(summary).toContain('2025年第5期工作进展汇总表');
    expect(summary).toContain(squash('已印发实施方案，召开专题推进会 2 次'));
    expect(summary).toContain('部分市州配套资金未到位');
    expect(summary).toContain('未填报');
  });
});
