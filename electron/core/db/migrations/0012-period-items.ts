import type { Database } from 'better-sqlite3';

/**
 * The 汇总表's rows kept per period, so a page and its totals read an index instead of every report:
 * - period_items: each item a period concerns (sent in one of its templates or reported on), with the
 *   item's kind and plan order, how many units reported it, and its status in the table (the only
 *   report's status, else the item's);
 * - period_item_counts: those rows counted per period, kind, status and reported or not;
 * - item_status_counts: every item counted per kind and status (a period that concerns no item yet shows them all).
 * Triggers keep both on every write to reports, issued_rows, issued_templates and items (cascades
 * included), so returns, typed reports, undo and any later writer need not call anything.
 */

/** period_items' row for (period `p`, item `i`) rebuilt from reports and issued rows: gone when neither. */
const refresh = (p: string, i: string) => `
  DELETE FROM period_items WHERE period_id = ${p} AND item_id = ${i};
  INSERT INTO period_items(period_id, item_id, kind, seq, item_status, one_status, reports)
    SELECT ${p}, it.id, it.kind, it.seq, it.status, r.one, r.n
    FROM items it, (SELECT count(*) AS n, CASE WHEN count(*) = 1 THEN max(status) END AS one FROM reports WHERE item_id = ${i} AND period_id = ${p}) r
    WHERE it.id = ${i} AND (r.n > 0 OR EXISTS (
      SELECT 1 FROM issued_templates t JOIN issued_rows ir ON ir.template_id = t.id AND ir.item_id = ${i} WHERE t.period_id = ${p}));`;

const bump = (row: 'new' | 'old', by: number) => `
  INSERT INTO period_item_counts(period_id, kind, status, reported, n) VALUES (${row}.period_id, ${row}.kind, ${row}.status, ${row}.reports > 0, ${by})
    ON CONFLICT(period_id, kind, status, reported) DO UPDATE SET n = n + excluded.n;`;

const TABLES = `
  CREATE TABLE period_items (
    period_id INTEGER NOT NULL,
    item_id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    seq INTEGER NOT NULL,
    item_status TEXT NOT NULL,
    -- the status of the period's only report on the item (null: none, several, or it gave none)
    one_status TEXT,
    status TEXT NOT NULL GENERATED ALWAYS AS (coalesce(one_status, item_status)) VIRTUAL,
    reports INTEGER NOT NULL,
    PRIMARY KEY (period_id, item_id)
  ) STRICT, WITHOUT ROWID;
  CREATE TABLE period_item_counts (
    period_id INTEGER NOT NULL, kind TEXT NOT NULL, status TEXT NOT NULL, reported INTEGER NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (period_id, kind, status, reported)
  ) STRICT, WITHOUT ROWID;
  CREATE TABLE item_status_counts (kind TEXT NOT NULL, status TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (kind, status)) STRICT, WITHOUT ROWID;
`;

const INDEXES = `
  CREATE INDEX period_items_order ON period_items(period_id, kind, seq, item_id);
  CREATE INDEX period_items_status ON period_items(period_id, kind, status, seq, item_id);
  CREATE INDEX period_items_item ON period_items(item_id);
  INSERT INTO period_item_counts(period_id, kind, status, reported, n)
    SELECT period_id, kind, status, reports > 0, count(*) FROM period_items GROUP BY 1, 2, 3, 4;
  INSERT INTO item_status_counts(kind, status, n) SELECT kind, status, count(*) FROM items GROUP BY 1, 2;
`;

const itemBump = (row: 'new' | 'old', by: number) => `
  INSERT INTO item_status_counts(kind, status, n) VALUES (${row}.kind, ${row}.status, ${by}) ON CONFLICT(kind, status) DO UPDATE SET n = n + excluded.n;`;

