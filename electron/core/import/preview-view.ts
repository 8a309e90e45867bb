import type { Database } from 'better-sqlite3';
import type { FilePreview, ImportField, ImportProblem, PreviewItem, SheetPreview } from '../../../shared/contract/schemas/imports';
import type { ForeignSheetResult } from '../excel/read-foreign-sheet';
import { columnLetter } from '../excel/foreign/column-map';
import type { DraftItem, DraftProblem } from './draft';
import { previewImport, type ImportPreview, type PreviewRow } from './import-preview';
import type { SheetSet } from './import-sets';
import type { ParsedSource } from './parse-sources';

type Counts = { new: number; changed: number; unchanged: number; duplicate: number };
type UnknownUnits = ImportPreview['unknownUnits'];

const PROBLEM_LIMIT = 1000;

function itemView(d: DraftItem, row: PreviewRow): PreviewItem {
  return {
    key: d.key ?? '',
    row: d.source?.row ?? null,
    plan: d.plan,
    section: d.section ?? '',
    group: d.group ?? '',
    no: d.no,
    code: d.code ?? d.no,
    title: d.title,
    content: d.content,
    lead: d.lead,
    resp: d.resp,
    coop: d.coop,
    assignMode: d.kind,
    deadlineText: d.deadlineText ?? '',
    deadlineDate: d.deadlineDate ?? null,
    leader: d.leader ?? '',
    note: d.note ?? '',
    targets: (d.targets ?? []).map((t) => ({ label: t.label, comparator: t.comparator, value: t.value, unit: t.unit, display: t.display, text: t.text })),
    status: row.status,
    duplicateOf: row.duplicateOf ?? null,
    changes: row.changes,
  };
}

function problemView(p: DraftProblem): ImportProblem {
  return { file: p.file, sheet: p.sheet, row: p.row, column: p.column, severity: p.severity, message: p.message };
}

function columnsOf(sheet: ForeignSheetResult): SheetPreview['columns'] {
  const width = Math.max(sheet.headers.length, ...Object.keys(sheet.mapping).map((k) => Number(k) + 1));
  const out: SheetPreview['columns'] = [];
  for (let i = 0; i < width; i++) {
    const header = sheet.headers[i] ?? '';
    const field = (sheet.mapping[i] ?? 'ignore') as ImportField;
    if (header !== '' || field !== 'ignore') out.push({ index: i, letter: columnLetter(i), header, field });
  }
  return out;
}

function planExists(db: Database): (title: string) => boolean {
  const q = db.prepare<[string], { id: number }>('SELECT id FROM plans WHERE title = ?');
  return (title) => q.get(title) !== undefined;
}

function sheetView(db: Database, s: SheetSet, preview: ImportPreview, limit: number): SheetPreview {
  const exists = planExists(db);
  const { set, sheet } = s;
  return {
    name: sheet?.name ?? '方案文本',
    headerRow: sheet?.headerRow ?? 0,
    layoutKey: sheet?.layoutKey ?? '',
    mappingSource: sheet?.mappingSource ?? 'text',
    columns: sheet ? columnsOf(sheet) : [],
    plans: set.plans.map((p) => ({ title: p.title, sections: [...p.sections], isNew: !exists(p.title) })),
    counts: preview.counts,
    itemCount: set.items.length,
    items: set.items.slice(0, limit).map((d, i) => itemView(d, preview.rows[i])),
    problemCount: set.problems.length,
    problems: set.problems.slice(0, PROBLEM_LIMIT).map(problemView),
  };
}

const add = (a: Counts, b: Counts): Counts => ({ new: a.new + b.new, changed: a.changed + b.changed, unchanged: a.unchanged + b.unchanged, duplicate: a.duplicate + b.duplicate });
const ZERO: Counts = { new: 0, changed: 0, unchanged: 0, duplicate: 0 };

/** Joins unknown units of several sheets: counts add up, suggestions come from the first. */
export function mergeUnknown(lists: readonly UnknownUnits[]): UnknownUnits {
  const byName = new Map<string, UnknownUnits[number]>();
  for (const u of lists.flat()) {
    const seen = byName.get(u.name);
    byName.set(u.name, seen ? { ...seen, count: seen.count + u.count } : { ...u });
  }
  return [...byName.values()];
}

/** The preview of one source: what was understood, sheet by sheet, and what applying would do. */
export function fileView(db: Database, parsed: ParsedSource, sets: readonly SheetSet[], limit: number): { view: FilePreview; unknown: UnknownUnits } {
  const previews = sets.map((s) => previewImport(db, s.set));
  // Shown as compared: the office's own rows claimed, their plans with them.
  const sheets = sets.map((s, i) => sheetView(db, { ...s, set: previews[i].set }, previews[i], limit));
  const fileProblems = parsed.source === 'file' ? parsed.workbook.problems.map(problemView) : [];
  const error = parsed.source === 'file' && parsed.workbook.fileError ? (parsed.workbook.problems[0]?.message ?? `文件「${parsed.file}」无法读取`) : null;
  return {
    view: {
      file: parsed.file,
      source: parsed.source,
      hash: parsed.hash,
      error,
      problems: fileProblems,
      sheets,
      counts: previews.reduce((c, p) => add(c, p.counts), ZERO),
      alreadyImported: previews[0]?.alreadyImported ?? null,
    },
    unknown: mergeUnknown(previews.map((p) => p.unknownUnits)),
  };
}

export { add as addCounts, ZERO as ZERO_COUNTS };
