import { describe, expect, it } from 'vitest';
import { readForeignWorkbook } from '../../../electron/core/excel/read-foreign-sheet';
import { matchHeaderField } from '../../../electron/core/excel/foreign/synonyms';
import { xlsxFromSheets, type FixtureSheet } from '../../fixtures/foreign/make-fixtures';

async function read(sheets: FixtureSheet[], fileName = 'list.xlsx', options = {}) {
  return readForeignWorkbook(await xlsxFromSheets(sheets), fileName, options);
}

describe('header synonyms', () => {
  it.each([
    ['序号', 'code'], ['编号', 'code'], ['重点任务', 'title'], ['工作任务', 'title'], ['任务名称', 'title'], ['任务', 'title'],
    ['具体内容', 'content'], ['工作内容', 'content'], ['主要内容', 'content'], ['工作措施', 'content'],
    ['牵头单位', 'lead'], ['牵头部门', 'lead'], ['牵头责任单位', 'lead'], ['市级牵头单位', 'lead'], ['牵头单位\n（必填）', 'lead'],
    ['配合单位', 'coop'], ['配合部门', 'coop'], ['协同单位', 'coop'], ['责任单位（配合）', 'coop'], ['责任单位(牵头)', 'lead'],
    ['责任单位', 'resp'], ['完成时限', 'deadline'], ['时间节点', 'deadline'], ['完成时间', 'deadline'], ['完成时限（年月日）', 'deadline'],
    ['备注', 'note'], ['责任领导', 'leader'], ['目标任务', 'targets'], ['进展情况', 'progress'], ['＊完成情况', 'progress'],
  ])('%s → %s', (header, field) => {
    expect(matchHeaderField(header)).toBe(field);
  });

  it('does not take instruction sentences or data for headers', () => {
    expect(matchHeaderField('1. 请在“牵头单位”列填写牵头部门全称')).toBeNull();
    expect(matchHeaderField('省发展改革委')).toBeNull();
    expect(matchHeaderField('任务来源说明文字')).toBeNull();
  });
});

describe('unit column layouts', () => {
  it('reads 责任单位 + 配合单位 as lead and coop', async () => {
    const result = await read([{ name: '清单', rows: [
      ['编号', '任务名称', '主要内容', '责任单位', '配合部门', '完成期限'],
      [1, '甲', '甲内容', '市发展改革委', '市财政局', '2025年9月底'],
    ] }]);
    const [sheet] = result.sheets;
    expect(sheet.mapping).toMatchObject({ 3: 'lead', 4: 'coop' });
    expect(sheet.items[0]).toMatchObject({ lead: ['市发展改革委'], coop: ['市财政局'], kind: 'lead', deadlineDate: '2025-09-30' });
  });

  it('reads a lone 责任单位 column as joint responsibility, 牵头 words inside it as lead', async () => {
    const result = await read([{ name: '清单', rows: [
      ['序号', '重点工作', '责任单位', '时限'],
      [1, '甲', '市商务局、市文旅局', '全年'],
      [2, '乙', '市商务局牵头，市文旅局配合', '全年'],
      [3, '丙', '', '全年'],
    ] }], 'list.xlsx', { year: 2025 });
    const items = result.sheets[0].items;
    expect(items[0]).toMatchObject({ lead: [], resp: ['市商务局', '市文旅局'], kind: 'joint', deadlineDate: '2025-12-31' });
    expect(items[1]).toMatchObject({ lead: ['市商务局'], resp: ['市文旅局'], kind: 'lead' });
    expect(result.sheets[0].problems.map((p) => p.message)).toEqual(['第4行 C列「责任单位」为空']);
  });

  it('keeps the first of two title columns and reports the second', async () => {
    const result = await read([{ name: 'S', rows: [['序号', '重点任务', '任务名称', '牵头单位'], [1, '甲', '乙', '市委办']] }]);
    const [sheet] = result.sheets;
    expect(sheet.items[0].title).toBe('甲');
    expect(sheet.problems[0]).toMatchObject({ row: 1, column: 'C', message: 'C列「任务名称」与前面的列同为“任务名称”，已忽略此列' });
  });
});

