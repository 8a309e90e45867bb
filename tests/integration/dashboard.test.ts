import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cycleFixture } from './cycle-fixture';
import { makeCore, type TestCore } from './helpers';

// makeCore's clock: 2025-07-15.
describe('dashboard:get on a prepared office', () => {
  let core: TestCore;
  let f: ReturnType<typeof cycleFixture>;
  let u: Record<string, number>;
  let plan: { a: number; b: number };
  let ids: Record<string, number>;

  beforeEach(async () => {
    core = makeCore();
    f = cycleFixture(core);
    u = { dev: await f.unit('县发展改革局'), fin: await f.unit('县财政局'), edu: await f.unit('县教育局') };
    const now = new Date().toISOString();
    const addPlan = (title: string) => Number(f.db.prepare('INSERT INTO plans(title, created_at, updated_at) VALUES (?, ?, ?)').run(title, now, now).lastInsertRowid);
    plan = { a: addPlan('内需扩量提效攻坚实施方案'), b: addPlan('民生补短提质攻坚实施方案') };
    ids = {
      late1: await f.item({ title: '建成物流园', deadlineText: '2025-06-30', planId: plan.a, lead: [u.dev] }),
      late2: await f.item({ title: '完成专项债发行', deadlineText: '2025-03-31', planId: plan.a, lead: [u.fin] }),
      soon: await f.item({ title: '完成学校改造', deadlineText: '2025-07-25', planId: plan.b, lead: [u.edu] }),
      doneLate: await f.item({ title: '出台消费券方案', deadlineText: '2025-05-31', status: 'done', planId: plan.a, lead: [u.dev] }),
      later: await f.item({ title: '举办招商活动', deadlineText: '2025年底前', planId: plan.b, lead: [u.dev] }),
      joint: await f.item({ title: '安全生产检查', deadlineText: '长期坚持', planId: plan.b }),
    };
    await f.item({ kind: 'project', title: '物流园一期', deadlineText: '2025年底前' });
  });
  afterEach(() => core.close());

  it('counts by kind, plan, lead unit and light', async () => {
    const d = await core.call('dashboard:get', {});
    expect(d.kind).toBe('task');
    expect(d.counts).toEqual({ task: 6, project: 1, policy: 0, indicator: 0 });
    expect(d.lights).toEqual({ bad: 2, warn: 1, good: 2, done: 1 });
    const a = d.byPlan.find((g) => g.id === plan.a)!;
    expect(a).toMatchObject({ name: '内需扩量提效攻坚实施方案', total: 3, bad: 2, done: 1 });
    expect(d.byPlan.find((g) => g.id === plan.b)).toMatchObject({ total: 3, warn: 1, good: 2 });
    expect(d.byUnit[0]).toMatchObject({ id: u.dev, name: '县发展改革局', total: 3, bad: 1, good: 1, done: 1 });
    expect(d.withoutLead).toBe(1);
  });

  it('lists overdue and due-soon items with the same rule as the list filter', async () => {
    const d = await core.call('dashboard:get', { top: 1 });
    expect(d.overdue.total).toBe(2);
    expect(d.overdue.rows).toEqual([expect.objectContaining({ id: ids.late2, days: 106, lead: '县财政局', light: '●红', reason: '逾期 106 天未完成' })]);
    const list = await core.call('items:list', { kind: 'task', overdue: true, today: d.today });
    expect(list.total).toBe(d.overdue.total);
    expect(d.dueSoon).toMatchObject({ total: 1, days: 15, until: '2025-07-30' });
    expect(d.dueSoon.rows[0]).toMatchObject({ id: ids.soon, days: 10, deadlineText: '2025-07-25', light: '▲黄' });
    const soon = await core.call('items:list', { kind: 'task', deadlineFrom: d.today, deadlineTo: d.dueSoon.until, statuses: ['not_started', 'in_progress', 'suspended'] });
    expect(soon.total).toBe(d.dueSoon.total);
  });

  it('has no period section before a period is opened', async () => {
    const d = await core.call('dashboard:get', {});
    expect(d.period).toBeNull();
    expect(d.reporting).toBeNull();
    expect(d.changes).toBeNull();
  });

  it('gives the reporting rate of the current period among the units sent templates', async () => {
    const p1 = f.period('2025年第1期', '2025-06-16', '2025-06-30', '2025-07-05', true);
    const p2 = f.period('2025年第2期', '2025-07-01', '2025-07-15', '2025-07-20');
    f.issue(p2, u.dev, [ids.late1, ids.later]);
    f.issue(p2, u.fin, [ids.late2]);
    f.issue(p2, u.edu, [ids.soon]);
    f.report({ itemId: ids.late1, periodId: p2, unitId: u.dev });
    f.report({ itemId: ids.soon, periodId: p2, unitId: u.edu, ratio: 90 });
    const d = await core.call('dashboard:get', {});
    expect(d.period).toMatchObject({ id: p2, name: '2025年第2期', closed: false });
    expect(d.reporting).toEqual({ basis: 'issued', expected: 3, reported: 2, rate: 0.667, missing: ['县财政局'] });
    const before = await core.call('dashboard:get', { periodId: p1 });
    expect(before.reporting).toMatchObject({ basis: 'assigned', expected: 3, reported: 0, rate: 0 });
  });

  it('shows what improved and worsened since the last period snapshot', async () => {
    const p1 = f.period('2025年第1期', '2025-06-16', '2025-06-30', '2025-07-05', true);
    const p2 = f.period('2025年第2期', '2025-07-01', '2025-07-15', '2025-07-20');
    for (const id of Object.values(ids)) f.report({ itemId: id, periodId: p1, unitId: u.dev });
    await core.call('lights:snapshot', { periodId: p1 });
    f.report({ itemId: ids.soon, periodId: p2, unitId: u.edu, ratio: 95 });
    await core.call('items:update', { id: ids.late2, fields: { status: 'done' } });
    f.report({ itemId: ids.later, periodId: p2, unitId: u.dev, problems: '场地未落实' });
    const d = await core.call('dashboard:get', {});
    expect(d.changes?.previous).toBe('2025年第1期');
    expect(d.changes?.improved).toBe(2);
    expect(d.changes?.improvedItems.map((c) => c.id).sort()).toEqual([ids.late2, ids.soon].sort());
    expect(d.changes?.worsenedItems).toEqual([expect.objectContaining({ id: ids.later, before: 'good', after: 'warn' })]);
  });

  it('answers for another kind and refuses an unknown period', async () => {
    const d = await core.call('dashboard:get', { kind: 'project' });
    expect(d.lights.good + d.lights.bad + d.lights.warn + d.lights.done).toBe(1);
    await expect(core.call('dashboard:get', { periodId: 42 })).rejects.toThrow('调度期次（编号 42）不存在');
  });
});
