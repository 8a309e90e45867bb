import { describe, expect, it } from 'vitest';
import { ITEM_KINDS, type ItemKind } from '../../shared/contract/schemas/items';
import { buildItemFilter } from '../../electron/core/repositories/item-query';
import { makeCore, type TestCore } from './helpers';
import { sampleVariant } from './import/sample-variants';
import { sampleFile } from './import/stored';

// The plans' own characters, digits, Latin letters in both cases, and what the index makes no
// token of (punctuation, a space): 消，费 or 消 费 must not be found by 消费, as instr finds neither.
const POOL = [...'推进消费扩容提振就业稳岗民生服务农村城乡产业园区项目投资建设数字经济科技创新改革5G0123abcAB，（）、 '];
const TEXT_POOL = [...'推进消费扩容提振就业稳岗民生5G0aA，（ '];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}
const pick = <T,>(next: () => number, xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
const text = (next: () => number, pool: string[], min: number, max: number) =>
  Array.from({ length: min + Math.floor(next() * (max - min + 1)) }, () => pick(next, pool)).join('');

/** What instr finds (LIKE for Latin letters: the indexes fold case), in the items of one kind: title, content, code. */
function scanned(core: TestCore, kind: ItemKind, keyword: string): number[] {
  return core.ctx.db
    .prepare("SELECT id FROM items WHERE kind = @kind AND (title LIKE @like ESCAPE '\\' OR content LIKE @like ESCAPE '\\' OR code LIKE @like ESCAPE '\\') ORDER BY id")
    .pluck()
    .all({ kind, like: `%${keyword.replace(/[%_\\]/g, (c) => `\\${c}`)}%` }) as number[];
}

/** The ids the list's keyword filter selects. */
function listed(core: TestCore, kind: ItemKind, keyword: string): number[] {
  const f = buildItemFilter({ kind, keyword } as never, '2025-07-15');
  return core.ctx.db.prepare(`SELECT i.id FROM items i WHERE ${f.where} ORDER BY i.id`).pluck().all(f.params) as number[];
}

/** items:list as the list page asks it: every id of the filtered list and its total. */
async function page(core: TestCore, query: Record<string, unknown>): Promise<{ total: number; ids: number[] }> {
  const r = await core.call('items:list', { limit: 100000, ...query } as never);
  return { total: r.total, ids: r.rows.map((x) => x.id).sort((a, b) => a - b) };
}

function seed(core: TestCore, count: number, seedNo: number): void {
  const next = rng(seedNo);
  const at = '2025-07-15T01:00:00.000Z';
  const statuses = ['not_started', 'in_progress', 'done'];
  const insert = core.ctx.db.prepare('INSERT INTO items(uid, kind, code, title, content, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  core.ctx.db.transaction(() => {
    for (let n = 0; n < count; n++)
      insert.run(`r-${seedNo}-${n}`, pick(next, ITEM_KINDS), String(n % 97), text(next, POOL, 4, 24), text(next, POOL, 0, 40), pick(next, statuses), at, at);
  })();
}

function keywords(seedNo: number, size: number): string[] {
  const next = rng(seedNo);
  const out = new Set<string>(['费', '5', 'g', 'G', '5G', 'ab', 'AB', '鑫', '消费', '费，', '消 ', '（一', '0']);
  while (out.size < size) out.add(pick(next, TEXT_POOL) + (next() < 0.7 ? pick(next, TEXT_POOL) : ''));
  return [...out];
}

/** Every kind, every keyword: the filter finds exactly what the scan finds, never another kind's item. */
function expectSame(core: TestCore, words: readonly string[]): void {
  for (const kind of ITEM_KINDS) for (const k of words) expect(listed(core, kind, k), `${kind} ${k}`).toEqual(scanned(core, kind, k));
}

