import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/contract/errors';
import type { EvaluationTrend, EvaluationTrendQuery } from '../../../shared/contract/schemas/evaluation';
import { countColours, periodLights } from './period-lights';
import { itemsByUnit, periodsInRange, scopeItemIds, scopeText } from './scope';

interface ReportRow {
  item_id: number;
  status: string | null;
  completion_ratio: number | null;
}

/**
 * Average reported progress of a period: each reported item's progress (已完成 = 100, else its
 * 完成比例; several units' reports of one item are averaged), then the mean over the items reported.
 */
function averageProgress(rows: readonly ReportRow[]): { progress: number | null; reportedItems: number } {
  const byItem = new Map<number, number[]>();
  for (const r of rows) {
    const v = r.status === 'done' ? 100 : r.completion_ratio;
    if (v === null) continue;
    byItem.set(r.item_id, [...(byItem.get(r.item_id) ?? []), v]);
  }
  if (!byItem.size) return { progress: null, reportedItems: 0 };
  const means = [...byItem.values()].map((vs) => vs.reduce((a, b) => a + b, 0) / vs.length);
  return { progress: Math.round((means.reduce((a, b) => a + b, 0) / means.length) * 10) / 10, reportedItems: byItem.size };
}

/** Progress and lights over the periods for a plan (its items) or a unit (the items it leads or answers for, its own reports). */
export function evaluationTrend(db: Database, q: EvaluationTrendQuery, today: string): EvaluationTrend {
  const { periods, lastIsNewest } = periodsInRange(db, q.fromPeriodId, q.toPeriodId);
  let ids = scopeItemIds(db, { planId: q.planId });
  let title = scopeText(db, { planId: q.planId });
  if (q.unitId !== undefined) {
    const name = db.prepare('SELECT name FROM units WHERE id = ?').pluck().get(q.unitId) as string | undefined;
    if (!name) throw new AppError('not_found', `单位（编号 ${q.unitId}）不存在`);
    ids = [...(itemsByUnit(db, ids).get(q.unitId) ?? [])];
    title = q.planId === undefined ? name : `${name}·${title}`;
  }
  const reports = db.prepare<[{ p: number; ids: string; unit: number | null }], ReportRow>(
    `SELECT item_id, status, completion_ratio FROM reports
     WHERE period_id = @p AND item_id IN (SELECT value FROM json_each(@ids)) AND (@unit IS NULL OR unit_id = @unit)`,
  );
  const points = periods.map((p, n) => {
    const lights = periodLights(db, p, lastIsNewest && n === periods.length - 1, today);
    return {
      periodId: p.id,
      periodName: p.name,
      ...averageProgress(reports.all({ p: p.id, ids: JSON.stringify(ids), unit: q.unitId ?? null })),
      ...countColours(lights.levels, ids),
    };
  });
  return { title, points };
}
