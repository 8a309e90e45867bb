import { describe, expect, it } from 'vitest';
import { makeCore } from './helpers';

describe('the list keyword typed as pinyin', () => {
  it('fgw lists the items of 省发展改革委 (short form 省发改委), and a bulk edit of the filtered rows touches exactly those', async () => {
    const core = makeCore();
    await core.call('demo:load', {});
    const units = await core.call('units:list', {});
    const fgw = units.find((u) => u.name === '省发展改革委')!;
    const own = await core.call('items:list', { kind: 'task', unitId: fgw.id, limit: 100000 });
    expect(own.total).toBeGreaterThan(10);
    const byPinyin = await core.call('items:list', { kind: 'task', keyword: 'fgw', limit: 100000 });
    expect(byPinyin.rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(own.rows.map((r) => r.id).sort((a, b) => a - b));
    expect((await core.call('units:list', {})).find((u) => u.id === fgw.id)!.pinyin).toContain('sfgw');
    const res = await core.call('items:bulk-edit', { target: { filter: { kind: 'task', keyword: 'fgw' } }, action: { op: 'fields', leader: '张三' } });
    expect(res.changed).toBe(own.total);
    core.close();
  });
});
