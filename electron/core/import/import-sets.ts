import { createHash } from 'node:crypto';
import type { ItemKind } from '../../../shared/contract/schemas/items';
import type { ForeignSheetResult } from '../excel/read-foreign-sheet';
import type { DraftItem } from './draft';
import type { ImportPlan, ImportSet } from './import-set';
import type { ParsedSource } from './parse-sources';
import type { ParsedPlanText } from './plan-text/parse-plan-text';

/** One data sheet of a source (or the pasted text) as an import set. */
export interface SheetSet {
  /** Null for pasted text. */
  sheet: ForeignSheetResult | null;
  set: ImportSet;
}

/** Sections in the order items name them (group headings stay groups, not sections). */
function sectionsOf(items: readonly DraftItem[]): string[] {
  return [...new Set(items.map((d) => d.section).filter((s): s is string => !!s))];
}

/** The plans a sheet's items belong to (one, unless a 所属方案 column names several), each with its sections. */
function sheetPlans(sheet: ForeignSheetResult): ImportPlan[] {
  const byPlan = new Map<string, DraftItem[]>();
  for (const d of sheet.items) {
    const list = byPlan.get(d.plan);
    if (list) list.push(d);
    else byPlan.set(d.plan, [d]);
  }
  if (byPlan.size === 0) return [{ title: sheet.plan, campaign: sheet.campaign, sections: [] }];
  return [...byPlan].map(([title, items]) => ({ title, campaign: items[0].campaign, sections: sectionsOf(items) }));
}

/** The rows stamped with their key (file|sheet|n), the same in the preview and in the apply that reads the file again. */
function keyed(items: readonly DraftItem[], prefix: string): DraftItem[] {
  return items.map((d, i) => ({ ...d, key: `${prefix}|${i + 1}` }));
}

/** The import sets of one parsed source: one per data sheet, or one for the text. */
export function setsOf(p: ParsedSource, kind: ItemKind, origin: 'upper' | 'local'): SheetSet[] {
  if (p.source === 'text') return [textSet(p.file, p.hash, p.text, kind, origin)];
  if (p.workbook.fileError) return [];
  const sheets: SheetSet[] = p.workbook.sheets.map((sheet) => ({
    sheet,
    set: { source: p.file, hash: p.hash, kind, origin, plans: sheetPlans(sheet), items: keyed(sheet.items, `${p.file}|${sheet.name}`), problems: sheet.problems },
  }));
  // A Word/PDF document's body text, when it holds tasks: one more set, as pasted text is.
  if (p.text && p.text.items.length > 0) sheets.push(textSet(p.file, p.hash, p.text, kind, origin));
  return sheets;
}

function textSet(file: string, hash: string, text: ParsedPlanText, kind: ItemKind, origin: 'upper' | 'local'): SheetSet {
  const plans = text.plans.map((pl) => ({ ...pl, members: [...pl.members], sections: [...pl.sections] }));
  return { sheet: null, set: { source: file, hash, kind, origin, plans, items: keyed(text.items, `${file}|方案文本`), problems: text.problems } };
}

function sourceName(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  const shown = names.slice(0, 3).join('、');
  return names.length > 3 ? `${shown} 等 ${names.length} 个来源` : shown;
}

/**
 * Joins the sets of one apply into one set, so the whole apply is one transaction and one batch.
 * A single source keeps its own hash (so importing the same file again is recognised).
 */
export function mergeSets(sets: readonly ImportSet[]): ImportSet {
  const names = [...new Set(sets.map((s) => s.source))];
  const hashes = [...new Set(sets.map((s) => s.hash))];
  const hash = hashes.length === 1 ? hashes[0] : createHash('sha256').update([...hashes].sort().join('\n')).digest('hex');
  return {
    source: sourceName(names),
    hash,
    kind: sets[0]?.kind ?? 'task',
    origin: sets[0]?.origin ?? 'upper',
    plans: sets.flatMap((s) => s.plans),
    items: sets.flatMap((s) => s.items),
    problems: sets.flatMap((s) => s.problems),
  };
}
