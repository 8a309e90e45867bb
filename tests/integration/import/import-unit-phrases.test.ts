import { describe, expect, it } from 'vitest';
import { makeCore } from '../helpers';
import { workbookOf } from './sample-variants';

const names = (core: ReturnType<typeof makeCore>) => core.ctx.db.prepare('SELECT name FROM units ORDER BY name').pluck().all() as string[];

describe('phrases such as 各行业主管部门 are not units', () => {
  it('the demo adds none of them to the unit directory; the item keeps them as written in its note', async () => {
    const core = makeCore();
    await core.call('demo:load', {});
    const units = names(core);
    expect(units).not.toEqual(expect.arrayContaining(['各行业主管部门']));
    expect(units.filter((n) => /^各|成员单位$|有关单位$/.test(n))).toEqual([]);
    const note = core.ctx.db.prepare("SELECT note FROM items WHERE title = '加强中介服务监管'").pluck().get();
    expect(note).toContain('配合：各行政审批职能部门');
    const coop = core.ctx.db
      .prepare("SELECT u.name FROM item_units iu JOIN units u ON u.id = iu.unit_id JOIN items i ON i.id = iu.item_id WHERE i.title = '加强中介服务监管'")
      .pluck()
      .all();
    expect(coop).toEqual(['省数据局']);
    core.close();
  });

  it('a workbook naming 各市州人民政府 and 有关单位 creates only the real units, and lists no phrase as unknown', async () => {
    const core = makeCore();
    const bytes = workbookOf({ 任务: [['重点任务清单'], ['序号', '任务名称', '牵头单位', '配合单位'], [1, '推进甲', '省发展改革委', '各市州人民政府、有关单位、省财政厅']] });
    const preview = await core.call('imports:preview', { files: [{ name: 'a.xlsx', bytes }] });
    expect(preview.unknownUnits.map((u) => u.name).sort()).toEqual(['省发展改革委', '省财政厅'].sort());
    expect(preview.files[0].sheets[0].items[0]).toMatchObject({ coop: ['省财政厅'], note: '配合：各市州人民政府、有关单位' });
    await core.call('imports:apply', { files: [{ name: 'a.xlsx', bytes }] });
    expect(names(core).sort()).toEqual(['省发展改革委', '省财政厅'].sort());
    core.close();
  });
});
