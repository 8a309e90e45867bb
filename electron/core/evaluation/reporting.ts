import type { Database } from 'better-sqlite3';
import { gatherBulletinFacts } from '../services/bulletin-facts';
import type { EvalPeriod } from './scope';

export interface ReportingTally {
  expected: number;
  onTime: number;
  late: number;
  missing: number;
}

/**
 * 报送 per unit name over the periods, from the bulletin's facts of each period (who was asked,
 * who sent nothing, who sent only after the due date). A unit that has not reported in a period
 * whose due date is still to come (and that is not closed) is not counted for that period.
 */
export function reportingByUnit(db: Database, periods: readonly EvalPeriod[], today: string): Map<string, ReportingTally> {
  const out = new Map<string, ReportingTally>();
  for (const p of periods) {
    const f = gatherBulletinFacts(db, p.id, today);
    const due = p.closed === 1 || today > p.due_date;
    const missing = new Set(f.missingUnits);
    const late = new Set(f.lateUnits);
    for (const name of f.expectedUnits) {
      if (missing.has(name) && !due) continue;
      const t = out.get(name) ?? { expected: 0, onTime: 0, late: 0, missing: 0 };
      t.expected += 1;
      if (missing.has(name)) t.missing += 1;
      else if (late.has(name)) t.late += 1;
      else t.onTime += 1;
      out.set(name, t);
    }
  }
  return out;
}
