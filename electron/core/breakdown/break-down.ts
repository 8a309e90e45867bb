import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { BreakDownResult, BreakDownSchema } from '../../../shared/contract/schemas/breakdown';
import { AppError } from '../../../shared/contract/errors';
import { createBatchRecorder, type BatchRecorder } from '../batches/batch-recorder';
import { openBatch, setBatchCounts } from '../batches/batches';
import { createHistory, type ChangeEntry } from '../services/history';
import { counterpartMap } from '../counterparts/counterpart-store';
import { listCode } from '../../../shared/contract/item-code';

type Input = z.output<typeof BreakDownSchema>;
type Row = Record<string, unknown> & { id: number; kind: string; code: string; title: string };

/** Columns every local item keeps from its upper item. */
const COMMON = ['plan_id', 'section_id', 'group_name', 'title', 'content', 'leader', 'assign_mode', 'deadline_text', 'deadline_date', 'note'];
/** Plan values of the kind's own columns, kept when the local item is of the same kind (actuals are not). */
const BY_KIND: Readonly<Record<string, readonly string[]>> = {
  project: ['invest_total', 'invest_year_plan', 'plan_start', 'plan_end'],
  policy: ['plan_issue_date'],
  // The target value is the upper's (shown from the upper link); the local item sets its own.
  indicator: ['comparator', 'target_unit', 'baseline_value'],
  task: [],
};

/** The upper item, its code as the list shows it (1 in section （一） is 1-1): the local items are 1-1-1, 1-1-2. */
function upperRow(db: Database, id: number): Row {
  const r = db
    .prepare<[number], Row & { section_name: string; group_name: string }>("SELECT i.*, coalesce((SELECT name FROM sections WHERE id = i.section_id), '') AS section_name FROM items i WHERE i.id = ?")
    .get(id);
  if (!r) throw new AppError('not_found', `上级条目（编号 ${id}）不存在，未做任何分解`);
  const { section_name: section, ...row } = r;
  return { ...row, code: listCode(r.code, section, r.group_name) };
}

function localCount(db: Database, upperId: number): number {
  return (db.prepare<[number], { n: number }>("SELECT count(*) AS n FROM items WHERE upper_item_id = ? AND origin = 'local'").get(upperId) ?? { n: 0 }).n;
}

/**
 * The local item's units are the upper item's through the confirmed 对口单位 map (every role; an
 * unmapped unit stays as it is, listed by the preview). Its upper targets are kept as the upper's
 * (scope 'upper'); its own targets start empty for the office to set.
 */
function copyLinks(db: Database, rec: BatchRecorder, from: number, to: number, map: ReadonlyMap<number, number>): void {
  const units = db.prepare<[number], { unit_id: number; role: string; sort: number }>('SELECT unit_id, role, sort FROM item_units WHERE item_id = ? ORDER BY role, sort').all(from);
  const seen = new Set<string>();
  for (const u of units) {
    const unitId = map.get(u.unit_id) ?? u.unit_id;
    if (seen.has(`${unitId}|${u.role}`)) continue; // two upper units with one counterpart
    seen.add(`${unitId}|${u.role}`);
    rec.insert('item_units', { item_id: to, unit_id: unitId, role: u.role, sort: u.sort });
  }
  const targets = db.prepare<[number], Record<string, unknown>>("SELECT label, comparator, value, unit, raw_text, sort FROM item_targets WHERE item_id = ? AND scope = 'own'").all(from);
  for (const t of targets) rec.insert('item_targets', { item_id: to, ...t, scope: 'upper' });
}

/** The office that issued the upper item's plan (the plan's office unit), for the upper link. */
function upperOffice(db: Database, up: Row): string {
  const r = db.prepare<[number], { name: string }>('SELECT un.name FROM plans p JOIN units un ON un.id = p.office_unit_id WHERE p.id = ?').get(Number(up.plan_id));
  return r?.name ?? '';
}

function localValues(up: Row, kind: string, n: number, seq: number, at: string): Record<string, unknown> {
  const values: Record<string, unknown> = Object.fromEntries(COMMON.map((c) => [c, up[c]]));
  if (kind === up.kind) for (const c of BY_KIND[kind] ?? []) values[c] = up[c];
  return {
    ...values,
    uid: randomUUID(),
    kind,
    code: up.code ? `${up.code}-${n}` : '',
    seq,
    origin: 'local',
    upper_item_id: up.id,
    upper_code: up.code,
    created_at: at,
    updated_at: at,
  };
}

/**
 * 分解: one local item per upper item (origin local, linked by upper_item_id and upper_code,
 * keeping title, content, units, deadline and targets, with a new uid and code 编号-n), in one
 * transaction recorded as one undoable batch. Upper items that already have local items are
 * skipped unless `skipExisting` is false.
 */
export function breakDown(db: Database, input: Input, opts: { operator: string; at: string }): BreakDownResult {
  const uppers = input.upperItemIds.map((id) => upperRow(db, id));
  const todo = uppers.filter((u) => !input.skipExisting || localCount(db, u.id) === 0);
  const skipped = uppers.length - todo.length;
  if (!todo.length) return { batchId: null, created: 0, skipped, items: [] };
  return db.transaction((): BreakDownResult => {
    const batchId = openBatch(db, { kind: 'bulk', fileName: `分解上级条目 ${todo.length} 项`, fileHash: '', operator: opts.operator, at: opts.at });
    const rec = createBatchRecorder(db, batchId);
    const map = input.applyCounterparts === false ? new Map<number, number>() : counterpartMap(db);
    const seqOf = db.prepare<[string], { s: number }>('SELECT coalesce(max(seq), 0) + 1 AS s FROM items WHERE kind = ?');
    const history: ChangeEntry[] = [];
    const items: BreakDownResult['items'] = [];
    for (const up of todo) {
      const kind = input.kind ?? up.kind;
      const values = localValues(up, kind, localCount(db, up.id) + 1, seqOf.get(kind)!.s, opts.at);
      const id = rec.insert('items', values);
      copyLinks(db, rec, up.id, id, map);
      rec.insert('item_upper_links', { item_id: id, upper_item_id: up.id, upper_office: upperOffice(db, up), how: 'break-down', created_at: opts.at });
      history.push({ entity: 'item', entityId: id, action: 'break-down', after: `分解自上级条目 ${up.code} ${up.title}`.replace(/\s+/g, ' '), batchId });
      items.push({ upperId: up.id, id, code: String(values.code), title: up.title });
    }
    createHistory(db).record(history, opts.operator, opts.at);
    setBatchCounts(db, batchId, { new: items.length, skipped });
    return { batchId, created: items.length, skipped, items };
  })();
}
