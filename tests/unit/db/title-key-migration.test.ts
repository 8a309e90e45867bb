import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations';

describe('migration title-pinyin', () => {
  it('fills the pinyin key of the items already there and serves the 标题 sort, deep pages included, from its index', () => {
    const db = new Database(':memory:');
    const before = MIGRATIONS.findIndex((m) => m.name === 'title-pinyin');
    migrate(db, before);
    const now = '2025-07-15T01:00:00.000Z';
    const insert = db.prepare("INSERT INTO items(uid, kind, title, created_at, updated_at) VALUES (?, 'task', ?, ?, ?)");
    ['发展经济', '保障民生', '安全生产', '促进消费', '2025年目标'].forEach((t, n) => insert.run(`u${n}`, t, now, now));
    migrate(db);
    expect(db.prepare("SELECT title FROM items WHERE kind = 'task' ORDER BY title_key").pluck().all()).toEqual(['2025年目标', '安全生产', '保障民生', '促进消费', '发展经济']);
    expect(db.prepare('SELECT title_key FROM items WHERE title = ?').pluck().get('保障民生')).toBe('baozhangminsheng 保障民生');
    const plan = (db.prepare("EXPLAIN QUERY PLAN SELECT i.id FROM items i WHERE i.kind = 'task' ORDER BY i.title_key DESC, i.id DESC LIMIT 50 OFFSET 50000").all() as { detail: string }[])
      .map((p) => p.detail)
      .join(' ');
    expect(plan).toMatch(/COVERING INDEX items_kind_title_key/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });
});
