import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/contract/errors';
import type { ItemKind } from '../../../shared/contract/schemas/items';

/** A period as 考评 reads it. */
export interface EvalPeriod {
  id: number;
  name: string;
  start_date: string;
  end_date: string;
  due_date: string;
  closed: number;
}

/** The periods from one to the other (either order), oldest first, and whether the last is the newest of all. */
export function periodsInRange(db: Database, fromId: number, toId: number): { periods: EvalPeriod[]; lastIsNewest: boolean } {
  const all = db.prepare<[], EvalPeriod>('SELECT id, name, start_date, end_date, due_date, closed FROM periods ORDER BY start_date, id').all();
  const a = all.findIndex((p) => p.id === fromId);
  const b = all.findIndex((p) => p.id === toId);
  if (a < 0) throw new AppError('not_found', `调度期次（编号 ${fromId}）不存在`);
  if (b < 0) throw new AppError('not_found', `调度期次（编号 ${toId}）不存在`);
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  return { periods: all.slice(lo, hi + 1), lastIsNewest: hi === all.length - 1 };
}

/** The items in scope: tasks, projects and policies (or one kind), optionally of a plan and its sub-plans. */
export function scopeItemIds(db: Database, scope: { planId?: number; kind?: ItemKind }): number[] {
  const where = [scope.kind ? 'i.kind = @kind' : "i.kind IN ('task', 'project', 'policy')"];
  if (scope.planId !== undefined) where.push('i.plan_id IN (SELECT id FROM sub)');
  return db
    .prepare(
      `WITH RECURSIVE sub(id) AS (SELECT @plan UNION SELECT p.id FROM plans p JOIN sub ON p.parent_id = sub.id)
       SELECT i.id FROM items i WHERE ${where.join(' AND ')} ORDER BY i.id`,
    )
    .pluck()
    .all({ plan: scope.planId ?? null, kind: scope.kind ?? null }) as number[];
}

/** Unit id → the items in scope it leads or answers for (牵头或责任; a joint item counts for each). */
export function itemsByUnit(db: Database, itemIds: readonly number[]): Map<number, Set<number>> {
  const rows = db
    .prepare<[string], { unit_id: number; item_id: number }>(
      "SELECT DISTINCT unit_id, item_id FROM item_units WHERE role IN ('lead', 'resp') AND item_id IN (SELECT value FROM json_each(?))",
    )
    .all(JSON.stringify(itemIds));
  const out = new Map<number, Set<number>>();
  for (const r of rows) {
    if (!out.has(r.unit_id)) out.set(r.unit_id, new Set());
    out.get(r.unit_id)!.add(r.item_id);
  }
  return out;
}

/** What the scope says in words: 全部任务、项目、政策 or the plan's title and the kind. */
export function scopeText(db: Database, scope: { planId?: number; kind?: ItemKind }): string {
  const kinds: Record<ItemKind, string> = { task: '任务', project: '项目', policy: '政策', indicator: '指标' };
  const kind = scope.kind ? kinds[scope.kind] : '任务、项目、政策';
  if (scope.planId === undefined) return `全部${kind}`;
  const title = db.prepare('SELECT title FROM plans WHERE id = ?').pluck().get(scope.planId) as string | undefined;
  if (!title) throw new AppError('not_found', `方案（编号 ${scope.planId}）不存在`);
  return `${title}（${kind}）`;
}
