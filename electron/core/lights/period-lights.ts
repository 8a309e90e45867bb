import type { Database } from 'better-sqlite3';
import { ITEM_KINDS } from '../../../shared/contract/schemas/items';
import { LIGHT_LEVELS } from '../../../shared/contract/schemas/lights';
import { judgeItems } from './lights';

/**
 * The 汇总表's lights kept per period (period_items.light, migration 0013): an item's light in a period
 * is the period's snapshot, else the rule as of the period's end (today while it runs) — what the
 * table showed when it judged per page. Triggers leave '' on rows to judge, log every dirty mark of
 * the kept lights and make a whole period wait when what its window reads changes; this judges what
 * waits, before a read (`refreshPeriodLights`) or ahead, a chunk at a time (`refreshPeriodLightsAhead`).
 */

interface State {
  as_of: string;
  pending: number;
  upto: number;
  seen: number;
}

/** The date a period's lights are judged as of: its end once over, else today. */
export function periodAsOf(endDate: string, today: string): string {
  return endDate < today ? endDate : today;
}

const KINDS = JSON.stringify(ITEM_KINDS);

/** Judges `ids` of the period as of `asOf` (a snapshot row where the period has one) and writes the lights that changed. */
function judgeRows(db: Database, periodId: number, ids: readonly number[], asOf: string): void {
  if (!ids.length) return;
  const snap = db
    .prepare<Record<string, unknown>, { item_id: number; light: string; reason: string }>(
      `SELECT item_id, light, reason FROM light_snapshots WHERE period_id = @period AND light IN (SELECT value FROM json_each(@levels))
       AND item_id IN (SELECT value FROM json_each(@ids))`,
    )
    .all({ period: periodId, levels: JSON.stringify(LIGHT_LEVELS), ids: JSON.stringify(ids) });
  const out = new Map(snap.map((s) => [s.item_id, { level: s.light, reason: s.reason }]));
  const rest = ids.filter((id) => !out.has(id));
  if (rest.length) for (const r of judgeItems(db, { ids: rest, asOfPeriodId: periodId }, asOf)) out.set(r.id, r.verdict);
  const set = db.prepare('UPDATE period_items SET light = @level, reason = @reason WHERE period_id = @period AND item_id = @id AND (light <> @level OR reason <> @reason)');
  for (const id of ids) {
    const v = out.get(id) ?? { level: 'good', reason: '' };
    set.run({ period: periodId, id, level: v.level, reason: v.reason });
  }
}

function stateOf(db: Database, periodId: number): State {
  return (
    db.prepare<[number], State>('SELECT as_of, pending, upto, seen FROM period_light_state WHERE period_id = ?').get(periodId) ?? { as_of: '', pending: 1, upto: 0, seen: 0 }
  );
}

function saveState(db: Database, periodId: number, s: State): void {
  db.prepare(
    `INSERT INTO period_light_state(period_id, as_of, pending, upto, seen) VALUES (@period, @as_of, @pending, @upto, @seen)
     ON CONFLICT(period_id) DO UPDATE SET as_of = excluded.as_of, pending = excluded.pending, upto = excluded.upto, seen = excluded.seen`,
  ).run({ period: periodId, ...s });
}

/**
 * One step of keeping period `periodId`'s lights current as of `today`: up to `chunk` items of a
 * whole-period pass, or (the pass done) the rows left '' and the items marked dirty since the last
 * step. Returns true when the period's lights are current.
 */
