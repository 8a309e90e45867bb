import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { ItemQuerySchema } from '../../../shared/contract/schemas/items';

type Query = z.output<typeof ItemQuerySchema>;

/** The filters a query sets, named as buildItemFilter (item-query.ts) tests them. */
function filtersOf(q: Query): string[] {
  const set: [string, unknown][] = [
    ['planId', q.planId !== undefined],
    ['sectionId', q.sectionId !== undefined],
    ['origin', q.origin],
    ['unitId', q.unitId !== undefined],
    ['role', q.role],
    ['statuses', q.statuses?.length],
    ['deadlineFrom', q.deadlineFrom],
    ['deadlineTo', q.deadlineTo],
    ['overdue', q.overdue],
    ['closure', q.closure],
    ['levels', q.levels?.length],
    ['keyword', q.keyword],
    ['ids', q.ids !== undefined],
  ];
  return set.filter(([, on]) => on).map(([k]) => k);
}

/**
 * The total of a list whose only filter is one the database keeps a count for (migration 0011's
 * list_counts, or the kept lights' plan_light_counts): none, 来源, 单位 (with or without a role),
 * 逾期, 亮灯. Null for any other filter: the caller counts the rows.
 * The light counts are as of the last refreshLights, which the caller runs before a light filter.
 */
export function keptListCount(db: Database, q: Query, today: string): number | null {
  const set = filtersOf(q);
  const only = (...keys: string[]) => set.every((k) => keys.includes(k));
  const facet = (f: string) =>
    db.prepare('SELECT coalesce(sum(n), 0) FROM list_counts WHERE kind = ? AND facet = ?').pluck().get(q.kind, f) as number;
  if (!set.length) return facet('all');
  if (only('origin')) return facet(`origin:${q.origin}`);
  if (only('unitId', 'role') && q.unitId !== undefined) return facet(q.role ? `unit:${q.unitId}:${q.role}` : `unit:${q.unitId}`);
  if (only('overdue')) {
    return db
      .prepare("SELECT coalesce(sum(n), 0) FROM list_counts WHERE kind = ? AND facet >= 'due:' AND facet < 'due:' || ?")
      .pluck()
      .get(q.kind, today) as number;
  }
  if (only('levels')) {
    return db
      .prepare('SELECT coalesce(sum(n), 0) FROM plan_light_counts WHERE kind = ? AND level IN (SELECT value FROM json_each(?))')
      .pluck()
      .get(q.kind, JSON.stringify(q.levels)) as number;
  }
  return null;
}

/**
 * Whether the window of a light-filtered list tests each row's light by id (a primary-key probe per
 * row walked) rather than list the levels' ids first (one entry per lit item: 55,000 red ones take
 * 11 ms before the first row). Rows match about total/all of the kind, so the walk to the page's end
 * is about (offset + limit) · all / total rows; probing pays while that is below the levels' count.
 */
export function probeLevels(db: Database, q: Query, total: number): boolean {
  if (!q.levels?.length || !total) return false;
  const all = db.prepare("SELECT coalesce(sum(n), 0) FROM list_counts WHERE kind = ? AND facet = 'all'").pluck().get(q.kind) as number;
  const lit = db
    .prepare('SELECT coalesce(sum(n), 0) FROM plan_light_counts WHERE kind = ? AND level IN (SELECT value FROM json_each(?))')
    .pluck()
    .get(q.kind, JSON.stringify(q.levels)) as number;
  return ((q.offset + q.limit) * all) / total <= lit;
}
