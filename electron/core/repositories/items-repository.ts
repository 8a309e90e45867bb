import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { AppError } from '../../../shared/contract/errors';
import type { ItemQuerySchema, ItemRow, Role, Target } from '../../../shared/contract/schemas/items';
import { buildItemFilter, buildItemOrder } from './item-query';
import { unitsByPinyin } from '../names/unit-pinyin';
import { withTitleKey } from '../names/title-key';
import { refreshLights } from '../lights/kept-lights';
import { keptListCount, probeLevels } from './list-count';
import { ITEM_COLUMNS, toItemRow, type ItemDbRow } from './item-row';

type Query = z.output<typeof ItemQuerySchema>;

const unitsOf = (role: Role) =>
  `(SELECT group_concat(u.name, '、' ORDER BY iu.sort) FROM item_units iu JOIN units u ON u.id = iu.unit_id WHERE iu.item_id = i.id AND iu.role = '${role}')`;

const LIST_SELECT = `SELECT i.*, coalesce(p.title, '') AS plan_title, coalesce(s.name, '') AS section_name,
  coalesce(${unitsOf('lead')}, '') AS lead, coalesce(${unitsOf('resp')}, '') AS resp, coalesce(${unitsOf('coop')}, '') AS coop
  FROM items i LEFT JOIN plans p ON p.id = i.plan_id LEFT JOIN sections s ON s.id = i.section_id`;

/** At most this many rows of a keyword list with other filters are read once for both its total and its window. */
const FEW = 1000;
/**
 * The same with a unit: the keyword's ids among the unit's are all listed before the first row
 * anyway (item-query.ts keywordInUnit), so reading each costs one more lookup (~1 µs), where counting
 * past FEW and then the window would run the filter twice more (消 in a unit's 7,500 items: 1,540 rows).
 */
const FEW_IN_UNIT = 10000;

