import type { Database } from 'better-sqlite3';
import { LIGHT_COUNTS_SQL } from '../db/migrations/0009-kept-counts';
import { judgeItems, type JudgedRow } from './lights';

/**
 * Lights kept current in `item_lights` (migration 0003). Triggers mark items dirty on every write a
 * light reads (items, reports, units, targets, issued rows) and everything dirty when periods,
 * templates or settings change; a new day makes everything dirty too. `refreshLights` re-judges
 * what is dirty with the one judge (`judgeItems`) and must run before any read of `item_lights`.
 */
export function refreshLights(db: Database, today: string): { judged: number; all: boolean } {
  const state = db.prepare<[], { as_of: string; all_dirty: number }>('SELECT as_of, all_dirty FROM lights_state WHERE id = 1').get();
  const all = !state || state.as_of !== today || state.all_dirty === 1;
  const ids = all ? undefined : (db.prepare('SELECT DISTINCT item_id FROM lights_dirty').pluck().all() as number[]);
  if (!all && !ids!.length) return { judged: 0, all };
  const judged = judgeItems(db, ids ? { ids } : {}, today);
  db.transaction(() => {
    const some = all ? '' : 'WHERE item_id IN (SELECT item_id FROM lights_dirty)';
    countLeads(db, some, -1);
    db.exec(`DELETE FROM item_lights ${some}`);
    writeLights(db, judged);
    db.exec(`UPDATE item_lights SET
        lead_units = (SELECT json_group_array(unit_id) FROM (SELECT unit_id FROM item_units iu WHERE iu.item_id = item_lights.item_id AND iu.role = 'lead' ORDER BY sort)),
        has_lead = EXISTS (SELECT 1 FROM item_units iu WHERE iu.item_id = item_lights.item_id AND iu.role = 'lead') ${some}`);
    countLeads(db, some, 1);
    db.exec('DELETE FROM lights_dirty');
    db.prepare('UPDATE lights_state SET as_of = ?, all_dirty = 0 WHERE id = 1').run(today);
  })();
  return { judged: judged.length, all };
}

/** Adds (sign 1) or takes out (sign -1) the kept lights `some` selects from the per-unit, per-plan and per-deadline counts. */
function countLeads(db: Database, some: string, sign: 1 | -1): void {
  if (sign === -1 && !some) {
    db.exec('DELETE FROM lead_unit_lights; DELETE FROM plan_light_counts; DELETE FROM due_counts');
    return;
  }
  db.exec(LIGHT_COUNTS_SQL.plan(sign, some));
  db.exec(LIGHT_COUNTS_SQL.due(sign, some));
  db.exec(`INSERT INTO lead_unit_lights(kind, unit_id, level, n)
    SELECT l.kind, j.value, l.level, ${sign} * count(*) FROM item_lights l, json_each(l.lead_units) j ${some ? some.replace('item_id', 'l.item_id') : 'WHERE true'} GROUP BY 1, 2, 3
    ON CONFLICT(kind, unit_id, level) DO UPDATE SET n = n + excluded.n`);
  if (sign === -1) db.exec('DELETE FROM lead_unit_lights WHERE n = 0; DELETE FROM plan_light_counts WHERE n = 0; DELETE FROM due_counts WHERE n = 0');
}

function writeLights(db: Database, rows: readonly JudgedRow[]): void {
  const ins = db.prepare(
    'INSERT INTO item_lights(item_id, kind, plan_id, status, deadline_date, progress, level, rule, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const r of rows) ins.run(r.id, r.kind, r.planId, r.status, r.deadlineDate, r.input.progress, r.verdict.level, r.verdict.rule, r.verdict.reason);
}

/** A kept light with what the dashboard shows next to it. */
export interface KeptLight {
  id: number;
  kind: JudgedRow['kind'];
  code: string;
  title: string;
  planId: number | null;
  status: JudgedRow['status'];
  deadlineDate: string | null;
  progress: number;
  level: JudgedRow['verdict']['level'];
  rule: JudgedRow['verdict']['rule'];
  reason: string;
}

/** Kept lights (refreshed first) for a kind and/or ids, in list order. */
export function keptLights(db: Database, today: string, scope: { kind?: string; ids?: readonly number[] } = {}): KeptLight[] {
  refreshLights(db, today);
  const where: string[] = [];
  if (scope.kind) where.push('l.kind = @kind');
  if (scope.ids) where.push('l.item_id IN (SELECT value FROM json_each(@ids))');
  return db
    .prepare<[Record<string, unknown>], KeptLight>(
      `SELECT l.item_id AS id, l.kind, i.code, i.title, l.plan_id AS planId, l.status, l.deadline_date AS deadlineDate,
         l.progress, l.level, l.rule, l.reason
       FROM item_lights l JOIN items i ON i.id = l.item_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY i.kind, i.seq, i.id`,
    )
    .all({ kind: scope.kind ?? null, ids: JSON.stringify(scope.ids ?? []) });
}

/** Kept lights (refreshed first) of a kind and/or ids at the given levels, by item id: no join, no sort of the items. */
export function keptLevels(
  db: Database,
  today: string,
  scope: { kind?: string; ids?: readonly number[]; levels?: readonly string[] },
): Pick<KeptLight, 'id' | 'level' | 'rule' | 'reason'>[] {
  refreshLights(db, today);
  const where: string[] = [];
  if (scope.kind) where.push('kind = @kind');
  if (scope.ids) where.push('item_id IN (SELECT value FROM json_each(@ids))');
  if (scope.levels) where.push('level IN (SELECT value FROM json_each(@levels))');
  return db
    .prepare<[Record<string, unknown>], Pick<KeptLight, 'id' | 'level' | 'rule' | 'reason'>>(
      `SELECT item_id AS id, level, rule, reason FROM item_lights ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY item_id`,
    )
    .all({ kind: scope.kind ?? null, ids: JSON.stringify(scope.ids ?? []), levels: JSON.stringify(scope.levels ?? []) });
}