describe('mapping overrides and layout keys', () => {
  const sheet: FixtureSheet = { name: '清单', rows: [['序号', '事项', '说明文字', '单位'], [1, '甲', '甲的说明', '市委办']] };

  it('gives the same layoutKey to the same headers and another to different ones', async () => {
    const a = (await read([sheet])).sheets[0];
    const b = (await read([{ ...sheet, name: '另一个' }], 'other.xlsx')).sheets[0];
    const c = (await read([{ name: 'S', rows: [['序号', '事项', '牵头单位'], [1, '甲', '市委办']] }])).sheets[0];
    expect(a.layoutKey).toMatch(/^[0-9a-f]{16}$/);
    expect(b.layoutKey).toBe(a.layoutKey);
    expect(c.layoutKey).not.toBe(a.layoutKey);
    expect(a.mapping).toEqual({ 0: 'code', 1: 'title', 2: 'ignore', 3: 'ignore' });
  });

  it('applies a remembered mapping by layout, and a per-sheet mapping over it', async () => {
    const detected = (await read([sheet])).sheets[0];
    const byLayout = { [detected.layoutKey]: { 0: 'code', 1: 'title', 2: 'content', 3: 'lead' } };
    const remembered = (await read([sheet], 'list.xlsx', { mappingsByLayout: byLayout })).sheets[0];
    expect(remembered.mappingSource).toBe('layout');
    expect(remembered.items[0]).toMatchObject({ content: '甲的说明', lead: ['市委办'] });
    const bySheet = { 清单: { '1': 'title', '3': 'coop', '9': 'nonsense' } };
    const chosen = (await read([sheet], 'list.xlsx', { mappingsByLayout: byLayout, mappingsBySheet: bySheet })).sheets[0];
    expect(chosen.mapping).toEqual({ 1: 'title', 3: 'coop' });
    expect(chosen.items[0]).toMatchObject({ coop: ['市委办'], content: '' });
  });

  it('accepts a header row chosen by the user', async () => {
    const rows = [['说明'], ['乙', '丙'], ['任务', '部门'], ['甲', '市委办']];
    const result = await read([{ name: 'S', rows }], 'x.xlsx', { headerRowBySheet: { S: 3 }, mappingsBySheet: { S: { 0: 'title', 1: 'lead' } } });
    expect(result.sheets[0]).toMatchObject({ headerRow: 3 });
    expect(result.sheets[0].items.map((i) => [i.title, i.lead])).toEqual([['甲', ['市委办']]]);
  });
});

describe('section rows and numbering', () => {
  it('reads 序号「一」beside a heading, unnumbered merged headings, totals and repeated headers', async () => {
    const result = await read([{ name: 'S', rows: [
      ['序号', '重点任务', '具体内容', '牵头单位'],
      ['一', '大力提振消费', null, null],
      [1, '甲', '甲内容', '市商务局'],
      ['产业类', null, null, null],
      ['序号', '重点任务', '具体内容', '牵头单位'],
      [2, '乙', '乙内容', '市工信局'],
      ['合计', null, null, null],
    ], merges: ['A4:D4'] }]);
    const [sheet] = result.sheets;
    expect(sheet.sections).toEqual(['一、大力提振消费', '产业类']);
    expect(sheet.items.map((i) => [i.section, i.group, i.no, i.title])).toEqual([
      ['一、大力提振消费', null, '1', '甲'],
      ['一、大力提振消费', '产业类', '1', '乙'],
    ]);
  });

  it('splits numbering out of a title when there is no 序号 column, and derives a title from content', async () => {
    const result = await read([{ name: 'S', rows: [
      ['工作任务', '具体内容', '牵头单位'],
      ['1. 推动增收减负', '推动增收减负内容', '市人社局'],
      [null, '完善消费政策。实施提振消费专项行动。', '市商务局'],
    ] }]);
    expect(result.sheets[0].items.map((i) => [i.code, i.title])).toEqual([['1.', '推动增收减负'], [undefined, '完善消费政策']]);
  });
});

