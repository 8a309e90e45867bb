import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cycleCore, fill, fillEvery, templateTitles, type TestCore } from './exchange-fixture';

/** The 汇总表's rows as kept (period_items) and as recomputed from reports, issued rows and items. */
function keptAndFresh(db: Database) {
  const kept = db.prepare('SELECT period_id, item_id, kind, seq, item_status, one_status, reports FROM period_items ORDER BY 1, 2').all();
  const fresh = db
    .prepare(
      `SELECT k.period_id, k.item_id, i.kind, i.seq, i.status AS item_status,
         (SELECT CASE WHEN count(*) = 1 THEN max(status) END FROM reports r WHERE r.period_id = k.period_id AND r.item_id = k.item_id) AS one_status,
         (SELECT count(*) FROM reports r WHERE r.period_id = k.period_id AND r.item_id = k.item_id) AS reports
       FROM (SELECT period_id, item_id FROM reports UNION SELECT t.period_id, ir.item_id FROM issued_rows ir JOIN issued_templates t ON t.id = ir.template_id) k
       JOIN items i ON i.id = k.item_id ORDER BY 1, 2`,
    )
    .all();
  return { kept, fresh };
}

/** Every table counting period_items (whatever it is called) against a count of the rows. */
function countsAgree(db: Database): void {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'period\\_%count%' ESCAPE '\\'").pluck().all() as string[];
  expect(tables.length).toBeGreaterThan(0);
  for (const t of tables) {
    const total = db.prepare(`SELECT coalesce(sum(n), 0) FROM ${t}`).pluck().get();
    const reported = db.prepare(`SELECT coalesce(sum(n), 0) FROM ${t} WHERE reported = 1`).pluck().get();
    expect([total, reported], t).toEqual([db.prepare('SELECT count(*) FROM period_items').pluck().get(), db.prepare('SELECT count(*) FROM period_items WHERE reports > 0').pluck().get()]);
  }
}

function expectKept(db: Database) {
  const { kept, fresh } = keptAndFresh(db);
  expect(kept).toEqual(fresh);
  countsAgree(db);
  const triggers = db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name IN ('period_items_reports_ai', 'period_items_reports_au', 'period_items_items_au', 'lights_reports_ai', 'lights_reports_au')").pluck().all();
  expect(triggers).toHaveLength(5);
}

// Returns keep the 汇总表's rows once per batch (deferred, set-based) instead of by the triggers per row:
// the rows must equal what reports, issued rows and items give, after a return, a corrected return and undo.
describe('returns keep the 汇总表 rows (period_items) exactly', () => {
  let core: TestCore;
  let template: (unit: string) => Uint8Array<ArrayBuffer>;

  beforeAll(async () => {
    ({ core, template } = await cycleCore(['省商务厅', '省科技厅']));
  }, 120_000);
  afterAll(() => core?.close());

  it('after a whole return, a second unit, a corrected return (statuses changed) and undo of each', async () => {
    const db = core.ctx.db;
    const titles = await templateTitles(template('省商务厅'));
    const first = await core.call('returns:apply', { files: [{ name: '省商务厅.xlsx', bytes: await fillEvery(template('省商务厅'), (e) => e.set(titles[0], '状态', '已完成')) }] });
    expect(first.counts.newReports).toBe(titles.length);
    expectKept(db);
    const science = await templateTitles(template('省科技厅'));
    const second = await core.call('returns:apply', { files: [{ name: '省科技厅.xlsx', bytes: await fillEvery(template('省科技厅'), (e) => e.set(science[0], '状态', '暂缓')) }] });
    expectKept(db);
    const corrected = await fillEvery(template('省商务厅'), (e) => {
      e.set(titles[0], '状态', '推进中');
      e.set(titles[1], '状态', '已完成');
    });
    const third = await core.call('returns:apply', { files: [{ name: '省商务厅（更正）.xlsx', bytes: corrected }] });
    expect(third.counts.changedReports).toBeGreaterThan(0);
    expect(db.prepare("SELECT count(*) FROM period_items WHERE one_status = 'done'").pluck().get()).toBeGreaterThan(0);
    expectKept(db);
    for (const batch of [third, second, first]) {
      await core.call('imports:undo', { batchId: batch.batchId! });
      expectKept(db);
    }
    expect(db.prepare('SELECT count(*) FROM period_items WHERE reports > 0').pluck().get()).toBe(0);
  });

  it('a return of one changed cell keeps them too', async () => {
    const db = core.ctx.db;
    const titles = await templateTitles(template('省商务厅'));
    const res = await core.call('returns:apply', { files: [{ name: '一格.xlsx', bytes: await fill(template('省商务厅'), (e) => e.set(titles[2], '状态', '暂缓')) }] });
    expect(res.counts.newReports).toBe(1);
    expect(db.prepare("SELECT count(*) FROM period_items WHERE reports = 1 AND one_status = 'suspended'").pluck().get()).toBe(1);
    expectKept(db);
  });
});
