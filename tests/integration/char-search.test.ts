import { describe, expect, it } from 'vitest';
import { undoBatch } from '../../electron/core/batches/batches';
import { buildItemFilter } from '../../electron/core/repositories/item-query';
import { makeCore, type TestCore } from './helpers';
import { sampleFile } from './import/stored';

// Characters of the plans' own vocabulary, plus digits and Latin letters in both cases.
const POOL = [...'推进消费扩容提振就业稳岗民生服务农村城乡产业园区项目投资建设数字经济科技创新改革开放省市县发展委厅局5G0123abcAB'];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function text(next: () => number, min: number, max: number): string {
  const n = min + Math.floor(next() * (max - min + 1));
  return Array.from({ length: n }, () => POOL[Math.floor(next() * POOL.length)]).join('');
}

/** Ids the list's keyword filter returns, against ids a plain LIKE scan returns (code too, as the 3+ character index does). */
function listed(core: TestCore, keyword: string): number[] {
  const f = buildItemFilter({ kind: 'task', keyword } as never, '2025-07-15');
  return core.ctx.db.prepare(`SELECT i.id FROM items i WHERE ${f.where} ORDER BY i.id`).pluck().all(f.params) as number[];
}

function scanned(core: TestCore, keyword: string): number[] {
  return core.ctx.db
    .prepare("SELECT id FROM items WHERE kind = 'task' AND (title LIKE '%' || ? || '%' OR content LIKE '%' || ? || '%' OR code LIKE '%' || ? || '%') ORDER BY id")
    .pluck()
    .all(keyword, keyword, keyword) as number[];
}

function seedRandom(core: TestCore, count: number, seed: number): void {
  const next = rng(seed);
  const at = '2025-07-15T01:00:00.000Z';
  const insert = core.ctx.db.prepare("INSERT INTO items(uid, kind, code, title, content, created_at, updated_at) VALUES (?, 'task', ?, ?, ?, ?, ?)");
  core.ctx.db.transaction(() => {
    for (let n = 0; n < count; n++) insert.run(`r-${seed}-${n}`, String(n % 97), text(next, 4, 24), text(next, 0, 60), at, at);
  })();
}

function keywords(seed: number): string[] {
  const next = rng(seed);
  const out = new Set<string>(['费', '省', '5', 'g', 'G', '5G', 'ab', 'AB', '鑫', '鑫淼', '推进', '消费']);
  while (out.size < 160) out.add(POOL[Math.floor(next() * POOL.length)] + (next() < 0.7 ? POOL[Math.floor(next() * POOL.length)] : ''));
  return [...out];
}

describe('one- and two-character keywords through the char index', () => {
  it('finds exactly what a LIKE scan finds over 10,000 random titles and contents', () => {
    const core = makeCore();
    seedRandom(core, 10_000, 7);
    const f = buildItemFilter({ kind: 'task', keyword: '消费' } as never, '2025-07-15');
    const plan = core.ctx.db.prepare(`EXPLAIN QUERY PLAN SELECT i.id FROM items i WHERE ${f.where}`).all(f.params) as { detail: string }[];
    expect(plan.map((r) => r.detail).join(' ')).toContain('items_chars');
    let nonEmpty = 0;
    for (const k of keywords(11)) {
      const ids = listed(core, k);
      expect(ids, k).toEqual(scanned(core, k));
      if (ids.length) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(100);
    core.close();
  });

  it('stays in step with edits, deletes, an imported list and its undo', async () => {
    const core = makeCore();
    seedRandom(core, 500, 3);
    const db = core.ctx.db;
    db.prepare("UPDATE items SET title = '鑫淼测试' WHERE id = 10").run();
    db.prepare('DELETE FROM items WHERE id IN (11, 12, 13)').run();
    const res = await core.call('imports:apply', { files: [sampleFile()] });
    for (const k of ['鑫淼', '鑫', '消费', '就业', '省', '5G']) expect(listed(core, k), k).toEqual(scanned(core, k));
    undoBatch(db, res.batchId!, '2025-07-16T01:00:00.000Z');
    for (const k of ['消费', '就业', '省', '鑫']) expect(listed(core, k), k).toEqual(scanned(core, k));
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'items_chars_%'").pluck().get()).toBe(3);
    core.close();
  });

  it('a short keyword with punctuation still finds its items (by a scan)', async () => {
    const core = makeCore();
    await core.call('items:create', { kind: 'task', title: '（一）大力提振消费' });
    const rows = (await core.call('items:list', { kind: 'task', keyword: '（一', limit: 10 })).rows;
    expect(rows.map((r) => r.title)).toEqual(['（一）大力提振消费']);
    expect((await core.call('items:list', { kind: 'task', keyword: '振消', limit: 10 })).rows.map((r) => r.title)).toEqual(['（一）大力提振消费']);
    core.close();
  });
});
