import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deriveTargets } from '../../electron/core/targets/derive-targets';
import { cycleFixture } from './cycle-fixture';
import { makeCore, type TestCore } from './helpers';

// The clock of makeCore: 2025-07-15.
describe('lights through dispatch, on a prepared office', () => {
  let core: TestCore;
  let f: ReturnType<typeof cycleFixture>;
  let ids: Record<string, number>;
  let p: Record<string, number>;
  let unitA: number;

  beforeEach(async () => {
    core = makeCore();
    f = cycleFixture(core);
    unitA = await f.unit('县发展改革局');
    const lead = [unitA];
    ids = {
      overdue: await f.item({ title: '建成物流园', deadlineText: '2025-06-30', status: 'in_progress', lead }),
      behind: await f.item({ title: '完成老旧小区改造', deadlineText: '2025-07-25', progress: 10, lead }),
      done: await f.item({ title: '出台消费券方案', deadlineText: '2025-05-31', status: 'done', lead }),
      problems: await f.item({ title: '推进产业园建设', deadlineText: '2025年底前', lead }),
      silent: await f.item({ title: '开展技能培训', deadlineText: '2025年底前', lead }),
      fine: await f.item({ title: '举办招商活动', deadlineText: '2025年底前', lead }),
    };
    p = {
      p1: f.period('2025年第1期', '2025-06-01', '2025-06-15', '2025-06-20', true),
      p2: f.period('2025年第2期', '2025-06-16', '2025-06-30', '2025-07-05', true),
      p3: f.period('2025年第3期', '2025-07-01', '2025-07-15', '2025-07-20'),
    };
    for (const k of ['overdue', 'behind', 'problems', 'fine', 'done']) f.report({ itemId: ids[k], periodId: p.p1, unitId: unitA });
    for (const k of ['overdue', 'behind', 'fine']) f.report({ itemId: ids[k], periodId: p.p2, unitId: unitA, ratio: 10 });
    f.report({ itemId: ids.problems, periodId: p.p2, unitId: unitA, problems: '用地指标尚未落实' });
  });
  afterEach(() => core.close());

  it('gives every row its light and reason for the list page', async () => {
    const r = await core.call('lights:for-items', { ids: Object.values(ids) });
    const light = (k: string) => r.lights[String(ids[k])];
    expect(r.scheme).toBe('红黄绿');
    expect(light('overdue')).toMatchObject({ level: 'bad', light: '红', symbol: '●红', reason: '逾期 15 天未完成' });
    expect(light('behind')).toMatchObject({ level: 'warn', symbol: '▲黄' });
    expect(light('behind').reason).toMatch(/^距完成时限 10 天，进度 10% 低于应有的 \d+%$/);
    expect(light('done')).toMatchObject({ level: 'done', symbol: '○绿', reason: '已完成' });
    expect(light('problems')).toMatchObject({ level: 'warn', reason: '报送存在问题：用地指标尚未落实' });
    expect(light('silent')).toMatchObject({ level: 'bad', reason: '连续两期未报送' });
    expect(light('fine')).toMatchObject({ level: 'good', symbol: '○绿' });
  });

  it('follows the scheme and thresholds in settings', async () => {
    await core.call('settings:set', { lightScheme: '红黄蓝绿', missedRoundsRed: 3 });
    const r = await core.call('lights:for-items', { ids: Object.values(ids) });
    expect(r.lights[String(ids.fine)].symbol).toBe('◇蓝');
    expect(r.lights[String(ids.done)].symbol).toBe('○绿');
    expect(r.lights[String(ids.silent)].level).toBe('good');
  });

  it('counts only issued rows as asked when a period issued templates', async () => {
    f.issue(p.p2, unitA, [ids.overdue, ids.behind, ids.fine, ids.problems]);
    const r = await core.call('lights:for-items', { ids: [ids.silent] });
    // not on p2's template: p2 does not count as missed, so the run of missed rounds is broken
    expect(r.lights[String(ids.silent)].level).toBe('good');
  });

  it('lists a kind filtered by level', async () => {
    const red = await core.call('lights:list', { kind: 'task', levels: ['bad'] });
    expect(red.rows.map((l) => l.id)).toEqual([ids.overdue, ids.silent].sort((a, b) => a - b));
    expect(red.total).toBe(2);
  });

  it('snapshots each period and compares it with the previous one', async () => {
    const s1 = await core.call('lights:snapshot', { periodId: p.p1 });
    expect(s1.items).toBe(6);
    // as of period 1 only one round had passed: the silent item was still green
    const s2 = await core.call('lights:snapshot', { periodId: p.p2 });
    expect(s2.counts.bad).toBe(s1.counts.bad + 1);
    const c2 = await core.call('lights:compare', { periodId: p.p2 });
    expect(c2.previous?.name).toBe('2025年第1期');
    expect(c2.fromSnapshot).toBe(true);
    expect(c2.worsened.map((w) => w.id).sort()).toEqual([ids.problems, ids.silent].sort());
    expect(c2.improved).toEqual([]);
    // refreshing a snapshot is idempotent
    const again = await core.call('lights:snapshot', { periodId: p.p2 });
    expect(again.counts).toEqual(s2.counts);
    expect(f.db.prepare('SELECT count(*) AS n FROM light_snapshots WHERE period_id = ?').get(p.p2)).toEqual({ n: 6 });

    await core.call('items:update', { id: ids.overdue, fields: { status: 'done' } });
    const c3 = await core.call('lights:compare', { periodId: p.p3 });
    expect(c3.fromSnapshot).toBe(false);
    expect(c3.previous?.name).toBe('2025年第2期');
    expect(c3.improved).toEqual([expect.objectContaining({ id: ids.overdue, before: 'bad', after: 'done', reasonBefore: '逾期 15 天未完成' })]);

  });

  it('judges an upper item by the local items it was broken into', async () => {
    const up = await f.item({ title: '农村公路提质改造', deadlineText: '2025-07-25', lead: [unitA] });
    f.db.prepare("UPDATE items SET origin = 'upper' WHERE id = ?").run(up);
    const split = await core.call('items:break-down', { upperItemIds: [up, up], skipExisting: false });
    const light = async () => (await core.call('lights:for-items', { ids: [up] })).lights[String(up)];
    expect((await light()).rule).toBe('behind');
    await core.call('items:update', { id: split.items[0].id, fields: { status: 'done', progress: 100 } });
    await core.call('items:update', { id: split.items[1].id, fields: { progress: 96, problems: '资金未到位' } });
    expect(await light()).toMatchObject({ level: 'warn', rule: 'problems', reason: '报送存在问题：资金未到位' });
    await core.call('items:update', { id: split.items[1].id, fields: { status: 'done', progress: 100, problems: '' } });
    expect((await light()).level).toBe('done');
  });

  it('refuses an unknown period in Chinese', async () => {
    await expect(core.call('lights:snapshot', { periodId: 999 })).rejects.toThrow('调度期次（编号 999）不存在');
  });
});

