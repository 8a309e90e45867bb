import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/contract/errors';
import type { Dashboard } from '../../../shared/contract/schemas/dashboard';

/** The period the dashboard is about: the one asked for, else the latest open one, else the latest. */
export function dashboardPeriod(db: Database, periodId?: number): Dashboard['period'] {
  const cols = 'SELECT id, name, due_date, closed FROM periods';
  const r = (
    periodId !== undefined
      ? db.prepare(`${cols} WHERE id = ?`).get(periodId)
      : (db.prepare(`${cols} WHERE closed = 0 ORDER BY start_date DESC, id DESC LIMIT 1`).get() ??
        db.prepare(`${cols} ORDER BY start_date DESC, id DESC LIMIT 1`).get())
  ) as { id: number; name: string; due_date: string; closed: number } | undefined;
  if (!r && periodId !== undefined) throw new AppError('not_found', `调度期次（编号 ${periodId}）不存在`);
  return r ? { id: r.id, name: r.name, dueDate: r.due_date, closed: r.closed === 1 } : null;
}

/**
 * Reporting rate of a period: units that reported among the units sent a template; where no
 * template was issued, among the units leading or responsible for any item.
 */
export function reportingRate(db: Database, periodId: number): NonNullable<Dashboard['reporting']> {
  const issued = db
    .prepare<[number], { id: number; name: string }>(
      'SELECT DISTINCT u.id, u.name FROM issued_templates t JOIN units u ON u.id = t.unit_id WHERE t.period_id = ? ORDER BY u.sort, u.id',
    )
    .all(periodId);
  const basis = issued.length ? 'issued' : 'assigned';
  const expected = issued.length
    ? issued
    : db
        .prepare<[], { id: number; name: string }>(
          // one index probe per unit, not a walk over every item's units
          "SELECT u.id, u.name FROM units u WHERE EXISTS (SELECT 1 FROM item_units iu WHERE iu.unit_id = u.id AND iu.role IN ('lead','resp')) ORDER BY u.sort, u.id",
        )
        .all();
  // one index probe per expected unit, not a walk over the period's (possibly 100,000) reports
  const has = db.prepare<[number, number], { x: number }>('SELECT 1 AS x FROM reports WHERE period_id = ? AND unit_id = ? LIMIT 1');
  const reported = new Set(expected.filter((u) => has.get(periodId, u.id)).map((u) => u.id));
  const done = expected.filter((u) => reported.has(u.id)).length;
  return {
    basis,
    expected: expected.length,
    reported: done,
    rate: expected.length ? Math.round((done / expected.length) * 1000) / 1000 : null,
    missing: expected.filter((u) => !reported.has(u.id)).slice(0, 10).map((u) => u.name),
  };
}

/** Item id → its 牵头 units (id, name), for the items of a kind. */
export function leadUnits(db: Database, kind: string): Map<number, { id: number; name: string }[]> {
  const rows = db
    .prepare<[string], { item_id: number; id: number; name: string }>(
      `SELECT iu.item_id, u.id, u.name FROM item_units iu JOIN units u ON u.id = iu.unit_id JOIN items i ON i.id = iu.item_id
       WHERE iu.role = 'lead' AND i.kind = ? ORDER BY iu.item_id, iu.sort`,
    )
    .all(kind);
  const out = new Map<number, { id: number; name: string }[]>();
  for (const r of rows) out.set(r.item_id, [...(out.get(r.item_id) ?? []), { id: r.id, name: r.name }]);
  return out;
}

/** Plan id → title. */
export function planTitles(db: Database): Map<number, string> {
  return new Map(db.prepare<[], { id: number; title: string }>('SELECT id, title FROM plans').all().map((p) => [p.id, p.title]));
}

/** Items per kind, from the counts kept with the lights (refreshed by the caller; every item has a kept light). */
export function kindCounts(db: Database): Dashboard['counts'] {
  const rows = db.prepare<[], { kind: string; n: number }>('SELECT kind, sum(n) AS n FROM plan_light_counts GROUP BY kind').all();
  const n = (k: string) => rows.find((r) => r.kind === k)?.n ?? 0;
  return { task: n('task'), project: n('project'), policy: n('policy'), indicator: n('indicator') };
}

/** Deadline text per item id (as written), for the tables. */
export function deadlineTexts(db: Database, ids: readonly number[]): Map<number, string> {
  if (!ids.length) return new Map();
  const rows = db.prepare<[string], { id: number; deadline_text: string }>('SELECT id, deadline_text FROM items WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids));
  return new Map(rows.map((r) => [r.id, r.deadline_text]));
}
