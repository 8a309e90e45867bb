import type { Database } from 'better-sqlite3';
import type { EvaluationQuery, EvaluationTable } from '../../../shared/contract/schemas/evaluation';
import { createSettingsRepository } from '../repositories/settings-repository';
import { followupByUnit } from './followup-counts';
import { countColours, periodLights } from './period-lights';
import { reportingByUnit } from './reporting';
import { percent, rankUnits, type UnitFacts } from './score';
import { itemsByUnit, periodsInRange, scopeItemIds, scopeText } from './scope';

/**
 * 考评 over a range of periods: per unit that leads or answers for items in scope and was asked to
 * report at least once in the range — 报送 (from the bulletin's facts), lights of its items in each
 * period (snapshot / kept / judged), overdue items, extensions, 催办 — scored, ranked, 红黄榜.
 */
export function evaluationTable(db: Database, q: EvaluationQuery, today: string): EvaluationTable {
  const { periods, lastIsNewest } = periodsInRange(db, q.fromPeriodId, q.toPeriodId);
  const weights = q.weights ?? createSettingsRepository(db).settings().evaluationWeights;
  const scope = { planId: q.planId, kind: q.kind };
  const ids = scopeItemIds(db, scope);
  const itemsOfUnit = itemsByUnit(db, ids);
  const first = periods[0];
  const last = periods[periods.length - 1];
  const asOf = today < last.end_date ? today : last.end_date;
  const to = lastIsNewest && today > last.end_date ? today : last.end_date;
  const reporting = reportingByUnit(db, periods, today);
  const lights = periods.map((p, n) => periodLights(db, p, lastIsNewest && n === periods.length - 1, today));
  const follow = followupByUnit(db, itemsOfUnit, ids, { from: first.start_date, to, asOf });
  const units = db.prepare<[], { id: number; name: string }>('SELECT id, name FROM units ORDER BY sort, id').all();
  const facts: UnitFacts[] = [];
  for (const u of units) {
    const items = itemsOfUnit.get(u.id);
    const r = reporting.get(u.name);
    if (!items || !r || r.expected === 0) continue;
    const c = { red: 0, yellow: 0, green: 0 };
    for (const l of lights) {
      const n = countColours(l.levels, items);
      c.red += n.red;
      c.yellow += n.yellow;
      c.green += n.green;
    }
    const f = follow.get(u.id) ?? { overdueItems: 0, extensionsRequested: 0, extensionsApproved: 0, urged: 0 };
    facts.push({
      unitId: u.id,
      unitName: u.name,
      ...r,
      onTimeRate: percent(r.onTime, r.expected),
      ...c,
      greenShare: percent(c.green, c.red + c.yellow + c.green),
      ...f,
    });
  }
  return {
    periods: periods.map((p, n) => ({ id: p.id, name: p.name, closed: p.closed === 1, lightSource: lights[n].source })),
    asOf,
    scope: scopeText(db, scope),
    weights,
    rows: rankUnits(facts, weights),
  };
}
