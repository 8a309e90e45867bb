import type { Database } from 'better-sqlite3';
import { parseNumbering, toHalfWidth } from '../parse/text-normalize';
import type { DraftItem } from './draft';
import type { ImportPlan, ImportSet } from './import-set';

/** 《内需扩量提效攻坚实施方案》, 内需扩量提效攻坚实施方案, （一）内需扩量提效攻坚 → 内需扩量提效攻坚. */
export function planKey(title: string): string {
  let t = toHalfWidth(title).replace(/[\s《》〈〉<>“”"'‘’「」]/g, '');
  const numbering = parseNumbering(t);
  if (numbering && numbering.rest !== '') t = numbering.rest;
  return t.replace(/(?:的)?(?:实施方案|工作方案|行动方案|方案)$/, '');
}

/** The key without a trailing 攻坚 / 行动 / 工作 as well: 攻坚方向「内需扩量提效」names 内需扩量提效攻坚实施方案. */
export function loosePlanKey(title: string): string {
  return planKey(title).replace(/(?:攻坚行动|专项行动|攻坚|行动|工作)$/, '');
}

/**
 * The stored plan a draft's plan name stands for: the same title; else the one title with the same
 * key (《》 and the 实施方案 suffix aside); else the one with the same loose key. Null when none or
 * more than one would fit (two plans are never guessed between).
 */
export function createPlanFinder(db: Database): (title: string) => string | null {
  const titles = db.prepare<[], { title: string }>('SELECT title FROM plans ORDER BY id').all().map((p) => p.title);
  const exact = new Set(titles);
  const unique = (key: (t: string) => string, title: string): string | null => {
    const k = key(title);
    if (k === '') return null;
    const hits = titles.filter((t) => key(t) === k);
    return hits.length === 1 ? hits[0] : null;
  };
  const memo = new Map<string, string | null>();
  return (title) => {
    if (exact.has(title)) return title;
    if (!memo.has(title)) memo.set(title, unique(planKey, title) ?? unique(loosePlanKey, title));
    return memo.get(title)!;
  };
}

function renamePlans(plans: readonly ImportPlan[], rename: (title: string) => string): ImportPlan[] {
  const out = new Map<string, ImportPlan>();
  for (const p of plans) {
    const title = rename(p.title);
    const seen = out.get(title);
    if (!seen) out.set(title, { ...p, title, parentTitle: p.parentTitle ? rename(p.parentTitle) : p.parentTitle });
    else out.set(title, { ...seen, sections: [...new Set([...seen.sections, ...p.sections])] });
  }
  return [...out.values()];
}

/**
 * Files a set's plans under the stored plans they name, however written (《》, with or without 实施方案,
 * a 攻坚方向 column's campaign name), so the same plan from another source is not a second plan and its
 * items are compared with the stored ones. Idempotent; the set is returned unchanged when nothing is renamed.
 */
export function resolvePlanNames(db: Database, set: ImportSet): ImportSet {
  const find = createPlanFinder(db);
  const names = new Set([...set.plans.map((p) => p.title), ...set.items.map((d) => d.plan)]);
  const renamed = new Map<string, string>();
  for (const n of names) {
    const stored = find(n);
    if (stored !== null && stored !== n) renamed.set(n, stored);
  }
  if (renamed.size === 0) return set;
  const rename = (t: string) => renamed.get(t) ?? t;
  const items = set.items.map((d): DraftItem => (renamed.has(d.plan) ? { ...d, plan: rename(d.plan) } : d));
  return { ...set, plans: renamePlans(set.plans, rename), items };
}
