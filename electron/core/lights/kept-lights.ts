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
  const state = db
    .prepare<[], { as_of: string; all_dirty: number; ahead_date: string; ahead_upto: number }>('SELECT as_of, all_dirty, ahead_date, ahead_upto FROM lights_state WHERE id = 1')
    .get();
  // a new day half re-judged ahead (refreshLightsAhead): only the items past it and what was written since
  const ahead = state && state.all_dirty === 0 && state.as_of !== today && state.ahead_date === today ? state.ahead_upto : null;
  const all = !state || state.all_dirty === 1 || (state.as_of !== today && ahead === null);
  const past = ahead === null ? [] : (db.prepare('SELECT id FROM items WHERE id > ?').pluck().all(ahead) as number[]);
  const ids = all ? undefined : [...new Set([...(db.prepare('SELECT DISTINCT item_id FROM lights_dirty').pluck().all() as number[]), ...past])];
  if (!all && !ids!.length && ahead === null) return { judged: 0, all };
  const judged = ids?.length === 0 ? [] : judgeItems(db, ids ? { ids } : {}, today);
  db.transaction(() => {
    rewriteLights(db, judged, all ? '' : `WHERE item_id IN (SELECT item_id FROM lights_dirty)${ahead === null ? '' : ` OR item_id > ${ahead}`}`);
    db.exec('DELETE FROM lights_dirty');
    db.prepare("UPDATE lights_state SET as_of = ?, all_dirty = 0, ahead_date = '', ahead_upto = 0 WHERE id = 1").run(today);
  })();
  return { judged: judged.length, all };
}

/** Replaces the kept lights `some` selects (all when empty) by `judged`, with the counts kept alongside. */
function rewriteLights(db: Database, judged: readonly JudgedRow[], some: string): void {
  countLeads(db, some, -1);
  db.exec(`DELETE FROM item_lights ${some}`);
  writeLights(db, judged);
  db.exec(`UPDATE item_lights SET
      lead_units = (SELECT json_group_array(unit_id) FROM (SELECT unit_id FROM item_units iu WHERE iu.item_id = item_lights.item_id AND iu.role = 'lead' ORDER BY sort)),
      has_lead = EXISTS (SELECT 1 FROM item_units iu WHERE iu.item_id = item_lights.item_id AND iu.role = 'lead') ${some}`);
  countLeads(db, some, 1);
}

/**
 * Re-judges every light for a new day ahead of the first read, a chunk of items per transaction,
 * for at most about `budgetMs`: the caller (on start, after midnight) calls it again until it
 * returns true, letting reads in between. A read meanwhile (refreshLights) judges only the items
 * the chunks have not reached and what was written since. Any other reason to judge everything
 * (a period or a setting changed) is left to refreshLights, at once.
 */
export function refreshLightsAhead(db: Database, today: string, budgetMs: number, chunk = 2000): boolean {
  const started = performance.now();
  for (;;) {
    const s = db.prepare<[], { as_of: string; all_dirty: number; ahead_date: string; ahead_upto: number }>('SELECT as_of, all_dirty, ahead_date, ahead_upto FROM lights_state WHERE id = 1').get();
    if (!s || s.all_dirty === 1 || s.as_of === today) return (refreshLights(db, today), true);
    const upto = s.ahead_date === today ? s.ahead_upto : 0;
    const ids = db.prepare('SELECT id FROM items WHERE id > ? ORDER BY id LIMIT ?').pluck().all(upto, chunk) as number[];
    if (!ids.length) return (refreshLights(db, today), true);
    const judged = judgeItems(db, { ids }, today);
    db.transaction(() => {
      const some = `WHERE item_id IN (${ids.join(',')})`;
      rewriteLights(db, judged, some);
      db.exec(`DELETE FROM lights_dirty ${some}`);
      db.prepare('UPDATE lights_state SET ahead_date = ?, ahead_upto = ? WHERE id = 1').run(today, ids.at(-1)!);
    })();
    if (performance.now() - started >= budgetMs) return false;
  }
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

/**
 * One page of the kept lights (refreshed first) of a kind and/or ids at the given levels, by item id,
 * and how many there are in all. The page's ids are read bare first (for one level, a walk of the
 * (kind, level) index), then only the page's rows; the total of a kind's levels is the kept
 * plan_light_counts, of given ids a count.
 */
export function keptLevels(
  db: Database,
  today: string,
  scope: { kind: string; ids?: readonly number[]; levels?: readonly string[]; offset: number; limit: number },
): { total: number; rows: Pick<KeptLight, 'id' | 'level' | 'rule' | 'reason'>[] } {
  refreshLights(db, today);
  const where = ['kind = @kind'];
  if (scope.ids) where.push('item_id IN (SELECT value FROM json_each(@ids))');
  if (scope.levels) where.push('level IN (SELECT value FROM json_each(@levels))');
  const params = { kind: scope.kind, ids: JSON.stringify(scope.ids ?? []), levels: JSON.stringify(scope.levels ?? []), offset: scope.offset, limit: scope.limit };
  const total = scope.ids
    ? (db.prepare(`SELECT count(*) FROM item_lights WHERE ${where.join(' AND ')}`).pluck().get(params) as number)
    : (db.prepare(`SELECT coalesce(sum(n), 0) FROM plan_light_counts WHERE ${where.join(' AND ')}`).pluck().get(params) as number);
  const rows = db
    .prepare<[Record<string, unknown>], Pick<KeptLight, 'id' | 'level' | 'rule' | 'reason'>>(
      `SELECT item_id AS id, level, rule, reason FROM item_lights WHERE item_id IN
         (SELECT item_id FROM item_lights WHERE ${where.join(' AND ')} ORDER BY item_id LIMIT @limit OFFSET @offset) ORDER BY item_id`,
    )
    .all(params);
  return { total, rows };
}
