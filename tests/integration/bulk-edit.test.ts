import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpTables, makeCore, type TestCore } from './helpers';

describe('items:bulk-edit', () => {
  let core: TestCore;
  beforeEach(async () => {
    core = makeCore();
    await core.call('demo:load', {});
  });
  afterEach(() => core.close());

  it('sets the lead unit on 30 rows in one batch, says how many changed, and undo restores every row exactly', async () => {
    const rows = (await core.call('items:list', { kind: 'task', limit: 30 })).rows;
    expect(rows).toHaveLength(30);
    const unit = (await core.call('units:list', {})).find((u) => !rows.every((r) => r.lead === u.name))!;
    const before = dumpTables(core.ctx);
    const r = await core.call('items:bulk-edit', { target: { ids: rows.map((x) => x.id) }, action: { op: 'units', role: 'lead', unitIds: [unit.id] } });
    const changed = rows.filter((x) => x.lead !== unit.name).length;
    expect(r).toMatchObject({ selected: 30, changed, message: `已修改 ${changed} 项，可撤销` });
    const after = await core.call('items:list', { kind: 'task', ids: rows.map((x) => x.id), limit: 30 });
    expect(after.rows.map((x) => x.lead)).toEqual(rows.map(() => unit.name));
    // Other roles untouched.
    expect(after.rows.map((x) => [x.resp, x.coop])).toEqual(rows.map((x) => [x.resp, x.coop]));
    const batches = await core.call('imports:batches', {});
    expect(batches[0]).toMatchObject({ id: r.batchId, kind: 'bulk' });
    await core.call('imports:undo', { batchId: r.batchId! });
    expect(dumpTables(core.ctx)).toEqual(before);
  });

  it('takes the list filter instead of ids: every filtered row across pages, not only the loaded ones', async () => {
    const filter = { kind: 'task' as const, statuses: ['not_started' as const] };
    const all = await core.call('items:list', { ...filter, limit: 100000 });
    expect(all.total).toBeGreaterThan(3);
    const r = await core.call('items:bulk-edit', { target: { filter }, action: { op: 'fields', status: 'in_progress', leader: '张副市长', deadlineText: '2025年12月底前' } });
    expect(r.selected).toBe(all.total);
    expect(r.changed).toBe(all.total);
    const now = await core.call('items:list', { kind: 'task', ids: all.rows.map((x) => x.id), limit: 100000 });
    for (const row of now.rows) expect(row).toMatchObject({ status: 'in_progress', leader: '张副市长', deadlineText: '2025年12月底前', deadlineDate: '2025-12-31' });
    expect((await core.call('items:list', { ...filter, limit: 1 })).total).toBe(0);
    const hist = await core.call('items:history', { id: all.rows[0].id });
    expect(hist.some((h) => h.field === 'leader' && h.after === '张副市长' && h.batchId === r.batchId)).toBe(true);
  });

  it('deletes the rows with their units, targets and reports, and undo brings all of them back', async () => {
    const rows = (await core.call('items:list', { kind: 'task', limit: 5 })).rows;
    const before = dumpTables(core.ctx);
    const r = await core.call('items:bulk-edit', { target: { ids: rows.map((x) => x.id) }, action: { op: 'delete' } });
    expect(r.message).toBe('已删除 5 项，可撤销');
    expect((await core.call('items:list', { kind: 'task', ids: rows.map((x) => x.id) })).total).toBe(0);
    await core.call('imports:undo', { batchId: r.batchId! });
    expect(dumpTables(core.ctx)).toEqual(before);
  });

  it('breaks the rows down, and an unknown unit or a vanished row changes nothing with a Chinese message', async () => {
    const rows = (await core.call('items:list', { kind: 'task', origin: 'upper', limit: 4 })).rows;
    const r = await core.call('items:bulk-edit', { target: { ids: rows.map((x) => x.id) }, action: { op: 'break-down' } });
    expect(r.message).toBe('已分解 4 项，可撤销');
    const before = dumpTables(core.ctx);
    await expect(core.call('items:bulk-edit', { target: { ids: [rows[0].id] }, action: { op: 'units', role: 'coop', unitIds: [999999] } })).rejects.toThrow('单位（编号 999999）不存在');
    await expect(core.call('items:bulk-edit', { target: { ids: [rows[0].id, 999999] }, action: { op: 'delete' } })).rejects.toThrow('已不存在');
    expect(dumpTables(core.ctx)).toEqual(before);
  });
});
