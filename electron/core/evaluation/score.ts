import type { EvaluationRow, EvaluationWeights } from '../../../shared/contract/schemas/evaluation';

/** A unit's numbers before it is scored and ranked. */
export type UnitFacts = Omit<EvaluationRow, 'rank' | 'score' | 'list' | 'listReasons'>;

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Percent with one decimal, null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? round1((part / whole) * 100) : null;
}

/**
 * The score: base + onTime × 按时报送率 + green × 绿灯占比 − overdue × 逾期事项 − extension × 获批延期
 * − urge × 被催办, clamped to 0–100, one decimal. A rate that cannot be computed (never asked, no
 * lights) counts as 0.
 */
export function scoreOf(f: UnitFacts, w: EvaluationWeights): number {
  const raw =
    w.base +
    (w.onTime * (f.onTimeRate ?? 0)) / 100 +
    (w.green * (f.greenShare ?? 0)) / 100 -
    w.overdue * f.overdueItems -
    w.extension * f.extensionsApproved -
    w.urge * f.urged;
  return round1(Math.min(100, Math.max(0, raw)));
}

/**
 * Scores and ranks the units, best first. Ties share a rank (1, 1, 3); within a tie the better on-time
 * rate comes first, then the caller's order. 红榜: rank within the top N (0 = any) and score ≥ the
 * threshold. 黄榜 (never a commended unit): among the bottom N (when there are more units than N),
 * or a score below the threshold, or more than K red lights.
 */
export function rankUnits(facts: readonly UnitFacts[], w: EvaluationWeights): EvaluationRow[] {
  const scored = facts.map((f, order) => ({ ...f, order, score: scoreOf(f, w) }));
  scored.sort((a, b) => b.score - a.score || (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) || a.order - b.order);
  return scored.map(({ order: _o, ...f }) => {
    const rank = 1 + scored.filter((o) => o.score > f.score).length;
    const worse = scored.filter((o) => o.score < f.score).length;
    const commend = (w.commendTopN === 0 || rank <= w.commendTopN) && f.score >= w.commendMinScore;
    const reasons: string[] = [];
    if (!commend) {
      if (w.criticiseBottomN > 0 && scored.length > w.criticiseBottomN && worse < w.criticiseBottomN) reasons.push(`排名后 ${w.criticiseBottomN} 位`);
      if (w.criticiseBelowScore > 0 && f.score < w.criticiseBelowScore) reasons.push(`得分低于 ${w.criticiseBelowScore} 分`);
      if (w.criticiseRedLights > 0 && f.red > w.criticiseRedLights) reasons.push(`红灯 ${f.red} 个`);
    }
    const list = commend ? ('commend' as const) : reasons.length ? ('criticise' as const) : null;
    return { ...f, rank, list, listReasons: reasons };
  });
}
