import type { Database } from 'better-sqlite3';
import { toHalfWidth } from '../parse/text-normalize';

/**
 * Text reduced for comparing the same task written by two sources (the plan text, the upper
 * office's workbook, another office's list): half-width, no spaces, punctuation or quotes, so
 * 推动“两重”建设 and 推动"两重"建设 are one text.
 */
export function matchText(text: string): string {
  return toHalfWidth(text).replace(/[\s\p{P}\p{S}]+/gu, '').toLowerCase();
}

function bigrams(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length - 1; i++) out.push(text.slice(i, i + 2));
  return out;
}

/** Shared two-character pieces, 0…1 (Dice): how much two longer texts say the same thing. */
export function dice(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const counts = new Map<string, number>();
  for (const g of bigrams(a)) counts.set(g, (counts.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of bigrams(b)) {
    const n = counts.get(g) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(g, n - 1);
    }
  }
  return (2 * shared) / (a.length - 1 + b.length - 1);
}

/** 1 − edit distance / longer length: how close two short texts (titles) are, 0…1. */
export function closeness(a: string, b: string): number {
  if (a === b) return 1;
  const long = Math.max(a.length, b.length);
  if (long === 0) return 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return 1 - prev[b.length] / long;
}

/** A title at least this close, or a content at least this alike, makes a likely duplicate. */
export const NEAR_TITLE = 0.7;
export const NEAR_CONTENT = 0.8;
/** Contents shorter than this say too little to match on alone. */
const MIN_CONTENT = 10;
const PREFIX = 12;

interface Stored {
  id: number;
  title: string;
  content: string;
}

/** What a draft's text found among a plan's stored items: the same task, or a likely duplicate. */
export type TextMatch = { id: number; sure: true } | { id: number; sure: false; score: number };

/** The most alike of some stored items (reduced texts) if it is close enough to be a likely duplicate. */
function closest(items: readonly Stored[], t: string, c: string): TextMatch | null {
  let best: { id: number; sure: false; score: number } | null = null;
  for (const it of items) {
    const byT = closeness(t, it.title);
    const byC = c.length >= MIN_CONTENT && it.content.length >= MIN_CONTENT ? dice(c, it.content) : 0;
    if (byT < NEAR_TITLE && byC < NEAR_CONTENT) continue;
    const score = Math.max(byT, byC);
    if (!best || score > best.score) best = { id: it.id, sure: false, score };
  }
  return best;
}

/** A plan's stored items indexed by their reduced title and content, read once when first asked. */
export function createPlanIndex(db: Database, kind: string, planId: number) {
  const rows = db.prepare<[string, number], Stored>('SELECT id, title, content FROM items WHERE kind = ? AND plan_id = ? ORDER BY seq, id').all(kind, planId);
  const items = rows.map((r) => ({ id: r.id, title: matchText(r.title), content: matchText(r.content) }));
  const byTitle = new Map<string, number[]>();
  const byContent = new Map<string, number[]>();
  const byPiece = new Map<string, Set<number>>();
  const push = (m: Map<string, number[]>, key: string, i: number) => (m.get(key) ?? m.set(key, []).get(key)!).push(i);
  items.forEach((it, i) => {
    if (it.title) push(byTitle, it.title, i);
    if (it.content.length >= MIN_CONTENT) push(byContent, it.content, i);
    const pieces = [...bigrams(it.title), `\u0001${it.content.slice(0, PREFIX)}`];
    for (const g of pieces) (byPiece.get(g) ?? byPiece.set(g, new Set()).get(g)!).add(i);
  });
  /** Items sharing half the title's two-character pieces, or the content's opening: the only ones worth scoring. */
  const candidatesOf = (t: string, c: string): Set<number> => {
    const shared = new Map<number, number>();
    const pieces = bigrams(t);
    for (const g of pieces) byPiece.get(g)?.forEach((i) => shared.set(i, (shared.get(i) ?? 0) + 1));
    const out = new Set([...shared].filter(([, n]) => n * 2 >= pieces.length).map(([i]) => i));
    if (c.length >= MIN_CONTENT) byPiece.get(`\u0001${c.slice(0, PREFIX)}`)?.forEach((i) => out.add(i));
    return out;
  };
  const first = (list: number[] | undefined, taken: ReadonlySet<number>) => list?.map((i) => items[i].id).find((id) => !taken.has(id));
  return {
    /** The stored item with the same title or content (not yet taken by another row), else the closest likely one. */
    find(title: string, content: string, taken: ReadonlySet<number>): TextMatch | null {
      const t = matchText(title);
      const c = matchText(content);
      const same = first(byTitle.get(t), taken) ?? (c.length >= MIN_CONTENT ? first(byContent.get(c), taken) : undefined);
      if (same !== undefined) return { id: same, sure: true };
      return closest([...candidatesOf(t, c)].map((i) => items[i]).filter((it) => !taken.has(it.id)), t, c);
    },
  };
}
export type PlanIndex = ReturnType<typeof createPlanIndex>;
