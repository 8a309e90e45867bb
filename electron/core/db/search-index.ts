import type { Database } from 'better-sqlite3';
import { indexCharsWhere } from './char-search';
import { indexNotesAfter, indexReportsAfter } from './summary-chars';

/**
 * Bulk writes of items keep the search indexes (trigram items_fts, one-character items_chars) in
 * step in one statement each instead of row by row.
 * FTS5 writes out its pending index data at every statement savepoint, so the triggers (one FTS
 * write per item, each in its own statement) cost about eight times what the same work costs at
 * once: indexing 50,000 items takes ~3.8 s through the insert trigger and ~0.5 s in one
 * INSERT … SELECT.
 *
 * The helpers run inside the write's transaction: they drop a trigger and `finish()` recreates it
 * from its own stored SQL. DDL is transactional in SQLite, so a write that fails before `finish()`
 * rolls the trigger back with its rows; other connections never see it missing.
 */
type IndexTrigger = 'items_fts_ai' | 'items_fts_ad' | 'items_fts_au' | 'items_chars_ai' | 'items_chars_ad' | 'items_chars_au' | 'lights_items_ai' | 'lights_item_units_ai'
  | 'lights_item_targets_ai' | 'unit_counts_ai' | 'list_counts_items_ai' | 'list_counts_units_ai' | 'item_status_counts_ai'
  | 'lights_reports_ai' | 'lights_reports_au' | 'period_items_reports_ai' | 'period_items_reports_au' | 'period_items_items_au'
  | 'note_chars_ai' | 'note_chars_ad' | 'report_chars_ai' | 'report_chars_ad';

/** Drops trigger `name` inside the open transaction; the function returned creates it again from its stored SQL. */
export function suspendTrigger(db: Database, name: IndexTrigger): () => void {
  if (!db.inTransaction) throw new Error(`${name} may only be suspended inside a transaction`);
  const sql = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").pluck().get(name) as string | undefined;
  if (!sql) throw new Error(`trigger ${name} is missing`);
  db.exec(`DROP TRIGGER ${name}`);
  return () => db.exec(sql);
}

/**
 * Suspends the triggers `names` until `resume()`. `after`: the largest item id now; rowids only
 * grow, so the items inserted meanwhile are those above it.
 */
function deferTriggers(db: Database, names: readonly IndexTrigger[]): { after: number; resume(): void } {
  const after = db.prepare('SELECT coalesce(max(id), 0) FROM items').pluck().get() as number;
  const resumes = names.map((n) => suspendTrigger(db, n));
  return { after, resume: () => resumes.forEach((r) => r()) };
}

/**
 * Items inserted from now until `finish()`, and items whose title, content, code or kind is
 * updated meanwhile, are indexed then, all at once, instead of by the insert and update triggers
 * (one FTS write per item each; a re-import that revises 10,000 items spent ~3 s of its 9–12 s CPU
 * in the update triggers).
 * An update is noted by a temporary trigger of this connection: the item's id and the values it had
 * before its first update, which are what the trigram index holds. `finish()` takes those out of
 * both indexes and puts the items' values then in. No item may be deleted meanwhile: the delete
 * triggers would take out values the indexes do not hold.
 */
export function deferItemIndexing(db: Database): { finish(): void } {
  const { after, resume } = deferTriggers(db, ['items_fts_ai', 'items_chars_ai', 'items_fts_au', 'items_chars_au', 'note_chars_ai']);
  db.exec(`
    CREATE TEMP TABLE qd_reindexed (id INTEGER PRIMARY KEY, title TEXT, content TEXT, code TEXT);
    CREATE TEMP TRIGGER qd_reindexed_au AFTER UPDATE OF kind, title, content, code ON main.items BEGIN
      INSERT OR IGNORE INTO qd_reindexed(id, title, content, code) VALUES (old.id, old.title, old.content, old.code);
    END;
  `);
  return {
    finish() {
      // Items inserted meanwhile are not in the indexes yet: they are indexed with the new ones.
      const updated = 'id IN (SELECT id FROM temp.qd_reindexed WHERE id <= @after)';
      db.prepare("INSERT INTO items_fts(items_fts, rowid, title, content, code) SELECT 'delete', id, title, content, code FROM temp.qd_reindexed WHERE id <= @after").run({ after });
      db.prepare(`DELETE FROM items_chars WHERE rowid IN (SELECT id FROM temp.qd_reindexed WHERE id <= @after)`).run({ after });
      for (const where of ['id > @after', updated]) {
        db.prepare(`INSERT INTO items_fts(rowid, title, content, code) SELECT id, title, content, code FROM items WHERE ${where}`).run({ after });
        indexCharsWhere(db, where, { after });
      }
      indexNotesAfter(db, after);
      db.exec('DROP TRIGGER temp.qd_reindexed_au; DROP TABLE temp.qd_reindexed;');
      resume();
    },
  };
}

