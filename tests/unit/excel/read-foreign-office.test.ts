import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readForeignWorkbook, type ForeignWorkbookResult } from '../../../electron/core/excel/read-foreign-sheet';
import {
  GBK_CSV_PATH,
  OFFICE_SHEET,
  csvUtf8,
  csvUtf8Bom,
  officeWorkbook,
  xlsFromSheets,
} from '../../fixtures/foreign/make-fixtures';

let office: ForeignWorkbookResult;
beforeAll(async () => {
  office = readForeignWorkbook(await officeWorkbook(), 'office.xlsx');
});

describe('a city office workbook (title rows, header on row 4, sections, notes)', () => {
  it('skips the instructions sheet and reports the hidden data sheet', () => {
    expect(office.sheets.map((s) => s.name)).toEqual(['重点任务', '重大项目']);
    expect(office.problems).toEqual([
      { file: 'office.xlsx', sheet: '旧版清单', severity: 'warning', message: '工作表「旧版清单」是隐藏的，已跳过（如需导入，请先在 Excel 中取消隐藏）' },
    ]);
  });

  it('finds the header on row 4 below the title and 填报单位 rows, and names the plan from the title', () => {
    const sheet = office.sheets[0];
    expect(sheet).toMatchObject({ headerRow: 4, headerRowCount: 1, plan: '2025年优化营商环境攻坚实施方案', campaign: '2025年优化营商环境攻坚' });
    expect(sheet.mapping).toEqual({ 0: 'code', 1: 'title', 2: 'content', 3: 'lead', 4: 'coop', 5: 'deadline', 6: 'leader', 7: 'note' });
  });

  it('turns merged 一、 rows into sections and unmerged （一） rows into groups, numbering items per group', () => {
    const sheet = office.sheets[0];
    expect(sheet.sections).toEqual(['一、提升政务服务效能', '（一）深化审批改革', '（二）强化要素保障', '二、优化市场环境']);
    expect(sheet.items.map((i) => [i.section, i.group, i.no, i.code, i.title])).toEqual([
      ['一、提升政务服务效能', '（一）深化审批改革', '1', '1', '推行“一件事一次办”'],
      ['一、提升政务服务效能', '（一）深化审批改革', '2', '2', '优化投资审批'],
      ['一、提升政务服务效能', '（二）强化要素保障', '1', '4', '加强融资服务'],
      ['一、提升政务服务效能', '（二）强化要素保障', '2', '5', '保障用地需求'],
      ['一、提升政务服务效能', '（二）强化要素保障', '3', '6', '清理拖欠账款'],
      ['二、优化市场环境', null, '1', '7', '规范涉企检查'],
    ]);
  });

  it('normalises full-width digits and line breaks, and reads every unit separator', () => {
    const [first] = office.sheets[0].items;
    expect(first.content).toBe('新增“一件事”套餐 20 项以上，\n办理时间压减50%。');
    expect(first.lead).toEqual(['市政务服务局']);
    expect(first.coop).toEqual(['市发展改革委', '市司法局', '市公安局', '市人社局', '市医保局', '市税务局', '市市场监管局', '市住房城乡建设局']);
    expect(first.leader).toBe('张三');
    expect(first.targets?.map((t) => [t.value, t.unit, t.comparator])).toEqual([[20, '项', '>='], [50, '%', null]]);
  });

  it('reads unit roles: 等按职责分工负责 in 配合, a joint note, and 牵头…配合 in one cell', () => {
    const [, second, third, , fifth] = office.sheets[0].items;
    expect(second).toMatchObject({ lead: ['市住房城乡建设局', '市自然资源和规划局'], coop: ['市发展改革委'], kind: 'lead' });
    expect(third).toMatchObject({ lead: [], resp: ['人民银行市分行', '市金融办', '市财政局'], coop: [], kind: 'joint' });
    expect(fifth).toMatchObject({ lead: ['市工业和信息化局'], coop: ['市财政局', '市国资委'], kind: 'lead' });
  });

  it('parses each deadline form', () => {
    expect(office.sheets[0].items.map((i) => [i.deadlineText, i.deadlineDate])).toEqual([
      ['2025年6月底前', '2025-06-30'],
      ['2025年6月30日', '2025-06-30'],
      ['长期坚持', null],
      ['2025.12', '2025-12-31'],
      ['一季度', '2025-03-31'],
      ['尽快', null],
    ]);
  });

  it('reports problems with sheet, Excel row and column letter; skips notes, signatures and the hidden row', () => {
    expect(office.sheets[0].problems).toEqual([
      { file: 'office.xlsx', sheet: '重点任务', severity: 'warning', message: 'G列是隐藏列，已照常读取，请在预览中确认' },
      { file: 'office.xlsx', sheet: '重点任务', row: 12, column: 'D', severity: 'warning', message: '第12行 D列「牵头部门」为空' },
      {
        file: 'office.xlsx', sheet: '重点任务', row: 15, column: 'F', severity: 'warning',
        message: '第15行 F列「时间节点」「尽快」无法识别为日期，已按原文保留',
      },
      { file: 'office.xlsx', sheet: '重点任务', severity: 'warning', message: '第9行是隐藏行，已跳过（如需导入，请先取消隐藏）' },
    ]);
  });

  it('imports hidden rows when asked', async () => {
    const withHidden = readForeignWorkbook(await officeWorkbook(), 'office.xlsx', { includeHiddenRows: true });
    expect(withHidden.sheets[0].items.map((i) => i.title)).toContain('隐藏的任务');
  });
});

