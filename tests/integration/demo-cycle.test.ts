import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from './helpers';

type Demo = { items: number; pendingReturn?: string };

/** 载入示例数据 as the app's button asks it (cycle), on a clock of `now`. */
async function livingDemo(now: Date) {
  const core = makeCore({ now });
  const loaded = (await core.call('demo:load', { cycle: true })) as Demo;
  return { core, loaded };
}

const count = (core: TestCore, sql: string, ...params: unknown[]) => (core.ctx.db.prepare(sql).get(...params) as { n: number }).n;

describe.each([
  ['a December day', new Date('2026-12-07T09:00:00+08:00')],
  ['the first days of a year', new Date('2027-01-03T09:00:00+08:00')],
])('the living demo loaded on %s', (_, now) => {
  let core: TestCore;
  let loaded: Demo;
  beforeAll(async () => ({ core, loaded } = await livingDemo(now)), 120_000);
  afterAll(() => core.close());

  it('gives the tasks deadlines around today, some overdue, some due soon, some standing', async () => {
    const items = (await core.call('items:list', { kind: 'task', limit: 500 })).rows;
    expect(items).toHaveLength(150);
    const { today } = await core.call('dashboard:get', { kind: 'task' });
    const dated = items.filter((i) => i.deadlineDate !== null);
    expect(dated.some((i) => i.deadlineDate! < today)).toBe(true);
    expect(dated.some((i) => i.deadlineDate! > today)).toBe(true);
    expect(items.some((i) => i.deadlineText === '长期坚持' && i.deadlineDate === null)).toBe(true);
  });

  it('shows red, yellow and green lights on 概览', async () => {
    const d = await core.call('dashboard:get', { kind: 'task' });
    expect(d.lights.bad).toBeGreaterThan(0);
    expect(d.lights.warn).toBeGreaterThan(0);
    expect(d.lights.good + d.lights.done).toBeGreaterThan(0);
  });

  it('has a closed first period with its bulletin drafted and an open second one past its due date', async () => {
    const [second, first] = await core.call('periods:list', {});
    expect(first.closed).toBe(true);
    expect(second.closed).toBe(false);
    expect(second.dueDate < (await core.call('periods:missing', { periodId: second.id })).today).toBe(true);
    const bulletin = await core.call('bulletins:get', { periodId: first.id });
    expect(bulletin?.title).toBe(`${first.name}调度通报`);
    expect(bulletin?.body).toContain('亮灯情况');
    expect(await core.call('bulletins:get', { periodId: second.id })).toBeNull();
    expect(first.issuedUnits).toBe(10);
    expect(first.reportedUnits).toBe(9);
  });

  it('has returns that are late, partial and with problems, applied as files', async () => {
    const [second, first] = await core.call('periods:list', {});
    const late = count(core, 'SELECT count(DISTINCT unit_id) AS n FROM reports WHERE period_id = ? AND substr(reported_at, 1, 10) > ?', first.id, first.dueDate);
    expect(late).toBe(2);
    const missingFirst = await core.call('periods:missing', { periodId: first.id });
    expect(missingFirst.units.filter((u) => u.state === 'partial')).toHaveLength(1);
    expect(missingFirst.units.filter((u) => u.state === 'not_returned')).toHaveLength(1);
    expect(count(core, "SELECT count(*) AS n FROM reports WHERE problems <> ''")).toBeGreaterThan(0);
    expect(count(core, "SELECT count(*) AS n FROM reports WHERE source <> 'file'")).toBe(0);
    const missing = await core.call('periods:missing', { periodId: second.id });
    expect(missing.units.filter((u) => u.state === 'not_returned').length).toBeGreaterThanOrEqual(4);
    expect(missing.units.filter((u) => u.state === 'partial')).toHaveLength(1);
    expect(missing.daysPastDue).toBeGreaterThan(0);
    // Whoever is chased has a 联络员 and a phone to call.
    const chased = missing.units.filter((u) => u.state !== 'not_issued');
    expect(chased.every((u) => u.contact !== '' && /^0731-8\d{7}$/.test(u.phone))).toBe(true);
  });

  it('leaves one unit’s return to import, whose preview shows exactly one conflict and no problem', async () => {
    const [second] = await core.call('periods:list', {});
    expect(existsSync(loaded.pendingReturn!)).toBe(true);
    const preview = await core.call('returns:preview', { files: [{ name: 'return.xlsx', bytes: new Uint8Array(readFileSync(loaded.pendingReturn!)) }], periodId: second.id });
    expect(preview.counts.conflicts).toBe(1);
    expect(preview.counts.errors + preview.counts.warnings).toBe(0);
    const [conflict] = preview.files[0].conflicts;
    expect(conflict.label).toBe('完成比例(%)');
    expect(conflict.current).not.toBe(conflict.returned);
    const missing = await core.call('periods:missing', { periodId: second.id });
    expect(missing.units.map((u) => u.unitName)).toContain(conflict.unitName);
  });

  it('is one batch, and undoing it removes the lists, periods, returns, lights and bulletin', async () => {
    const batches = await core.call('imports:batches', {});
    expect(batches).toHaveLength(1);
    await core.call('imports:undo', { batchId: batches[0].id });
    for (const t of ['items', 'plans', 'periods', 'reports', 'issued_templates', 'issued_rows', 'light_snapshots', 'bulletins', 'change_log']) {
      expect(count(core, `SELECT count(*) AS n FROM ${t}`), t).toBe(0);
    }
    const d = await core.call('dashboard:get', { kind: 'task' });
    expect(d.counts.task).toBe(0);
  });
});

describe('the demo as a fixture (no cycle)', () => {
  it('loads the seed’s lists alone, as before', async () => {
    const core = makeCore();
    const r = await core.call('demo:load', {});
    expect(r.items).toBe(150);
    expect(r.pendingReturn).toBeUndefined();
    expect(await core.call('periods:list', {})).toHaveLength(0);
    core.close();
  });
});
