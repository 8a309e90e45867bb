import type { Database } from 'better-sqlite3';

/**
 * 概览's totals kept with the kept lights (kept-lights.ts keeps them on every refresh, as it keeps
 * lead_unit_lights), so the dashboard reads tens of rows instead of counting 100,000 lights:
 * - plan_light_counts: items per kind, 方案 (0 = none) and level — the by-plan table, the light
 *   totals and the per-kind item counts;
 * - due_counts: items not 已完成 per kind and deadline date — the overdue and due-soon totals.
 */
export const LIGHT_COUNTS_SQL = {
  plan: (sign: number, where: string) => `INSERT INTO plan_light_counts(kind, plan_id, level, n)
    SELECT kind, coalesce(plan_id, 0), level, ${sign} * count(*) FROM item_lights ${where || 'WHERE true'} GROUP BY 1, 2, 3
    ON CONFLICT(kind, plan_id, level) DO UPDATE SET n = n + excluded.n`,
  due: (sign: number, where: string) => `INSERT INTO due_counts(kind, deadline_date, n)
    SELECT kind, deadline_date, ${sign} * count(*) FROM item_lights ${where ? `${where} AND` : 'WHERE'} deadline_date IS NOT NULL AND status <> 'done' GROUP BY 1, 2
    ON CONFLICT(kind, deadline_date) DO UPDATE SET n = n + excluded.n`,
};

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE plan_light_counts (kind TEXT NOT NULL, plan_id INTEGER NOT NULL, level TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (kind, plan_id, level)) STRICT, WITHOUT ROWID;
    CREATE TABLE due_counts (kind TEXT NOT NULL, deadline_date TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (kind, deadline_date)) STRICT, WITHOUT ROWID;
  `);
  db.exec(LIGHT_COUNTS_SQL.plan(1, ''));
  db.exec(LIGHT_COUNTS_SQL.due(1, ''));
}
