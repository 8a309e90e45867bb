import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { createBatchRecorder, type BatchRecorder } from '../batches/batch-recorder';
import { openBatch, setBatchCounts } from '../batches/batches';
import { localDate } from '../context';
import { deferReportIndexing } from '../db/search-index';
import { takeLightSnapshot } from '../lights/snapshot';
import { deferPeriodItemsOfItems, deferReportUpkeep, type WrittenReport } from '../db/report-upkeep';
import { createHistory, type ChangeEntry } from '../services/history';
import { planReturns, type ReportWrite, type ReturnsPlan } from './returns-preview';
import { REPORT_COLUMNS, type FillValues } from './template-fields';
import { writeExtensionRequests } from './returns-extensions';
import { writeClosureRequests } from './returns-closures';

/** What applying returns did. */
export interface ReturnsApplyResult {
  batchId: number | null;
  counts: { files: number; newReports: number; changedReports: number; itemUpdates: number; keptMine: number; tookTheirs: number; skippedFiles: number; extensionRequests: number; closureRequests: number };
}

const REPORT_ENTRIES = Object.entries(REPORT_COLUMNS) as [keyof FillValues, string][];

/** The report's columns in REPORT_COLUMNS order, after `into`'s (a 9,000-row return builds 9,000: one object each). */
function reportColumns(v: FillValues, into: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [field, col] of REPORT_ENTRIES) into[col] = v[field];
  return into;
}

/**
 * The reports, set-based: new ones in one INSERT, changed ones in one UPDATE per set of columns.
 * A key written twice (the same unit's template in two files) is written once, with the later values.
 * What the report triggers keep (lights' marks, the 汇总表's rows) is brought up to date once at the
 * end (deferReportUpkeep), not once per report.
 */
function writeReports(db: Database, rec: BatchRecorder, writes: readonly ReportWrite[], at: string): void {
  const last = new Map<string, ReportWrite>();
  for (const w of writes) last.set(w.key, { ...w, existingId: last.get(w.key)?.existingId ?? w.existingId });
  const values = (w: ReportWrite, into: Record<string, unknown> = {}) => Object.assign(reportColumns(w.values, into), { source: 'file', batch_id: rec.batchId, reported_at: at });
  const fresh = [...last.values()].filter((w) => w.existingId === null);
  const changed = [...last.values()].filter((w) => w.existingId !== null);
  const upkeep = deferReportUpkeep(db);
  // the new reports' keyword index is written once after them (search-index.ts)
  const indexing = deferReportIndexing(db);
  rec.insertMany('reports', fresh.map((w) => values(w, { item_id: w.itemId, period_id: w.periodId, unit_id: w.unitId })));
  indexing.finish();
  const updated = changed.length ? updateReports(db, rec, changed, values) : [];
  upkeep.finish(fresh, updated);
}

