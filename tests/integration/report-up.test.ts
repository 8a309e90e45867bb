import ExcelJS from 'exceljs';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportUpCommand } from '../../electron/cli/commands/report-up';
import { readTemplateRows } from '../../electron/core/excel/fill-template';
import { deriveTargets } from '../../electron/core/targets/derive-targets';
import { cycleFixture } from './cycle-fixture';
import { makeCore, type TestCore } from './helpers';

/** Filled workbooks for a person to open and look at. */
const OUT = resolve(__dirname, '../../test-output/report-up');

/** ExcelJS reads and writes <sheetProtection> but its types do not declare it. */
const protectionOf = (ws: ExcelJS.Worksheet) => (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection;

async function sheetOf(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

describe('reportup:fill — a county answers the city template from local data', () => {
  let city: TestCore;
  let county: TestCore;
  let template: Uint8Array<ArrayBuffer>;
  let cityItems: Record<string, number>;

  beforeEach(async () => {
    city = makeCore();
    county = makeCore();
    const c = cycleFixture(city);
    const countyUnit = await c.unit('汨罗市');
    const lead = [countyUnit];
    cityItems = {
      jobs: await c.item({ code: '1', title: '稳就业促增收', content: '全年新增城镇就业1.2万人以上。', deadlineText: '2025年底前', lead }),
      roads: await c.item({ code: '2', title: '农村公路提质改造', content: '完成农村公路提质改造。', deadlineText: '2025-09-30', lead }),
      parks: await c.item({ code: '3', title: '建设口袋公园', deadlineText: '2025-10-31', lead }),
      unknown: await c.item({ code: '4', title: '县里没有的任务', lead }),
    };
    deriveTargets(c.db, [cityItems.jobs]);
    const period = await city.call('periods:open', { name: '2025年第3期', kind: '双周', start: '2025-07-01', end: '2025-07-15', due: '2025-07-20' });
    const issued = await city.call('templates:issue', { periodId: period.id });
    template = issued.files[0].bytes!;

    // The county holds the city's items as upper items (as an import of the city's list leaves them).
    const k = cycleFixture(county);
    const bureau = await k.unit('汨罗市人社局');
    const rows = (await readTemplateRows(template, 'city.xlsx')).rows;
    const uidOf = (title: string) => rows.find((r) => r.title === title)!;
    const copy = async (title: string, by: 'uid' | 'code') => {
      const id = await k.item({ title, lead: [bureau] });
      const r = uidOf(title);
      k.db.prepare("UPDATE items SET origin = 'upper', code = ?, upper_uid = ? WHERE id = ?").run(r.code, by === 'uid' ? r.uid : '', id);
      return id;
    };
    const jobs = await copy('稳就业促增收', 'uid');
    const roads = await copy('农村公路提质改造', 'code');
    await copy('建设口袋公园', 'uid');
    // jobs: reported on directly by the bureau; roads: broken down into two local items.
    const p = k.period('2025年第3期', '2025-07-01', '2025-07-15', '2025-07-20');
    await county.call('items:update', { id: jobs, fields: { status: 'in_progress', progress: 60, progressNote: '新增城镇就业7200人', problems: '暂无' } });
    k.report({ itemId: jobs, periodId: p, unitId: bureau, ratio: 60, value: 7200, text: '新增城镇就业7200人' });
    k.db.prepare("UPDATE reports SET next_steps = '开展春风行动' WHERE item_id = ?").run(jobs);
    const split = await county.call('items:break-down', { upperItemIds: [roads, roads] , skipExisting: false });
    await county.call('items:update', { id: split.items[0].id, fields: { status: 'done', progress: 100, progressNote: '东线 12 公里完工' } });
    await county.call('items:update', { id: split.items[1].id, fields: { status: 'in_progress', progress: 40, progressNote: '西线路基施工', problems: '资金缺口 800 万元' } });
  });
  afterEach(() => (city.close(), county.close()));

  it('fills matched rows (own progress, or a rollup of local items) and lists the rows it could not match', async () => {
    const r = await county.call('reportup:fill', { fileName: '2025年第3期_汨罗市_填报模板.xlsx', bytes: template });
    expect(r.fileName).toBe('2025年第3期_汨罗市_填报模板_已填报.xlsx');
    expect(r).toMatchObject({ period: '2025年第3期', unit: '汨罗市', counts: { rows: 4, filled: 3, rolledUp: 1, unmatched: 1 } });
    const by = Object.fromEntries(r.rows.map((x) => [x.title, x]));
    expect(by['稳就业促增收']).toMatchObject({ matchedBy: 'upper_uid', source: 'report' });
    expect(by['农村公路提质改造']).toMatchObject({ matchedBy: 'upper_code', source: 'rollup' });
    expect(by['建设口袋公园']).toMatchObject({ matchedBy: 'upper_uid', source: 'item' });
    expect(r.problems).toEqual([expect.stringMatching(/第 \d+ 行（编号 \d+「县里没有的任务」）在本办找不到对应条目，未填写/)]);

    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, r.fileName), r.bytes);
    const wb = await sheetOf(r.bytes);
    const ws = wb.getWorksheet('填报表')!;
    const { rows } = await readTemplateRows(r.bytes, 'filled.xlsx');
    const layout = (await readTemplateRows(template, 't.xlsx')).meta.sheets[0];
    const cell = (title: string, key: string) => ws.getRow(rows.find((x) => x.title === title)!.row).getCell(layout.columns.indexOf(key) + 1).value;
    expect(cell('稳就业促增收', 'status')).toBe('推进中');
    expect(cell('稳就业促增收', 'ratio')).toBe(60);
    expect(cell('稳就业促增收', 'value')).toBe(7200);
    expect(cell('稳就业促增收', 'progressText')).toBe('新增城镇就业7200人');
    expect(cell('稳就业促增收', 'nextSteps')).toBe('开展春风行动');
    expect(cell('农村公路提质改造', 'status')).toBe('推进中');
    expect(cell('农村公路提质改造', 'ratio')).toBe(70);
    expect(String(cell('农村公路提质改造', 'progressText'))).toMatch(/^分解为 2 项：已完成 1 项，推进中 1 项。2-1：东线 12 公里完工；2-2：西线路基施工$/);
    expect(String(cell('农村公路提质改造', 'problems'))).toMatch(/^2-2：资金缺口 800 万元$/);
    expect(cell('县里没有的任务', 'progressText') ?? '').toBe('');
  });

  it('keeps the template as the city made it: protection, locked identity, hidden id column, dropdown, _meta', async () => {
    const r = await county.call('reportup:fill', { fileName: 't.xlsx', bytes: template });
    const [before, after] = [await sheetOf(template), await sheetOf(r.bytes)];
    const [b, a] = [before.getWorksheet('填报表')!, after.getWorksheet('填报表')!];
    expect(protectionOf(a)).toEqual(protectionOf(b));
    expect(protectionOf(a)?.sheet).toBe(true);
    const layout = (await readTemplateRows(template, 't.xlsx')).meta.sheets[0];
    const uidCol = layout.columns.indexOf('uid') + 1;
    expect(a.getColumn(uidCol).hidden).toBe(true);
    const row = layout.firstDataRow;
    expect(a.getRow(row).getCell(layout.columns.indexOf('title') + 1).protection?.locked ?? true).toBe(true);
    expect(a.getRow(row).getCell(layout.columns.indexOf('progressText') + 1).protection?.locked).toBe(false);
    expect(a.getRow(row).getCell(layout.columns.indexOf('status') + 1).dataValidation?.type).toBe('list');
    expect(after.getWorksheet('_meta')?.state).toBe('hidden');
    expect((await readTemplateRows(r.bytes, 'x.xlsx')).meta).toEqual((await readTemplateRows(template, 'y.xlsx')).meta);
  });

  it('comes back into the city as that unit’s return, and filling or sending twice changes nothing more', async () => {
    const r = await county.call('reportup:fill', { fileName: 't.xlsx', bytes: template });
    const again = await county.call('reportup:fill', { fileName: 't.xlsx', bytes: template });
    expect(again.rows).toEqual(r.rows);
    const applied = await city.call('returns:apply', { files: [{ name: r.fileName, bytes: r.bytes }] });
    // jobs and roads carry progress; parks (nothing local yet) and the unmatched row go back as
    // issued, and a row with no input is not a report (issue 13).
    expect(applied.counts.newReports).toBe(2);
    const jobs = await city.call('items:get', { id: cityItems.jobs });
    expect(jobs).toMatchObject({ status: 'in_progress', progress: 60, progressNote: '新增城镇就业7200人' });
    expect((await city.call('items:get', { id: cityItems.roads })).progress).toBe(70);
    const twice = await city.call('returns:apply', { files: [{ name: r.fileName, bytes: again.bytes }] });
    expect(twice.counts.newReports + twice.counts.changedReports).toBe(0);
  });

  it('works from the command line: report-up <template> --db <county db> --out <file>', async () => {
    const tpl = join(county.dir, 'city-template.xlsx');
    writeFileSync(tpl, template);
    const out = join(county.dir, 'filled.xlsx');
    const logs: string[] = [];
    const log = console.log;
    console.log = (line: string) => logs.push(line);
    try {
      expect(await reportUpCommand.run([tpl, '--db', join(county.dir, 'qingdan.sqlite'), '--out', out])).toBe(0);
    } finally {
      console.log = log;
    }
    expect(logs.join('\n')).toContain('共 4 行，已填写 3 行（其中 1 行由分解条目汇总），1 行未找到对应条目');
    const { rows } = await readTemplateRows(new Uint8Array(readFileSync(out)), 'filled.xlsx');
    expect(rows).toHaveLength(4);
    await expect(reportUpCommand.run(['--db', join(county.dir, 'qingdan.sqlite')])).rejects.toThrow('请给出上级下发的模板文件');
  });

  it('refuses a workbook that is not an app-made template, in Chinese', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['编号', '名称']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    await expect(county.call('reportup:fill', { fileName: '外单位表格.xlsx', bytes })).rejects.toThrow('文件「外单位表格.xlsx」不是清单通生成的填报模板');
  });
});