function step(db: Database, periodId: number, today: string, chunk: number): boolean {
  const end = db.prepare<[number], string>('SELECT end_date FROM periods WHERE id = ?').pluck().get(periodId);
  if (end === undefined) return true;
  const asOf = periodAsOf(end, today);
  const latest = db.prepare<[], number>('SELECT coalesce(max(seq), 0) FROM period_lights_log').pluck().get()!;
  return db.transaction(() => {
    const was = stateOf(db, periodId);
    const s = { ...was };
    // a new date, or a pass not begun: every row from the start; marks up to now are covered by it
    if (s.as_of !== asOf || (s.pending === 1 && s.upto === 0)) Object.assign(s, { as_of: asOf, pending: 1, upto: 0, seen: latest });
    if (s.pending === 1) {
      const ids = db
        .prepare<[number, number, number], number>('SELECT item_id FROM period_items WHERE period_id = ? AND item_id > ? ORDER BY item_id LIMIT ?')
        .pluck()
        .all(periodId, s.upto, chunk);
      judgeRows(db, periodId, ids, asOf);
      if (ids.length === chunk) {
        saveState(db, periodId, { ...s, upto: ids.at(-1)! });
        return false;
      }
    }
    const ids = db
      .prepare<Record<string, unknown>, number>(
        `SELECT item_id FROM period_items WHERE period_id = @period AND kind IN (SELECT value FROM json_each(@kinds)) AND light = ''
         UNION SELECT p.item_id FROM (SELECT DISTINCT item_id FROM period_lights_log WHERE seq > @seen) l
           CROSS JOIN period_items p ON p.period_id = @period AND p.item_id = l.item_id`,
      )
      .pluck()
      .all({ period: periodId, kinds: KINDS, seen: s.seen });
    judgeRows(db, periodId, ids, asOf);
    // nothing to write when nothing waited: a read leaves the database (and what is remembered of it) as it was
    if (!ids.length && was.pending === 0 && was.as_of === asOf && was.seen === latest) return true;
    saveState(db, periodId, { as_of: asOf, pending: 0, upto: 0, seen: latest });
    // marks every period has seen (or will not need: a pass not begun reads every row) are dropped
    db.prepare('DELETE FROM period_lights_log WHERE seq < coalesce((SELECT min(seen) FROM period_light_state WHERE pending = 0 OR upto > 0), ?)').run(latest);
    return true;
  })();
}

/** Brings period `periodId`'s kept lights up to date as of `today`; run it before reading them. */
export function refreshPeriodLights(db: Database, periodId: number, today: string): void {
  step(db, periodId, today, Number.MAX_SAFE_INTEGER);
}

/**
 * Judges every period's waiting lights ahead of the first read, a chunk of items at a time, for at
 * most about `budgetMs` (the lights keeper calls it again until it returns true, after the kept
 * lights of a new day: reads go in between). Newest periods first: the ones a clerk opens.
 */
export function refreshPeriodLightsAhead(db: Database, today: string, budgetMs: number, chunk = 2000): boolean {
  const started = performance.now();
  const periods = db.prepare<[], number>('SELECT id FROM periods ORDER BY start_date DESC, id DESC').pluck().all();
  for (const id of periods) {
    while (!step(db, id, today, chunk)) if (performance.now() - started >= budgetMs) return false;
    if (performance.now() - started >= budgetMs) return false;
  }
  return true;
}

/** True when some period's lights wait for a whole pass: never judged, made to wait, or of another date. */
export function periodLightsWaiting(db: Database, today: string): boolean {
  return Boolean(
    db
      .prepare(
        `SELECT 1 FROM periods p LEFT JOIN period_light_state s ON s.period_id = p.id
         WHERE s.period_id IS NULL OR s.pending = 1 OR s.as_of <> (CASE WHEN p.end_date < @today THEN p.end_date ELSE @today END) LIMIT 1`,
      )
      .get({ today }),
  );
}

/**
 * True when period `periodId`'s kept lights are judged as of the right date and wait for no whole pass
 * (what waits then is the few items written since): a page reads them after `refreshPeriodLights`.
 * Else a page judges its own rows, and the lights keeper judges the period ahead.
 */
export function periodLightsReady(db: Database, periodId: number, today: string): boolean {
  const row = db
    .prepare<[number], { end_date: string; as_of: string | null; pending: number | null }>(
      'SELECT p.end_date, s.as_of, s.pending FROM periods p LEFT JOIN period_light_state s ON s.period_id = p.id WHERE p.id = ?',
    )
    .get(periodId);
  return Boolean(row && row.pending === 0 && row.as_of === periodAsOf(row.end_date, today));
}
