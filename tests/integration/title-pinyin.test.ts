import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { undoBatch } from '../../electron/core/batches/batches';
import { applyImport } from '../../electron/core/import/import-apply';
import { titleKey } from '../../electron/core/names/title-key';
import { seedImportSet } from '../../electron/core/services/demo-data';
import { makeCore, RESOURCES, type TestCore } from './helpers';

const TITLES = ['发展数字经济', '调整产业结构', '保障民生', '重点项目攻坚', 'AI赋能行动', '促进消费', '安全生产检查', '5G基站建设'];
// Pinyin order: digits, then letters (AI < an), 调整 read tiao, 重点 read zhong. Code points would put 促 before 保 and 安 last.
const PINYIN_ORDER = ['5G基站建设', 'AI赋能行动', '安全生产检查', '保障民生', '促进消费', '发展数字经济', '调整产业结构', '重点项目攻坚'];

const titles = async (core: TestCore, kind: 'task' | 'project' = 'project', desc = false) =>
  (await core.call('items:list', { kind, sort: 'title', desc, limit: 1000 })).rows.map((r) => r.title);

/** Items whose stored key is not the key of their title (should be none, whichever path wrote them). */
const staleKeys = (core: TestCore) =>
  (core.ctx.db.prepare('SELECT title, title_key FROM items').all() as { title: string; title_key: string | null }[]).filter(
    (r) => r.title_key !== titleKey(r.title),
  );

describe('lists sorted by 标题 go in pinyin order', () => {
  it('orders created items by pinyin both ways, and an edited title moves to its new place', async () => {
    const core = makeCore();
    for (const title of TITLES) await core.call('items:create', { kind: 'project', title });
    expect(await titles(core)).toEqual(PINYIN_ORDER);
    expect(await titles(core, 'project', true)).toEqual([...PINYIN_ORDER].reverse());
    const baozhang = (await core.call('items:list', { kind: 'project', keyword: '保障民生' })).rows[0];
    await core.call('items:update', { id: baozhang.id, fields: { title: '稳就业保民生' } });
    expect(await titles(core)).toEqual(['5G基站建设', 'AI赋能行动', '安全生产检查', '促进消费', '发展数字经济', '调整产业结构', '稳就业保民生', '重点项目攻坚']);
    // A page deep in the list is the same slice of that order.
    const page = await core.call('items:list', { kind: 'project', sort: 'title', desc: true, offset: 2, limit: 3 });
    expect(page.rows.map((r) => r.title)).toEqual(['调整产业结构', '发展数字经济', '促进消费']);
    expect(staleKeys(core)).toEqual([]);
    core.close();
  });

  it('keeps the key with the title through import, a re-import that renames, bulk delete and their undo', async () => {
    const core = makeCore();
    const db = core.ctx.db;
    const opts = { operator: '测试', at: '2025-07-15T01:00:00.000Z' };
    const seed = seedImportSet(readFileSync(join(RESOURCES, 'seed-plan.txt'), 'utf8'));
    applyImport(db, seed, opts);
    const sorted = await titles(core, 'task');
    expect(sorted).toHaveLength(150);
    expect(sorted).toEqual([...sorted].sort((a, b) => (titleKey(a) < titleKey(b) ? -1 : 1)));
    expect(staleKeys(core)).toEqual([]);

    const v2 = { ...seed, hash: 'v2', items: seed.items.map((d, n) => (n === 0 ? { ...d, title: '安置帮扶先行' } : d)) };
    const renamed = applyImport(db, v2, opts);
    expect((await titles(core, 'task'))[0]).toBe('安置帮扶先行');
    expect(staleKeys(core)).toEqual([]);
    undoBatch(db, renamed.batchId!, opts.at);
    expect(await titles(core, 'task')).toEqual(sorted);
    expect(staleKeys(core)).toEqual([]);

    const first = (await core.call('items:list', { kind: 'task', sort: 'title', limit: 3 })).rows;
    const del = await core.call('items:bulk-edit', { target: { ids: first.map((r) => r.id) }, action: { op: 'delete' } });
    expect((await titles(core, 'task')).slice(0, 3)).toEqual(sorted.slice(3, 6));
    await core.call('imports:undo', { batchId: del.batchId! });
    expect(await titles(core, 'task')).toEqual(sorted);
    expect(staleKeys(core)).toEqual([]);
    core.close();
  });

  it('the living demo (import, bulk edits, breakdown, returns) leaves every title with its key', async () => {
    const core = makeCore();
    await core.call('demo:load', { cycle: true });
    expect((core.ctx.db.prepare('SELECT count(*) FROM items').pluck().get() as number) >= 150).toBe(true);
    expect(staleKeys(core)).toEqual([]);
    core.close();
  });

  it('a title written by plain SQL without its key gets it (the trigger), so raw edits sort right too', () => {
    const core = makeCore();
    const at = '2025-07-15T01:00:00.000Z';
    const id = Number(core.ctx.db.prepare("INSERT INTO items(uid, kind, title, title_key, created_at, updated_at) VALUES ('u', 'task', '甲', ?, ?, ?)").run(titleKey('甲'), at, at).lastInsertRowid);
    core.ctx.db.prepare("UPDATE items SET title = '乙方案' WHERE id = ?").run(id);
    expect(core.ctx.db.prepare('SELECT title_key FROM items WHERE id = ?').pluck().get(id)).toBe(titleKey('乙方案'));
    expect(titleKey('乙方案')).toBe('yifangan 乙方案');
    core.close();
  });
});
