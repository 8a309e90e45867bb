import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { keptListCounts as kept, recountListCounts as recount } from '../../integration/list-counts-recount';

const now = '2025-07-01T00:00:00Z';

// items:list's totals (list-count.ts): kept by triggers through every kind of write, equal to a recount
describe('migration 11 (list counts)', () => {
  it('fills the counts from the rows there and keeps them through inserts, updates, moves and cascades', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, 9);
    for (const n of ['市发改委', '市财政局', '市商务局']) db.prepare('INSERT INTO units(name, created_at, updated_at) VALUES (?, ?, ?)').run(n, now, now);
    const item = db.prepare('INSERT INTO items(uid, kind, title, origin, deadline_date, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    item.run('a', 'task', '任务一', 'upper', '2025-06-30', 'in_progress', now, now);
    item.run('b', 'task', '任务二', 'local', '2025-06-30', 'done', now, now);
    item.run('c', 'project', '项目三', 'local', null, 'not_started', now, now);
    const add = db.prepare('INSERT INTO item_units(item_id, unit_id, role) VALUES (?, ?, ?)');
    add.run(1, 1, 'lead');
    add.run(1, 1, 'resp'); // two roles of one unit: once in the any-role count
    add.run(2, 2, 'coop');
    add.run(3, 1, 'lead');
    migrate(db, 11);
    expect(kept(db)).toEqual(recount(db));
    expect(kept(db)['task unit:1']).toBe(1);
    expect(kept(db)['task due:2025-06-30']).toBe(1);

    const steps = [
      () => item.run('d', 'task', '任务四', 'local', '2025-05-01', 'not_started', now, now),
      () => add.run(4, 3, 'lead'),
      () => add.run(4, 1, 'coop'),
      () => db.exec("DELETE FROM item_units WHERE item_id = 1 AND unit_id = 1 AND role = 'lead'"), // still 责任
      () => db.exec("UPDATE item_units SET role = 'lead' WHERE item_id = 2 AND unit_id = 2"), // role only
      () => db.exec("UPDATE item_units SET unit_id = 3 WHERE item_id = 4 AND unit_id = 1"), // onto a unit it already has
      () => db.exec("UPDATE item_units SET unit_id = 2 WHERE item_id = 1 AND role = 'resp'"), // its last row of unit 1
      () => db.exec('UPDATE item_units SET item_id = 3 WHERE item_id = 2'), // onto another item (of another kind)
      () => db.exec("UPDATE items SET status = 'done' WHERE id = 1"),
      () => db.exec("UPDATE items SET status = 'in_progress', deadline_date = '2025-07-09' WHERE id = 2"),
      () => db.exec("UPDATE items SET origin = 'upper', deadline_date = NULL WHERE id = 4"),
      () => db.exec("UPDATE items SET kind = 'policy' WHERE id = 3"),
      () => db.exec('DELETE FROM items WHERE id = 4'), // cascades to its unit rows
      () => db.exec('DELETE FROM units WHERE id = 2'), // cascades to item_units
      () => db.exec('DELETE FROM items'),
    ];
    for (const [n, step] of steps.entries()) {
      step();
      expect(kept(db), `step ${n}`).toEqual(recount(db));
    }
    expect(kept(db)).toEqual({});
  });
});