/**
 * Takes the items `ids` out of the index now, all at once, and lets the caller delete them
 * without the delete trigger until `finish()`. The caller must delete exactly these items and
 * change none of their title, content or code meanwhile.
 */
export function deferItemUnindexing(db: Database, ids: readonly number[]): { finish(): void } {
  db.prepare(
    "INSERT INTO items_fts(items_fts, rowid, title, content, code) SELECT 'delete', id, title, content, code FROM items WHERE id IN (SELECT value FROM json_each(?))",
  ).run(JSON.stringify(ids));
  db.prepare('DELETE FROM items_chars WHERE rowid IN (SELECT value FROM json_each(?))').run(JSON.stringify(ids));
  db.prepare("DELETE FROM note_chars WHERE rowid IN (SELECT id FROM items WHERE id IN (SELECT value FROM json_each(?)) AND progress_note <> '')").run(JSON.stringify(ids));
  const { resume } = deferTriggers(db, ['items_fts_ad', 'items_chars_ad', 'note_chars_ad']);
  return { finish: resume };
}

/**
 * Reports inserted from now until `finish()` are put in the 汇总表's keyword index (report_chars,
 * summary-chars.ts) then, in one statement: through the trigger, 9,000 returned rows cost ~4× their
 * plain inserts. Ids above the largest now (rowids only grow); updates and deletes keep their triggers.
 */
export function deferReportIndexing(db: Database): { finish(): void } {
  const after = db.prepare('SELECT coalesce(max(id), 0) FROM reports').pluck().get() as number;
  const resume = suspendTrigger(db, 'report_chars_ai');
  return {
    finish() {
      indexReportsAfter(db, after);
      resume();
    },
  };
}

/**
 * The reports `ids` leave the keyword index at `finish()`, all at once, instead of one index write
 * per deleted row (undoing 9,000 returned reports). The caller must delete exactly these reports
 * meanwhile, and no other report (no item or period either, whose cascades delete reports).
 */
export function deferReportUnindexing(db: Database, ids: readonly number[]): { finish(): void } {
  const resume = suspendTrigger(db, 'report_chars_ad');
  return {
    finish() {
      db.prepare('DELETE FROM report_chars WHERE rowid IN (SELECT value FROM json_each(?))').run(JSON.stringify(ids));
      resume();
    },
  };
}

/**
 * The lights' dirty marks (lights_dirty) of items inserted from now until `finish()`, and of the
 * unit and target rows the batch `batchId` inserts meanwhile, are set then, in one statement each,
 * instead of one trigger run per item, unit and target row (a 10,000-row import wrote 50,000 marks).
 * Units and targets inserted meanwhile must be new items' rows or recorded in that batch.
 */
export function deferItemMarks(db: Database, batchId: number): { finish(): void } {
  const { after, resume } = deferTriggers(db, ['lights_items_ai', 'lights_item_units_ai', 'lights_item_targets_ai']);
  return {
    finish() {
      db.prepare(
        `INSERT INTO lights_dirty(item_id) SELECT id FROM items WHERE id > @after
         UNION SELECT upper_item_id FROM items WHERE id > @after AND upper_item_id IS NOT NULL
         UNION SELECT t.item_id FROM batch_rows b JOIN item_targets t ON t.id = b.row_key ->> 'id' WHERE b.batch_id = @batchId AND b.tbl = 'item_targets' AND b.before IS NULL
         UNION SELECT b.row_key ->> 'item_id' FROM batch_rows b WHERE b.batch_id = @batchId AND b.tbl = 'item_units' AND b.before IS NULL`,
      ).run({ after, batchId });
      resume();
    },
  };
}

/**
 * 催报's kept 事项数 per unit (unit_item_counts, migration 0009) for the unit rows inserted from now
 * until `finish()`: counted again then, in one statement, for every unit those rows name, instead
 * of one trigger run per inserted row (an EXISTS look-up and an upsert each). The counts are set,
 * not bumped, so deletes meanwhile (their trigger stays) come out right too. Inserted unit rows
 * must be new items' rows (id above the largest now) or recorded in the batch `batchId`.
 */
