import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open-database';
import { deferPeriodItemsOfItems, deferReportUpkeep } from '../../../electron/core/db/report-upkeep';

const at = '2025-07-01T00:00:00Z';

/** Two units, five items, two periods; unit 1's template of period 2 issued items 1–3; item 1 reported already. */
function seeded(): Database {
  const db = openDatabase(':memory:');
  for (const n of ['市发改委', '市财政局']) db.prepare('INSERT INTO units(name, created_at, updated_at) VALUES (?, ?, ?)').run(n, at, at);
  for (const [n, t] of ['一', '二', '三', '四', '五'].entries()) {
    db.prepare("INSERT INTO items(uid, kind, title, seq, status, created_at, updated_at) VALUES (?, 'task', ?, ?, ?, ?, ?)").run(`u${t}`, `任务${t}`, n + 1, n % 2 ? 'in_progress' : 'not_started', at, at);
  }
  const period = db.prepare("INSERT INTO periods(name, kind, start_date, end_date, due_date, created_at) VALUES (?, '双周', ?, ?, ?, ?)");
  period.run('第1期', '2025-06-01', '2025-06-14', '2025-06-15', at);
  period.run('第2期', '2025-06-15', '2025-06-28', '2025-06-29', at);
  db.prepare("INSERT INTO issued_templates(period_id, unit_id, token, file_name, issued_at) VALUES (2, 1, 't1', 'a.xlsx', ?)").run(at);
  for (const i of [1, 2, 3]) db.prepare("INSERT INTO issued_rows(template_id, item_id, snapshot) VALUES (1, ?, '{}')").run(i);
  db.prepare("INSERT INTO reports(item_id, period_id, unit_id, status, reported_at) VALUES (1, 2, 1, 'in_progress', ?)").run(at);
  db.prepare("INSERT INTO reports(item_id, period_id, unit_id, status, progress_text, reported_at) VALUES (2, 2, 1, 'done', '旧', ?)").run(at);
  db.exec('DELETE FROM lights_dirty');
  return db;
}

const INSERTED = [
  { itemId: 3, periodId: 2, unitId: 1, status: 'done' },
  { itemId: 1, periodId: 2, unitId: 2, status: 'suspended' }, // a second unit on an item reported already: the item's status then
  { itemId: 4, periodId: 2, unitId: 1, status: null }, // never issued, no status: a new row with the item's
  { itemId: 5, periodId: 1, unitId: 2, status: 'in_progress' }, // another period
  { itemId: 5, periodId: 1, unitId: 1, status: 'done' }, // the same (period, item) twice
];
/** Report 2's status changes (its item is in no insert); report 1's text only (no status written: the 汇总表 trigger does not fire). */
const UPDATED = [
  { id: 2, periodId: 2, itemId: 2, set: 'status', value: 'suspended' },
  { id: 1, periodId: 2, itemId: 1, set: 'progress_text', value: '新' },
];

function write(db: Database): void {
  const ins = db.prepare('INSERT INTO reports(item_id, period_id, unit_id, status, reported_at) VALUES (@itemId, @periodId, @unitId, @status, ?)');
  for (const r of INSERTED) ins.run(r, at);
  for (const u of UPDATED) db.prepare(`UPDATE reports SET ${u.set} = ? WHERE id = ?`).run(u.value, u.id);
}

/** Everything the report triggers keep: the 汇总表's rows and every table counting them, and the lights' marks (as a multiset). */
function kept(db: Database) {
  const counts = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'period\\_%count%' ESCAPE '\\' ORDER BY name").pluck().all() as string[];
  return {
    rows: db.prepare('SELECT * FROM period_items ORDER BY period_id, item_id').all(),
    counts: Object.fromEntries(counts.map((t) => [t, db.prepare(`SELECT * FROM ${t} WHERE n <> 0 ORDER BY 1, 2, 3, 4, 5`).all()])),
    marks: db.prepare('SELECT item_id FROM lights_dirty ORDER BY item_id').pluck().all(),
    triggers: db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all(),
  };
}

// Deferred upkeep of the report triggers (returns write 9,000 reports at once) against the triggers themselves.
describe('deferReportUpkeep', () => {
  it('leaves the 汇总表 rows, their counts and the lights marks exactly as the triggers do, triggers back in place', () => {
    const plain = seeded();
    write(plain);
    const deferred = seeded();
    deferred.transaction(() => {
      const upkeep = deferReportUpkeep(deferred);
      write(deferred);
      upkeep.finish(INSERTED, UPDATED.map((u) => ({ periodId: u.periodId, itemId: u.itemId, status: u.set === 'status' })));
    })();
    const want = kept(plain);
    expect(want.rows.length).toBe(5);
    expect(want.marks).toEqual([1, 1, 1, 2, 2, 3, 4, 5, 5]);
    expect(kept(deferred)).toEqual(want);
    // and after: the triggers keep them again, row by row
    for (const db of [plain, deferred]) db.prepare('DELETE FROM reports WHERE item_id = 1 AND unit_id = 2').run();
    expect(kept(deferred)).toEqual(kept(plain));
  });

  it('a write that fails before finish rolls back with every trigger in place', () => {
    const db = seeded();
    const before = kept(db);
    expect(() =>
      db.transaction(() => {
        deferReportUpkeep(db);
        write(db);
        throw new Error('中途出错');
      })(),
    ).toThrow('中途出错');
    expect(kept(db)).toEqual(before);
  });

  it("after items' status, order and kind change, leaves the 汇总表 rows and counts as the item trigger does", () => {
    const update = (db: Database) => {
      db.prepare("UPDATE items SET status = 'done', progress = 100 WHERE id IN (1, 2)").run(); // 1: reported (the report's status stays), 2: one report
      db.prepare('UPDATE items SET seq = 9 WHERE id = 3').run();
      db.prepare("UPDATE items SET progress_note = '只改进展' WHERE id = 4").run(); // in no period's rows
      db.prepare("UPDATE items SET kind = 'indicator', status = 'suspended' WHERE id = 5").run();
    };
    const plain = seeded();
    write(plain);
    update(plain);
    const deferred = seeded();
    write(deferred);
    deferred.transaction(() => {
      const upkeep = deferPeriodItemsOfItems(deferred);
      update(deferred);
      upkeep.finish([1, 2, 3, 4, 5]);
    })();
    const want = kept(plain);
    expect(want.rows).toContainEqual(expect.objectContaining({ item_id: 5, kind: 'indicator', item_status: 'suspended' }));
    expect(kept(deferred)).toEqual(want);
  });
});
