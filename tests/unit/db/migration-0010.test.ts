import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { buildItemFilter } from '../../../electron/core/repositories/item-query';
import { ITEM_KINDS } from '../../../shared/contract/schemas/items';

const now = '2025-07-01T00:00:00Z';
const KIND_CHAR_SEARCH = MIGRATIONS.find((m) => m.name === 'kind-char-search')!.version;
const POOL = [...'推进消费扩容提振就业稳岗民生服务5G0aB'];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Before 0010: one token per character, two characters a phrase, the kind tested on the item. */
const before = (db: Database.Database, kind: string, keyword: string) =>
  db
    .prepare('SELECT id FROM items WHERE kind = ? AND id IN (SELECT rowid FROM items_chars WHERE items_chars MATCH ?) ORDER BY id')
    .pluck()
    .all(kind, `"${[...keyword].join(' ')}"`) as number[];

/** After: the list's keyword filter (kind in the index's tokens). */
const after = (db: Database.Database, kind: string, keyword: string) => {
  const f = buildItemFilter({ kind, keyword } as never, '2025-07-15');
  return db.prepare(`SELECT i.id FROM items i WHERE ${f.where} ORDER BY i.id`).pluck().all(f.params) as number[];
};

describe(`migration ${KIND_CHAR_SEARCH} (kind-char-search)`, () => {
  it('an old database finds the same ids for every kind and keyword after migrating, and new writes are indexed', () => {
    const db = new Database(':memory:');
    migrate(db, KIND_CHAR_SEARCH - 1);
    const next = rng(5);
    const word = (n: number) => Array.from({ length: n }, () => POOL[Math.floor(next() * POOL.length)]).join('');
    const insert = db.prepare('INSERT INTO items(uid, kind, code, title, content, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (let n = 0; n < 600; n++) insert.run(`u${n}`, ITEM_KINDS[n % 4], String(n % 13), word(3 + (n % 9)), word(n % 20), now, now);
    const keywords = ['消', '费', '消费', '5G', 'a', 'A', 'B', '0', '就业', '量子', ...Array.from({ length: 40 }, () => word(1 + (next() < 0.6 ? 1 : 0)))];
    const old = new Map(ITEM_KINDS.flatMap((kind) => keywords.map((k) => [`${kind} ${k}`, before(db, kind, k)] as const)));
    expect([...old.values()].filter((ids) => ids.length).length).toBeGreaterThan(100);

    migrate(db, KIND_CHAR_SEARCH);
    for (const kind of ITEM_KINDS) for (const k of keywords) expect(after(db, kind, k), `${kind} ${k}`).toEqual(old.get(`${kind} ${k}`));

    // written after the migration: through the triggers, a kind change included
    insert.run('new', 'project', '', '鑫淼', '', now, now);
    expect(after(db, 'project', '鑫淼')).toHaveLength(1);
    db.exec("UPDATE items SET kind = 'policy' WHERE uid = 'new'");
    expect(after(db, 'project', '鑫淼')).toEqual([]);
    expect(after(db, 'policy', '淼')).toHaveLength(1);
    db.exec("DELETE FROM items WHERE uid = 'new'");
    expect(after(db, 'policy', '淼')).toEqual([]);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'items_chars_%'").pluck().get()).toBe(3);
  });

  it('what the old index found across punctuation or a space (消，费 for 消费) is no longer found, as instr finds none', () => {
    const db = new Database(':memory:');
    migrate(db, KIND_CHAR_SEARCH - 1);
    db.prepare("INSERT INTO items(uid, kind, title, created_at, updated_at) VALUES ('a', 'task', '促进消，费', ?, ?), ('b', 'task', '消 费券', ?, ?), ('c', 'task', '消费', ?, ?)").run(now, now, now, now, now, now);
    expect(before(db, 'task', '消费')).toEqual([1, 2, 3]);
    migrate(db, KIND_CHAR_SEARCH);
    expect(after(db, 'task', '消费')).toEqual([3]);
    expect(after(db, 'task', '费')).toEqual([1, 2, 3]);
  });
});
