import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { localDate } from '../../electron/core/context';
import { keptLights, refreshLights, refreshLightsAhead } from '../../electron/core/lights/kept-lights';
import { judgeItems } from '../../electron/core/lights/lights';
import { keepLightsAhead } from '../../electron/core/lights/lights-keeper';
import { cycleFixture } from './cycle-fixture';
import { makeCore, type TestCore } from './helpers';
import { sampleFile } from './import/stored';
import { keptListCounts, recountListCounts } from './list-counts-recount';

// The kept light (item_lights, refreshed from what triggers marked dirty) must equal the light judged
// from scratch by the same rule, for every item, after every kind of write and after midnight.
describe('lights kept on write', () => {
  let core: TestCore;
  let now: Date;
  let f: ReturnType<typeof cycleFixture>;
  beforeEach(async () => {
    now = new Date('2025-07-15T09:00:00+08:00');
    core = makeCore({ now });
    f = cycleFixture(core);
    await core.call('demo:load', {});
  });
  afterEach(() => core.close());

  const today = () => localDate(now);
  function expectKeptEqualsJudged(): void {
    const kept = keptLights(core.ctx.db, today());
    const judged = judgeItems(core.ctx.db, {}, today());
    expect(judged.length).toBeGreaterThan(0);
    expect(kept.map((k) => [k.id, k.level, k.rule, k.reason, k.progress, k.status, k.deadlineDate, k.planId])).toEqual(
      judged.map((j) => [j.id, j.verdict.level, j.verdict.rule, j.verdict.reason, j.input.progress, j.status, j.deadlineDate, j.planId]),
    );
    // 概览's per-牵头-unit counts, kept alongside, equal the counts from the judged lights
    const level = new Map(judged.map((j) => [j.id, `${j.kind}|${j.verdict.level}`]));
    const fromScratch = new Map<string, number>();
    const leads = core.ctx.db.prepare("SELECT item_id, unit_id FROM item_units WHERE role = 'lead'").all() as { item_id: number; unit_id: number }[];
    for (const l of leads) {
      const key = `${level.get(l.item_id)}|${l.unit_id}`;
      fromScratch.set(key, (fromScratch.get(key) ?? 0) + 1);
    }
    const kept2 = core.ctx.db.prepare('SELECT kind, level, unit_id, n FROM lead_unit_lights WHERE n > 0').all() as { kind: string; level: string; unit_id: number; n: number }[];
    const sorted = (m: Iterable<[string, number]>) => Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)));
    expect(sorted(kept2.map((k) => [`${k.kind}|${k.level}|${k.unit_id}`, k.n]))).toEqual(sorted(fromScratch));
    // 概览's per-plan and per-deadline counts (migration 0009) equal the counts from the judged lights
    const count = (keys: string[]) => keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>());
    const byPlan = core.ctx.db.prepare('SELECT kind, plan_id, level, n FROM plan_light_counts WHERE n > 0').all() as { kind: string; plan_id: number; level: string; n: number }[];
    expect(sorted(byPlan.map((k) => [`${k.kind}|${k.plan_id}|${k.level}`, k.n]))).toEqual(sorted(count(judged.map((j) => `${j.kind}|${j.planId ?? 0}|${j.verdict.level}`))));
    const byDue = core.ctx.db.prepare('SELECT kind, deadline_date, n FROM due_counts WHERE n > 0').all() as { kind: string; deadline_date: string; n: number }[];
    const open = judged.filter((j) => j.deadlineDate !== null && j.status !== 'done');
    expect(sorted(byDue.map((k) => [`${k.kind}|${k.deadline_date}`, k.n]))).toEqual(sorted(count(open.map((j) => `${j.kind}|${j.deadlineDate}`))));
    // 催报's 事项数 per unit (kept by triggers on item_units) equals the count of its distinct 牵头/责任 items
    const perUnit = (sql: string) => sorted((core.ctx.db.prepare(sql).all() as { u: number; n: number }[]).map((r) => [String(r.u), r.n]));
    const units = perUnit("SELECT unit_id AS u, count(DISTINCT item_id) AS n FROM item_units WHERE role IN ('lead','resp') GROUP BY unit_id");
    expect(Object.keys(units).length).toBeGreaterThan(0);
    expect(perUnit('SELECT unit_id AS u, n FROM unit_item_counts WHERE n > 0')).toEqual(units);
    // the lists' totals (migration 0011, kept by triggers) equal a recount
    expect(keptListCounts(core.ctx.db)).toEqual(recountListCounts(core.ctx.db));
  }
  const ids = (kind: 'task' | 'project' = 'task') => core.ctx.db.prepare('SELECT id FROM items WHERE kind = ? ORDER BY id').pluck().all(kind) as number[];
  const units = () => core.ctx.db.prepare('SELECT id FROM units ORDER BY id').pluck().all() as number[];

  it('after item edits, deletes, unit and target changes, settings and midnight', async () => {
    expectKeptEqualsJudged();
    const [a, b, c] = ids();
    await core.call('items:update', { id: a, fields: { deadlineText: '2025-07-01' } });
    expectKeptEqualsJudged();
    // the per-deadline counts now hold the overdue item
    expect(core.ctx.db.prepare('SELECT sum(n) FROM due_counts').pluck().get()).toBeGreaterThan(0);
    await core.call('items:update', { id: b, fields: { status: 'done' } });
    await core.call('items:update', { id: c, fields: { problems: '资金缺口较大', deadlineText: '2025-07-20', progress: 5 } });
    expectKeptEqualsJudged();
    await core.call('items:update', { id: a, units: [] });
    expectKeptEqualsJudged();
    await core.call('items:delete', { ids: [b] });
    expectKeptEqualsJudged();
    await core.call('settings:set', { dueSoonDays: 60, lagTolerance: 10 });
    expectKeptEqualsJudged();
    const created = await core.call('items:create', { kind: 'task', title: '新增一项任务', deadlineText: '2025-07-16' });
    expectKeptEqualsJudged();
    now.setTime(Date.parse('2025-07-17T12:00:00+08:00')); // two midnights later: the new item is overdue now
    expectKeptEqualsJudged();
    expect(keptLights(core.ctx.db, today(), { ids: [created.id] })[0]).toMatchObject({ level: 'bad', reason: '逾期 1 天未完成' });
  });

  it('after periods open and close, reports, templates, break-down and undo', async () => {
    const [a, b] = ids();
    const [u1, u2] = units();
    const p1 = f.period('2025年第1期', '2025-06-01', '2025-06-15', '2025-06-20');
    expectKeptEqualsJudged();
    const p2 = f.period('2025年第2期', '2025-06-16', '2025-06-30', '2025-07-05');
    f.report({ itemId: a, periodId: p1, unitId: u1, ratio: 40, problems: '征地受阻' });
    expectKeptEqualsJudged();
    f.issue(p2, u2, [a, b]);
    expectKeptEqualsJudged();
    f.report({ itemId: b, periodId: p2, unitId: u2, status: 'done' });
    core.ctx.db.prepare('UPDATE reports SET completion_ratio = 90 WHERE item_id = ?').run(a);
    expectKeptEqualsJudged();
    core.ctx.db.prepare('DELETE FROM reports WHERE item_id = ?').run(b);
    expectKeptEqualsJudged();
    const p3 = await core.call('periods:open', { name: '2025年第3期', kind: '双周', start: '2025-07-01', end: '2025-07-14', due: '2025-07-16' });
    expectKeptEqualsJudged();
    await core.call('periods:close', { id: p3.id });
    expectKeptEqualsJudged();
    const broken = await core.call('items:break-down', { upperItemIds: ids().slice(0, 3) });
    expectKeptEqualsJudged();
    await core.call('imports:undo', { batchId: broken.batchId! });
    expectKeptEqualsJudged();
    const again = await core.call('items:break-down', { upperItemIds: ids().slice(0, 2) });
    core.ctx.db.prepare("UPDATE items SET status = 'done' WHERE id = ?").run(again.items[0].id);
    expectKeptEqualsJudged();
    core.ctx.db.prepare('DELETE FROM units WHERE id = ?').run(u1); // cascades to its item_units and reports
    expectKeptEqualsJudged();
    core.ctx.db.prepare('DELETE FROM plans WHERE id = (SELECT min(id) FROM plans)').run(); // sets items.plan_id null
    expectKeptEqualsJudged();
  });

  it('after bulk edits, extension decisions, closing and reopening, with the list light filter following', async () => {
    const [a, b, c, d] = ids();
    const red = async () => (await core.call('items:list', { kind: 'task', levels: ['bad'], limit: 100000 })).rows.map((r) => r.id);
    await core.call('items:bulk-edit', { target: { ids: [a, b] }, action: { op: 'fields', deadlineText: '2025-07-01' } });
    expectKeptEqualsJudged();
    expect(await red()).toEqual(expect.arrayContaining([a, b]));
    const ext = await core.call('extensions:request', { itemId: a, requestedDate: '2025-12-31', reason: '征地手续未完成' });
    expectKeptEqualsJudged();
    await core.call('extensions:decide', { id: ext.id, approve: true, note: '同意' });
    expectKeptEqualsJudged();
    expect(await red()).not.toContain(a);
    await core.call('closures:request', { itemId: b, docNo: '湘办〔2025〕12号', note: '已通过验收' });
    expectKeptEqualsJudged();
    await core.call('closures:confirm', { itemId: b });
    expectKeptEqualsJudged();
    expect(await red()).not.toContain(b);
    await core.call('closures:reopen', { itemId: b, reason: '复查发现问题' });
    expectKeptEqualsJudged();
    await core.call('items:bulk-edit', { target: { filter: { kind: 'task', levels: ['bad'] } }, action: { op: 'fields', status: 'done' } });
    expectKeptEqualsJudged();
    expect(await red()).toEqual([]);
    await core.call('items:bulk-edit', { target: { ids: [c, d] }, action: { op: 'delete' } });
    expectKeptEqualsJudged();
  });

  it('after a whole list is imported (its items, units and targets marked at once), re-imported with changes, and undone', async () => {
    core.close();
    core = makeCore({ now }); // without the demo, whose items are this list's
    const before = ids().length;
    const res = await core.call('imports:apply', { files: [sampleFile()] });
    expect(ids().length).toBeGreaterThan(before);
    expectKeptEqualsJudged();
    // the same list again with one item's 牵头单位 changed: an existing item's units go with its own update
    const [first] = ids().slice(before);
    await core.call('items:update', { id: first, units: [] });
    keptLights(core.ctx.db, today());
    const again = await core.call('imports:apply', { files: [sampleFile()] });
    expect(again.counts.changed).toBeGreaterThan(0);
    expectKeptEqualsJudged();
    await core.call('imports:undo', { batchId: again.batchId! });
    expectKeptEqualsJudged();
    expect(core.ctx.db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN ('lights_items_ai', 'lights_item_units_ai', 'lights_item_targets_ai')").pluck().get()).toBe(3);
    expect(res.batchId).not.toBeNull();
  });

  it('re-judges a new day ahead of the first read, in chunks, with writes and a read in between', async () => {
    const [a, b] = ids();
    const last = ids().at(-1)!;
    await core.call('items:update', { id: a, fields: { deadlineText: '2025-07-16' } });
    expectKeptEqualsJudged();
    expect(keptLights(core.ctx.db, today(), { ids: [a] })[0].level).not.toBe('bad');
    now.setTime(Date.parse('2025-07-17T12:00:00+08:00')); // a new day, before any read
    const state = () => core.ctx.db.prepare('SELECT as_of, ahead_date, ahead_upto FROM lights_state').get() as { as_of: string; ahead_date: string; ahead_upto: number };
    expect(refreshLightsAhead(core.ctx.db, today(), 0, 40)).toBe(false); // one chunk of 40, then the budget is spent
    expect(state()).toMatchObject({ as_of: '2025-07-15', ahead_date: '2025-07-17' });
    const upto = state().ahead_upto;
    expect(upto).toBeGreaterThanOrEqual(a);
    core.ctx.db.prepare('UPDATE items SET progress = 77 WHERE id = ?').run(b); // written after its chunk was judged
    core.ctx.db.prepare('DELETE FROM items WHERE id = ?').run(last); // past the chunks
    let calls = 1;
    while (!refreshLightsAhead(core.ctx.db, today(), 0, 40)) calls++;
    expect(calls).toBeGreaterThan(1);
    expect(state()).toMatchObject({ as_of: '2025-07-17', ahead_date: '', ahead_upto: 0 });
    expect(refreshLights(core.ctx.db, today())).toEqual({ judged: 0, all: false }); // the first read judges nothing
    expectKeptEqualsJudged();
    expect(keptLights(core.ctx.db, today(), { ids: [a] })[0]).toMatchObject({ level: 'bad', reason: '逾期 1 天未完成' });

    // the next midnight, read half-way: the read judges only the rest and what was written since
    now.setTime(Date.parse('2025-07-18T12:00:00+08:00'));
    expect(refreshLightsAhead(core.ctx.db, today(), 0, 40)).toBe(false);
    core.ctx.db.prepare('UPDATE items SET progress = 12 WHERE id = ?').run(a);
    const rest = refreshLights(core.ctx.db, today());
    expect(rest.all).toBe(false);
    expect(rest.judged).toBeLessThan(ids().length);
    expectKeptEqualsJudged();
    expect(keptLights(core.ctx.db, today(), { ids: [a] })[0]).toMatchObject({ level: 'bad', progress: 12 });
  });

  it('the keeper the app starts re-judges a new day by itself, before any read', async () => {
    const [a] = ids();
    await core.call('items:update', { id: a, fields: { deadlineText: '2025-07-16' } });
    keptLights(core.ctx.db, today());
    now.setTime(Date.parse('2025-07-17T12:00:00+08:00'));
    const stop = keepLightsAhead(core.ctx);
    try {
      // vi.waitFor's default of 1 s is a race on a busy machine: wait on the state, a hang ends at 30 s
      await vi.waitFor(() => expect(core.ctx.db.prepare('SELECT as_of FROM lights_state').pluck().get()).toBe('2025-07-17'), { timeout: 30_000 });
    } finally {
      stop();
    }
    expect(refreshLights(core.ctx.db, today())).toEqual({ judged: 0, all: false });
    expectKeptEqualsJudged();
    expect(keptLights(core.ctx.db, today(), { ids: [a] })[0].level).toBe('bad');
  });

  it('judges only what a write touched', async () => {
    keptLights(core.ctx.db, today());
    const [a] = ids();
    await core.call('items:update', { id: a, fields: { progress: 50 } });
    expect(core.ctx.db.prepare('SELECT DISTINCT item_id FROM lights_dirty').pluck().all()).toEqual([a]);
  });
});