describe('plan names and several data sheets', () => {
  it('names each sheet’s plan from its title, else the sheet name, else the file name', async () => {
    const header = ['序号', '重点任务', '牵头单位'];
    const result = await read([
      { name: '说明', rows: [['本表由市发展改革委汇总'], ['请于每月5日前报送']] },
      { name: 'Sheet1', rows: [['附件3：科技创新攻坚重点任务清单'], header, [1, '甲', '市科技局']] },
      { name: '改革攻坚', rows: [header, [1, '乙', '市委改革办']] },
      { name: 'Sheet3', rows: [header, [1, '丙', '市教育局']] },
    ], '2025年开放攻坚实施方案（1）.xlsx');
    expect(result.sheets.map((s) => [s.name, s.plan, s.campaign, s.items.length])).toEqual([
      ['Sheet1', '科技创新攻坚实施方案', '科技创新攻坚', 1],
      ['改革攻坚', '改革攻坚实施方案', '改革攻坚', 1],
      ['Sheet3', '2025年开放攻坚实施方案', '2025年开放攻坚', 1],
    ]);
  });

  it('reports a workbook without any header as an error naming the file', async () => {
    const result = await read([{ name: 'S', rows: [['会议纪要'], ['今天讨论了很多事情']] }], '纪要.xlsx');
    expect(result.sheets).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ file: '纪要.xlsx', severity: 'error' });
    expect(result.problems[0].message).toContain('文件「纪要.xlsx」的前 15 行中没有找到清单表头');
  });
});

describe('plan and section columns', () => {
  it('files each row under its 所属方案 and 章节; an empty cell keeps the sheet title plan and section rows', async () => {
    const result = await read([{ name: '清单', rows: [
      ['全市重点任务清单'],
      ['序号', '所属方案', '章节', '任务名称', '牵头单位'],
      ['一、稳增长'],
      [1, '内需扩量提效攻坚实施方案', '（一）大力提振消费', '甲', '市商务局'],
      [2, '产业育新培强攻坚实施方案', '', '乙', '市工信局'],
      [3, '', '', '丙', '市财政局'],
    ] }]);
    const [sheet] = result.sheets;
    expect(sheet.mapping).toMatchObject({ 1: 'plan', 2: 'section' });
    expect(sheet.items.map((d) => [d.plan, d.campaign, d.section, d.title])).toEqual([
      ['内需扩量提效攻坚实施方案', '内需扩量提效攻坚', '（一）大力提振消费', '甲'],
      ['产业育新培强攻坚实施方案', '产业育新培强攻坚', '一、稳增长', '乙'],
      ['全市实施方案', '全市', '一、稳增长', '丙'],
    ]);
  });
});

describe('files named as WPS and other spreadsheet programs save them', () => {
  it.each([
    ['清单.et', 'xls'],
    ['清单.ett', 'xlsx'],
    ['清单.xlt', 'xls'],
    ['清单.ods', 'ods'],
  ] as const)('reads %s by its content', async (fileName, bookType) => {
    const XLSX = await import('@e965/xlsx');
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['序号', '任务名称', '牵头单位', '完成时限'], [1, '甲任务', '市商务局', '2025年6月底前']]), '清单');
    const result = readForeignWorkbook(new Uint8Array(XLSX.write(wb, { type: 'array', bookType }) as ArrayBuffer), fileName);
    expect(result.fileError).toBeUndefined();
    expect(result.sheets[0].items[0]).toMatchObject({ title: '甲任务', lead: ['市商务局'], deadlineDate: '2025-06-30' });
  });
});
