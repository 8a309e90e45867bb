import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';

const now = '2025-07-01T00:00:00Z';

/** period_items as kept, and as recomputed from reports, issued rows and items. */
function keptAndFresh(db: Database.Database) {
  const kept = db.prepare('SELECT period_id, item_id, kind, seq, status, reports FROM period_items ORDER BY 1, 2').all();
  const fresh = db
    .prepare(
      `SELECT k.period_id, k.item_id, i.kind, i.seq,
         coalesce((SELECT CASE WHEN count(*) = 1 THEN max(status) END FROM reports r WHERE r.period_id = k.period_id AND r.item_id = k.item_id), i.status) AS status,
         (SELECT count(*) FROM reports r WHERE r.period_id = k.period_id AND r.item_id = k.item_id) AS reports
       FROM (SELECT period_id, item_id FROM reports UNION SELECT t.period_id, ir.item_id FROM issued_rows ir JOIN issued_templates t ON t.id = ir.template_id) k
       JOIN items i ON i.id = k.item_id ORDER BY 1, 2`,
    )
    .all();
  const counts = db.prepare('SELECT period_id, kind, status, reported, n FROM period_item_counts WHERE n <> 0 ORDER BY 1, 2, 3, 4').all();
  const freshCounts = db
    .prepare('SELECT period_id, kind, status, reports > 0 AS reported, count(*) AS n FROM period_items GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4')
    .all();
  const items = db.prepare('SELECT kind, status, n FROM item_status_counts WHERE n <> 0 ORDER BY 1, 2').all();
  const freshItems = db.prepare('SELECT kind, status, count(*) AS n FROM items GROUP BY 1, 2 ORDER BY 1, 2').all();
  return { kept: { rows: kept, counts, items }, fresh: { rows: fresh, counts: freshCounts, items: freshItems } };
}

function expectKept(db: Database.Database) {
  const { kept, fresh } = keptAndFresh(db);
  expect(kept).toEqual(fresh);
}

// The 汇总表's rows kept per period: filled from what is there, then kept by triggers on every write
describe('migration 12 (period items)', () => {
  it('fills the rows and counts from reports and issued rows and keeps them through reports, templates, items and cascades', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, 9);
    for (const n of ['市发改委', '市财政局']) db.prepare('INSERT INTO units(name, created_at, updated_at) VALUES (?, ?, ?)').run(n, now, now);
    for (const t of ['一', '二', '三', '四']) db.prepare("INSERT INTO items(uid, kind, title, seq, created_at, updated_at) VALUES (?, 'task', ?, ?, ?, ?)").run(`u${t}`, `任务${t}`, 5, now, now);
    const period = db.prepare("INSERT INTO periods(name, kind, start_date, end_date, due_date, created_at) VALUES (?, '双周', ?, ?, ?, ?)");
    period.run('第1期', '2025-06-01', '2025-06-14', '2025-06-15', now);
    period.run('第2期', '2025-06-15', '2025-06-28', '2025-06-29', now);
    const template = db.prepare("INSERT INTO issued_templates(period_id, unit_id, token, file_name, issued_at) VALUES (?, ?, ?, 'a.xlsx', ?)");
    template.run(1, 1, 't1', now);
    template.run(2, 2, 't2', now);
    const issue = db.prepare("INSERT INTO issued_rows(template_id, item_id, snapshot) VALUES (?, ?, '{}')");
    issue.run(1, 1);
    issue.run(1, 2);
    const report = db.prepare('INSERT INTO reports(item_id, period_id, unit_id, status, reported_at) VALUES (?, ?, ?, ?, ?)');
    report.run(1, 1, 1, 'done', now);
    report.run(3, 1, 1, null, now); // reported without a status: the item's
    report.run(2, 2, 1, 'suspended', now);
    report.run(2, 2, 2, 'done', now); // two units: the item's status
    migrate(db, 12);
    expect(db.prepare('SELECT count(*) FROM period_items').pluck().get()).toBe(4);
    expect(db.prepare('SELECT status FROM period_items WHERE period_id = 1 AND item_id = 1').pluck().get()).toBe('done');
    expect(db.prepare('SELECT status FROM period_items WHERE period_id = 2 AND item_id = 2').pluck().get()).toBe('not_started');
    expectKept(db);

    report.run(4, 2, 2, 'in_progress', now);
    db.exec("UPDATE reports SET status = 'in_progress' WHERE item_id = 1 AND period_id = 1");
    expectKept(db);
    db.exec('DELETE FROM reports WHERE item_id = 2 AND period_id = 2 AND unit_id = 2'); // one unit left: its status
    expect(db.prepare('SELECT status FROM period_items WHERE period_id = 2 AND item_id = 2').pluck().get()).toBe('suspended');
    expectKept(db);
    db.exec("UPDATE items SET status = 'in_progress', seq = 1 WHERE id = 3");
    db.exec("UPDATE items SET kind = 'project' WHERE id = 1");
    db.exec('UPDATE reports SET period_id = 2 WHERE item_id = 3');
    expectKept(db);
    db.exec('DELETE FROM issued_rows WHERE template_id = 1 AND item_id = 2'); // not issued nor reported: gone
    issue.run(2, 1);
    expectKept(db);
    db.exec('UPDATE issued_templates SET period_id = 1 WHERE id = 2');
    expectKept(db);
    db.exec('DELETE FROM items WHERE id = 4');
    expectKept(db);
    expect(db.prepare('SELECT count(*) FROM period_items').pluck().get()).toBe(3);
    db.exec('DELETE FROM periods WHERE id = 1');
    expectKept(db);
    db.exec('DELETE FROM units WHERE id = 1');
    expectKept(db);
  });
});