const TRIGGERS = `
  CREATE TRIGGER item_status_counts_ai AFTER INSERT ON items BEGIN ${itemBump('new', 1)} END;
  CREATE TRIGGER item_status_counts_ad AFTER DELETE ON items BEGIN ${itemBump('old', -1)} END;
  CREATE TRIGGER item_status_counts_au AFTER UPDATE OF kind, status ON items
    WHEN old.kind IS NOT new.kind OR old.status IS NOT new.status BEGIN ${itemBump('old', -1)} ${itemBump('new', 1)} END;

  CREATE TRIGGER period_counts_ai AFTER INSERT ON period_items BEGIN ${bump('new', 1)} END;
  CREATE TRIGGER period_counts_ad AFTER DELETE ON period_items BEGIN ${bump('old', -1)} END;
  CREATE TRIGGER period_counts_au AFTER UPDATE ON period_items
    WHEN old.period_id IS NOT new.period_id OR old.kind IS NOT new.kind OR old.status IS NOT new.status OR (old.reports > 0) IS NOT (new.reports > 0) BEGIN ${bump('old', -1)} ${bump('new', 1)} END;

  CREATE TRIGGER period_items_reports_ai AFTER INSERT ON reports BEGIN ${refresh('new.period_id', 'new.item_id')} END;
  CREATE TRIGGER period_items_reports_ad AFTER DELETE ON reports BEGIN ${refresh('old.period_id', 'old.item_id')} END;
  CREATE TRIGGER period_items_reports_au AFTER UPDATE OF item_id, period_id, status ON reports BEGIN
    ${refresh('old.period_id', 'old.item_id')} ${refresh('new.period_id', 'new.item_id')} END;
  CREATE TRIGGER period_items_issued_ai AFTER INSERT ON issued_rows BEGIN
    ${refresh('(SELECT period_id FROM issued_templates WHERE id = new.template_id)', 'new.item_id')} END;
  CREATE TRIGGER period_items_issued_ad AFTER DELETE ON issued_rows BEGIN
    ${refresh('(SELECT period_id FROM issued_templates WHERE id = old.template_id)', 'old.item_id')} END;
  CREATE TRIGGER period_items_issued_au AFTER UPDATE OF template_id, item_id ON issued_rows BEGIN
    ${refresh('(SELECT period_id FROM issued_templates WHERE id = old.template_id)', 'old.item_id')}
    ${refresh('(SELECT period_id FROM issued_templates WHERE id = new.template_id)', 'new.item_id')} END;
  -- a template moved to another period (no writer does this today): its items counted again in both
  CREATE TRIGGER period_items_templates_au AFTER UPDATE OF period_id ON issued_templates BEGIN
    DELETE FROM period_items WHERE period_id IN (old.period_id, new.period_id);
    ${fill('WHERE r.period_id IN (old.period_id, new.period_id)', 'WHERE t.period_id IN (old.period_id, new.period_id)')} END;
  CREATE TRIGGER period_items_items_au AFTER UPDATE OF kind, seq, status ON items
    WHEN old.kind IS NOT new.kind OR old.seq IS NOT new.seq OR old.status IS NOT new.status BEGIN
    UPDATE period_items SET kind = new.kind, seq = new.seq, item_status = new.status WHERE item_id = new.id; END;
`;

/** Rows for every (period, item) reported or issued, from reports filtered by `reportsWhere` and templates by `issuedWhere`. */
function fill(reportsWhere: string, issuedWhere: string): string {
  return `INSERT INTO period_items(period_id, item_id, kind, seq, item_status, one_status, reports)
    SELECT k.period_id, k.item_id, it.kind, it.seq, it.status, r.one, coalesce(r.n, 0)
    FROM (SELECT r.period_id, r.item_id FROM reports r ${reportsWhere}
          UNION SELECT t.period_id, ir.item_id FROM issued_templates t JOIN issued_rows ir ON ir.template_id = t.id ${issuedWhere}) k
    JOIN items it ON it.id = k.item_id
    LEFT JOIN (SELECT r.period_id, r.item_id, count(*) AS n, CASE WHEN count(*) = 1 THEN max(r.status) END AS one
               FROM reports r ${reportsWhere} GROUP BY r.period_id, r.item_id) r ON r.period_id = k.period_id AND r.item_id = k.item_id;`;
}

export function up(db: Database): void {
  // filled before the indexes and triggers: one pass over the reports, counted once at the end
  db.exec(TABLES);
  db.exec(fill('', ''));
  db.exec(INDEXES);
  db.exec(TRIGGERS);
}
