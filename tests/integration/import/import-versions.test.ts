import { describe, expect, it } from 'vitest';
import { dumpTables, makeCore } from '../helpers';
import { sampleVariant } from './sample-variants';
import { sampleFile, storedDrafts } from './stored';

const SHEET_1 = '内需扩量提效';
const SHEET_2 = '产业育新培强';

/** The sample with item 2's content revised, a coop unit added to item 1, and a new task at the end of sheet 2. */
function newerVersion() {
  return sampleVariant((s) => {
    const rows = s[SHEET_1];
    const item2 = rows.findIndex((r) => r[1] === '完善消费政策');
    rows[item2][2] = `${rows[item2][2]}（2025年7月修订）`;
    const item1 = rows.findIndex((r) => r[1] === '推动增收减负');
    rows[item1][4] = `${rows[item1][4]}、省统计局`;
    s[SHEET_2].push([5, '培育新型储能产业', '培育新型储能产业。新增新型储能装机 100 万千瓦以上。', '省能源局', '省发展改革委', '2025年12月底前', null]);
  });
}

describe('re-import and newer versions', () => {
  it('importing the same workbook twice changes nothing and records no second batch', async () => {
    const core = makeCore();
    const first = await core.call('imports:apply', { files: [sampleFile()] });
    const after = dumpTables(core.ctx);
    const again = await core.call('imports:preview', { files: [sampleFile()] });
    expect(again.counts).toEqual({ new: 0, changed: 0, unchanged: 29, duplicate: 0 });
    expect(again.files[0].alreadyImported?.batchId).toBe(first.batchId);
    expect(again.unknownUnits).toEqual([]);
    const second = await core.call('imports:apply', { files: [sampleFile('另存为.xlsx')] });
    expect(second.batchId).toBeNull();
    expect(dumpTables(core.ctx)).toEqual(after);
    expect(await core.call('imports:batches', {})).toHaveLength(1);
    core.close();
  });

  it('a newer version updates the changed items, adds the new one, and undo restores the prior state exactly', async () => {
    const core = makeCore();
    await core.call('imports:apply', { files: [sampleFile()] });
    const before = dumpTables(core.ctx);
    const v2 = { name: 'province-tasks-A（7月修订）.xlsx', bytes: newerVersion() };

    const preview = await core.call('imports:preview', { files: [v2] });
    expect(preview.counts).toEqual({ new: 1, changed: 2, unchanged: 27, duplicate: 0 });
    const changed = preview.files[0].sheets.flatMap((s) => s.items).filter((i) => i.status !== 'unchanged');
    expect(changed.map((i) => [i.title, i.status, i.changes.map((c) => c.label)])).toEqual([
      ['推动增收减负', 'changed', ['配合单位']],
      ['完善消费政策', 'changed', ['内容']],
      ['培育新型储能产业', 'new', []],
    ]);
    expect(changed[2].targets.map((t) => t.display)).toEqual(['100万千瓦']);
    expect(preview.unknownUnits.map((u) => u.name)).toEqual(['省统计局']);

    const res = await core.call('imports:apply', { files: [v2] });
    expect(res.counts).toMatchObject({ new: 1, changed: 2, unchanged: 27, units: 1 });
    const stored = storedDrafts(core.ctx.db);
    expect(stored.find((d) => d.title === '推动增收减负')?.coop.at(-1)).toBe('省统计局');
    expect(stored.find((d) => d.title === '培育新型储能产业')).toMatchObject({ section: '（四）强化产业发展支撑', no: '5', lead: ['省能源局'] });
    expect(dumpTables(core.ctx)).not.toEqual(before);

    await core.call('imports:undo', { batchId: res.batchId! });
    expect(dumpTables(core.ctx)).toEqual(before);
    const batches = await core.call('imports:batches', {});
    expect(batches[0]).toMatchObject({ id: res.batchId, fileName: v2.name });
    expect(batches[0].undoneAt).not.toBeNull();
    core.close();
  });

  it('several files in one apply are one transaction and one batch; undo removes all of them', async () => {
    const core = makeCore();
    const empty = dumpTables(core.ctx);
    const two = sampleVariant((s) => {
      // The city's copy: same layout, its own plan titles (附件1 岳阳市内需扩量提效攻坚任务清单).
      for (const n of Object.keys(s)) s[n][0][0] = String(s[n][0][0]).replace(/(附件\d\s+)/, '$1岳阳市');
    });
    const res = await core.call('imports:apply', { files: [sampleFile(), { name: '市级.xlsx', bytes: two }] });
    expect(res.counts.new).toBe(58);
    const batches = await core.call('imports:batches', {});
    expect(batches).toHaveLength(1);
    expect(batches[0].fileName).toBe('province-tasks-A.xlsx、市级.xlsx');
    await core.call('imports:undo', { batchId: res.batchId! });
    expect(dumpTables(core.ctx)).toEqual(empty);
    core.close();
  });
});