describe('1–2 character keywords: the char index holds the kind (migration 0010)', () => {
  it('finds exactly what LIKE finds over 10,000 random items of four kinds, through the filter and through items:list', async () => {
    const core = makeCore();
    seed(core, 10_000, 7);
    const words = keywords(11, 120);
    let nonEmpty = 0;
    for (const kind of ITEM_KINDS)
      for (const k of words) {
        const ids = listed(core, kind, k);
        expect(ids, `${kind} ${k}`).toEqual(scanned(core, kind, k));
        if (ids.length) nonEmpty++;
      }
    expect(nonEmpty).toBeGreaterThan(300);
    // the page's total (counted from the index alone; 3+ characters by the trigram matches) and rows, alone and with another filter
    for (const k of ['消', '消费', '5G', 'a', '费，', '量子', '推进消', '5G0a']) {
      for (const kind of ['task', 'policy'] as const) {
        const like = scanned(core, kind, k);
        expect(await page(core, { kind, keyword: k }), `${kind} ${k}`).toEqual({ total: like.length, ids: like });
        const inProgress = core.ctx.db.prepare("SELECT id FROM items WHERE status = 'in_progress' AND id IN (SELECT value FROM json_each(?)) ORDER BY id").pluck().all(JSON.stringify(like)) as number[];
        expect(await page(core, { kind, keyword: k, statuses: ['in_progress'] }), `${kind} ${k} 推进中`).toEqual({ total: inProgress.length, ids: inProgress });
      }
    }
    core.close();
  });

  it('a page of a keyword with another filter is the filtered list in its order, page after page', async () => {
    const core = makeCore();
    seed(core, 3000, 5);
    for (const sort of ['order', 'title', 'code'] as const) {
      const all = await core.call('items:list', { kind: 'task', keyword: '推', statuses: ['in_progress'], sort, limit: 100000 });
      const pages: number[] = [];
      for (let offset = 0; offset < all.total + 50; offset += 50) {
        const p = await core.call('items:list', { kind: 'task', keyword: '推', statuses: ['in_progress'], sort, limit: 50, offset });
        expect(p.total).toBe(all.total);
        pages.push(...p.rows.map((r) => r.id));
      }
      expect(pages).toEqual(all.rows.map((r) => r.id));
    }
    core.close();
  });

  it('stays exact after edits, a bulk edit, imports as two kinds, a re-import, deletes and undo', async () => {
    const core = makeCore();
    seed(core, 400, 3);
    const db = core.ctx.db;
    const words = ['鑫', '鑫淼', '消费', '消', '就业', '省', '5G', '推进', '费，', '政策'];
    const task = (await core.call('items:list', { kind: 'task', limit: 5 })).rows;
    await core.call('items:update', { id: task[0].id, fields: { title: '鑫淼测试' } } as never);
    db.prepare("UPDATE items SET content = '鑫淼，政策' WHERE id = ?").run(task[1].id);
    expectSame(core, words);
    const policyBefore = listed(core, 'policy', '消费');
    await core.call('imports:apply', { files: [sampleFile()] });
    const asPolicy = await core.call('imports:apply', { files: [sampleFile()], kind: 'policy' });
    expect(listed(core, 'policy', '消费').length).toBeGreaterThan(policyBefore.length);
    expectSame(core, words);
    const newer = sampleVariant((s) => {
      const rows = Object.values(s)[0];
      const at = rows.findIndex((r) => r[1] === '完善消费政策');
      rows[at][1] = '鑫淼消费政策';
    });
    const again = await core.call('imports:apply', { files: [{ name: 'province-tasks-A.xlsx', bytes: newer }] });
    expectSame(core, words);
    const hits = await core.call('items:list', { kind: 'task', keyword: '鑫', limit: 1000 });
    const bulk = await core.call('items:bulk-edit', { target: { ids: hits.rows.map((r) => r.id) }, action: { op: 'delete' } });
    expect(listed(core, 'task', '鑫')).toEqual([]);
    expectSame(core, words);
    await core.call('items:delete', { ids: task.slice(2, 4).map((r) => r.id) });
    expectSame(core, words);
    for (const batchId of [bulk.batchId, again.batchId, asPolicy.batchId]) {
      await core.call('imports:undo', { batchId: batchId! });
      expectSame(core, words);
    }
    // the policies imported are gone with their batch; the same tasks are still found
    expect(listed(core, 'policy', '消费')).toEqual(policyBefore);
    expect(listed(core, 'task', '消费').length).toBeGreaterThan(listed(core, 'policy', '消费').length);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'items_chars_%'").pluck().get()).toBe(3);
    core.close();
  });
});
