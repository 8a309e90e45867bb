import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { undoBatch } from '../../electron/core/batches/batches';
import { dumpTables, makeCore, type TestCore } from './helpers';

describe('items:break-down on the demo (upper) list', () => {
  let core: TestCore;
  beforeEach(async () => {
    core = makeCore();
    await core.call('demo:load', {});
  });
  afterEach(() => core.close());

  it('creates one linked local item per upper item, keeping title, content and units, the upper targets as the upper’s, in one batch', async () => {
    const uppers = (await core.call('items:list', { kind: 'task', limit: 3 })).rows;
    const r = await core.call('items:break-down', { upperItemIds: uppers.map((u) => u.id) });
    expect(r.created).toBe(3);
    expect(r.skipped).toBe(0);
    for (const [n, made] of r.items.entries()) {
      const up = await core.call('items:get', { id: uppers[n].id });
      const local = await core.call('items:get', { id: made.id });
      expect(local).toMatchObject({
        // Codes as the list shows them: the upper 1 of section （一） is 1-1, its local item 1-1-1.
        origin: 'local', upperItemId: up.id, upperCode: uppers[n].code, code: `${uppers[n].code}-1`, title: up.title, content: up.content,
        planId: up.planId, sectionId: up.sectionId, status: 'not_started', progress: 0,
      });
      expect(local.uid).not.toBe(up.uid);
      expect(local.units.map((u) => [u.unitId, u.role])).toEqual(up.units.map((u) => [u.unitId, u.role]));
      // The upper targets stay the upper's (shown in the chain); the local item's own start empty.
      expect(local.targets).toEqual([]);
      const chain = await core.call('items:upper-chain', { id: local.id });
      expect(chain.upperTargets.map((t) => t.label)).toEqual(up.targets.map((t) => t.label));
      expect(chain.steps.map((s) => s.itemId)).toEqual([up.id, local.id]);
      expect((await core.call('items:history', { id: local.id }))[0]).toMatchObject({ action: 'break-down', batchId: r.batchId });
    }
    const local = await core.call('items:list', { kind: 'task', origin: 'local', limit: 100 });
    expect(local.total).toBe(3);
  });

  it('breaking down again adds nothing unless asked, and a second local item gets the next code', async () => {
    const [up] = (await core.call('items:list', { kind: 'task', limit: 1 })).rows;
    await core.call('items:break-down', { upperItemIds: [up.id] });
    const again = await core.call('items:break-down', { upperItemIds: [up.id] });
    expect(again).toEqual({ batchId: null, created: 0, skipped: 1, items: [] });
    const more = await core.call('items:break-down', { upperItemIds: [up.id], skipExisting: false });
    expect(more.items[0].code).toBe(`${up.code}-2`);
  });

  it('puts the local items in another list when asked, and can be undone as one batch', async () => {
    const [up] = (await core.call('items:list', { kind: 'task', limit: 1 })).rows;
    const r = await core.call('items:break-down', { upperItemIds: [up.id], kind: 'project' });
    expect((await core.call('items:get', { id: r.items[0].id })).kind).toBe('project');
    undoBatch(core.ctx.db, r.batchId!, new Date().toISOString());
    expect((await core.call('items:list', { kind: 'project' })).total).toBe(0);
  });

  it('undo of a break-down of several items (each with its units and targets) restores every table exactly', async () => {
    const uppers = (await core.call('items:list', { kind: 'task', limit: 5 })).rows;
    const before = dumpTables(core.ctx);
    const r = await core.call('items:break-down', { upperItemIds: uppers.map((u) => u.id) });
    expect(r.created).toBe(5);
    await core.call('imports:undo', { batchId: r.batchId! });
    expect(dumpTables(core.ctx)).toEqual(before);
    expect(() => core.ctx.db.prepare("INSERT INTO items_fts(items_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
  });

  it('refuses an unknown upper item without creating anything', async () => {
    const [up] = (await core.call('items:list', { kind: 'task', limit: 1 })).rows;
    await expect(core.call('items:break-down', { upperItemIds: [up.id, 99999] })).rejects.toThrow('上级条目（编号 99999）不存在，未做任何分解');
    expect((await core.call('items:list', { kind: 'task', origin: 'local' })).total).toBe(0);
  });
});
