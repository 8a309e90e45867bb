import { describe, expect, it } from 'vitest';
import { ItemQuerySchema, type Role } from '../../shared/contract/schemas/items';
import { buildItemFilter } from '../../electron/core/repositories/item-query';
import { unitsByPinyin } from '../../electron/core/names/unit-pinyin';
import { makeCore, type TestCore } from './helpers';

// A list filtered by a unit and a keyword reads the keyword's index answers among the unit's ids
// (item-query.ts keywordClause `within`). It must select exactly the keyword's list (as without a
// unit) met with the unit's items in the role, for every kind of keyword: one or two characters
// (char index), three or more (trigram), an exact 编号, punctuation (scan), pinyin naming units.
const POOL = [...'推进消费扩容就业老旧小区改造5G0aAb，（）、 '];
const KEYWORDS = ['推', '推进', '消费', '老旧小区', '推进消', '5', '12', '5G', 'a', 'Ab', '费，', '（一', '量子', 'danwei', 'dw1', 'zzz'];
const ROLES: (Role | undefined)[] = [undefined, 'lead', 'resp', 'coop'];
const STATUSES = ['not_started', 'in_progress', 'done', 'suspended'] as const;
const TODAY = '2025-07-15';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}
const pick = <T,>(next: () => number, xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
const text = (next: () => number, min: number, max: number) =>
  Array.from({ length: min + Math.floor(next() * (max - min + 1)) }, () => pick(next, POOL)).join('');

/** 3,000 items of two kinds over 8 units (单位0…: pinyin danwei), each with a lead and some 负责 and 配合 units. */
function seed(core: TestCore, next: () => number): number[] {
  const db = core.ctx.db;
  const at = '2025-07-15T01:00:00.000Z';
  const units = Array.from({ length: 8 }, (_, n) => Number(db.prepare('INSERT INTO units(name, created_at, updated_at) VALUES (?, ?, ?)').run(`单位${n}`, at, at).lastInsertRowid));
  const item = db.prepare('INSERT INTO items(uid, kind, code, title, content, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const assign = db.prepare('INSERT OR IGNORE INTO item_units(item_id, unit_id, role, sort) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (let n = 0; n < 3000; n++) {
      const code = next() < 0.7 ? String(n % 120) : text(next, 1, 3);
      const id = Number(item.run(`k-${n}`, pick(next, ['task', 'policy']), code, `题${text(next, 1, 16)}`, text(next, 0, 30), pick(next, STATUSES), TODAY, TODAY).lastInsertRowid);
      assign.run(id, pick(next, units), 'lead', 0);
      for (let k = Math.floor(next() * 3); k > 0; k--) assign.run(id, pick(next, units), 'resp', k);
      for (let k = Math.floor(next() * 4); k > 0; k--) assign.run(id, pick(next, units), 'coop', k);
    }
  })();
  return units;
}

/** The ids a filter selects, in id order. */
function ids(core: TestCore, f: { where: string; params: Record<string, unknown> }): number[] {
  return core.ctx.db.prepare(`SELECT i.id FROM items i WHERE ${f.where} ORDER BY i.id`).pluck().all(f.params) as number[];
}

describe('a unit and a keyword: the keyword’s index answers among the unit’s items', () => {
  it('selects the keyword’s list met with the unit’s items, for random units, roles, statuses and keywords, through the filter and items:list', async () => {
    const core = makeCore();
    const db = core.ctx.db;
    const next = rng(23);
    const units = seed(core, next);
    let folded = 0;
    let found = 0;
    for (let n = 0; n < 300; n++) {
      const statuses = next() < 0.5 ? undefined : STATUSES.filter(() => next() < 0.5);
      const input = { kind: pick(next, ['task', 'policy']), unitId: pick(next, units), role: pick(next, ROLES), keyword: pick(next, KEYWORDS), limit: 100000, ...(statuses?.length ? { statuses } : {}) };
      const q = ItemQuerySchema.parse(input);
      const label = JSON.stringify(input);
      const pinyin = unitsByPinyin(db, q.keyword);
      // the plain path: the keyword's list without the unit, then the unit's items in the role
      const keywordOnly = ids(core, buildItemFilter({ ...q, unitId: undefined, role: undefined }, TODAY, pinyin));
      const unitItems = new Set(db.prepare(`SELECT item_id FROM item_units WHERE unit_id = ?${q.role ? ' AND role = ?' : ''}`).pluck().all(...[q.unitId, ...(q.role ? [q.role] : [])]) as number[]);
      const expected = keywordOnly.filter((id) => unitItems.has(id));
      const f = buildItemFilter(q, TODAY, pinyin);
      expect(ids(core, f), label).toEqual(expected);
      const page = await core.call('items:list', input as never);
      expect({ total: page.total, ids: page.rows.map((r) => r.id).sort((a, b) => a - b) }, label).toEqual({ total: expected.length, ids: expected });
      // the unit's own clause is folded into the keyword's, except for a keyword scanned (punctuation)
      if (!f.where.includes('unit_id = @unitId') || f.where.includes('+i.id IN (SELECT item_id FROM item_units WHERE unit_id')) continue;
      folded++;
      if (expected.length) found++;
    }
    expect(folded).toBeGreaterThan(200);
    expect(found).toBeGreaterThan(100);
    expect(unitsByPinyin(db, 'danwei')).toHaveLength(8);
    core.close();
  });

  it('pages of a unit and keyword list, past the first thousand rows, are the list sorted from scratch', async () => {
    const core = makeCore();
    const db = core.ctx.db;
    const at = '2025-07-15T01:00:00.000Z';
    const unit = Number(db.prepare('INSERT INTO units(name, created_at, updated_at) VALUES (?, ?, ?)').run('大单位', at, at).lastInsertRowid);
    const item = db.prepare("INSERT INTO items(uid, kind, code, title, progress, created_at, updated_at) VALUES (?, 'task', ?, ?, ?, ?, ?)");
    const assign = db.prepare('INSERT INTO item_units(item_id, unit_id, role, sort) VALUES (?, ?, ?, 0)');
    const next = rng(5);
    db.transaction(() => {
      for (let n = 0; n < 4500; n++) {
        const id = item.run(`p-${n}`, String(n), `${pick(next, ['推进', '扩容', '消费'])}${text(next, 1, 6)}`, Math.floor(next() * 20) * 5, at, at).lastInsertRowid;
        if (n % 5) assign.run(id, unit, n % 2 ? 'lead' : 'coop');
      }
    })();
    const byOrder = { title: 'title_key, id', progress: 'progress, seq, id' } as const;
    for (const sort of ['title', 'progress'] as const) {
      const expected = db
        .prepare(`SELECT id FROM items WHERE (title LIKE '%推%' OR code LIKE '%推%') AND id IN (SELECT item_id FROM item_units WHERE unit_id = ?) ORDER BY ${byOrder[sort]}`)
        .pluck()
        .all(unit) as number[];
      expect(expected.length).toBeGreaterThan(1000);
      const pages: number[] = [];
      for (let offset = 0; offset < expected.length + 300; offset += 300) {
        const p = await core.call('items:list', { kind: 'task', unitId: unit, keyword: '推', sort, limit: 300, offset });
        expect(p.total).toBe(expected.length);
        pages.push(...p.rows.map((r) => r.id));
      }
      expect(pages, sort).toEqual(expected);
    }
    core.close();
  });
});