export function deferUnitCounts(db: Database, batchId: number): { finish(): void } {
  const { after, resume } = deferTriggers(db, ['unit_counts_ai']);
  return {
    finish() {
      db.prepare(
        `INSERT INTO unit_item_counts(unit_id, n)
         SELECT t.unit_id, (SELECT count(DISTINCT x.item_id) FROM item_units x WHERE x.unit_id = t.unit_id AND x.role IN ('lead','resp'))
         FROM (SELECT DISTINCT unit_id FROM item_units WHERE item_id > @after
               UNION SELECT b.row_key ->> 'unit_id' FROM batch_rows b WHERE b.batch_id = @batchId AND b.tbl = 'item_units' AND b.before IS NULL) t
         WHERE true
         ON CONFLICT(unit_id) DO UPDATE SET n = excluded.n`,
      ).run({ after, batchId });
      resume();
    },
  };
}

/**
 * The lists' kept totals (list_counts, migration 0011) and the items per kind and status
 * (item_status_counts, migration 0012) for the items and unit rows inserted from now until
 * `finish()`: brought up to date then in a few set-based statements instead of three trigger runs
 * per item and one per unit row (each an upsert, the unit row's with an EXISTS look-up).
 * - New items (id above the largest now) are added by kind and facet, their unit rows by unit and role.
 * - Every unit a unit row recorded in the batch `batchId` names (rows re-imported items gained or
 *   lost: the any-role facet depends on the item's other rows) gets all its facets counted afresh.
 * Items inserted meanwhile must not be updated or deleted before `finish()`, nor their unit rows
 * deleted; other items' unit rows must go through the batch recorder. Their deletes and updates
 * keep their triggers (the recount overwrites whatever those did to a recounted unit).
 */
export function deferListCounts(db: Database, batchId: number): { finish(): void } {
  const { after, resume } = deferTriggers(db, ['list_counts_items_ai', 'list_counts_units_ai', 'item_status_counts_ai']);
  return {
    finish() {
      db.prepare(
        `INSERT INTO list_counts(kind, facet, n) SELECT kind, f, count(*) FROM (
           SELECT kind, 'all' AS f FROM items WHERE id > @after
           UNION ALL SELECT kind, 'origin:' || origin FROM items WHERE id > @after
           UNION ALL SELECT kind, 'due:' || deadline_date FROM items WHERE id > @after AND deadline_date IS NOT NULL AND status <> 'done')
         GROUP BY kind, f ON CONFLICT(kind, facet) DO UPDATE SET n = n + excluded.n`,
      ).run({ after });
      db.prepare(`INSERT INTO item_status_counts(kind, status, n) SELECT kind, status, count(*) FROM items WHERE id > @after GROUP BY kind, status ON CONFLICT(kind, status) DO UPDATE SET n = n + excluded.n`).run({ after });
      db.prepare(
        `INSERT INTO list_counts(kind, facet, n) SELECT i.kind, f, count(*) FROM (
           SELECT item_id, 'unit:' || unit_id || ':' || role AS f FROM item_units WHERE item_id > @after
           UNION ALL SELECT DISTINCT item_id, 'unit:' || unit_id FROM item_units WHERE item_id > @after) u
         JOIN items i ON i.id = u.item_id GROUP BY i.kind, f ON CONFLICT(kind, facet) DO UPDATE SET n = n + excluded.n`,
      ).run({ after });
      const touched = db
        .prepare("SELECT DISTINCT row_key ->> 'unit_id' FROM batch_rows WHERE batch_id = ? AND tbl = 'item_units'")
        .pluck()
        .all(batchId) as number[];
      if (touched.length) {
        const units = JSON.stringify(touched);
        db.prepare(
          `DELETE FROM list_counts WHERE facet IN (
             SELECT 'unit:' || u.value || r.s FROM json_each(@units) u, (SELECT '' AS s UNION ALL SELECT ':lead' UNION ALL SELECT ':resp' UNION ALL SELECT ':coop') r)`,
        ).run({ units });
        db.prepare(
          `INSERT INTO list_counts(kind, facet, n) SELECT i.kind, f, count(*) FROM (
             SELECT x.item_id, 'unit:' || x.unit_id || ':' || x.role AS f FROM item_units x WHERE x.unit_id IN (SELECT value FROM json_each(@units))
             UNION ALL SELECT DISTINCT x.item_id, 'unit:' || x.unit_id FROM item_units x WHERE x.unit_id IN (SELECT value FROM json_each(@units))) u
           JOIN items i ON i.id = u.item_id GROUP BY i.kind, f ON CONFLICT(kind, facet) DO UPDATE SET n = n + excluded.n`,
        ).run({ units });
      }
      resume();
    },
  };
}
