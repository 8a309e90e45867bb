import { useEffect, useState } from 'react';
import type { ItemKind } from '../../../../shared/contract/schemas/items';
import type { EvaluationTable, EvaluationTrend, EvaluationWeights } from '../../../../shared/contract/schemas/evaluation';
import type { Period } from '../../../../shared/contract/schemas/periods';
import { call } from '../../api/client';
import { notifyError } from '../../app/notify';

/** What the 考评 page asks for. */
export interface EvalChoice {
  fromId: number | null;
  toId: number | null;
  planId: number | null;
  kind: ItemKind | null;
  weights: EvaluationWeights | null;
}

/** Periods (oldest first) and the default range: the last three. */
export function usePeriodsRange(): { periods: Period[]; from: number | null; to: number | null } {
  const [state, setState] = useState<{ periods: Period[]; from: number | null; to: number | null }>({ periods: [], from: null, to: null });
  useEffect(() => {
    call('periods:list', {}).then((list) => {
      const periods = [...list].reverse();
      setState({ periods, from: periods[Math.max(0, periods.length - 3)]?.id ?? null, to: periods[periods.length - 1]?.id ?? null });
    }, notifyError);
  }, []);
  return state;
}

/** The table for the choice (re-read on every change: a weight edit re-ranks at once). */
export function useEvaluationTable(c: EvalChoice): EvaluationTable | null {
  const [table, setTable] = useState<EvaluationTable | null>(null);
  const key = JSON.stringify(c);
  useEffect(() => {
    if (!c.fromId || !c.toId || !c.weights) return;
    let live = true;
    call('evaluation:table', { fromPeriodId: c.fromId, toPeriodId: c.toId, planId: c.planId ?? undefined, kind: c.kind ?? undefined, weights: c.weights }).then((t) => live && setTable(t), notifyError);
    return () => {
      live = false;
    };
  }, [key]);
  return table;
}

/** The trend of the plan chosen (or everything), or of one unit. */
export function useEvaluationTrend(c: EvalChoice, unitId: number | null): EvaluationTrend | null {
  const [trend, setTrend] = useState<EvaluationTrend | null>(null);
  useEffect(() => {
    if (!c.fromId || !c.toId) return;
    let live = true;
    call('evaluation:trend', { fromPeriodId: c.fromId, toPeriodId: c.toId, planId: c.planId ?? undefined, unitId: unitId ?? undefined }).then((t) => live && setTrend(t), notifyError);
    return () => {
      live = false;
    };
  }, [c.fromId, c.toId, c.planId, unitId]);
  return trend;
}
