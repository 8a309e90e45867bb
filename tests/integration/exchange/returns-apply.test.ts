import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpTables } from '../helpers';
import { fill, returnsCycle, templateTitles, type ReturnsCycle, type TestCore } from './exchange-fixture';

const TABLES = ['items', 'item_units', 'reports', 'units', 'import_batches'];

describe('returns:apply — writing returned templates', () => {
  let core: TestCore;
  let template: ReturnsCycle['template'];
  let periodId: number;
  let titles: string[];
  const itemId = async (title: string) => (await core.call('items:list', { kind: 'task', keyword: title })).rows.find((r) => r.title === title)!.id;
  const files = (bytes: Uint8Array<ArrayBuffer>, name = '省商务厅.xlsx') => [{ name, bytes }];

  beforeEach(async () => {
    ({ core, template, periodId, titles } = await returnsCycle());
  });
  afterEach(() => core.close());

  it('writes one report per row and the item fields the unit changed, as one returns batch', async () => {
    const bytes = await fill(template('省商务厅'), (e) => {
      e.set(titles[0], '状态', '推进中');
      e.set(titles[0], '完成比例(%)', 40);
      e.set(titles[0], '进展情况', '已召开专题会议，出台实施细则。');
      e.set(titles[0], '存在问题', '资金缺口较大');
      e.set(titles[0], '下步计划', '7月底前完成招标');
    });
    const res = await core.call('returns:apply', { files: files(bytes) });
    // Only the row with input is a report: the untouched rows are not (issue 13).
    expect(res.counts).toMatchObject({ files: 1, newReports: 1, itemUpdates: 4, keptMine: 0 });
    const item = await core.call('items:get', { id: await itemId(titles[0]) });
    expect(item).toMatchObject({ status: 'in_progress', progress: 40, progressNote: '已召开专题会议，出台实施细则。', problems: '资金缺口较大' });
    const report = core.ctx.db.prepare('SELECT * FROM reports WHERE item_id = ?').get(item.id) as Record<string, unknown>;
    expect(report).toMatchObject({ period_id: periodId, status: 'in_progress', completion_ratio: 40, next_steps: '7月底前完成招标', source: 'file', batch_id: res.batchId });
    const batch = core.ctx.db.prepare('SELECT kind, sender FROM import_batches WHERE id = ?').get(res.batchId);
    expect(batch).toEqual({ kind: 'returns', sender: '省商务厅' });
    const history = await core.call('items:history', { id: item.id });
    expect(history.filter((h) => h.action === 'returns').map((h) => h.field).sort()).toEqual(['problems', 'progressText', 'ratio', 'status']);
  });

  it('changes only what the template asked for', async () => {
    core.ctx.db.prepare(`UPDATE issued_templates SET fields = '["status","ratio","progressText","nextSteps"]'`).run();
    const id = await itemId(titles[0]);
    const bytes = await fill(template('省商务厅'), (e) => {
      e.set(titles[0], '存在问题', '不该导入的问题');
      e.set(titles[0], '完成时限', '2099年底前');
      e.set(titles[0], '进展情况', '按计划推进');
    });
    await core.call('returns:apply', { files: files(bytes) });
    const item = await core.call('items:get', { id });
    expect(item.problems).toBe('');
    expect(item.deadlineText).not.toBe('2099年底前');
    expect(item.progressNote).toBe('按计划推进');
    expect((core.ctx.db.prepare('SELECT problems FROM reports WHERE item_id = ?').get(id) as { problems: string }).problems).toBe('');
  });

  it('shows a conflict side by side and keeps the office’s value unless told to take theirs', async () => {
    const [id0, id1] = [await itemId(titles[0]), await itemId(titles[1])];
    await core.call('items:update', { id: id0, fields: { status: 'in_progress', progressNote: '本办已更新的进展' } });
    await core.call('items:update', { id: id1, fields: { status: 'suspended' } });
    const bytes = await fill(template('省商务厅'), (e) => {
      e.set(titles[0], '状态', '已完成');
      e.set(titles[1], '状态', '已完成');
    });
    const preview = await core.call('returns:preview', { files: files(bytes) });
    const [c0, c1] = preview.files[0].conflicts;
    expect(preview.files[0].conflicts).toHaveLength(2);
    expect(c0).toMatchObject({ itemId: id0, field: 'status', issued: '未启动', current: '推进中', returned: '已完成', unitName: '省商务厅' });
    expect(c1).toMatchObject({ itemId: id1, current: '暂缓', returned: '已完成' });

    const res = await core.call('returns:apply', { files: files(bytes), decisions: { [c0.key]: 'theirs' } });
    expect(res.counts).toMatchObject({ keptMine: 1, tookTheirs: 1, itemUpdates: 1 });
    expect(await core.call('items:get', { id: id0 })).toMatchObject({ status: 'done', progressNote: '本办已更新的进展' });
    expect((await core.call('items:get', { id: id1 })).status).toBe('suspended');
    const reported = core.ctx.db.prepare('SELECT status FROM reports WHERE item_id IN (?, ?) ORDER BY item_id').pluck().all(id0, id1);
    expect(reported).toEqual(['done', 'done']);
    const again = await core.call('returns:apply', { files: files(bytes) });
    expect(again.batchId).toBeNull();
  });

  it('lets a unit correct its own return without a conflict, but not overwrite what the office changed since', async () => {
    const id = await itemId(titles[0]);
    await core.call('returns:apply', { files: files(await fill(template('省商务厅'), (e) => e.set(titles[0], '完成比例(%)', 40))) });
    const corrected = await fill(template('省商务厅'), (e) => e.set(titles[0], '完成比例(%)', 45));
    expect((await core.call('returns:preview', { files: files(corrected) })).counts).toMatchObject({ conflicts: 0, itemUpdates: 1, changedReports: 1 });
    await core.call('items:update', { id, fields: { progress: 50 } });
    const p = await core.call('returns:preview', { files: files(corrected) });
    expect(p.files[0].conflicts[0]).toMatchObject({ issued: '40', current: '50', returned: '45' });
  });

  it('sees what the office changed between the preview and the apply: the unit does not overwrite it', async () => {
    const id = await itemId(titles[0]);
    const bytes = await fill(template('省商务厅'), (e) => e.set(titles[0], '完成比例(%)', 45));
    expect((await core.call('returns:preview', { files: files(bytes) })).counts).toMatchObject({ conflicts: 0, itemUpdates: 1 });
    await core.call('items:update', { id, fields: { progress: 50 } });
    const res = await core.call('returns:apply', { files: files(bytes) });
    expect(res.counts).toMatchObject({ newReports: 1, keptMine: 1, itemUpdates: 0 });
    expect((await core.call('items:get', { id })).progress).toBe(50);
  });

  it('changes nothing when the same file is applied again', async () => {
    const bytes = await fill(template('省商务厅'), (e) => e.set(titles[0], '完成比例(%)', '约60%'));
    const first = await core.call('returns:apply', { files: files(bytes) });
    expect(first.batchId).not.toBeNull();
    const before = dumpTables(core.ctx, TABLES);
    const second = await core.call('returns:apply', { files: files(bytes) });
    expect(second).toMatchObject({ batchId: null, counts: { newReports: 0, changedReports: 0, itemUpdates: 0 } });
    expect(dumpTables(core.ctx, TABLES)).toEqual(before);
    const preview = await core.call('returns:preview', { files: files(bytes) });
    expect(preview.counts).toMatchObject({ unchangedReports: 1, newReports: 0, itemUpdates: 0, conflicts: 0 });
  });

  it('undoes a returns batch, restoring reports and items exactly', async () => {
    const first = await fill(template('省商务厅'), (e) => e.set(titles[0], '进展情况', '第一次报送'));
    await core.call('returns:apply', { files: files(first) });
    const before = dumpTables(core.ctx, ['items', 'reports', 'change_log']);
    const second = await fill(template('省商务厅'), (e) => {
      e.set(titles[0], '进展情况', '第二次报送');
      e.set(titles[1], '状态', '已完成');
      e.set(titles[1], '完成比例(%)', 100);
    });
    const res = await core.call('returns:apply', { files: files(second) });
    expect(res.counts).toMatchObject({ changedReports: 1, newReports: 1 });
    const { undoBatch } = await import('../../../electron/core/batches/batches');
    undoBatch(core.ctx.db, res.batchId!, new Date().toISOString());
    expect(dumpTables(core.ctx, ['items', 'reports', 'change_log'])).toEqual(before);
  });

  it('applies the file as sent with the apply, even when a preview just read another version of it under the same name', async () => {
    const seen = await fill(template('省商务厅'), (e) => e.set(titles[0], '进展情况', '预览时的版本'));
    const sent = await fill(template('省商务厅'), (e) => {
      e.set(titles[0], '进展情况', '改过后应用的版本');
      e.set(titles[1], '状态', '已完成');
    });
    const preview = await core.call('returns:preview', { files: files(seen) });
    expect(preview.counts).toMatchObject({ newReports: 1 });
    const res = await core.call('returns:apply', { files: files(sent) });
    expect(res.counts).toMatchObject({ newReports: 2 });
    expect(core.ctx.db.prepare('SELECT progress_text FROM reports WHERE item_id = ?').pluck().get(await itemId(titles[0]))).toBe('改过后应用的版本');
    // previewed and applied as it was: the same result as without a preview
    const again = await core.call('returns:preview', { files: files(sent) });
    expect(again.counts).toMatchObject({ newReports: 0, changedReports: 0, unchangedReports: 2 });
    expect((await core.call('returns:apply', { files: files(sent) })).batchId).toBeNull();
  });

  it('undo of a returns batch that updated earlier reports and items restores them, and a later edit blocks it', async () => {
    const first = await fill(template('省商务厅'), (e) => e.set(titles[0], '完成比例(%)', 30));
    await core.call('returns:apply', { files: files(first) });
    const before = dumpTables(core.ctx, ['items', 'reports', 'light_snapshots']);
    const second = await fill(template('省商务厅'), (e) => e.set(titles[0], '完成比例(%)', 60));
    const res = await core.call('returns:apply', { files: files(second) });
    expect(res.counts).toMatchObject({ changedReports: 1 });
    expect((await core.call('items:get', { id: await itemId(titles[0]) })).progress).toBe(60);
    const { undoBatch } = await import('../../../electron/core/batches/batches');
    const third = await core.call('returns:apply', { files: files(await fill(template('省商务厅'), (e) => e.set(titles[0], '完成比例(%)', 70))) });
    expect(() => undoBatch(core.ctx.db, res.batchId!, new Date().toISOString())).toThrow(/又被修改过/);
    undoBatch(core.ctx.db, third.batchId!, new Date().toISOString());
    undoBatch(core.ctx.db, res.batchId!, new Date().toISOString());
    expect(dumpTables(core.ctx, ['items', 'reports', 'light_snapshots'])).toEqual(before);
  });

  it('takes several files at once: later files see earlier ones, and an untouched sheet of a combined workbook is skipped', async () => {
    const combined = (await core.call('templates:issue', { periodId, combined: true, unitIds: core.ctx.db.prepare('SELECT unit_id FROM issued_templates').pluck().all() as number[] })).files.find((f) => !f.unitName)!;
    const kj = await templateTitles(combined.bytes!, '省科技厅');
    const filledCombined = await fill(combined.bytes!, (e) => e.set(kj[0], '进展情况', '科技厅在汇总模板里填的'), '省科技厅');
    const a = await fill(template('省商务厅'), (e) => e.set(titles[0], '进展情况', '第一份'));
    const b = await fill(template('省商务厅'), (e) => e.set(titles[0], '进展情况', '第二份'));
    const res = await core.call('returns:preview', { files: [{ name: 'a.xlsx', bytes: a }, { name: 'b.xlsx', bytes: b }, { name: '汇总.xlsx', bytes: filledCombined }] });
    expect(res.files[1].rows[0]).toMatchObject({ report: 'changed', itemChanges: [{ field: 'progressText', before: '第一份', after: '第二份' }] });
    expect(res.files[1].rows[0].changes).toEqual([{ field: 'progressText', label: '进展情况', before: '第一份', after: '第二份' }]);
    expect(res.files[1].rows).toHaveLength(1);
    expect(res.files[2].unitNames).toEqual(['省科技厅']);
    expect(res.files[2].problems.find((p) => p.level === 'info')?.message).toContain('省商务厅');
    const applied = await core.call('returns:apply', { files: [{ name: 'a.xlsx', bytes: a }, { name: 'b.xlsx', bytes: b }, { name: '汇总.xlsx', bytes: filledCombined }] });
    expect(applied.counts.newReports).toBe(2);
    expect((await core.call('items:get', { id: await itemId(titles[0]) })).progressNote).toBe('第二份');
  });

  it('keeps reports of a cooperating unit without changing the item', async () => {
    const units = await core.call('units:list', {});
    const coop = core.ctx.db.prepare("SELECT u.id, i.title FROM item_units iu JOIN units u ON u.id = iu.unit_id JOIN items i ON i.id = iu.item_id WHERE iu.role = 'coop' AND iu.unit_id NOT IN (SELECT unit_id FROM item_units WHERE role IN ('lead','resp')) LIMIT 1").get() as { id: number; title: string };
    const file = (await core.call('templates:issue', { periodId, unitIds: [coop.id], includeCoop: true })).files[0];
    const bytes = await fill(file.bytes!, (e) => e.set(coop.title, '状态', '已完成'));
    const res = await core.call('returns:apply', { files: [{ name: 'coop.xlsx', bytes }] });
    expect(res.counts.itemUpdates).toBe(0);
    expect(res.counts.newReports).toBeGreaterThan(0);
    expect(units.find((u) => u.id === coop.id)).toBeDefined();
    expect((await core.call('items:get', { id: await itemId(coop.title) })).status).toBe('not_started');
  });
});
