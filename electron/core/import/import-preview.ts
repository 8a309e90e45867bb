import type { Database } from 'better-sqlite3';
import { createUnitsRepository, normalizeUnitName } from '../repositories/units-repository';
import type { DraftItem } from './draft';
import type { ImportSet } from './import-set';
import { draftImage, findExisting, IMAGE_LABELS, storedImage, type ItemImage } from './item-match';

export type RowStatus = 'new' | 'changed' | 'unchanged';

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
}

/** What applying would do. */
export interface ImportPreview {
  counts: { new: number; changed: number; unchanged: number };
  rows: PreviewRow[];
  /** Names the directory does not know, with how many items use them and close matches. */
  unknownUnits: { name: string; count: number; suggestions: { id: number; name: string }[] }[];
  /** An earlier, not undone batch of the same bytes. */
  alreadyImported: { batchId: number; at: string } | null;
}

function suggestionsFor(db: Database, name: string): { id: number; name: string }[] {
  const core = name.replace(/^(省|市|县|区)/, '').slice(0, 2);
  if (!core) return [];
  return db
    .prepare<[string, string], { id: number; name: string }>(
      'SELECT DISTINCT u.id, u.name FROM units u LEFT JOIN unit_aliases a ON a.unit_id = u.id WHERE instr(u.name, ?) > 0 OR instr(a.alias, ?) > 0 LIMIT 5',
    )
    .all(core, core);
}

function unknownUnits(db: Database, items: readonly DraftItem[]): ImportPreview['unknownUnits'] {
  const units = createUnitsRepository(db);
  const counts = new Map<string, number>();
  for (const d of items) {
    for (const n of new Set([...d.lead, ...d.resp, ...d.coop].map(normalizeUnitName))) {
      if (n && units.resolve(n) === null) counts.set(n, (counts.get(n) ?? 0) + 1);
    }
  }
  return [...counts].map(([name, count]) => ({ name, count, suggestions: suggestionsFor(db, name) }));
}

/** Resolves a name to the directory's canonical name, or keeps it. */
export function canonicalNamer(db: Database): (name: string) => string {
  const units = createUnitsRepository(db);
  const nameOf = db.prepare<[number], { name: string }>('SELECT name FROM units WHERE id = ?');
  return (name) => {
    const id = units.resolve(name);
    return id === null ? normalizeUnitName(name) : nameOf.get(id)!.name;
  };
}

function locate(db: Database, d: DraftItem): { planId: number | null; sectionId: number | null } {
  const plan = db.prepare('SELECT id FROM plans WHERE title = ?').get(d.plan) as { id: number } | undefined;
  if (!plan) return { planId: null, sectionId: null };
  const sec = d.section ? (db.prepare('SELECT id FROM sections WHERE plan_id = ? AND name = ?').get(plan.id, d.section) as { id: number } | undefined) : undefined;
  return { planId: plan.id, sectionId: sec?.id ?? null };
}

/** Compares a set with the database without writing anything. */
export function previewImport(db: Database, set: ImportSet): ImportPreview {
  const canonical = canonicalNamer(db);
  const rows = set.items.map((d, index): PreviewRow => {
    const { planId, sectionId } = locate(db, d);
    const existingId = planId === null ? null : findExisting(db, set.kind, planId, sectionId, d);
    const after = draftImage(d, canonical);
    const before = existingId === null ? null : storedImage(db, existingId);
    const changes = before
      ? (Object.keys(after) as (keyof ItemImage)[])
          .filter((k) => before[k] !== after[k])
          .map((k) => ({ field: k, label: IMAGE_LABELS[k], before: String(before[k]), after: String(after[k]) }))
      : [];
    const status: RowStatus = !before ? 'new' : changes.length ? 'changed' : 'unchanged';
    return { index, status, existingId, plan: d.plan, section: d.section ?? '', no: d.no, title: d.title, lead: after.lead, resp: after.resp, coop: after.coop, deadlineText: after.deadline_text, changes, source: d.source };
  });
  const counts = { new: 0, changed: 0, unchanged: 0 };
  rows.forEach((r) => counts[r.status]++);
  const prior = db
    .prepare("SELECT id, created_at FROM import_batches WHERE file_hash = ? AND file_hash <> '' AND undone_at IS NULL ORDER BY id DESC")
    .get(set.hash) as { id: number; created_at: string } | undefined;
  return { counts, rows, unknownUnits: unknownUnits(db, set.items), alreadyImported: prior ? { batchId: prior.id, at: prior.created_at } : null };
}
