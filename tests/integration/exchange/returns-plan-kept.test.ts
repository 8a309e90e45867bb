import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { undoBatch } from '../../../electron/core/batches/batches';
import { dumpTables } from '../helpers';
import { fill, fillEvery, returnsCycle, templateTitles, type ReturnsCycle, type TestCore } from './exchange-fixture';

/** What an apply leaves that a user sees: items, reports, history and the period's lights (times and ids left out). */
function outcome(core: TestCore) {
  const rows = (sql: string) => core.ctx.db.prepare(sql).all();
  return {
    items: rows('SELECT id, status, progress, progress_note, problems, actual_value FROM items ORDER BY id'),
    reports: rows('SELECT item_id, period_id, unit_id, status, completion_ratio, completed_value, progress_text, problems, next_steps, source FROM reports ORDER BY item_id, unit_id'),
    history: rows("SELECT entity, entity_id, action, field, before, after FROM change_log WHERE action = 'returns' ORDER BY entity_id, field"),
    lights: rows('SELECT period_id, item_id, light, reason FROM light_snapshots ORDER BY period_id, item_id'),
  };
}

describe('returns — an apply after a preview writes what an apply alone writes (the preview’s plan is reused)', () => {
  let core: TestCore;
  let template: ReturnsCycle['template'];

  beforeEach(async () => {
    ({ core, template } = await returnsCycle());
  });
  afterEach(() => core.close());

  it('gives the same reports, items, history and lights, and undo restores everything either way', async () => {
    const [mine, other] = [await templateTitles(template('省商务厅')), await templateTitles(template('省科技厅'))];
    const files = [
      { name: '省商务厅.xlsx', bytes: await fillEvery(template('省商务厅'), (e) => e.set(mine[0], '状态', '已完成')) },
      {
        name: '省科技厅.xlsx',
        bytes: await fill(template('省科技厅'), (e) => {
          e.set(other[0], '完成比例(%)', 35);
          e.set(other[0], '进展情况', '完成方案编制');
          e.set(other[1], '存在问题', '用地指标紧张');
        }),
      },
    ];
    const start = dumpTables(core.ctx, ['items', 'reports', 'change_log', 'light_snapshots']);

    const alone = await core.call('returns:apply', { files });
    const applied = outcome(core);
    expect(applied.reports.length).toBeGreaterThan(2);
    undoBatch(core.ctx.db, alone.batchId!, new Date().toISOString());
    expect(dumpTables(core.ctx, ['items', 'reports', 'change_log', 'light_snapshots'])).toEqual(start);

    const preview = await core.call('returns:preview', { files });
    expect(preview.counts.newReports).toBe(alone.counts.newReports);
    const after = await core.call('returns:apply', { files });
    expect(after.counts).toEqual(alone.counts);
    expect(outcome(core)).toEqual(applied);
    undoBatch(core.ctx.db, after.batchId!, new Date().toISOString());
    expect(dumpTables(core.ctx, ['items', 'reports', 'change_log', 'light_snapshots'])).toEqual(start);
  });
});
