import type { Database } from 'better-sqlite3';
import { listCode } from '../../../shared/contract/item-code';
import { createUnitsRepository, normalizeUnitName } from '../repositories/units-repository';
import type { DraftItem } from './draft';
import type { ImportSet } from './import-set';
import { createItemMatcher, draftImage, IMAGE_LABELS, type ItemImage } from './item-match';
import { claimOwnItems } from './own-items';
import { resolvePlanNames } from './plan-match';
import { withoutUnitPhrases } from './unit-phrases';

/** duplicate: 疑似重复, a likely copy of `existingId` the user merges into it or keeps as new. */
export type RowStatus = 'new' | 'changed' | 'unchanged' | 'duplicate';

/** The stored item a likely duplicate resembles, as the preview names it. */
export interface DuplicateOf {
  id: number;
  plan: string;
  section: string;
  code: string;
  title: string;
  /** How alike, 0…1. */
  score: number;
}

/** One draft item against the database. */
export interface PreviewRow {
  index: number;
  status: RowStatus;
  existingId: number | null;
  plan: string;
  section: string;
  no: string;
  title: string;
  lead: string;
  resp: string;
  coop: string;
  deadlineText: string;
  changes: { field: keyof ItemImage; label: string; before: string; after: string }[];
  source?: DraftItem['source'];
  /** Set on a likely duplicate: the item it resembles (changes are against it). */
  duplicateOf?: DuplicateOf;
}

/** What applying would do. */
export interface ImportPreview {
  counts: { new: number; changed: number; unchanged: number; duplicate: number };
  rows: PreviewRow[];
  /** Names the directory does not know, with how many items use them and close matches. */
  unknownUnits: { name: string; count: number; suggestions: { id: number; name: string }[] }[];
  /** An earlier, not undone batch of the same bytes. */
  alreadyImported: { batchId: number; at: string } | null;
  /** The set as compared: the office's own rows claimed (own-items.ts); apply and the view use this one. */
  set: ImportSet;
}

/** True when every character of `short` appears in `long` in order (省发改委 in 省发展改革委). */
function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}

function bigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < text.length - 1; i++) out.add(text.slice(i, i + 2));
  return out;
}

/** How much a directory name looks like an unknown one: 2 for an abbreviation, else shared two-character pieces. */
function likeness(unknown: string, known: string): number {
  if (unknown.length >= 2 && unknown[0] === known[0] && isSubsequence(unknown, known)) return 2;
  const a = bigrams(unknown);
  const b = bigrams(known);
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return shared / Math.max(1, Math.min(a.size, b.size));
}

const MIN_LIKENESS = 0.5;

/** Close directory units for unknown names (abbreviations such as 省发改委, or shared words), best first. */
function createSuggester(db: Database): (name: string) => { id: number; name: string }[] {
  const directory = db
    .prepare<[], { id: number; name: string; alias: string | null }>('SELECT u.id, u.name, a.alias FROM units u LEFT JOIN unit_aliases a ON a.unit_id = u.id')
    .all();
  return (name) => {
    const best = new Map<number, { id: number; name: string; score: number }>();
    for (const d of directory) {
      const score = Math.max(likeness(name, d.name), d.alias ? likeness(name, d.alias) : 0);
      if (score >= MIN_LIKENESS && score > (best.get(d.id)?.score ?? 0)) best.set(d.id, { id: d.id, name: d.name, score });
    }
    return [...best.values()].sort((x, y) => y.score - x.score).slice(0, 5).map(({ id, name: n }) => ({ id, name: n }));
  };
}

function unknownUnits(db: Database, items: readonly DraftItem[], known: (name: string) => boolean): ImportPreview['unknownUnits'] {
  const counts = new Map<string, number>();
  for (const d of items) {
    for (const n of new Set([...d.lead, ...d.resp, ...d.coop].map(normalizeUnitName))) {
      if (n && !known(n)) counts.set(n, (counts.get(n) ?? 0) + 1);
    }
  }
  const suggest = counts.size ? createSuggester(db) : () => [];
  return [...counts].map(([name, count]) => ({ name, count, suggestions: suggest(name) }));
}

