import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpTables, makeCore, type TestCore } from './helpers';
import { titleKey } from '../../electron/core/names/title-key';

describe('items and units through dispatch, on the demo data', () => {
  let core: TestCore;
  beforeEach(async () => {
    core = makeCore();
    await core.call('demo:load', {});
  });
  afterEach(() => core.close());

  it('loads the seed: 7 implementation plans under the overall plan, with 专班 and 150 tasks', async () => {
    const plans = await core.call('plans:list', {});
    const impl = plans.filter((p) => p.parentId !== null);
    expect(impl).toHaveLength(7);
    expect(impl.reduce((n, p) => n + p.itemCount, 0)).toBe(150);
    const p1 = impl.find((p) => p.title === '内需扩量提效攻坚实施方案')!;
    expect(p1.officeUnit).toBe('省发展改革委');
    expect(p1.members).toContain('省商务厅');
    expect(p1.convener).toContain('副秘书长');
    expect(p1.sections.map((s) => s.name)).toEqual(['（一）大力提振消费', '（二）提高投资效益', '（三）实施重大战略']);
    const page = await core.call('items:list', { kind: 'task', limit: 1000 });
    expect(page.total).toBe(150);
    // 编号 1 restarts in every section: the list shows it with its section's number.
    expect(page.rows[0]).toMatchObject({ code: '1-1', title: '推动增收减负', lead: '省人力资源社会保障厅', sectionName: '（一）大力提振消费' });
  });

  it('filters by unit and role, keyword of 1, 2 and 3+ characters, and sorts', async () => {
    const units = await core.call('units:list', {});
    const commerce = units.find((u) => u.name === '省商务厅')!;
    const lead = await core.call('items:list', { kind: 'task', unitId: commerce.id, role: 'lead', limit: 1000 });
    expect(lead.total).toBeGreaterThan(0);
    for (const r of lead.rows) expect(r.lead.split('、')).toContain('省商务厅');
    const any = await core.call('items:list', { kind: 'task', unitId: commerce.id, limit: 1000 });
    expect(any.total).toBeGreaterThan(lead.total);

    for (const kw of ['消费', '湘', '以旧换新']) {
      const hits = await core.call('items:list', { kind: 'task', keyword: kw, limit: 1000 });
      expect(hits.total).toBeGreaterThan(0);
      for (const r of hits.rows) expect(r.title + r.content).toContain(kw);
      const all = await core.call('items:list', { kind: 'task', limit: 1000 });
      expect(all.rows.filter((r) => (r.title + r.content).includes(kw))).toHaveLength(hits.total);
    }
    const byTitle = await core.call('items:list', { kind: 'task', sort: 'title', desc: true, limit: 5 });
    const keys = byTitle.rows.map((r) => titleKey(r.title));
    expect([...keys].sort().reverse()).toEqual(keys);
  });

  it('edits deadline and lead unit with history naming the operator; deadline filters and overdue follow', async () => {
    await core.call('settings:set', { operator: '张三' });
    const units = await core.call('units:list', {});
    const finance = units.find((u) => u.name === '省财政厅')!;
    const before = await core.call('items:get', { id: 1 });
    const updated = await core.call('items:update', {
      id: 1,
      fields: { deadlineText: '2025年6月底前' },
      units: [{ unitId: finance.id, role: 'lead' }, ...before.units.filter((u) => u.role !== 'lead').map(({ unitId, role }) => ({ unitId, role }))],
    });
    expect(updated.deadlineText).toBe('2025年6月底前');
    expect(updated.deadlineDate).toBe('2025-06-30');
    expect(updated.units.filter((u) => u.role === 'lead').map((u) => u.name)).toEqual(['省财政厅']);
    const history = await core.call('items:history', { id: 1 });
    expect(history.map((h) => h.field)).toEqual(expect.arrayContaining(['deadlineText', 'units']));
    const mine = history.filter((h) => h.field === 'deadlineText' || h.field === 'units');
    expect(mine.every((h) => h.operator === '张三' && h.batchId === null)).toBe(true);
    const overdue = await core.call('items:list', { kind: 'task', overdue: true, today: '2025-07-15' });
    expect(overdue.rows.map((r) => r.id)).toContain(1);
    const window = await core.call('items:list', { kind: 'task', deadlineFrom: '2025-06-01', deadlineTo: '2025-06-30' });
    expect(window.rows.map((r) => r.id)).toEqual([1]);
    const phrase = await core.call('items:update', { id: 1, fields: { deadlineText: '长期坚持' } });
    expect(phrase).toMatchObject({ deadlineText: '长期坚持', deadlineDate: null });
  });

  it('refuses bad input with a clear Chinese message and changes nothing', async () => {
    const snapshot = dumpTables(core.ctx);
    const cases: [string, unknown, RegExp][] = [
      ['items:update', { id: 1, fields: { title: '   ' } }, /标题不能为空/],
      ['items:update', { id: 1, fields: { deadlineText: '2025-13-45' } }, /完成时限「2025-13-45」不是有效日期/],
      ['items:update', { id: 1, units: [{ unitId: 99999, role: 'lead' }] }, /单位（编号 99999）不存在/],
      ['items:update', { id: 'one', fields: { progress: 140 } }, /输入有误/],
      ['items:create', { kind: 'task', title: '' }, /标题不能为空/],
      ['units:merge', { sourceId: 1, targetId: 1 }, /不能把单位合并到它自己/],
    ];
    for (const [channel, input, message] of cases) {
      const r = await core.dispatch(channel, input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(message);
    }
    expect(dumpTables(core.ctx)).toEqual(snapshot);
  });

  it('creates and deletes items, keeping the history', async () => {
    const item = await core.call('items:create', { kind: 'project', title: '汨罗循环经济产业园扩建', investTotal: 52000, projectStage: '在建' });
    expect(item).toMatchObject({ kind: 'project', investTotal: 52000, projectStage: '在建', origin: 'local' });
    expect((await core.call('items:list', { kind: 'project' })).total).toBe(1);
    await core.call('items:delete', { ids: [item.id] });
    expect((await core.call('items:list', { kind: 'project' })).total).toBe(0);
    const log = core.ctx.db.prepare("SELECT action FROM change_log WHERE entity = 'item' AND entity_id = ?").pluck().all(item.id);
    expect(log).toEqual(['create', 'delete']);
  });

  it('keeps the unit directory: aliases resolve, merge keeps every assignment', async () => {
    const units = await core.call('units:list', {});
    const ndrc = units.find((u) => u.name === '省发展改革委')!;
    await core.call('units:update', { id: ndrc.id, aliases: ['省发改委'] });
    expect((await core.dispatch('units:create', { name: '省发改委' })).ok).toBe(false);
    // The seed itself writes both 省应急厅 (附件6 items 9, 10) and 省应急管理厅: one unit under two names.
    const target = units.find((u) => u.name === '省应急管理厅')!;
    const source = units.find((u) => u.name === '省应急厅')!;
    const itemsOf = async (id: number) => (await core.call('items:list', { kind: 'task', unitId: id, limit: 1000 })).rows.map((r) => r.id);
    const roles = (id: number) => core.ctx.db.prepare('SELECT item_id, role FROM item_units WHERE unit_id = ? ORDER BY item_id, role').all(id);
    const expected = new Set([...(await itemsOf(target.id)), ...(await itemsOf(source.id))]);
    const targetHad = roles(target.id).length;
    const expectedRoles = [...roles(target.id), ...roles(source.id)].map((r) => JSON.stringify(r));
    expect(expected.size).toBeGreaterThan(2);
    const result = await core.call('units:merge', { sourceId: source.id, targetId: target.id });
    expect(new Set(await itemsOf(target.id))).toEqual(expected);
    expect(roles(target.id).map((r) => JSON.stringify(r)).sort()).toEqual([...new Set(expectedRoles)].sort());
    expect(result.target.aliases).toContain('省应急厅');
    const sourceHad = expectedRoles.length - targetHad;
    expect(result.movedAssignments).toBe(sourceHad);
    expect(roles(target.id)).toHaveLength(targetHad + sourceHad - result.alreadyHeld);
    expect((await core.call('units:list', {})).find((u) => u.name === '省应急厅')).toBeUndefined();
    const ids = await core.call('items:list', { kind: 'task', keyword: '应急', limit: 1000 });
    expect(ids.total).toBeGreaterThan(0);
  });
});
