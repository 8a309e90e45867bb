import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { BulkActionSchema, BulkEditResult, BulkEditSchema } from '../../../shared/contract/schemas/bulk';
import { AppError } from '../../../shared/contract/errors';
import { ItemQuerySchema, ROLE_LABELS } from '../../../shared/contract/schemas/items';
import { createBatchRecorder, type BatchRecorder } from '../batches/batch-recorder';
import { openBatch, setBatchCounts } from '../batches/batches';
import { buildItemFilter } from '../repositories/item-query';
import { refreshLights } from '../lights/kept-lights';
import { unitsByPinyin } from '../names/unit-pinyin';
import { breakDown } from '../breakdown/break-down';
import { resolveDeadline } from '../services/deadline-value';
import { createHistory, type ChangeEntry } from '../services/history';

type Input = z.output<typeof BulkEditSchema>;
type Action = z.output<typeof BulkActionSchema>;
type Opts = { operator: string; at: string; today: string };
type Ctx = { db: Database; rec: BatchRecorder; batchId: number; at: string; history: ChangeEntry[] };

/** The ids a bulk edit touches, in list order: the chosen ones, or all rows the filter finds. */
export function bulkTargetIds(db: Database, target: Input['target'], today: string): number[] {
  if ('ids' in target) {
    const found = db.prepare<[string], { id: number }>('SELECT id FROM items WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(target.ids));
    if (found.length !== new Set(target.ids).size) throw new AppError('not_found', '所选条目中有的已不存在（可能已被删除），请刷新列表后重试，未做任何修改');
    return target.ids;
  }
  const q = ItemQuerySchema.parse({ ...target.filter });
  if (q.levels?.length) refreshLights(db, today);
  const f = buildItemFilter(q, today, unitsByPinyin(db, q.keyword));
  return db.prepare(`SELECT i.id FROM items i WHERE ${f.where} ORDER BY i.seq, i.id`).all(f.params).map((r) => (r as { id: number }).id);
}

function setUnits(c: Ctx, id: number, role: 'lead' | 'resp' | 'coop', unitIds: readonly number[]): boolean {
  const now = c.db.prepare<[number, string], { unit_id: number; name: string }>(
    'SELECT iu.unit_id, u.name FROM item_units iu JOIN units u ON u.id = iu.unit_id WHERE iu.item_id = ? AND iu.role = ? ORDER BY iu.sort, iu.unit_id',
  ).all(id, role);
  if (now.map((u) => u.unit_id).join(',') === unitIds.join(',')) return false;
  for (const u of now) c.rec.remove('item_units', { item_id: id, unit_id: u.unit_id, role });
  unitIds.forEach((unitId, sort) => c.rec.insert('item_units', { item_id: id, unit_id: unitId, role, sort }));
  c.rec.update('items', { id }, { updated_at: c.at });
  const names = (ids: readonly number[]) => ids.map((u) => c.db.prepare<[number], { name: string }>('SELECT name FROM units WHERE id = ?').get(u)?.name ?? '').join('、');
  c.history.push({ entity: 'item', entityId: id, action: 'update', field: `units.${role}`, before: now.map((u) => u.name).join('、'), after: names(unitIds), batchId: c.batchId });
  return true;
}

function setFields(c: Ctx, id: number, a: Extract<Action, { op: 'fields' }>): boolean {
  const before = c.db.prepare<[number], { deadline_text: string; status: string; leader: string }>('SELECT deadline_text, status, leader FROM items WHERE id = ?').get(id)!;
  const cols: Record<string, unknown> = {};
  if (a.deadlineText !== undefined && a.deadlineText !== before.deadline_text) {
    const d = resolveDeadline(a.deadlineText);
    Object.assign(cols, { deadline_text: d.text, deadline_date: d.date });
    c.history.push({ entity: 'item', entityId: id, action: 'update', field: 'deadlineText', before: before.deadline_text, after: d.text, batchId: c.batchId });
  }
  for (const [field, col, v] of [['status', 'status', a.status], ['leader', 'leader', a.leader]] as const) {
    if (v === undefined || v === before[col]) continue;
    cols[col] = v;
    c.history.push({ entity: 'item', entityId: id, action: 'update', field, before: before[col], after: v, batchId: c.batchId });
  }
  if (!Object.keys(cols).length) return false;
  return c.rec.update('items', { id }, { ...cols, updated_at: c.at });
}

/** Children whose rows cascade with an item: removed through the recorder first so undo brings them back. */
const CHILDREN: readonly [string, string][] = [
  ['item_units', 'SELECT item_id, unit_id, role FROM item_units WHERE item_id = @id'],
  ['item_targets', 'SELECT id FROM item_targets WHERE item_id = @id'],
  ['reports', 'SELECT id FROM reports WHERE item_id = @id'],
  ['light_snapshots', 'SELECT period_id, item_id FROM light_snapshots WHERE item_id = @id'],
  ['issued_rows', 'SELECT template_id, item_id FROM issued_rows WHERE item_id = @id'],
  ['item_upper_links', 'SELECT item_id, upper_item_id FROM item_upper_links WHERE item_id = @id OR upper_item_id = @id'],
];

function deleteItem(c: Ctx, id: number): boolean {
  const title = c.db.prepare<[number], { title: string }>('SELECT title FROM items WHERE id = ?').get(id)?.title;
  if (title === undefined) return false;
  for (const below of c.db.prepare<[number], { id: number }>('SELECT id FROM items WHERE upper_item_id = ?').all(id)) {
    c.rec.update('items', { id: below.id }, { upper_item_id: null });
  }
  for (const [tbl, sql] of CHILDREN) {
    for (const key of c.db.prepare(sql).all({ id }) as Record<string, unknown>[]) c.rec.remove(tbl, key);
  }
  c.rec.remove('items', { id });
  c.history.push({ entity: 'item', entityId: id, action: 'delete', before: title, batchId: c.batchId });
  return true;
}

const VERB: Record<Action['op'], string> = { units: '修改', fields: '修改', delete: '删除', 'break-down': '分解' };

function label(a: Action, n: number): string {
  if (a.op === 'units') return `批量设置${ROLE_LABELS[a.role]}单位 ${n} 项`;
  return `批量${VERB[a.op]} ${n} 项`;
}

/**
 * Bulk edit of list rows: one transaction, one undoable batch (kind 'bulk'), history per row.
 * Break-down goes through 分解 itself (its own batch).
 */
export function bulkEdit(db: Database, input: Input, opts: Opts): BulkEditResult {
  const ids = bulkTargetIds(db, input.target, opts.today);
  const a = input.action;
  if (!ids.length) return { batchId: null, selected: 0, changed: 0, message: '没有符合条件的条目，未做任何修改' };
  if (a.op === 'break-down') {
    const r = breakDown(db, { upperItemIds: ids, skipExisting: true, applyCounterparts: true }, opts);
    const skip = r.skipped ? `，${r.skipped} 项已分解过，跳过` : '';
    return { batchId: r.batchId, selected: ids.length, changed: r.created, message: `已分解 ${r.created} 项${skip}${r.batchId ? '，可撤销' : ''}` };
  }
  if (a.op === 'units') {
    for (const u of a.unitIds) if (!db.prepare('SELECT 1 FROM units WHERE id = ?').get(u)) throw new AppError('not_found', `单位（编号 ${u}）不存在，未做任何修改`);
  }
  return db.transaction((): BulkEditResult => {
    const batchId = openBatch(db, { kind: 'bulk', fileName: label(a, ids.length), fileHash: '', operator: opts.operator, at: opts.at });
    const c: Ctx = { db, rec: createBatchRecorder(db, batchId), batchId, at: opts.at, history: [] };
    let changed = 0;
    for (const id of ids) {
      const did = a.op === 'units' ? setUnits(c, id, a.role, a.unitIds) : a.op === 'fields' ? setFields(c, id, a) : deleteItem(c, id);
      if (did) changed++;
    }
    createHistory(db).record(c.history, opts.operator, opts.at);
    const verb = VERB[a.op];
    if (!changed) {
      db.prepare('DELETE FROM import_batches WHERE id = ?').run(batchId);
      return { batchId: null, selected: ids.length, changed, message: `所选 ${ids.length} 项无需${verb}` };
    }
    setBatchCounts(db, batchId, a.op === 'delete' ? { deleted: changed } : { changed, unchanged: ids.length - changed });
    return { batchId, selected: ids.length, changed, message: `已${verb} ${changed} 项，可撤销` };
  })();
}
