import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../../electron/core/import/plan-text/parse-plan-text';
import { isUnitPhrase } from '../../../electron/core/parse/unit-list';
import { normalizeUnitName } from '../../../electron/core/repositories/units-repository';
import { makeCore, RESOURCES } from '../helpers';
import { workbookOf } from './sample-variants';
import { storedDrafts } from './stored';

const seedText = readFileSync(join(RESOURCES, 'seed-plan.txt'), 'utf8');

/** An office layout where 责任人 holds the cooperating units (the reader takes it for 责任领导). */
function officeList(rows: (string | number)[][]) {
  return workbookOf({ 任务表: [['2025年重点工作任务表'], ['序号', '工作任务', '牵头单位', '责任人', '时间节点'], ...rows] });
}
const FILE_1 = officeList([
  [1, '推进园区扩区调区', '市发展改革委', '市自然资源局、市商务局', '2025年9月底前'],
  [2, '开展招商引资百日攻坚', '市商务局', '市投资促进事务中心', '2025年8月底前'],
]);
const FILE_2 = officeList([
  [1, '实施城市更新行动', '市住房城乡建设局', '市自然资源局、市城管局', '2025年10月底前'],
]);

describe('pasted plan text', () => {
  it('the seed text pasted gives its 150 tasks with their units, and pasting it again changes nothing', async () => {
    const core = makeCore();
    const preview = await core.call('imports:preview', { text: seedText });
    expect(preview.counts).toEqual({ new: 150, changed: 0, unchanged: 0, duplicate: 0 });
    const [file] = preview.files;
    expect(file).toMatchObject({ file: '粘贴文本', source: 'text', error: null });
    expect(file.sheets[0].plans).toHaveLength(8);
    expect(file.sheets[0].items.filter((i) => i.targets.length > 0).length).toBeGreaterThan(0);

    const res = await core.call('imports:apply', { text: seedText });
    expect(res.counts).toMatchObject({ new: 150, plans: 8 });
    const parsed = parsePlanText(seedText).items;
    const stored = storedDrafts(core.ctx.db);
    expect(stored).toHaveLength(150);
    // Phrases such as 各行业主管部门 name no unit: they are not stored as units (see import-unit-phrases.test.ts).
    const names = (l: string[]) => l.filter((n) => !isUnitPhrase(n)).map(normalizeUnitName);
    expect(stored.map((d) => [d.plan, d.title, d.lead, d.resp, d.coop])).toEqual(
      parsed.map((d) => [d.plan, d.title, names(d.lead), names(d.resp), names(d.coop)]),
    );
    expect((await core.call('imports:preview', { text: seedText })).counts).toEqual({ new: 0, changed: 0, unchanged: 150, duplicate: 0 });
    core.close();
  });
});

describe('column mappings remembered per layout', () => {
  it('a corrected mapping changes the preview at once, is remembered on apply, and reads the next file of the same layout', async () => {
    const core = makeCore();
    const first = await core.call('imports:preview', { files: [{ name: '一月.xlsx', bytes: FILE_1 }] });
    const sheet = first.files[0].sheets[0];
    expect(sheet.mappingSource).toBe('detected');
    expect(sheet.columns.find((c) => c.header === '责任人')?.field).toBe('leader');
    expect(sheet.items[0]).toMatchObject({ leader: '市自然资源局、市商务局', coop: [] });

    const columns = Object.fromEntries(sheet.columns.map((c) => [String(c.index), c.header === '责任人' ? 'coop' : c.field]));
    const choice = { file: '一月.xlsx', sheet: sheet.name, layoutKey: sheet.layoutKey, columns };
    const corrected = await core.call('imports:preview', { files: [{ name: '一月.xlsx', bytes: FILE_1 }], mappings: [choice] });
    expect(corrected.files[0].sheets[0].mappingSource).toBe('sheet');
    expect(corrected.files[0].sheets[0].items[0]).toMatchObject({ leader: '', coop: ['市自然资源局', '市商务局'] });

    await core.call('imports:apply', { files: [{ name: '一月.xlsx', bytes: FILE_1 }], mappings: [choice] });
    const next = await core.call('imports:preview', { files: [{ name: '二月.xlsx', bytes: FILE_2 }] });
    const nextSheet = next.files[0].sheets[0];
    expect(nextSheet.layoutKey).toBe(sheet.layoutKey);
    expect(nextSheet.mappingSource).toBe('layout');
    expect(nextSheet.items[0]).toMatchObject({ title: '实施城市更新行动', coop: ['市自然资源局', '市城管局'], leader: '' });

    expect(await core.call('imports:forget-mapping', { layoutKey: sheet.layoutKey })).toEqual({ forgotten: true });
    const forgotten = await core.call('imports:preview', { files: [{ name: '二月.xlsx', bytes: FILE_2 }] });
    expect(forgotten.files[0].sheets[0].mappingSource).toBe('detected');
    core.close();
  });

  it('a mapping corrected on one file applies to the other files of the same layout in the same import', async () => {
    const core = makeCore();
    const files = [{ name: '一月.xlsx', bytes: FILE_1 }, { name: '二月.xlsx', bytes: FILE_2 }];
    const sheet = (await core.call('imports:preview', { files })).files[0].sheets[0];
    const columns = Object.fromEntries(sheet.columns.map((c) => [String(c.index), c.header === '责任人' ? 'coop' : c.field]));
    const both = await core.call('imports:preview', { files, mappings: [{ file: '一月.xlsx', sheet: sheet.name, layoutKey: sheet.layoutKey, columns }] });
    expect(both.files.map((f) => f.sheets[0].items[0].coop.length > 0)).toEqual([true, true]);
    core.close();
  });
});
