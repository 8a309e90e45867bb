import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { AppError } from '../../../shared/contract/errors';
import type { Urge, UrgeCreateSchema } from '../../../shared/contract/schemas/followup';
import { createBatchRecorder } from '../batches/batch-recorder';
import { openBatch, setBatchCounts } from '../batches/batches';
import { localDate, type CoreContext } from '../context';
import { createSettingsRepository } from '../repositories/settings-repository';
import { createHistory, type ChangeEntry } from '../services/history';
import { listCodeSql } from '../repositories/list-codes';

type CreateInput = z.output<typeof UrgeCreateSchema>;

interface UrgeDb {
  id: number;
  unit_name: string;
  content: string;
  due_date: string | null;
  issued_on: string;
  operator: string;
}

const ITEMS_OF_URGE = `SELECT i.id, ${listCodeSql('i')} AS code, i.title, coalesce(nullif(i.deadline_text, ''), i.deadline_date, '') AS deadline,
    coalesce((SELECT group_concat(u.name, '、') FROM item_units iu JOIN units u ON u.id = iu.unit_id WHERE iu.item_id = i.id AND iu.role = 'lead'), '') AS lead
  FROM urge_items ui JOIN items i ON i.id = ui.item_id WHERE ui.urge_id = ? ORDER BY ui.sort`;

/** 催办 kept, newest first: by ids, by item, or by the batch that wrote them. */
export function listUrges(db: Database, q: { ids?: readonly number[]; itemId?: number; batchId?: number }): Urge[] {
  const where: string[] = [];
  if (q.ids) where.push('g.id IN (SELECT value FROM json_each(@ids))');
  if (q.itemId !== undefined) where.push('g.id IN (SELECT urge_id FROM urge_items WHERE item_id = @itemId)');
  if (q.batchId !== undefined) where.push('g.batch_id = @batchId');
  const items = db.prepare<[number], Urge['items'][number]>(ITEMS_OF_URGE);
  return db
    .prepare<[Record<string, unknown>], UrgeDb>(`SELECT * FROM urges g ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY g.id DESC`)
    .all({ ids: JSON.stringify(q.ids ?? []), itemId: q.itemId ?? null, batchId: q.batchId ?? null })
    .map((r) => ({ id: r.id, unitName: r.unit_name, content: r.content, dueDate: r.due_date, issuedOn: r.issued_on, operator: r.operator, items: items.all(r.id) }));
}

/** 催办 written in a period (issued between its start and end): the bulletin's count and the units urged. */
export function urgeFacts(db: Database, from: string, to: string): { urgeCount: number; urgedUnits: string[] } {
  const rows = db.prepare<[string, string], { unit_name: string }>('SELECT unit_name FROM urges WHERE issued_on BETWEEN ? AND ? ORDER BY id').all(from, to);
  return { urgeCount: rows.length, urgedUnits: [...new Set(rows.map((r) => r.unit_name))] };
}

/** Which chosen items go to which unit: by default each 牵头 unit those it leads; a unit picked by hand those it is on, or all when on none. */
function plan(db: Database, input: CreateInput): { unitId: number; unitName: string; itemIds: number[] }[] {
  const found = db.prepare('SELECT id FROM items WHERE id IN (SELECT value FROM json_each(?)) ').pluck().all(JSON.stringify(input.itemIds)) as number[];
  if (found.length !== new Set(input.itemIds).size) throw new AppError('not_found', '所选条目有的已被删除，请刷新后重试');
  const roles = db
    .prepare<[string], { item_id: number; unit_id: number; role: string }>('SELECT item_id, unit_id, role FROM item_units WHERE item_id IN (SELECT value FROM json_each(?)) ORDER BY sort')
    .all(JSON.stringify(input.itemIds));
  const picked = !!input.unitIds?.length;
  // by default each 牵头 unit is urged about the items it leads; a unit picked by hand about those it is on
  const counted = picked ? roles : roles.filter((r) => r.role === 'lead');
  const unitIds = picked ? input.unitIds! : [...new Set(counted.map((r) => r.unit_id))];
  if (!unitIds.length) throw new AppError('invalid_input', '所选条目没有牵头单位，请选择要催办的单位');
  const nameOf = db.prepare('SELECT name FROM units WHERE id = ?').pluck();
  return unitIds.map((unitId) => {
    const unitName = nameOf.get(unitId) as string | undefined;
    if (!unitName) throw new AppError('not_found', `单位（编号 ${unitId}）不存在`);
    const own = input.itemIds.filter((id) => counted.some((r) => r.item_id === id && r.unit_id === unitId));
    return { unitId, unitName, itemIds: own.length ? own : [...input.itemIds] };
  });
}

/** 催办: one note per unit about the chosen items, written as one undoable batch with a history line on each item. */
export function createUrgeService(ctx: CoreContext) {
  function create(input: CreateInput): { batchId: number; urges: Urge[] } {
    const operator = createSettingsRepository(ctx.db).settings().operator;
    const at = ctx.now().toISOString();
    const today = localDate(ctx.now());
    const units = plan(ctx.db, input);
    const batchId = ctx.db.transaction(() => {
      const id = openBatch(ctx.db, { kind: 'bulk', fileName: `催办：${units.map((u) => u.unitName).join('、')}`.slice(0, 200), fileHash: '', sender: '', operator, at });
      const rec = createBatchRecorder(ctx.db, id);
      const history: ChangeEntry[] = [];
      for (const u of units) {
        const urgeId = rec.insert('urges', { unit_id: u.unitId, unit_name: u.unitName, content: input.content, due_date: input.dueDate ?? null, issued_on: today, operator, batch_id: id, created_at: at });
        u.itemIds.forEach((itemId, sort) => rec.insert('urge_items', { urge_id: urgeId, item_id: itemId, sort }));
        const by = input.dueDate ? `（限 ${input.dueDate} 前）` : '';
        for (const itemId of u.itemIds) history.push({ entity: 'item', entityId: itemId, action: 'urge', field: '催办', after: `催办${u.unitName}${by}：${input.content}`, batchId: id });
      }
      createHistory(ctx.db).record(history, operator, at);
      setBatchCounts(ctx.db, id, { urges: units.length, items: new Set(units.flatMap((u) => u.itemIds)).size });
      return id;
    })();
    return { batchId, urges: listUrges(ctx.db, { batchId }).reverse() };
  }

  return { create, list: (q: { ids?: number[]; itemId?: number; batchId?: number }) => listUrges(ctx.db, q) };
}
