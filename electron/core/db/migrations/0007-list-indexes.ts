import type { Database } from 'better-sqlite3';

/**
 * Indexes that answer every list sort and filter from an index at 100,000 items (issue 10), never
 * reading the (wide) item rows:
 * - the list order (kind, seq) carries the filter columns (plan, section, status, deadline, origin),
 *   so a filtered list in its own order walks that index and stops after the page;
 * - (kind, plan_id, seq, …) serves 方案/篇章 and the 方案 sort;
 * - a sort index per sortable column ends in `seq`, the list's tie-break (the rowid `id` follows
 *   implicitly), so ORDER BY col, seq, id — ascending or descending — reads the index in order
 *   with no temporary b-tree;
 * - 按时限 sorts on coalesce(deadline_date, '9999') (no deadline last): an expression index;
 * - (kind, deadline_date, status) counts 逾期 and 时限区间 from the index alone.
 * - fixed planner statistics (planner-stats.ts, written by migrate()) so SQLite picks them on any data.
 * The title sort is left to its own migration.
 */
export function up(db: Database): void {
  db.exec(`
    DROP INDEX IF EXISTS items_kind_seq;
    CREATE INDEX items_kind_seq ON items(kind, seq, id, plan_id, section_id, status, deadline_date, origin);
    CREATE INDEX items_kind_plan ON items(kind, plan_id, seq, id, section_id, status, deadline_date);
    DROP INDEX IF EXISTS items_plan;
    CREATE INDEX items_plan ON items(plan_id, section_id, kind, seq);
    DROP INDEX IF EXISTS items_kind_progress;
    CREATE INDEX items_kind_progress ON items(kind, progress, seq, id);
    DROP INDEX IF EXISTS items_kind_status;
    CREATE INDEX items_kind_status ON items(kind, status, seq, id);
    DROP INDEX IF EXISTS items_kind_deadline;
    CREATE INDEX items_kind_deadline ON items(kind, deadline_date, status, seq);
    CREATE INDEX items_kind_due_sort ON items(kind, coalesce(deadline_date, '9999'), seq, id, deadline_date, status);
  `);
  // the fixed planner statistics (planner-stats.ts) are written by migrate() after the last migration
}
