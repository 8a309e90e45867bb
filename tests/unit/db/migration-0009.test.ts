import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';

const now = '2025-07-01T00:00:00Z';
const counts = (db: Database.Database) => Object.fromEntries((db.prepare('SELECT unit_id, n FROM unit_item_counts WHERE n > 0 ORDER BY unit_id').all() as { unit_id: number; n: number }[]).map((r) => [r.unit_id, r.n]));

// 催报's 事项数: each unit's distinct items it leads or is responsible for, kept by triggers on item_units
describe('migration 9 (kept counts)', () => {
  it('fills the per-unit item counts from the rows there and keeps them through inserts, deletes, moves and cascades', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, 8);
    for (const n of ['市发改委', '市财政局']) db.prepare('INSERT INTO units(name, created_at, updated_at) VALUES (?, ?, ?)').run(n, now, now);
    for (const t of ['一', '二', '三']) db.prepare("INSERT INTO items(uid, kind, title, created_at, updated_at) VALUES (?, 'task', ?, ?, ?)").run(`u${t}`, `任务${t}`, now, now);
    const add = db.prepare('INSERT INTO item_units(item_id, unit_id, role) VALUES (?, ?, ?)');
    add.run(1, 1, 'lead');
    add.run(1, 1, 'resp'); // the same item twice for one unit counts once
    add.run(2, 1, 'coop'); // 配合 does not count
    migrate(db, 9);
    expect(counts(db)).toEqual({ 1: 1 });
    add.run(2, 2, 'lead');
    add.run(3, 1, 'resp');
    expect(counts(db)).toEqual({ 1: 2, 2: 1 });
    db.exec("DELETE FROM item_units WHERE item_id = 1 AND unit_id = 1 AND role = 'lead'");
    expect(counts(db)).toEqual({ 1: 2, 2: 1 }); // still 责任 for item 1
    db.exec("DELETE FROM item_units WHERE item_id = 1 AND unit_id = 1 AND role = 'resp'");
    expect(counts(db)).toEqual({ 1: 1, 2: 1 });
    db.exec("UPDATE item_units SET role = 'lead' WHERE item_id = 2 AND unit_id = 1");
    expect(counts(db)).toEqual({ 1: 2, 2: 1 });
    db.exec('UPDATE item_units SET unit_id = 2 WHERE item_id = 3');
    expect(counts(db)).toEqual({ 1: 1, 2: 2 });
    db.exec('DELETE FROM items WHERE id = 2'); // cascades to its unit rows
    expect(counts(db)).toEqual({ 2: 1 });
    db.exec('DELETE FROM units WHERE id = 2');
    expect(counts(db)).toEqual({});
  });
});
