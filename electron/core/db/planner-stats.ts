import type { Database } from 'better-sqlite3';

/**
 * Fixed planner statistics (sqlite_stat1, written by hand as the SQLite docs allow: "Manual Control
 * Of Query Plans Using SQLITE_STAT Tables"). Without any, SQLite takes `kind = ?` for a selective
 * term and picks any (kind, …) index for every list query — sorting 100,000 rows in a temporary
 * b-tree or reading every row for a keyword. These numbers describe an office of 100,000 items
 * (four kinds, a few dozen plans and units, several roles each, ten reports per item): `kind` and
 * `status` are not selective, a plan, a unit or a deadline day is, a sort column nearly unique.
 * Plans are then the same on any size of database. A later real ANALYZE may replace them.
 * Each row: table, index, "rows rows-per-first-column rows-per-first-two …".
 */
export const PLANNER_STATS: readonly [string, string, string][] = [
  ['items', 'sqlite_autoindex_items_1', '100000 1'],
  ['items', 'items_kind_seq', '100000 25000 1 1 1 1 1 1 1'],
  ['items', 'items_kind_plan', '100000 25000 5000 1 1 1 1 1'],
  ['items', 'items_plan', '100000 5000 1000 800 1'],
  ['items', 'items_section', '100000 1000'],
  ['items', 'items_upper', '100000 20'],
  ['items', 'items_instruction', '100000 20'],
  ['items', 'items_kind_status', '100000 25000 8000 1 1'],
  ['items', 'items_kind_title_key', '100000 25000 2'],
  ['items', 'items_kind_code', '100000 25000 2'],
  ['items', 'items_kind_updated', '100000 25000 2'],
  ['items', 'items_kind_progress', '100000 25000 300 1 1'],
  ['items', 'items_kind_deadline', '100000 25000 100 40 1'],
  ['items', 'items_kind_due_sort', '100000 25000 100 1 1 1 1'],
  ['item_units', 'sqlite_autoindex_item_units_1', '400000 4 2 1'],
  ['item_units', 'item_units_unit', '400000 8000 3000 1'],
  ['item_lights', 'item_lights_kind_level', '100000 25000 8000'],
  ['item_lights', 'item_lights_kind_plan', '100000 25000 5000 1500'],
  ['item_lights', 'item_lights_kind_deadline', '100000 25000 100 40'],
  ['item_lights', 'item_lights_kind_due', '100000 25000 100'],
  ['item_lights', 'item_lights_kind_lead', '100000 25000 12500'],
  ['reports', 'sqlite_autoindex_reports_1', '1000000 10 1 1'],
  ['reports', 'reports_period_unit', '1000000 100000 2000'],
];

/**
 * An index of these tables not listed above (a later migration's): `kind` 25,000 rows a value,
 * any other column near unique, so a new (kind, sort key, seq) index is planned like the others.
 */
function guessStat(db: Database, table: string, index: string): string {
  const rows = PLANNER_STATS.find(([t]) => t === table)![2].split(' ')[0];
  const cols = db.prepare(`SELECT name FROM pragma_index_info(?)`).pluck().all(index) as (string | null)[];
  return [rows, ...cols.map((c) => (c === 'kind' ? '25000' : '2'))].join(' ');
}

/** Writes the fixed statistics (replacing any for these tables) and makes this connection use them. */
export function writePlannerStats(db: Database): void {
  // sqlite_stat1 cannot be created by hand: ANALYZE of the one-row office table creates it
  if (!db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_stat1'").get()) db.exec('ANALYZE office');
  const tables = [...new Set(PLANNER_STATS.map(([t]) => t))];
  db.prepare('DELETE FROM sqlite_stat1 WHERE tbl IN (SELECT value FROM json_each(?))').run(JSON.stringify(tables));
  const ins = db.prepare('INSERT INTO sqlite_stat1(tbl, idx, stat) VALUES (?, ?, ?)');
  const indexes = db
    .prepare("SELECT tbl_name AS t, name AS i FROM sqlite_schema WHERE type = 'index' AND tbl_name IN (SELECT value FROM json_each(?))")
    .all(JSON.stringify(tables)) as { t: string; i: string }[];
  for (const { t, i } of indexes) ins.run(t, i, PLANNER_STATS.find(([, x]) => x === i)?.[2] ?? guessStat(db, t, i));
  db.exec('ANALYZE sqlite_schema');
}
