import type { Database } from 'better-sqlite3';
import { suspendTrigger } from './search-index';

/** A report written: its period and item. */
export interface WrittenReport {
  periodId: number;
  itemId: number;
}

/**
 * What the report triggers keep, for reports a bulk writer inserts or updates from now until
 * `finish(...)`, brought up to date then in two set-based statements instead of trigger runs per row:
 * - the lights' dirty marks (lights_reports_ai / _au, migration 0003): the same marks, one per
 *   inserted report and two per updated one (its item, old and new: the same item);
 * - the 汇总表's kept rows (period_items, migration 0012: period_items_reports_ai / _au): each
 *   (period, item) an inserted report, or an update that set the status, names is deleted and
 *   built again from reports, issued rows and items, as the trigger's refresh does once per row
 *   (a 9,000-row return spent ~5× its inserts' own time there). The counts kept on period_items
 *   follow through its own triggers, which stay.
 * The caller must report every row it inserted or updated meanwhile, must not change a report's
 * item or period, and must not delete reports (their delete triggers stay), nor write issued rows
 * or templates before `finish`. Use inside the write's transaction (the triggers come back at
 * `finish`; a failure rolls everything back, the dropped triggers too).
 */
export function deferReportUpkeep(db: Database): { finish(inserted: readonly WrittenReport[], updated: readonly (WrittenReport & { status: boolean })[]): void } {
  const resume = [suspendTrigger(db, 'lights_reports_ai'), suspendTrigger(db, 'lights_reports_au'), suspendTrigger(db, 'period_items_reports_ai'), suspendTrigger(db, 'period_items_reports_au')];
  return {
    finish(inserted, updated) {
      const marks = [...inserted.map((r) => r.itemId), ...updated.flatMap((r) => [r.itemId, r.itemId])];
      if (marks.length) db.prepare('INSERT INTO lights_dirty(item_id) SELECT value FROM json_each(?)').run(JSON.stringify(marks));
      const pairs = JSON.stringify([...inserted, ...updated.filter((r) => r.status)].map((r) => [r.periodId, r.itemId]));
      db.prepare('DELETE FROM period_items WHERE (period_id, item_id) IN (SELECT value ->> 0, value ->> 1 FROM json_each(?))').run(pairs);
      db.prepare(
        `INSERT INTO period_items(period_id, item_id, kind, seq, item_status, one_status, reports)
         SELECT period_id, item_id, kind, seq, status, one, n FROM (
           SELECT k.period_id, it.id AS item_id, it.kind, it.seq, it.status,
             (SELECT CASE WHEN count(*) = 1 THEN max(r.status) END FROM reports r WHERE r.item_id = k.item_id AND r.period_id = k.period_id) AS one,
             (SELECT count(*) FROM reports r WHERE r.item_id = k.item_id AND r.period_id = k.period_id) AS n
           FROM (SELECT DISTINCT value ->> 0 AS period_id, value ->> 1 AS item_id FROM json_each(?)) k JOIN items it ON it.id = k.item_id) x
         WHERE n > 0 OR EXISTS (SELECT 1 FROM issued_templates t JOIN issued_rows ir ON ir.template_id = t.id AND ir.item_id = x.item_id WHERE t.period_id = x.period_id)`,
      ).run(pairs);
      for (const r of resume) r();
    },
  };
}

/**
 * The 汇总表's kept rows (period_items, migration 0012: period_items_items_au) of the items a bulk
 * writer updates from now until `finish(ids)`: each row of those items takes the item's kind, order
 * and status then, in one UPDATE, instead of one trigger run per updated item (a 9,000-item return
 * changes most statuses). The counts kept on period_items follow through its own triggers. The
 * caller must name every item it updated meanwhile and must not delete items (their cascades keep
 * their triggers). Use inside the write's transaction.
 */
export function deferPeriodItemsOfItems(db: Database): { finish(ids: readonly number[]): void } {
  const resume = suspendTrigger(db, 'period_items_items_au');
  return {
    finish(ids) {
      db.prepare(
        `UPDATE period_items SET kind = it.kind, seq = it.seq, item_status = it.status FROM items it
         WHERE it.id = period_items.item_id AND period_items.item_id IN (SELECT value FROM json_each(?))
           AND (period_items.kind IS NOT it.kind OR period_items.seq IS NOT it.seq OR period_items.item_status IS NOT it.status)`,
      ).run(JSON.stringify(ids));
      resume();
    },
  };
}