/** Resolves a name to the directory's canonical name, or keeps it (memoised: names repeat on every row). */
export function canonicalNamer(db: Database): ((name: string) => string) & { known(name: string): boolean } {
  const units = createUnitsRepository(db);
  const nameOf = db.prepare<[number], { name: string }>('SELECT name FROM units WHERE id = ?');
  const memo = new Map<string, string | null>();
  const lookup = (name: string): string | null => {
    if (!memo.has(name)) {
      const id = units.resolve(name);
      memo.set(name, id === null ? null : nameOf.get(id)!.name);
    }
    return memo.get(name)!;
  };
  const canonical = (name: string) => lookup(name) ?? normalizeUnitName(name);
  return Object.assign(canonical, { known: (name: string) => lookup(name) !== null });
}

function changesOf(before: ItemImage, after: ItemImage): PreviewRow['changes'] {
  return (Object.keys(after) as (keyof ItemImage)[])
    .filter((k) => before[k] !== after[k])
    .map((k) => ({ field: k, label: IMAGE_LABELS[k], before: String(before[k]), after: String(after[k]) }));
}

function describer(db: Database) {
  const q = db.prepare<[number], Omit<DuplicateOf, 'id' | 'score'> & { group_name: string }>(
    `SELECT coalesce(p.title, '') AS plan, coalesce(s.name, '') AS section, i.code, i.title, i.group_name
     FROM items i LEFT JOIN plans p ON p.id = i.plan_id LEFT JOIN sections s ON s.id = i.section_id WHERE i.id = ?`,
  );
  return (id: number, score: number): DuplicateOf => {
    const { group_name: group, ...r } = q.get(id)!;
    // The code as the list shows it (1-1), so the user finds the item there.
    return { id, score: Math.round(score * 100) / 100, ...r, code: listCode(r.code, r.section, group) };
  };
}

/**
 * Compares a set with the database without writing anything. The set is first filed as stored:
 * phrases such as 各行业主管部门 set aside from the units (unit-phrases.ts), the office's own rows
 * claimed (own-items.ts), plan names resolved to stored plans (plan-match.ts).
 */
export function previewImport(db: Database, given: ImportSet): ImportPreview {
  const set = resolvePlanNames(db, claimOwnItems(db, withoutUnitPhrases(given)));
  const canonical = canonicalNamer(db);
  const match = createItemMatcher(db, set.kind);
  const describe = describer(db);
  const rows = set.items.map((d, index): PreviewRow => {
    const hit = match.find(match.locate(d), d);
    const existingId = hit?.id ?? null;
    const before = existingId === null ? null : match.stored(existingId);
    const after = draftImage(d, canonical, before);
    const changes = before ? changesOf(before, after) : [];
    const status: RowStatus = !hit ? 'new' : !hit.sure ? 'duplicate' : changes.length ? 'changed' : 'unchanged';
    const row: PreviewRow = { index, status, existingId, plan: d.plan, section: d.section ?? '', no: d.no, title: d.title, lead: after.lead, resp: after.resp, coop: after.coop, deadlineText: after.deadline_text, changes, source: d.source };
    if (hit && !hit.sure) row.duplicateOf = describe(hit.id, hit.score);
    return row;
  });
  const counts = { new: 0, changed: 0, unchanged: 0, duplicate: 0 };
  rows.forEach((r) => counts[r.status]++);
  const prior = db
    .prepare("SELECT id, created_at FROM import_batches WHERE file_hash = ? AND file_hash <> '' AND undone_at IS NULL ORDER BY id DESC")
    .get(set.hash) as { id: number; created_at: string } | undefined;
  return { counts, rows, unknownUnits: unknownUnits(db, set.items, canonical.known), alreadyImported: prior ? { batchId: prior.id, at: prior.created_at } : null, set };
}
