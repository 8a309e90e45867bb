import type { Database } from 'better-sqlite3';
import type { Office } from '../../../shared/contract/schemas/office';
import type { PlanDocDraft, PlanDocInput, PlanDocState } from '../../../shared/contract/schemas/docout';
import { createSettingsRepository } from '../repositories/settings-repository';
import { servedPlace } from '../counterparts/suggest-names';

const DRAFT_KEY = 'plan_doc_draft';

interface PlanRow {
  id: number;
  parent_id: number | null;
  title: string;
  doc_no: string;
}

/** The place this office serves, as a document names it (湖南省岳阳市汨罗市 → 汨罗市): the same place unit names begin with. */
export const placeName = servedPlace;

function plans(db: Database): PlanRow[] {
  return db.prepare<[], PlanRow>('SELECT id, parent_id, title, doc_no FROM plans ORDER BY sort, id').all();
}

/** The upper documents the chosen plans belong to: each plan's root plan, once, in order. */
function rootPlans(db: Database, planIds: readonly number[] | null): PlanRow[] {
  const all = plans(db);
  const byId = new Map(all.map((p) => [p.id, p]));
  const rootOf = (p: PlanRow): PlanRow => {
    let cur = p;
    for (let guard = 0; cur.parent_id !== null && byId.has(cur.parent_id) && guard < 20; guard++) cur = byId.get(cur.parent_id)!;
    return cur;
  };
  const used = localPlanCounts(db).filter((c) => c.id !== 0 && (planIds === null || planIds.includes(c.id)));
  const roots = used.map((c) => rootOf(byId.get(c.id)!));
  return [...new Map(roots.map((r) => [r.id, r])).values()];
}

/** Plans that have local items (id 0 = local items without a plan), with how many. */
export function localPlanCounts(db: Database): { id: number; title: string; localCount: number }[] {
  return db
    .prepare<[], { id: number; title: string; localCount: number }>(
      `SELECT coalesce(p.id, 0) AS id, coalesce(p.title, '其他任务（未归入方案）') AS title, count(*) AS localCount
       FROM items i LEFT JOIN plans p ON p.id = i.plan_id WHERE i.origin = 'local'
       GROUP BY coalesce(p.id, 0) ORDER BY p.id IS NULL, p.sort, p.id`,
    )
    .all();
}

/** Suggested title and preface: 汨罗市落实《湖南省实施“七大攻坚”总体方案》实施方案, 为深入贯彻落实《…》（文号）精神… */
export function suggestedText(db: Database, planIds: readonly number[] | null): { title: string; preface: string } {
  const office = createSettingsRepository(db).office();
  const place = placeName(office);
  const roots = rootPlans(db, planIds);
  const quoted = roots.map((r) => `《${r.title}》`).join('');
  const cited = roots.map((r) => `《${r.title}》${r.doc_no ? `（${r.doc_no}）` : ''}`).join('和');
  const title = quoted ? `${place}落实${quoted}实施方案` : `${place}落实方案`;
  const where = place || '本地';
  const preface = cited
    ? `为深入贯彻落实${cited}精神，确保各项任务在${where}落地见效，结合${where}实际，制定本方案。`
    : `为推动各项重点任务在${where}落地见效，结合${where}实际，制定本方案。`;
  return { title, preface };
}

/** The kept draft, or the suggested one when none is kept yet. */
export function planDocState(db: Database): PlanDocState {
  const kept = createSettingsRepository(db).getJson<PlanDocDraft>(DRAFT_KEY);
  const suggested = suggestedText(db, kept?.planIds ?? null);
  const draft: PlanDocDraft = kept ?? { ...suggestedText(db, null), planIds: null, savedAt: null };
  return { draft, plans: localPlanCounts(db), suggested };
}

/** Keeps title, preface and plan choice, so the clerk can come back to the draft. */
export function savePlanDocDraft(db: Database, input: PlanDocInput, at: string): PlanDocDraft {
  const draft: PlanDocDraft = { title: input.title.trim(), preface: input.preface, planIds: input.planIds, savedAt: at };
  createSettingsRepository(db).setJson(DRAFT_KEY, draft);
  return draft;
}
