import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/core/db/migrate';

describe('migration 5 (延期, 办结, 催办)', () => {
  it('keeps existing items, adds the follow-up tables, and extension writes mark the item light dirty', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, 4);
    const now = '2025-07-01T00:00:00Z';
    db.prepare("insert into items(uid, kind, title, deadline_date, created_at, updated_at) values ('u1','task','任务一','2025-06-30',?,?)").run(now, now);
    migrate(db, 5);
    expect(schemaVersion(db)).toBe(5);
    expect(db.prepare('select title from items').pluck().all()).toEqual(['任务一']);
    db.exec('delete from lights_dirty');
    db.prepare("insert into item_extensions(item_id, requested_date, requested_on, created_at) values (1, '2025-08-31', '2025-06-20', ?)").run(now);
    expect(db.prepare('select item_id from lights_dirty').pluck().all()).toEqual([1]);
    db.exec('delete from lights_dirty');
    db.exec("update item_extensions set state = 'approved' where id = 1");
    expect(db.prepare('select distinct item_id from lights_dirty').pluck().all()).toEqual([1]);
    expect(() => db.exec("update item_extensions set state = 'maybe'")).toThrow(/CHECK/);
    expect(() => db.prepare("insert into urges(unit_name, content, issued_on, created_at) values ('市商务局', '  ', '2025-06-20', ?)").run(now)).toThrow(/CHECK/);
    db.exec('delete from items');
    expect(db.prepare('select count(*) from item_extensions').pluck().get()).toBe(0);
  });
});
