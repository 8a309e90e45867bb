import type { Database } from 'better-sqlite3';

/**
 * 概览's totals kept with the kept lights (kept-lights.ts keeps them on every refresh, as it keeps
 * lead_unit_lights), so the dashboard reads tens of rows instead of counting 100,000 lights:
 * - plan_light_counts: items per kind, 方案 (0 = none) and level — the by-plan table, the light
 *   totals and the per-kind item counts;
 * - due_counts: items not 已完成 per kind and deadline date — the overdue and due-soon totals.
 * And 催报's 事项数 per unit (items it leads or is responsible for), kept by triggers on item_units:
 * - unit_item_counts: distinct items per unit with a 牵头 or 责任 row.
 * And how far a new day's lights were re-judged ahead of the first read (refreshLightsAhead):
 * lights_state.ahead_date / ahead_upto (items up to that id are judged as of that date).
 */
export const LIGHT_COUNTS_SQL = {
  plan: (sign: number, where: string) => `INSERT INTO plan_light_counts(kind, plan_id, level, n)
    SELECT kind, coalesce(plan_id, 0), level, ${sign} * count(*) FROM item_lights ${where || 'WHERE true'} GROUP BY 1, 2, 3
    ON CONFLICT(kind, plan_id, level) DO UPDATE SET n = n + excluded.n`,
  due: (sign: number, where: string) => `INSERT INTO due_counts(kind, deadline_date, n)
    SELECT kind, deadline_date, ${sign} * count(*) FROM item_lights ${where ? `${where.replace(/^WHERE /, 'WHERE (')}) AND` : 'WHERE'} deadline_date IS NOT NULL AND status <> 'done' GROUP BY 1, 2
    ON CONFLICT(kind, deadline_date) DO UPDATE SET n = n + excluded.n`,
};

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE plan_light_counts (kind TEXT NOT NULL, plan_id INTEGER NOT NULL, level TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (kind, plan_id, level)) STRICT, WITHOUT ROWID;
    ALTER TABLE lights_state ADD COLUMN ahead_date TEXT NOT NULL DEFAULT '';
    ALTER TABLE lights_state ADD COLUMN ahead_upto INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE due_counts (kind TEXT NOT NULL, deadline_date TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (kind, deadline_date)) STRICT, WITHOUT ROWID;
  `);
  db.exec(LIGHT_COUNTS_SQL.plan(1, ''));
  db.exec(LIGHT_COUNTS_SQL.due(1, ''));
  db.exec(UNIT_ITEM_COUNTS_SQL);
}

const ROLES = "('lead','resp')";
/** Whether (item, unit) still has a 牵头 or 责任 row, other than role `except`. */
const still = (row: 'new' | 'old', except: string) =>
  `EXISTS (SELECT 1 FROM item_units x WHERE x.item_id = ${row}.item_id AND x.unit_id = ${row}.unit_id AND x.role IN ${ROLES} AND x.role <> ${except})`;
const bump = (row: 'new' | 'old', by: number) =>
  `INSERT INTO unit_item_counts(unit_id, n) VALUES (${row}.unit_id, ${by}) ON CONFLICT(unit_id) DO UPDATE SET n = n + excluded.n;`;
const recount = (row: 'new' | 'old') =>
  `INSERT INTO unit_item_counts(unit_id, n) SELECT ${row}.unit_id, (SELECT count(DISTINCT item_id) FROM item_units x WHERE x.unit_id = ${row}.unit_id AND x.role IN ${ROLES}) WHERE true
     ON CONFLICT(unit_id) DO UPDATE SET n = excluded.n;`;

/** The per-unit item counts, filled from item_units, and the triggers that keep them on every write. */
export const UNIT_ITEM_COUNTS_SQL = `
  CREATE TABLE unit_item_counts (unit_id INTEGER PRIMARY KEY, n INTEGER NOT NULL) STRICT;
  INSERT INTO unit_item_counts(unit_id, n) SELECT unit_id, count(DISTINCT item_id) FROM item_units WHERE role IN ${ROLES} GROUP BY unit_id;
  -- counted once per (item, unit): only the first of its 牵头/责任 rows adds, only the last one removed takes away
  CREATE TRIGGER unit_counts_ai AFTER INSERT ON item_units WHEN new.role IN ${ROLES} AND NOT ${still('new', 'new.role')} BEGIN ${bump('new', 1)} END;
  CREATE TRIGGER unit_counts_ad AFTER DELETE ON item_units WHEN old.role IN ${ROLES} AND NOT ${still('old', "''")} BEGIN ${bump('old', -1)} END;
  -- a row moved to another item, unit or role (rare: undo rewrites rows with their own key): count both units again
  CREATE TRIGGER unit_counts_au AFTER UPDATE ON item_units
    WHEN old.item_id IS NOT new.item_id OR old.unit_id IS NOT new.unit_id OR old.role IS NOT new.role
    BEGIN ${recount('old')} ${recount('new')} END;
`;
