import * as XLSX from '@e965/xlsx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_EVALUATION_WEIGHTS as W } from '../../../shared/contract/schemas/evaluation';
import { cycleFixture } from '../cycle-fixture';
import { makeCore, type TestCore } from '../helpers';

/**
 * Three units over two periods, the clock at 2025-07-15 (helpers' default):
 * 第1期 closed (due 06-28) with a stored snapshot, 第2期 open (due 07-12) read from the kept lights.
 * 甲 reports both on time, 乙 once late then on time, 丙 never.
 */
describe('考评 over periods', () => {
  let core: TestCore;
  let f: ReturnType<typeof cycleFixture>;
  let u: Record<'甲' | '乙' | '丙', number>;
  let it1: number, it2: number, it3: number, p1: number, p2: number;

  const report = (itemId: number, periodId: number, unitId: number, ratio: number, at: string) =>
    f.db
      .prepare("INSERT INTO reports(item_id, period_id, unit_id, completion_ratio, source, reported_at) VALUES (?, ?, ?, ?, 'typed', ?)")
      .run(itemId, periodId, unitId, ratio, `${at}T10:00:00.000Z`);
  const table = (extra: Partial<{ weights: typeof W; planId: number }> = {}, from = p1, to = p2) => core.call('evaluation:table', { fromPeriodId: from, toPeriodId: to, ...extra });
  const row = (t: Awaited<ReturnType<typeof table>>, name: string) => t.rows.find((r) => r.unitName === name)!;

  beforeEach(async () => {
    core = makeCore();
    f = cycleFixture(core);
    u = { 甲: await f.unit('甲局'), 乙: await f.unit('乙局'), 丙: await f.unit('丙局') };
    it1 = await f.item({ title: '甲的任务', deadlineText: '2025-12-31', status: 'in_progress', progress: 40, lead: [u.甲] });
    it2 = await f.item({ title: '乙的任务', deadlineText: '2025-12-31', status: 'in_progress', progress: 50, lead: [u.乙] });
    it3 = await f.item({ title: '丙的任务', deadlineText: '2025-07-01', status: 'in_progress', progress: 10, lead: [u.丙] });
    p1 = f.period('第1期', '2025-06-14', '2025-06-27', '2025-06-28', true);
    p2 = f.period('第2期', '2025-06-28', '2025-07-11', '2025-07-12');
    for (const p of [p1, p2]) for (const [unit, item] of [[u.甲, it1], [u.乙, it2], [u.丙, it3]]) f.issue(p, unit, [item]);
    report(it1, p1, u.甲, 40, '2025-06-27');
    report(it2, p1, u.乙, 30, '2025-07-02'); // after the due date
    report(it1, p2, u.甲, 60, '2025-07-10');
    report(it2, p2, u.乙, 50, '2025-07-12');
    // the closed period's snapshot: 甲's item was red then, 丙's (overdue since 07-01) red too
    const snap = f.db.prepare('INSERT INTO light_snapshots(period_id, item_id, light, reason) VALUES (?, ?, ?, ?)');
    snap.run(p1, it1, 'bad', '测试');
    snap.run(p1, it2, 'good', '');
    snap.run(p1, it3, 'bad', '');
  });
  afterEach(() => core.close());

  it('counts on-time, late and missing reports per unit', async () => {
    const t = await table();
    expect(t.rows.map((r) => [r.unitName, r.expected, r.onTime, r.late, r.missing, r.onTimeRate]).sort()).toEqual([
      ['丙局', 2, 0, 0, 2, 0],
      ['乙局', 2, 1, 1, 0, 50],
      ['甲局', 2, 2, 0, 0, 100],
    ]);
  });

  it('takes a closed period\'s lights from its snapshot and the open period\'s from the kept lights', async () => {
    const t = await table();
    expect(t.periods.map((p) => [p.name, p.lightSource])).toEqual([['第1期', 'snapshot'], ['第2期', 'kept']]);
    const now = (await core.call('lights:for-items', { ids: [it1, it2, it3] })).lights;
    const colour = (id: number) => ({ bad: 'red', warn: 'yellow', good: 'green', done: 'green' })[now[String(id)].level];
    for (const [name, id, then] of [['甲局', it1, 'red'], ['乙局', it2, 'green'], ['丙局', it3, 'red']] as const) {
      const r = row(t, name);
      const want = { red: 0, yellow: 0, green: 0 };
      want[then] += 1;
      want[colour(id) as 'red'] += 1;
      expect({ red: r.red, yellow: r.yellow, green: r.green }, name).toEqual(want);
    }
    // the closed period alone: the snapshot only
    const only = await table({}, p1, p1);
    expect([row(only, '甲局').red, row(only, '甲局').green, row(only, '丙局').red]).toEqual([1, 0, 1]);
  });

  it('counts overdue items, extensions asked and approved and 催办 in the range', async () => {
    const asked = await core.call('extensions:request', { itemId: it1, unitId: u.甲, requestedDate: '2026-03-31', reason: '资金未到位' });
    await core.call('extensions:decide', { id: asked.id, approve: true });
    await core.call('extensions:request', { itemId: it2, unitId: u.乙, requestedDate: '2026-03-31', reason: '设备推迟' });
    await core.call('urges:create', { itemIds: [it3], content: '请尽快报送' });
    const t = await table();
    expect(t.rows.map((r) => [r.unitName, r.overdueItems, r.extensionsRequested, r.extensionsApproved, r.urged]).sort()).toEqual([
      ['丙局', 1, 0, 0, 1],
      ['乙局', 0, 1, 0, 0],
      ['甲局', 0, 1, 1, 0],
    ]);
    // a range that ended before they were made does not count them
    const before = await table({}, p1, p1);
    expect(before.rows.every((r) => r.extensionsRequested === 0 && r.urged === 0)).toBe(true);
  });

  it('scores with the saved weights, and a changed weight re-ranks as computed by hand', async () => {
    const hand = (r: { onTimeRate: number | null; greenShare: number | null; overdueItems: number; extensionsApproved: number; urged: number }, w = W) =>
      Math.round(Math.min(100, Math.max(0, w.base + (w.onTime * (r.onTimeRate ?? 0)) / 100 + (w.green * (r.greenShare ?? 0)) / 100 - w.overdue * r.overdueItems - w.extension * r.extensionsApproved - w.urge * r.urged)) * 10) / 10;
    const t = await table();
    for (const r of t.rows) expect(r.score, r.unitName).toBe(hand(r));
    expect(t.rows[0].unitName).toBe('甲局');
    // 甲 has a red light the other two lack: with lights weighing more than reporting 乙 comes first
    const w = { ...W, onTime: 5, green: 65 };
    await core.call('settings:set', { evaluationWeights: w });
    const again = await table();
    expect(again.weights).toEqual(w);
    const order = [...again.rows].sort((a, b) => hand(b, w) - hand(a, w)).map((r) => r.unitName);
    expect(again.rows.map((r) => r.unitName)).toEqual(order);
    expect(order).not.toEqual(t.rows.map((r) => r.unitName));
    for (const r of again.rows) expect(r.score).toBe(hand(r, w));
  });

  it('puts units on 红黄榜 by the thresholds', async () => {
    const t = await table({ weights: { ...W, commendTopN: 1, commendMinScore: 0, criticiseBottomN: 1, criticiseBelowScore: 0, criticiseRedLights: 0 } });
    expect(t.rows.map((r) => [r.unitName, r.list])).toEqual([['甲局', 'commend'], [t.rows[1].unitName, null], ['丙局', 'criticise']]);
    const strict = await table({ weights: { ...W, commendMinScore: 100, criticiseBottomN: 0, criticiseBelowScore: 0, criticiseRedLights: 1 } });
    // 丙 was red in the snapshot and is red now (overdue): more than one red light
    expect(strict.rows.filter((r) => r.list).map((r) => [r.unitName, r.list, r.listReasons])).toEqual([['丙局', 'criticise', ['红灯 2 个']]]);
  });

  it('shows progress and lights per period for a unit', async () => {
    const trend = await core.call('evaluation:trend', { fromPeriodId: p1, toPeriodId: p2, unitId: u.甲 });
    expect(trend.title).toBe('甲局');
    expect(trend.points.map((p) => [p.periodName, p.progress, p.reportedItems])).toEqual([['第1期', 40, 1], ['第2期', 60, 1]]);
    expect(trend.points[0]).toMatchObject({ red: 1, yellow: 0, green: 0 });
    const all = await core.call('evaluation:trend', { fromPeriodId: p1, toPeriodId: p2 });
    expect(all.points.map((p) => p.progress)).toEqual([35, 55]);
    expect(all.points.map((p) => p.red + p.yellow + p.green)).toEqual([3, 3]);
  });

  it('exports the same rows to sheets 考评 and 红黄榜', async () => {
    const t = await table();
    const f2 = await core.call('evaluation:export', { fromPeriodId: p1, toPeriodId: p2 });
    expect(f2.fileName).toMatch(/^单位考评_第1期至第2期_.*\.xlsx$/);
    const wb = XLSX.read(f2.bytes);
    expect(wb.SheetNames.slice(0, 2)).toEqual(['考评', '红黄榜']);
    const grid = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['考评'], { header: 1, defval: '' });
    const body = grid.filter((r) => t.rows.some((x) => x.unitName === r[1]));
    expect(body.map((r) => [r[0], r[1], r[2], r[3], r[4], r[5], r[15]])).toEqual(t.rows.map((r) => [r.rank, r.unitName, r.expected, r.onTime, r.late, r.missing, r.score]));
    const lists = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['红黄榜'], { header: 1, defval: '' });
    const listed = t.rows.filter((r) => r.list).map((r) => [r.list === 'commend' ? '红榜' : '黄榜', r.unitName]);
    expect(lists.filter((r) => r[0] === '红榜' || r[0] === '黄榜').map((r) => [r[0], r[2]])).toEqual(listed);
  });
});
