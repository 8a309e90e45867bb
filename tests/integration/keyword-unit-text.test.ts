import { describe, expect, it } from 'vitest';
import { ItemQuerySchema, type Role } from '../../shared/contract/schemas/items';
import { buildItemFilter } from '../../electron/core/repositories/item-query';
import { keywordByUnitText } from '../../electron/core/repositories/list-count';
import { substringKeyword } from '../../electron/core/db/char-search';
import { makeCore, type TestCore } from './helpers';

// A unit's few items tested for a keyword on their text (instr) must find exactly what the char
// index finds. The pool mixes what could tell them apart: Latin letters in both cases and their
// full-width forms (the index folds case), digits and full-width digits, punctuation and spaces
// (no token: 推，进 holds no 推进), the ends of the ideograph range (一, 龥) and an ideograph past it (鿿).
const POOL = [...'推进消费扩容就业一龥鿿5G0aAbBＧ５０，（）、 '];
const KEYWORDS = ['推', '推进', '进消', '消费', '一', '龥', '一龥', '5', '50', '0', '5G', 'a', 'A', 'G', '费，', '（一', '推 ', '鿿', 'Ｇ', '５'];
const ROLES: (Role | undefined)[] = [undefined, 'lead', 'resp', 'coop'];
const STATUSES = ['not_started', 'in_progress', 'done', 'suspended'] as const;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}
const pick = <T,>(next: () => number, xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
const text = (next: () => number, min: number, max: number) =>
  Array.from({ length: min + Math.floor(next() * (max - min + 1)) }, () => pick(next, POOL)).join('');

/** 3,000 items of two kinds over 8 units, each with a lead and some 负责 and 配合 units. */
function seed(core: TestCore, next: () => number): number[] {
  const db = core.ctx.db;
  const at = '2025-07-15T01:00:00.000Z';
  const units = Array.from({ length: 8 }, (_, n) => Number(db.prepare('INSERT INTO units(name, created_at, updated_at) VALUES (?, ?, ?)').run(`单位${n}`, at, at).lastInsertRowid));
  const item = db.prepare('INSERT INTO items(uid, kind, code, title, content, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const assign = db.prepare('INSERT OR IGNORE INTO item_units(item_id, unit_id, role, sort) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (let n = 0; n < 3000; n++) {
      const code = next() < 0.5 ? String(n % 120) : text(next, 1, 3);
      const id = Number(item.run(`k-${n}`, pick(next, ['task', 'policy']), code, `题${text(next, 1, 16)}`, text(next, 0, 30), pick(next, STATUSES), at, at).lastInsertRowid);
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

describe('a unit’s few items tested for a 1–2 character keyword on their text', () => {
  it('finds what the char index finds, for random units, roles, statuses and keywords, through the filter and items:list', async () => {
    const core = makeCore();
    const next = rng(23);
    const units = seed(core, next);
    let byText = 0;
    let found = 0;
    for (let n = 0; n < 300; n++) {
      const statuses = next() < 0.5 ? undefined : STATUSES.filter(() => next() < 0.5);
      const input = { kind: pick(next, ['task', 'policy']), unitId: pick(next, units), role: pick(next, ROLES), keyword: pick(next, KEYWORDS), limit: 100000, ...(statuses?.length ? { statuses } : {}) };
      const q = ItemQuerySchema.parse(input);
      const label = JSON.stringify(input);
      const plain = ids(core, buildItemFilter(q, '2025-07-15'));
      const asked = buildItemFilter(q, '2025-07-15', [], { keywordByText: true });
      expect(ids(core, asked), label).toEqual(plain);
      // the text test is used (and only) where it is exact: these units are small, so every such keyword takes it
      const text = asked.where.includes('instr(i.code, @kw)');
      expect(text, label).toBe(substringKeyword(q.keyword!));
      expect(keywordByUnitText(core.ctx.db, q), label).toBe(text);
      const page = await core.call('items:list', input as never);
      expect({ total: page.total, ids: page.rows.map((r) => r.id).sort((a, b) => a - b) }, label).toEqual({ total: plain.length, ids: plain });
      if (text) byText++;
      if (text && plain.length) found++;
    }
    expect(byText).toBeGreaterThan(100);
    expect(found).toBeGreaterThan(80);
    core.close();
  });

  it('leaves a large unit to the index: its items are too many to read for a keyword', async () => {
    const core = makeCore();
    const db = core.ctx.db;
    const at = '2025-07-15T01:00:00.000Z';
    const unit = Number(db.prepare('INSERT INTO units(name, created_at, updated_at) VALUES (?, ?, ?)').run('大单位', at, at).lastInsertRowid);
    const item = db.prepare("INSERT INTO items(uid, kind, title, created_at, updated_at) VALUES (?, 'task', ?, ?, ?)");
    const assign = db.prepare("INSERT INTO item_units(item_id, unit_id, role, sort) VALUES (?, ?, 'lead', 0)");
    const add = (from: number, to: number) =>
      db.transaction(() => {
        for (let n = from; n < to; n++) assign.run(item.run(`b-${n}`, n % 3 ? '推进消费' : '扩容', at, at).lastInsertRowid, unit);
      })();
    const q = ItemQuerySchema.parse({ kind: 'task', unitId: unit, role: 'lead', keyword: '推进', statuses: ['not_started'] });
    add(0, 2000);
    expect(keywordByUnitText(db, q)).toBe(true);
    add(2000, 2001);
    expect(keywordByUnitText(db, q)).toBe(false);
    const page = await core.call('items:list', { kind: 'task', unitId: unit, role: 'lead', keyword: '推进', statuses: ['not_started'], limit: 10 });
    expect(page.total).toBe(1334);
    core.close();
  });
});
