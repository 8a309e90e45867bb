import { describe, expect, it } from 'vitest';
import { dumpTables } from '../helpers';
import { fill, useReturnsCycle } from './exchange-fixture';

const TABLES = ['items', 'reports', 'import_batches', 'change_log'];

describe('returns — a blank return is not a report (issue 13)', () => {
  const c = useReturnsCycle();

  const onMissing = async () => (await c.core.call('periods:missing', { periodId: c.periodId, today: '2025-07-03' })).units.some((u) => u.unitName === '省商务厅');

  it('lists an untouched template as 退回空表, writes nothing, and the unit stays on 催报', async () => {
    const before = dumpTables(c.core.ctx, TABLES);
    const files = [{ name: '省商务厅-未填.xlsx', bytes: c.template('省商务厅') }];
    const p = await c.core.call('returns:preview', { files });
    expect(p.counts).toMatchObject({ files: 1, okFiles: 0, blankFiles: 1, newReports: 0, rows: 0 });
    expect(p.files[0]).toMatchObject({ blank: true, ok: false });
    expect(p.files[0].problems.find((x) => x.message.includes('退回空表'))).toMatchObject({ file: '省商务厅-未填.xlsx', message: expect.stringContaining('省商务厅') });
    const res = await c.core.call('returns:apply', { files });
    expect(res).toMatchObject({ batchId: null, counts: { newReports: 0, itemUpdates: 0 } });
    expect(dumpTables(c.core.ctx, TABLES)).toEqual(before);
    expect(await onMissing()).toBe(true);
  });

  it('counts only the rows with input: 9 filled rows give 9 reports', async () => {
    expect(c.titles.length).toBeGreaterThan(9);
    const bytes = await fill(c.template('省商务厅'), (e) => {
      c.titles.slice(0, 9).forEach((t, i) => e.set(t, i % 2 ? '进展情况' : '完成比例(%)', i % 2 ? `第${i}项已推进` : 10 + i));
    });
    const p = await c.core.call('returns:preview', { files: [{ name: 'a.xlsx', bytes }] });
    expect(p.counts).toMatchObject({ rows: 9, newReports: 9, blankFiles: 0 });
    const res = await c.core.call('returns:apply', { files: [{ name: 'a.xlsx', bytes }] });
    expect(res.counts.newReports).toBe(9);
    expect(c.core.ctx.db.prepare('SELECT COUNT(*) FROM reports WHERE period_id = ?').pluck().get(c.periodId)).toBe(9);
  });

  it('reads 1/2 in 完成比例 as 50% (never a date) and warns that 0.8 is likely 80%', async () => {
    const bytes = await fill(c.template('省商务厅'), (e) => {
      e.set(c.titles[0], '完成比例(%)', '1/2');
      // What Calc or Excel keeps when 1/2 is typed: a date (2 January) in a date format.
      const cell = e.ws.getCell(e.row(c.titles[1]), e.col('完成比例(%)'));
      cell.value = new Date(Date.UTC(2026, 0, 2));
      cell.style = { ...cell.style, numFmt: 'yyyy-mm-dd' };
      e.set(c.titles[2], '完成比例(%)', 0.8);
    });
    const f = (await c.core.call('returns:preview', { files: [{ name: 'a.xlsx', bytes }] })).files[0];
    expect(f.rows.map((r) => r.values.ratio)).toEqual(['50', '50', '0.8']);
    const msg = (row: number) => f.problems.find((x) => x.row === row && x.column.includes('完成比例'));
    expect(msg(5)).toMatchObject({ level: 'warning', file: 'a.xlsx', sheet: '填报表', message: expect.stringContaining('50%') });
    expect(msg(6)?.message).not.toContain('2026');
    expect(msg(7)).toMatchObject({ level: 'warning', message: expect.stringContaining('80%') });
  });
});
