import { randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import { createBatchRecorder, type BatchRecorder } from '../batches/batch-recorder';
import { openBatch, setBatchCounts } from '../batches/batches';
import { deferItemIndexing, deferItemMarks, deferListCounts, deferUnitCounts } from '../db/search-index';
import { statementCache } from '../db/statement-cache';
import { createHistory, type ChangeEntry } from '../services/history';
import { parseDeadline } from '../parse/deadline';
import { createUnitsRepository, normalizeUnitName } from '../repositories/units-repository';
import type { DraftItem } from './draft';
import type { DuplicateDecisions, ImportPlan, ImportSet, UnitDecisions } from './import-set';
import { previewImport, type ImportPreview, type PreviewRow } from './import-preview';
import { ensurePlans } from './import-plans';
import { writeTargets } from './import-targets';
import { createOwnedRows, type OwnedRows } from './owned-rows';

/** What an applied import did. */
export interface ApplyResult {
  batchId: number | null;
  counts: { new: number; changed: number; unchanged: number; units: number; plans: number };
}

export interface ApplyEnv {
  db: Database;
  /** Statements prepared once per batch (statementCache): existing items' rows are read item by item. */
  sql: (text: string) => Statement;
  rec: BatchRecorder;
  at: string;
  unitId: (name: string) => number;
  /** Inserts the units and targets of items this batch creates (see owned-rows.ts). */
  owned: OwnedRows;
  history: ChangeEntry[];
}

/** Resolves names through the directory; unknown ones follow the user's decision or become new units. */
function unitResolver(db: Database, rec: BatchRecorder, decisions: UnitDecisions, at: string, created: { n: number }) {
  const units = createUnitsRepository(db);
  // Names repeat on every row; this batch is the only writer while it runs, so ids can be kept.
  const memo = new Map<string, number>();
  const resolve = (name: string): number => {
    const known = units.resolve(name);
    if (known !== null) return known;
    const chosen = decisions[name];
    if (chosen != null) {
      rec.insert('unit_aliases', { alias: name, unit_id: chosen });
      return chosen;
    }
    created.n++;
    const sort = (db.prepare('SELECT coalesce(max(sort), 0) + 1 AS s FROM units').get() as { s: number }).s;
    return rec.insert('units', { name, kind: '', contact: '', phone: '', sort, created_at: at, updated_at: at });
  };
  return (raw: string): number => {
    const name = normalizeUnitName(raw);
    let id = memo.get(name);
    if (id === undefined) memo.set(name, (id = resolve(name)));
    return id;
  };
}

function writeUnits(env: ApplyEnv, itemId: number, d: DraftItem, replace: boolean): void {
  if (replace) {
    const old = env.sql('SELECT unit_id, role FROM item_units WHERE item_id = ?').all(itemId) as { unit_id: number; role: string }[];
    old.forEach((o) => env.rec.remove('item_units', { item_id: itemId, unit_id: o.unit_id, role: o.role }));
  }
  const seen = new Set<string>();
  (['lead', 'resp', 'coop'] as const).forEach((role) =>
    d[role].forEach((name, sort) => {
      const unitId = env.unitId(name);
      if (seen.has(`${unitId}|${role}`)) return;
      seen.add(`${unitId}|${role}`);
      const row = { item_id: itemId, unit_id: unitId, role, sort };
      if (replace) env.rec.insert('item_units', row);
      else env.owned.add('item_units', row);
    }),
  );
}

function itemValues(d: DraftItem) {
  const values: Record<string, unknown> = {
    title: d.title,
    content: d.content,
    group_name: d.group ?? '',
    assign_mode: d.kind,
    deadline_text: d.deadlineText ?? '',
    // The reader knows the sheet's year (6月30日 in a 2025 list); pasted text leaves it to parseDeadline.
    deadline_date: !d.deadlineText ? null : d.deadlineDate !== undefined ? d.deadlineDate : parseDeadline(d.deadlineText).date,
    note: d.note ?? '',
  };
  if (d.leader !== undefined) values.leader = d.leader;
  // An app-made list's rows keep the sender's identity (report-up and re-imports match by it).
  if (d.upperUid !== undefined) values.upper_uid = d.upperUid;
  if (d.upperCode !== undefined) values.upper_code = d.upperCode;
  return values;
}

function applyRow(env: ApplyEnv, set: ImportSet, d: DraftItem, row: PreviewRow, placeOf: () => { planId: number; sectionId: number | null }, seq: () => number): void {
  if (row.status === 'unchanged') return;
  const batchId = env.rec.batchId;
  if (row.status === 'new') {
    const place = placeOf();
    // Every later edit of an item bumps updated_at: that is all undo needs to see of a new item.
    const values = {
      ...itemValues(d), uid: randomUUID(), kind: set.kind, plan_id: place.planId, section_id: place.sectionId, code: d.no, seq: seq(),
      origin: set.origin, created_at: env.at, updated_at: env.at,
    };
    const id = env.rec.insertWatched('items', values, ['updated_at']);
    writeUnits(env, id, d, false);
    writeTargets(env, id, d.targets, false);
    env.history.push({ entity: 'item', entityId: id, action: 'import', after: d.title, batchId });
    return;
  }
  const id = row.existingId!;
  // The sender renumbered the item: its 编号 stays the local number too.
  const renumbered = d.upperCode !== undefined && row.changes.some((c) => c.field === 'upper_code');
  env.rec.update('items', { id }, { ...itemValues(d), ...(renumbered ? { code: d.no } : {}), updated_at: env.at });
  if (row.changes.some((c) => c.field === 'lead' || c.field === 'resp' || c.field === 'coop')) writeUnits(env, id, d, true);
  writeTargets(env, id, d.targets, true);
  row.changes.forEach((c) => env.history.push({ entity: 'item', entityId: id, action: 'import', field: c.field, before: c.before, after: c.after, batchId }));
}

/** The set's plans, each with every section its items name (in order of first mention). */
function plansOf(set: ImportSet): ImportPlan[] {
  const known = new Map(set.plans.map((p) => [p.title, { plan: p, sections: new Set(p.sections) }]));
  // The office's own items stay where they are filed (own-items.ts).
  for (const d of set.items) {
    if (d.ownId !== undefined) continue;
    let p = known.get(d.plan);
    if (!p) known.set(d.plan, (p = { plan: { title: d.plan, campaign: d.campaign, sections: [] }, sections: new Set() }));
    if (d.section) p.sections.add(d.section);
  }
  return [...known.values()].map(({ plan, sections }) => ({ ...plan, sections: [...sections] }));
}

/**
 * Applies an import set in one transaction recorded as one undoable batch.
 * Nothing is written (no batch) when the set brings no change.
 */
/**
 * The rows as the user settled them: a likely duplicate chosen to merge is an update (or no change)
 * of the item it resembles; one not chosen, or kept, is a new item.
 */
function settleDuplicates(preview: ImportPreview, set: ImportSet, choices: DuplicateDecisions): { rows: PreviewRow[]; counts: ImportPreview['counts'] } {
  const rows = preview.rows.map((r): PreviewRow => {
    if (r.status !== 'duplicate') return r;
    const choice = choices[set.items[r.index].key ?? ''];
    if (choice === 'merge') return { ...r, status: r.changes.length ? 'changed' : 'unchanged' };
    if (choice === 'skip') return { ...r, status: 'unchanged', changes: [] };
    return { ...r, status: 'new', existingId: null, changes: [] };
  });
  const counts = { new: 0, changed: 0, unchanged: 0, duplicate: 0 };
  rows.forEach((r) => counts[r.status]++);
  return { rows, counts };
}

export interface ApplyImportOptions {
  decisions?: UnitDecisions;
  /** 疑似重复 choices by row key (DraftItem.key); a row without one is kept as new. */
  duplicates?: DuplicateDecisions;
  operator: string;
  at: string;
  batchKind?: 'import' | 'seed';
}

export function applyImport(db: Database, given: ImportSet, opts: ApplyImportOptions): ApplyResult {
  const preview = previewImport(db, given);
  const set = preview.set;
  const { rows, counts: settled } = settleDuplicates(preview, set, opts.duplicates ?? {});
  const planTitles = db.prepare('SELECT title FROM plans').pluck().all() as string[];
  const plans = plansOf(set);
  const newPlans = plans.filter((p) => !planTitles.includes(p.title)).length;
  const base = { new: settled.new, changed: settled.changed, unchanged: settled.unchanged, units: 0, plans: newPlans };
  if (!settled.new && !settled.changed && !newPlans) return { batchId: null, counts: base };
  return db.transaction((): ApplyResult => {
    const batchId = openBatch(db, { kind: opts.batchKind ?? 'import', fileName: set.source, fileHash: set.hash, operator: opts.operator, at: opts.at });
    const rec = createBatchRecorder(db, batchId);
    const created = { n: 0 };
    const env: ApplyEnv = { db, sql: statementCache(db), rec, at: opts.at, unitId: unitResolver(db, rec, opts.decisions ?? {}, opts.at, created), owned: createOwnedRows(db), history: [] };
    const places = ensurePlans(env.db, rec, plans, env.unitId, opts.at, set.origin);
    let next = (db.prepare('SELECT coalesce(max(seq), 0) AS s FROM items WHERE kind = ?').get(set.kind) as { s: number }).s;
    const indexing = deferItemIndexing(db);
    const marks = deferItemMarks(db, batchId);
    const unitCounts = deferUnitCounts(db, batchId);
    const listCounts = deferListCounts(db, batchId);
    set.items.forEach((d, n) => applyRow(env, set, d, rows[n], () => places.place(d), () => ++next));
    env.owned.flush();
    rec.flush();
    indexing.finish();
    marks.finish();
    unitCounts.finish();
    listCounts.finish();
    createHistory(db).record(env.history, opts.operator, opts.at);
    const counts = { ...base, units: created.n };
    setBatchCounts(db, batchId, counts);
    return { batchId, counts };
  })();
}
