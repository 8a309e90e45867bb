import type { Database } from 'better-sqlite3';
import { LIGHT_LEVELS, type LightLevel } from '../../../shared/contract/schemas/lights';
import { keptLights } from '../lights/kept-lights';
import { judgeItems } from '../lights/lights';
import { bulletinAsOf } from '../services/bulletin-facts';
import type { EvalPeriod } from './scope';

export type LightSource = 'snapshot' | 'kept' | 'judged';

/** 红 / 黄 / 绿 as 考评 counts them: bad, warn, good or done (完成 counts as green). */
export type Colour = 'red' | 'yellow' | 'green';
export const COLOUR_OF: Record<LightLevel, Colour> = { bad: 'red', warn: 'yellow', good: 'green', done: 'green' };

/**
 * The lights of a period, item id → level. A closed period: the snapshot taken when it closed. The
 * newest open period: the kept (current) lights, as the dashboard shows them. Any other period: its
 * snapshot when it has one, else the lights judged as of its end.
 */
export function periodLights(db: Database, p: EvalPeriod, newest: boolean, today: string): { source: LightSource; levels: Map<number, LightLevel> } {
  if (newest && p.closed === 0) return { source: 'kept', levels: new Map(keptLights(db, today).map((l) => [l.id, l.level])) };
  const snap = db.prepare<[number], { item_id: number; light: string }>('SELECT item_id, light FROM light_snapshots WHERE period_id = ?').all(p.id);
  const valid = snap.filter((r) => (LIGHT_LEVELS as readonly string[]).includes(r.light));
  if (valid.length) return { source: 'snapshot', levels: new Map(valid.map((r) => [r.item_id, r.light as LightLevel])) };
  const judged = judgeItems(db, { asOfPeriodId: p.id }, bulletinAsOf(p, today));
  return { source: 'judged', levels: new Map(judged.map((r) => [r.id, r.verdict.level])) };
}

/** Red, yellow and green counts of some items under one period's lights. */
export function countColours(levels: ReadonlyMap<number, LightLevel>, items: Iterable<number>): Record<Colour, number> {
  const out = { red: 0, yellow: 0, green: 0 };
  for (const id of items) {
    const level = levels.get(id);
    if (level) out[COLOUR_OF[level]] += 1;
  }
  return out;
}
