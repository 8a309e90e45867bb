import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { undoBatch } from '../../../electron/core/batches/batches';
import { cycleCore, fill, templateTitles, type TestCore } from './exchange-fixture';

describe('light snapshots follow the dispatch cycle', () => {
  let core: TestCore;
  let c: Awaited<ReturnType<typeof cycleCore>>;
  const snapshot = () =>
    core.ctx.db.prepare('SELECT item_id, light, reason FROM light_snapshots WHERE period_id = ? ORDER BY item_id').all(c.period.id) as { item_id: number; light: string; reason: string }[];

  beforeEach(async () => {
    c = await cycleCore();
    core = c.core;
  });
  afterEach(() => core.close());

  it('applying returns refreshes the period snapshot inside the batch; undo restores it', async () => {
    const before = snapshot();
    const titles = await templateTitles(c.template('省商务厅'));
    const bytes = await fill(c.template('省商务厅'), (e) => titles.forEach((t) => e.set(t, '状态', '已完成')));
    const res = await core.call('returns:apply', { files: [{ name: '省商务厅.xlsx', bytes }] });
    const after = snapshot();
    expect(after.length).toBeGreaterThan(0);
    const done = after.filter((s) => s.light === 'done').length;
    // an item 省商务厅 shares with other lead/responsible units is done only when they all say so (COMBINE_RULE)
    const sole = core.ctx.db
      .prepare("SELECT count(*) FROM (SELECT item_id FROM item_units WHERE role IN ('lead','resp') GROUP BY item_id HAVING count(DISTINCT unit_id) = 1 AND max(unit_id) = ?)")
      .pluck()
      .get(c.unitIds[0]) as number;
    expect(sole).toBeGreaterThan(0);
    expect(done).toBeGreaterThanOrEqual(sole);
    undoBatch(core.ctx.db, res.batchId!, new Date().toISOString());
    expect(snapshot()).toEqual(before);
  });

  it('closing a period records every item’s light', async () => {
    const total = (await core.call('items:list', { kind: 'task', limit: 1 })).total;
    await core.call('periods:close', { id: c.period.id });
    const snap = snapshot();
    expect(snap.length).toBeGreaterThanOrEqual(total);
    expect(snap.every((s) => ['bad', 'warn', 'good', 'done'].includes(s.light) && s.reason.length > 0)).toBe(true);
  });
});
