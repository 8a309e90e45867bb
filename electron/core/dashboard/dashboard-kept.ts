import type { Database } from 'better-sqlite3';
import type { DashboardGroup } from '../../../shared/contract/schemas/dashboard';
import type { LightLevel } from '../../../shared/contract/schemas/lights';
import type { KeptLight } from '../lights/kept-lights';

/** Dashboard aggregates straight from the kept lights (item_lights, refreshed by the caller), by index. */

function addLevel(g: DashboardGroup, level: LightLevel, n: number): void {
  g.total += n;
  g[level] += n;
}

export function planGroups(db: Database, kind: string, titles: Map<number, string>): DashboardGroup[] {
  const groups = new Map<string, DashboardGroup>();
  const rows = db
    // kept per kind, plan and level with the lights (migration 0009): tens of rows, not a count of every light
    .prepare<[string], { plan_id: number | null; level: LightLevel; n: number }>('SELECT nullif(plan_id, 0) AS plan_id, level, n FROM plan_light_counts WHERE kind = ? AND n > 0 ORDER BY plan_id, level')
    .all(kind);
  for (const r of rows) {
    const key = String(r.plan_id);
    const g = groups.get(key) ?? { id: r.plan_id, name: r.plan_id === null ? '未归入方案' : (titles.get(r.plan_id) ?? ''), total: 0, bad: 0, warn: 0, good: 0, done: 0 };
    addLevel(g, r.level, r.n);
    groups.set(key, g);
  }
  return [...groups.values()];
}

export function unitGroups(db: Database, kind: string, max: number): DashboardGroup[] {
  const groups = new Map<number, DashboardGroup>();
  const rows = db
    .prepare<[string], { id: number; name: string; level: LightLevel; n: number }>(
      'SELECT u.id, u.name, x.level, x.n FROM lead_unit_lights x JOIN units u ON u.id = x.unit_id WHERE x.kind = ? AND x.n > 0',
    )
    .all(kind);
  for (const r of rows) {
    const g = groups.get(r.id) ?? { id: r.id, name: r.name, total: 0, bad: 0, warn: 0, good: 0, done: 0 };
    addLevel(g, r.level, r.n);
    groups.set(r.id, g);
  }
  return [...groups.values()].sort((a, b) => b.total - a.total || b.bad - a.bad).slice(0, max);
}

export function withoutLeadCount(db: Database, kind: string): number {
  return db
    .prepare('SELECT count(*) FROM item_lights WHERE kind = ? AND has_lead = 0')
    .pluck()
    .get(kind) as number;
}

const KEPT_COLS = `l.item_id AS id, l.kind, i.code, i.title, l.plan_id AS planId, l.status, l.deadline_date AS deadlineDate, l.progress, l.level, l.rule, l.reason`;

/** Items of a kind whose deadline is in [from, to] (from may be null: any earlier) and status is not done: total and the first `top` by deadline. */
export function deadlineWindow(db: Database, kind: string, from: string | null, to: string, exclusiveTo: boolean, top: number): { total: number; rows: KeptLight[] } {
  const where = `l.kind = @kind AND l.deadline_date IS NOT NULL AND l.deadline_date >= coalesce(@from, '') AND l.deadline_date ${exclusiveTo ? '<' : '<='} @to AND l.status <> 'done'`;
  const params = { kind, from, to, top };
  // the total from the counts kept per deadline date (migration 0009): one row per date, not per item
  const total = db
    .prepare(`SELECT coalesce(sum(n), 0) FROM due_counts WHERE kind = @kind AND deadline_date >= coalesce(@from, '') AND deadline_date ${exclusiveTo ? '<' : '<='} @to`)
    .pluck()
    .get({ kind, from, to }) as number;
  const rows = db
    .prepare<[typeof params], KeptLight>(`SELECT ${KEPT_COLS} FROM item_lights l INDEXED BY item_lights_kind_due JOIN items i ON i.id = l.item_id WHERE ${where} ORDER BY l.deadline_date, l.item_id LIMIT @top`)
    .all(params);
  return { total, rows };
}

/** Lead unit names of the given items. */
export function leadsOf(db: Database, ids: readonly number[]): Map<number, { id: number; name: string }[]> {
  const rows = db
    .prepare<[string], { item_id: number; id: number; name: string }>(
      `SELECT iu.item_id, u.id, u.name FROM item_units iu JOIN units u ON u.id = iu.unit_id
       WHERE iu.role = 'lead' AND iu.item_id IN (SELECT value FROM json_each(?)) ORDER BY iu.item_id, iu.sort`,
    )
    .all(JSON.stringify(ids));
  const out = new Map<number, { id: number; name: string }[]>();
  for (const r of rows) out.set(r.item_id, [...(out.get(r.item_id) ?? []), { id: r.id, name: r.name }]);
  return out;
}
