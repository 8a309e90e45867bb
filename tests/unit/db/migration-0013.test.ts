import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { periodAsOf, periodLightsReady, refreshPeriodLights } from '../../../electron/core/lights/period-lights';
import { judgeItems } from '../../../electron/core/lights/lights';

const now = '2025-07-01T00:00:00Z';

/** Each period's kept lights, and the same judged afresh: the snapshot's row, else the rule as of the period's end or today. */
function keptAndJudged(db: Database.Database, today: string) {
  const periods = db.prepare<[], { id: number; end_date: string }>('SELECT id, end_date FROM periods ORDER BY id').all();
  const kept: unknown[] = [];
  const judged: unknown[] = [];
  for (const p of periods) {
    refreshPeriodLights(db, p.id, today);
    kept.push(...db.prepare('SELECT period_id, item_id, light, reason FROM period_items WHERE period_id = ? ORDER BY item_id').all(p.id));
    const ids = db.prepare('SELECT item_id FROM period_items WHERE period_id = ? ORDER BY item_id').pluck().all(p.id) as number[];
    const snap = new Map(
      (db.prepare('SELECT item_id, light, reason FROM light_snapshots WHERE period_id = ?').all(p.id) as { item_id: number; light: string; reason: string }[]).map((s) => [s.item_id, s]),
    );
    const fresh = new Map(judgeItems(db, { ids, asOfPeriodId: p.id }, periodAsOf(p.end_date, today)).map((r) => [r.id, r.verdict]));
    for (const id of ids) {
      const s = snap.get(id);
      judged.push(s ? { period_id: p.id, item_id: id, light: s.light, reason: s.reason } : { period_id: p.id, item_id: id, light: fresh.get(id)!.level, reason: fresh.get(id)!.reason });
    }
  }
  const counts = db.prepare('SELECT period_id, kind, status, light, reported, n FROM period_light_counts WHERE n <> 0 ORDER BY 1, 2, 3, 4, 5').all();
  const freshCounts = db
    .prepare('SELECT period_id, kind, status, light, reports > 0 AS reported, count(*) AS n FROM period_items GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5')
    .all();
  return { kept: { lights: kept, counts }, judged: { lights: judged, counts: freshCounts } };
}

function expectKept(db: Database.Database, today: string) {
  const { kept, judged } = keptAndJudged(db, today);
  expect(kept).toEqual(judged);
}

// The 汇总表's lights kept per period: added to a database that has periods, reports and a snapshot, judged
// when first read, then kept through reports, item edits, snapshots, settings, new periods and the date
describe('migration 13 (period lights)', () => {
  it('leaves every row to judge, then keeps each period its lights through writes and days', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, 12);
    db.prepare('INSERT INTO units(name, created_at, updated_at) VALUES (?, ?, ?)').run('市发改委', now, now);
    const item = db.prepare("INSERT INTO items(uid, kind, title, seq, status, deadline_date, created_at, updated_at) VALUES (?, 'task', ?, ?, ?, ?, ?, ?)");
    item.run('u1', '任务一', 1, 'in_progress', '2025-06-10', now, now);
    item.run('u2', '任务二', 2, 'not_started', '2025-06-20', now, now);
    item.run('u3', '任务三', 3, 'done', '2025-12-31', now, now);
    for (let i = 1; i <= 3; i++) db.prepare("INSERT INTO item_units(item_id, unit_id, role) VALUES (?, 1, 'lead')").run(i);
    const period = db.prepare("INSERT INTO periods(name, kind, start_date, end_date, due_date, created_at) VALUES (?, '双周', ?, ?, ?, ?)");
    period.run('第1期', '2025-06-01', '2025-06-14', '2025-06-15', now);
    period.run('第2期', '2025-06-15', '2025-06-28', '2025-06-29', now);
    const report = db.prepare('INSERT INTO reports(item_id, period_id, unit_id, status, problems, reported_at) VALUES (?, ?, 1, ?, ?, ?)');
    report.run(1, 1, 'in_progress', '资金未到位', now);
    report.run(2, 1, null, '', now);
    report.run(2, 2, 'in_progress', '', now);
    report.run(3, 2, 'done', '', now);
    db.prepare("INSERT INTO light_snapshots(period_id, item_id, light, reason) VALUES (1, 2, 'warn', '快照里的理由')").run();
    migrate(db, 13);
    expect(db.prepare("SELECT count(*) FROM period_items WHERE light = ''").pluck().get()).toBe(4);
    expect(periodLightsReady(db, 1, '2025-06-20')).toBe(false);
    // period 2 runs on 06-20 (judged as of that day), period 1 has ended (as of its end), its snapshot row wins
    expectKept(db, '2025-06-20');
    expect(periodLightsReady(db, 2, '2025-06-20')).toBe(true);
    expect(db.prepare('SELECT light, reason FROM period_items WHERE period_id = 1 AND item_id = 2').get()).toEqual({ light: 'warn', reason: '快照里的理由' });
    // midnight: period 2's lights as of the new day (item 2 past its deadline), period 1's unchanged
    expect(periodLightsReady(db, 2, '2025-06-21')).toBe(false);
    expect(periodLightsReady(db, 1, '2025-06-21')).toBe(true);
    expectKept(db, '2025-06-21');
    expect(db.prepare('SELECT light FROM period_items WHERE period_id = 2 AND item_id = 2').pluck().get()).toBe('bad');

    report.run(1, 2, 'done', '', now);
    db.exec("UPDATE items SET deadline_date = '2025-06-30' WHERE id = 2");
    db.exec("DELETE FROM light_snapshots WHERE period_id = 1 AND item_id = 2");
    expectKept(db, '2025-06-21');
    db.exec("INSERT INTO light_snapshots(period_id, item_id, light, reason) VALUES (2, 1, 'bad', '快照')");
    db.prepare("INSERT INTO settings(key, value) VALUES ('dueSoonDays', '30') ON CONFLICT(key) DO UPDATE SET value = excluded.value").run();
    expect(periodLightsReady(db, 1, '2025-06-21')).toBe(false);
    expectKept(db, '2025-06-21');
    period.run('第3期', '2025-06-29', '2025-07-12', '2025-07-13', now);
    db.prepare("INSERT INTO issued_templates(period_id, unit_id, token, file_name, issued_at) VALUES (3, 1, 't', 'a.xlsx', ?)").run(now);
    db.exec("INSERT INTO issued_rows(template_id, item_id, snapshot) VALUES (1, 2, '{}')");
    expect(periodLightsReady(db, 1, '2025-06-21')).toBe(true);
    expectKept(db, '2025-07-01');
    db.exec('DELETE FROM items WHERE id = 1');
    db.exec('DELETE FROM periods WHERE id = 1');
    expectKept(db, '2025-07-01');
    // every period has read the dirty marks: only the last is kept
    expect(db.prepare('SELECT count(*) FROM period_lights_log').pluck().get()).toBeLessThanOrEqual(1);
  });
});
