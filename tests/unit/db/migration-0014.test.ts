import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { deferReportIndexing } from '../../../electron/core/db/search-index';
import { allTokens, summaryTokens } from '../../../electron/core/db/summary-chars';

const now = '2025-07-01T00:00:00Z';
const KEYWORDS = ['进', '进展', '资金', 'abc', 'ab', '7', '月底', '缺口', '细则', '量子', 'é', '征地'];

/** Per keyword: the reports (by period) and items the indexes find, and those whose lower-cased texts hold it. */
function indexedAndFresh(db: Database.Database) {
  const reports = db.prepare('SELECT id, period_id, progress_text, problems, next_steps FROM reports').all() as Record<string, string & number>[];
  const items = db.prepare('SELECT id, progress_note FROM items').all() as { id: number; progress_note: string }[];
  const periods = db.prepare('SELECT id FROM periods').pluck().all() as number[];
  const find = (table: string, tokens: { tokens: string[] } | null) =>
    tokens ? (db.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid`).pluck().all(allTokens(tokens.tokens)) as number[]) : [];
  const has = (texts: string[], k: string) => texts.some((t) => t.toLowerCase().includes(k));
  return KEYWORDS.filter((k) => summaryTokens('', k)?.exact).map((k) => ({
    k,
    indexed: { reports: periods.map((p) => find('report_chars', summaryTokens(`p${p}q`, k))), notes: find('note_chars', summaryTokens('', k)) },
    fresh: {
      reports: periods.map((p) => reports.filter((r) => r.period_id === p && has([r.progress_text, r.problems, r.next_steps], k)).map((r) => r.id)),
      notes: items.filter((i) => has([i.progress_note], k)).map((i) => i.id),
    },
  }));
}

function expectIndexed(db: Database.Database) {
  const all = indexedAndFresh(db);
  for (const { k, indexed, fresh } of all) expect(indexed, k).toEqual(fresh);
  // the keywords find something, so the comparison means something
  expect(all.filter((x) => x.fresh.reports.flat().length > 0).length).toBeGreaterThan(2);
}

// The 汇总表's keyword indexes: filled from an existing database, then kept by triggers on every write
describe('migration 14 (summary keyword indexes)', () => {
  it('indexes the reports and items already there, then keeps both through inserts, updates, deletes and cascades', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, 12);
    for (const n of ['市发改委', '市财政局']) db.prepare('INSERT INTO units(name, created_at, updated_at) VALUES (?, ?, ?)').run(n, now, now);
    const item = db.prepare("INSERT INTO items(uid, kind, title, seq, progress_note, created_at, updated_at) VALUES (?, 'task', ?, ?, ?, ?, ?)");
    ['已完成征地', '', 'ABC进展顺利', '资金到位'].forEach((note, n) => item.run(`u${n}`, `任务${n}`, n, note, now, now));
    const period = db.prepare("INSERT INTO periods(name, kind, start_date, end_date, due_date, created_at) VALUES (?, '双周', ?, ?, ?, ?)");
    period.run('第1期', '2025-06-01', '2025-06-14', '2025-06-15', now);
    period.run('第2期', '2025-06-15', '2025-06-28', '2025-06-29', now);
    const report = db.prepare('INSERT INTO reports(item_id, period_id, unit_id, progress_text, problems, next_steps, reported_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    report.run(1, 1, 1, '进展：出台实施细则', '资金缺口', '7月底前完成', now);
    report.run(2, 1, 2, 'AbC 已完成', '', '', now);
    report.run(2, 2, 1, '量子进展', '无', '', now);
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(14);
    expectIndexed(db);

    report.run(3, 2, 2, '资金已到位，é完成', '', '月底', now);
    db.prepare("UPDATE reports SET progress_text = '改：ab进' WHERE id = 1").run();
    db.prepare('UPDATE reports SET period_id = 2 WHERE id = 2').run();
    db.prepare("UPDATE items SET progress_note = '量子7' WHERE id = 2").run();
    db.prepare("UPDATE items SET progress_note = '' WHERE id = 1").run();
    expectIndexed(db);
    db.prepare('DELETE FROM items WHERE id = 3').run(); // its note, and its reports by cascade
    db.prepare('DELETE FROM periods WHERE id = 1').run();
    expectIndexed(db);
    // returns write their reports with the trigger suspended and index them at once
    db.transaction(() => {
      const indexing = deferReportIndexing(db);
      report.run(4, 2, 1, '进展缓慢', '缺口', '', now);
      report.run(1, 2, 2, 'abc', '', '', now);
      indexing.finish();
    })();
    expectIndexed(db);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'report_chars_ai'").pluck().get()).toBe(1);
  });
});
