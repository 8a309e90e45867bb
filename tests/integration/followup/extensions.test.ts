import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../helpers';

/** The clock stands at 2025-07-15 (helpers' default). */
describe('延期申请 and the office decision', () => {
  let core: TestCore;
  let unitId: number;
  const light = async (id: number) => (await core.call('lights:for-items', { ids: [id] })).lights[String(id)];
  const item = async (deadlineText: string, progress = 40) =>
    (await core.call('items:create', { kind: 'task', title: `任务（${deadlineText}）`, deadlineText, status: 'in_progress', progress, units: [{ unitId, role: 'lead' }] })).id;

  beforeEach(async () => {
    core = makeCore();
    unitId = (await core.call('units:create', { name: '市商务局' })).id;
  });
  afterEach(() => core.close());

  it('a request before the due date is pending and not flagged; the deadline stays until decided', async () => {
    const id = await item('2025-07-31');
    const ext = await core.call('extensions:request', { itemId: id, unitId, requestedDate: '2025-09-30', reason: '设备到货推迟', progressNote: '已完成招标' });
    expect(ext).toMatchObject({ state: 'pending', late: false, unitName: '市商务局', priorDeadline: '2025-07-31', requestedOn: '2025-07-15' });
    expect((await core.call('extensions:list', { state: 'pending' })).map((e) => e.id)).toEqual([ext.id]);
    expect((await core.call('items:get', { id })).deadlineDate).toBe('2025-07-31');
  });

  it('a request after the due date is flagged as late (kept for the office to decide, not silently accepted)', async () => {
    const id = await item('2025-06-30');
    const ext = await core.call('extensions:request', { itemId: id, requestedDate: '2025-08-31', reason: '资金未到位' });
    expect(ext.late).toBe(true);
    expect(ext.state).toBe('pending');
  });

  it('a new date not after the current deadline is refused with a clear message', async () => {
    const id = await item('2025-07-31');
    await expect(core.call('extensions:request', { itemId: id, requestedDate: '2025-07-20', reason: '提前' })).rejects.toThrow(/不晚于现完成时限 2025年7月31日/);
  });

  it('a refused request keeps the deadline and the light; refusing needs a note', async () => {
    const id = await item('2025-06-30');
    const before = await light(id);
    const ext = await core.call('extensions:request', { itemId: id, requestedDate: '2025-08-31', reason: '资金未到位' });
    await expect(core.call('extensions:decide', { id: ext.id, approve: false })).rejects.toThrow(/请写明理由/);
    const done = await core.call('extensions:decide', { id: ext.id, approve: false, note: '理由不充分' });
    expect(done).toMatchObject({ state: 'refused', decisionNote: '理由不充分' });
    expect((await core.call('items:get', { id })).deadlineDate).toBe('2025-06-30');
    expect(await light(id)).toEqual(before);
    expect(before.reason).toBe('逾期 15 天未完成');
    const history = await core.call('items:history', { id });
    expect(history.map((h) => h.action)).toEqual(expect.arrayContaining(['extension-request', 'extension-refuse']));
  });

  it('an approved request moves the deadline; the light uses it and says 已延期 1 次，原定 6月30日', async () => {
    const id = await item('2025-06-30', 90);
    expect((await light(id)).level).toBe('bad');
    const ext = await core.call('extensions:request', { itemId: id, requestedDate: '2025-09-30', reason: '设备到货推迟' });
    await core.call('extensions:decide', { id: ext.id, approve: true, note: '同意' });
    const it = await core.call('items:get', { id });
    expect(it.deadlineDate).toBe('2025-09-30');
    const l = await light(id);
    expect(l.level).toBe('good');
    expect(l.reason).toContain('已延期 1 次，原定 6月30日');
    const f = await core.call('followup:item', { itemId: id });
    expect(f).toMatchObject({ extensionCount: 1, originalDeadline: '2025-06-30' });
  });

  it('two approved extensions count 2 and keep the first deadline as 原定; an overdue extended item says both', async () => {
    const id = await item('2025-05-31');
    const first = await core.call('extensions:request', { itemId: id, requestedDate: '2025-06-30', reason: '第一次' });
    await core.call('extensions:decide', { id: first.id, approve: true });
    const second = await core.call('extensions:request', { itemId: id, requestedDate: '2025-07-10', reason: '第二次' });
    expect(second.late).toBe(true);
    await core.call('extensions:decide', { id: second.id, approve: true });
    await expect(core.call('extensions:decide', { id: second.id, approve: false, note: '再审' })).rejects.toThrow(/不能再审批/);
    const l = await light(id);
    expect(l.reason).toBe('逾期 5 天未完成；已延期 2 次，原定 5月31日');
    expect((await core.call('followup:item', { itemId: id })).extensionCount).toBe(2);
  });
});