/** Items: list queries, single rows, units and targets. */
export function createItemsRepository(db: Database) {
  const getRow = db.prepare<[number], ItemDbRow>(`${LIST_SELECT} WHERE i.id = ?`);
  const unitsStmt = db.prepare<[number], { unit_id: number; role: Role; name: string }>(
    'SELECT iu.unit_id, iu.role, u.name FROM item_units iu JOIN units u ON u.id = iu.unit_id WHERE iu.item_id = ? ORDER BY iu.role, iu.sort',
  );
  const targetsStmt = db.prepare<[number], { label: string; comparator: Target['comparator']; value: number; unit: string; raw_text: string }>(
    "SELECT label, comparator, value, unit, raw_text FROM item_targets WHERE item_id = ? AND scope = 'own' ORDER BY sort, id",
  );
  const delUnits = db.prepare('DELETE FROM item_units WHERE item_id = ?');
  const addUnit = db.prepare('INSERT OR IGNORE INTO item_units(item_id, unit_id, role, sort) VALUES (?, ?, ?, ?)');
  // An item's own targets; those kept as its upper item's (scope 'upper', from 分解) are not edited here.
  const delTargets = db.prepare("DELETE FROM item_targets WHERE item_id = ? AND scope = 'own'");
  const addTarget = db.prepare(
    'INSERT INTO item_targets(item_id, label, comparator, value, unit, raw_text, sort) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const nextSeq = db.prepare<[string], { s: number }>('SELECT coalesce(max(seq), 0) + 1 AS s FROM items WHERE kind = ?');

  return {
    /** A window of a filtered, sorted list and the total count. */
    list(q: Query, today: string): { total: number; rows: ItemRow[] } {
      if (q.levels?.length) refreshLights(db, today);
      const pinyin = unitsByPinyin(db, q.keyword);
      const f = buildItemFilter(q, today, pinyin);
      // A keyword with other filters (牵头 + 推进 + 推进中: 361 of 100,000) is mostly a few rows: up to
      // FEW ids are read once, and both the total and the window come from them, instead of the
      // filter running twice (count and window: 2 × 7 ms); past FEW, as any list.
      const cap = f.keywordInUnit ? FEW_IN_UNIT : FEW;
      const few = q.keyword && !f.count ? (db.prepare(`SELECT i.id FROM items i WHERE ${f.where} LIMIT ${cap + 1}`).pluck().all(f.params) as number[]) : null;
      const found = few && few.length <= cap ? few : null;
      // kept totals for the common filters (list-count.ts), a keyword alone from its ids (f.count); any other filter counts its rows
      const total = found
        ? found.length
        : (keptListCount(db, q, today) ?? (db.prepare(f.count ?? `SELECT count(*) FROM items i WHERE ${f.where}`).pluck().get(f.params) as number));
      if (total === 0) return { total, rows: [] }; // nothing to page (a keyword found nothing: no scan of the list's order)
      // The window's ids first (sorting bare rows), then the joined rows for those ids only:
      // deep sorted pages would otherwise build unit names for every row SQLite sorts.
      const w = !found && probeLevels(db, q, total) ? buildItemFilter(q, today, pinyin, { probeLevels: true }) : f;
      const windowSql = found
        ? `SELECT i.id FROM items i WHERE i.id IN (SELECT value FROM json_each(@found)) ORDER BY ${buildItemOrder(q)} LIMIT @limit OFFSET @offset`
        : `SELECT i.id FROM items i WHERE ${w.where} ORDER BY ${buildItemOrder(q)} LIMIT @limit OFFSET @offset`;
      const ids = db.prepare(windowSql).pluck().all(found ? { found: JSON.stringify(found), limit: q.limit, offset: q.offset } : { ...w.params, limit: q.limit, offset: q.offset }) as number[];
      if (!ids.length) return { total, rows: [] };
      const byId = new Map(
        db
          .prepare<[string], ItemDbRow>(`${LIST_SELECT} WHERE i.id IN (SELECT value FROM json_each(?))`)
          .all(JSON.stringify(ids))
          .map((r) => [r.id, r]),
      );
      return { total, rows: ids.map((id) => toItemRow(byId.get(id)!)) };
    },
    /** The list's rows of `ids`, in that order (ids that are no item are left out): no filter, count or sort. */
    byIds(ids: readonly number[]): ItemRow[] {
      if (!ids.length) return [];
      const byId = new Map(
        db
          .prepare<[string], ItemDbRow>(`${LIST_SELECT} WHERE i.id IN (SELECT value FROM json_each(?))`)
          .all(JSON.stringify(ids))
          .map((r) => [r.id, r]),
      );
      return ids.flatMap((id) => (byId.has(id) ? [toItemRow(byId.get(id)!)] : []));
    },
    row(id: number): ItemDbRow {
      const r = getRow.get(id);
      if (!r) throw new AppError('not_found', `条目（编号 ${id}）不存在`);
      return r;
    },
    units(id: number) {
      return unitsStmt.all(id).map((u) => ({ unitId: u.unit_id, role: u.role, name: u.name }));
    },
    targets(id: number): Target[] {
      return targetsStmt.all(id).map((t) => ({ label: t.label, comparator: t.comparator, value: t.value, unit: t.unit, rawText: t.raw_text }));
    },
    setUnits(id: number, units: readonly { unitId: number; role: Role }[]): void {
      delUnits.run(id);
      units.forEach((u, n) => addUnit.run(id, u.unitId, u.role, n));
    },
    setTargets(id: number, targets: readonly Target[]): void {
      delTargets.run(id);
      targets.forEach((t, n) => addTarget.run(id, t.label, t.comparator, t.value, t.unit, t.rawText, n));
    },
    nextSeq(kind: string): number {
      return nextSeq.get(kind)!.s;
    },
    /** Inserts a row from column → value (columns checked against the known list). */
    insert(given: Record<string, unknown>): number {
      const values = withTitleKey(given);
      const cols = Object.keys(values).filter((c) => ITEM_COLUMNS.has(c));
      const sql = `INSERT INTO items(${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`;
      return Number(db.prepare(sql).run(values).lastInsertRowid);
    },
    update(id: number, given: Record<string, unknown>): void {
      const values = withTitleKey(given);
      const cols = Object.keys(values).filter((c) => ITEM_COLUMNS.has(c) && c !== 'id');
      if (!cols.length) return;
      db.prepare(`UPDATE items SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run({ ...values, id });
    },
    delete(ids: readonly number[]): number {
      const del = db.prepare('DELETE FROM items WHERE id = ?');
      return ids.reduce((n, id) => n + del.run(id).changes, 0);
    },
  };
}
export type ItemsRepository = ReturnType<typeof createItemsRepository>;