/** The changed reports in one UPDATE per set of columns; answers those it changed, and whether their status was among them. */
function updateReports(db: Database, rec: BatchRecorder, changed: readonly ReportWrite[], values: (w: ReportWrite) => Record<string, unknown>): (WrittenReport & { status: boolean })[] {
  const now = new Map(
    db
      .prepare<[string], Record<string, unknown>>('SELECT * FROM reports WHERE id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(changed.map((w) => w.existingId)))
      .map((r) => [r.id as number, r]),
  );
  const rows = changed.map((w) => {
    const current = now.get(w.existingId!);
    if (!current) throw new Error(`reports {"id":${w.existingId}} is gone`);
    return { key: { id: w.existingId }, now: current, values: values(w) };
  });
  const done = rec.updateMany('reports', rows);
  return rows.flatMap((r, n) => (done[n] ? [{ periodId: r.now.period_id as number, itemId: r.now.item_id as number, status: r.now.status !== r.values.status }] : []));
}

/**
 * One update per item with every field returns change on it (one row image in the batch, not one
 * per field). The items' current values are read in one statement, and the batch keeps just the
 * columns changed (undo restores those): returns never touch an item's title, so no index work.
 */
function writeItems(db: Database, rec: BatchRecorder, plan: ReturnsPlan, at: string): ChangeEntry[] {
  if (!plan.items.length) return [];
  const byItem = new Map<number, ReturnsPlan['items']>();
  for (const w of plan.items) {
    const writes = byItem.get(w.itemId);
    if (writes) writes.push(w);
    else byItem.set(w.itemId, [w]);
  }
  const columns = [...new Set(plan.items.map((w) => w.column))];
  const now = new Map(
    db
      .prepare<[string], Record<string, unknown>>(`SELECT id, updated_at, ${columns.join(', ')} FROM items WHERE id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify([...byItem.keys()]))
      .map((r) => [r.id as number, r]),
  );
  const entries = [...byItem];
  // the 汇总表's rows of these items follow once, at the end (not one trigger run per item)
  const upkeep = deferPeriodItemsOfItems(db);
  const changed = rec.updateMany('items', entries.map(([itemId, writes]) => {
    const current = now.get(itemId);
    if (!current) throw new Error(`items {"id":${itemId}} is gone`);
    return { key: { id: itemId }, now: current, values: { ...Object.fromEntries(writes.map((w) => [w.column, w.after])), updated_at: at } };
  }));
  upkeep.finish(entries.filter((_, n) => changed[n]).map(([itemId]) => itemId));
  return entries.flatMap(([itemId, writes], n) =>
    changed[n] ? writes.map((w) => ({ entity: 'item', entityId: itemId, action: 'returns', field: w.field, before: w.before, after: w.after, batchId: rec.batchId })) : [],
  );
}

function batchName(plan: ReturnsPlan): { fileName: string; hash: string; sender: string } {
  const ok = plan.preview.files.filter((f) => f.ok);
  const fileName = ok.length === 1 ? ok[0].name : `${ok[0]?.name ?? ''} 等 ${ok.length} 个回收文件`;
  const hash = createHash('sha256').update(plan.files.map((f) => f.hash).join('|')).digest('hex');
  const sender = [...new Set(ok.flatMap((f) => f.unitNames))].join('、').slice(0, 500);
  return { fileName, hash, sender };
}

/**
 * Applies returned templates in one transaction recorded as one undoable batch (kind returns):
 * reports (item × period × unit, source file) and the item fields the units changed, conflicts as
 * decided (undecided ones keep the office's value). Nothing is written when nothing changes.
 */
export async function applyReturns(
  db: Database,
  files: readonly { name: string; bytes: Uint8Array }[],
  opts: { periodId?: number; decisions: Readonly<Record<string, 'mine' | 'theirs'>>; operator: string; at: string },
): Promise<ReturnsApplyResult> {
  const plan = await planReturns(db, files, opts.periodId, opts.decisions, localDate(new Date(opts.at)), true);
  const c = plan.preview.counts;
  const counts = { files: c.files, newReports: c.newReports, changedReports: c.changedReports, itemUpdates: plan.items.length, keptMine: plan.keptMine, tookTheirs: plan.tookTheirs, skippedFiles: c.files - c.okFiles, extensionRequests: plan.extensions.length, closureRequests: plan.closures.length };
  if (!plan.reports.length && !plan.items.length && !plan.extensions.length && !plan.closures.length) return { batchId: null, counts };
  const batchId = db.transaction(() => {
    const name = batchName(plan);
    const id = openBatch(db, { kind: 'returns', fileName: name.fileName, fileHash: name.hash, sender: name.sender, operator: opts.operator, at: opts.at });
    const rec = createBatchRecorder(db, id);
    writeReports(db, rec, plan.reports, opts.at);
    createHistory(db).record([...writeItems(db, rec, plan, opts.at), ...writeExtensionRequests(db, rec, plan.extensions, opts.at), ...writeClosureRequests(db, rec, plan.closures, opts.at)], opts.operator, opts.at);
    // The period's lights follow its returns; the refresh is part of the batch, so undo restores it.
    const today = localDate(new Date(opts.at));
    for (const periodId of new Set(plan.reports.map((r) => r.periodId))) takeLightSnapshot(db, periodId, today, rec);
    setBatchCounts(db, id, counts);
    return id;
  })();
  return { batchId, counts };
}