describe('a two-row merged header (责任单位 over 牵头 / 配合)', () => {
  it('flattens the header and maps 牵头 / 配合', () => {
    const sheet = office.sheets[1];
    expect(sheet.headerRowCount).toBe(2);
    expect(sheet.headers).toEqual(['序号', '项目名称', '建设内容', '责任单位/牵头', '责任单位/配合', '完成时限', '进展情况']);
    expect(sheet.mapping).toEqual({ 0: 'code', 1: 'title', 2: 'content', 3: 'lead', 4: 'coop', 5: 'deadline', 6: 'progress' });
  });

  it('reads Date cells, 季度 deadlines and fills a vertically merged title down', () => {
    expect(office.sheets[1].items.map((i) => [i.no, i.title, i.content, i.lead, i.deadlineDate, i.progress])).toEqual([
      ['1', '城区快速路', '完成主线贯通。', ['市交通运输局'], '2025-09-30', '已完成 40%'],
      ['2', '港口扩建', '新增泊位 2 个。', ['市港务局'], '2025-09-30', undefined],
      ['3', '港口扩建', '完成疏浚 100 万立方米。', ['市水利局'], '2025-11-30', undefined],
    ]);
  });
});

describe('the same list as .xls and CSV', () => {
  it('reads the .xls (BIFF8) version to the same items', () => {
    const xls = readForeignWorkbook(xlsFromSheets([OFFICE_SHEET]), 'office.xls');
    const titles = xls.sheets[0].items.map((i) => i.title);
    // SheetJS does not write hidden rows to BIFF8, so the hidden task comes back visible.
    expect(titles).toEqual(['推行“一件事一次办”', '优化投资审批', '隐藏的任务', '加强融资服务', '保障用地需求', '清理拖欠账款', '规范涉企检查']);
    expect(xls.sheets[0].sections).toEqual(office.sheets[0].sections);
  });

  it.each([
    ['UTF-8 with BOM', csvUtf8Bom()],
    ['UTF-8 without BOM', csvUtf8()],
    ['GBK', new Uint8Array(readFileSync(GBK_CSV_PATH))],
  ])('reads CSV in %s', (_, bytes) => {
    const result = readForeignWorkbook(bytes, '2025年提振消费清单.csv');
    expect(result.problems).toEqual([]);
    const [sheet] = result.sheets;
    expect(sheet.plan).toBe('2025年提振消费实施方案');
    expect(sheet.items.map((i) => [i.section, i.no, i.title, i.lead, i.coop, i.deadlineDate])).toEqual([
      ['（一）大力提振消费', '1', '推动增收减负', ['省人力资源社会保障厅'], ['省发展改革委', '省财政厅'], '2025-06-30'],
      ['（一）大力提振消费', '2', '完善消费政策', ['省商务厅'], [], '2025-12-31'],
    ]);
    expect(sheet.items[0].content).toBe('新增城镇就业 70 万人以上，\n大力推广以工代赈。');
    expect(sheet.items[0].targets?.[0]).toMatchObject({ label: '新增城镇就业', value: 700000, unit: '人', comparator: '>=' });
  });
});
