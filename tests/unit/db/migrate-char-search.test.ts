import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations';

const CHAR_SEARCH = MIGRATIONS.find((m) => m.name === 'char-search')!.version;

describe('migration char-search', () => {
  it('indexes the items already there, and items written afterwards through the triggers', () => {
    const db = new Database(':memory:');
    migrate(db, CHAR_SEARCH - 1);
    const now = new Date().toISOString();
    db.prepare("insert into items(uid, kind, title, content, created_at, updated_at) values ('u1','task','促进消费','扩大内需',?,?)").run(now, now);
    migrate(db, CHAR_SEARCH);
    const find = (q: string) => db.prepare('select rowid from items_chars where items_chars match ?').pluck().all(q);
    expect(find('"消 费"')).toEqual([1]);
    db.prepare("insert into items(uid, kind, title, content, created_at, updated_at) values ('u2','task','稳岗','就业优先',?,?)").run(now, now);
    expect(find('"就 业"')).toEqual([2]);
    expect(find('"费 扩"')).toEqual([]);
  });
});