describe('targets through dispatch', () => {
  let core: TestCore;
  afterEach(() => core.close());

  it('parses a task target and turns a reported 完成值 into a ratio and a light', async () => {
    core = makeCore();
    const f = cycleFixture(core);
    const u = await f.unit('县人社局');
    const id = await f.item({ title: '稳就业', content: '全年新增城镇就业70万人以上。', deadlineText: '2025-07-25', lead: [u] });
    expect(deriveTargets(f.db, [id])).toBe(1);
    expect(deriveTargets(f.db, [id])).toBe(0);
    const before = await core.call('targets:progress', { itemId: id });
    expect(before.targets[0]).toMatchObject({ comparator: '>=', value: 700000, unit: '人', display: '≥ 70万人', ratio: null });
    expect(before.summary).toBe('新增城镇就业 目标 ≥ 70万人，尚未报送完成值');

    const period = f.period('2025年第2期', '2025-06-16', '2025-06-30', '2025-07-05', true);
    f.report({ itemId: id, periodId: period, unitId: u, value: 56 });
    const after = await core.call('targets:progress', { itemId: id });
    expect(after.ratio).toBe(0.8);
    expect(after.source).toBe('report');
    expect(after.summary).toBe('新增城镇就业 已完成 56万人（2025年第2期），目标 ≥ 70万人，完成 80%');
    // progress 0 on the item, but 80 % of the target reported: not behind a ~95 % expectation? it is.
    const light = (await core.call('lights:for-items', { ids: [id] })).lights[String(id)];
    expect(light.reason).toMatch(/进度 80% 低于应有的/);
  });

  it('judges an indicator with a ≤ target by its actual value', async () => {
    core = makeCore();
    const id = (await core.call('items:create', { kind: 'indicator', title: '城镇调查失业率', comparator: '<=', targetValue: 5.5, targetUnit: '%', actualValue: 5.2 })).id;
    const t = await core.call('targets:progress', { itemId: id });
    expect(t).toMatchObject({ source: 'indicator', ratio: 1 });
    expect(t.targets[0]).toMatchObject({ display: '≤ 5.5%', met: true });
    await core.call('items:update', { id, fields: { actualValue: 6.6 } });
    expect((await core.call('targets:progress', { itemId: id })).targets[0]).toMatchObject({ ratio: 0.8333, met: false });
  });
});
