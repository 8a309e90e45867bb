import { describe, expect, it } from 'vitest';
import { makeCore } from './helpers';

const tick = () => new Promise((r) => setImmediate(r));

describe('载入示例数据 while the office writes', () => {
  it('turns another write away while the demo loads, so undoing the demo cannot take it along', async () => {
    const core = makeCore({ now: new Date('2026-12-07T09:00:00+08:00') });
    let settled = false;
    const loading = core.dispatch('demo:load', { cycle: true }).finally(() => (settled = true));
    // Mid-load: the first period is written (in the demo's open transaction) and templates are being filled.
    while ((await core.call('periods:list', {})).length === 0) await tick();
    expect(settled).toBe(false);
    const refused = await core.dispatch('units:create', { name: '县档案馆' });
    expect(refused).toEqual({ ok: false, error: { code: 'conflict', message: '正在载入示例数据，请稍候' } });
    // Reads still answer while it loads.
    expect((await core.call('units:list', {})).length).toBeGreaterThan(0);
    expect((await loading).ok).toBe(true);

    const unit = await core.call('units:create', { name: '县档案馆' });
    const [batch] = await core.call('imports:batches', {});
    await core.call('imports:undo', { batchId: batch.id });
    expect((await core.call('units:list', {})).map((u) => u.name)).toEqual([unit.name]);
    core.close();
  }, 120_000);
});
