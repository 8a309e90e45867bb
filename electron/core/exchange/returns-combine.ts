import type { Database } from 'better-sqlite3';
import type { ItemStatus } from '../../../shared/contract/schemas/items';
import { reportValues, type FillValues, type RowSnapshot } from './template-fields';

/**
 * One lead or responsible unit's current word on an item in a period: its report if it has
 * returned one, else what it was sent (the item as the office held it at issue).
 */
export interface UnitWord {
  unitId: number;
  unitName: string;
  values: FillValues;
  reported: boolean;
}

/** The lead and responsible units of an item in a period, each with its word. */
export interface ItemUnits {
  assignMode: 'lead' | 'joint';
  units: Map<number, UnitWord>;
}

/** The item fields as the units' words combine (null: the units say nothing about that field). */
export type Combined = { [K in 'status' | 'ratio' | 'value' | 'progressText' | 'problems']: FillValues[K] | null };

/**
 * 状态: every unit 已完成 → 已完成; every unit 暂缓 → 暂缓; any unit started (推进中 or 已完成)
 * → 推进中; else 未启动. The same rule as an item broken down into local items.
 */
function combineStatus(words: readonly UnitWord[]): ItemStatus | null {
  const s = words.map((w) => w.values.status).filter((x): x is ItemStatus => x !== null);
  if (!s.length) return null;
  if (s.length === words.length && s.every((x) => x === 'done')) return 'done';
  if (s.every((x) => x === 'suspended')) return 'suspended';
  if (s.some((x) => x === 'in_progress' || x === 'done')) return 'in_progress';
  return 'not_started';
}

/**
 * 完成比例: the lowest of the units. An item shared by several units is finished only when each
 * has finished its part; a mean would show 50% on an item one unit has not started, hiding the
 * unit that 催报 and the lights must point at, and would disagree with 状态 (已完成 only when all are).
 */
function combineRatio(words: readonly UnitWord[]): number | null {
  const r = words.map((w) => w.values.ratio).filter((x): x is number => x !== null);
  return r.length ? Math.round(Math.min(...r)) : null;
}

/** 完成值 (indicators): what the units reported this period, summed when assigned jointly (each its share), else the highest. */
function combineValue(words: readonly UnitWord[], assignMode: 'lead' | 'joint'): number | null {
  const v = words.filter((w) => w.reported).map((w) => w.values.value).filter((x): x is number => x !== null);
  if (!v.length) return null;
  return assignMode === 'joint' ? v.reduce((a, b) => a + b, 0) : Math.max(...v);
}

/** 进展情况 / 存在问题: one unit's text as it is; several units' texts each under the unit's name. */
function combineText(words: readonly UnitWord[], field: 'progressText' | 'problems'): string | null {
  if (words.length === 1) return words[0].values[field];
  const said = words.filter((w) => w.reported && w.values[field].trim() !== '');
  if (!words.some((w) => w.reported)) return null;
  return said.map((w) => `${w.unitName}：${w.values[field].trim()}`).join('；');
}

/** The item's values as its lead and responsible units' words combine (see COMBINE_RULE in shared). */
export function combineUnits(u: ItemUnits): Combined {
  const words = [...u.units.values()];
  return {
    status: combineStatus(words),
    ratio: combineRatio(words),
    value: combineValue(words, u.assignMode),
    progressText: combineText(words, 'progressText'),
    problems: combineText(words, 'problems'),
  };
}

interface UnitRow {
  item_id: number;
  unit_id: number;
  name: string;
}

/** `IN` list of ids passed as one JSON array (one statement for a whole sheet's items). */
const IDS = 'SELECT value FROM json_each(?)';

/**
 * A snapshot's fill the caller already parsed (the returned sheets' own issued rows): the one template
 * of the period and unit, its row for the item; undefined when the caller has not read that template.
 */
export type ParsedFill = (periodId: number, unitId: number, itemId: number) => FillValues | undefined;

/**
 * Reads items' lead and responsible units in a period, each with its report (or, if none, the
 * snapshot it was sent); a unit that was neither sent the item nor reported on it has no word.
 * One call reads a whole sheet's items with three statements (compiled once per plan), not four
 * per row: a preview of 30 files of 300 rows asked 36,000 small queries before; a fourth reads the
 * snapshots `parsed` does not have.
 */
export function itemUnitsReader(db: Database, parsed: ParsedFill = () => undefined): (itemIds: readonly number[], periodId: number) => Map<number, ItemUnits> {
  const modes = db.prepare<[string], { id: number; assign_mode: string }>(`SELECT id, assign_mode FROM items WHERE id IN (${IDS})`);
  const units = db.prepare<[string], UnitRow>(
    `SELECT iu.item_id, iu.unit_id, u.name FROM item_units iu JOIN units u ON u.id = iu.unit_id
     WHERE iu.item_id IN (${IDS}) AND iu.role IN ('lead','resp')
     GROUP BY iu.item_id, iu.unit_id ORDER BY iu.item_id, min(iu.role <> 'lead'), min(iu.sort), u.sort, u.id`,
  );
  const reports = db.prepare<[number, string], Record<string, unknown>>(`SELECT * FROM reports WHERE period_id = ? AND item_id IN (${IDS})`);
  // Only a lead or responsible unit's snapshot is a word: one template per period and unit. Asked only
  // for the pairs the caller has not parsed (another unit's template of a shared item), by [unit, item].
  const sent = db.prepare<[string, number], { item_id: number; unit_id: number; snapshot: string }>(
    `SELECT r.item_id, t.unit_id, r.snapshot FROM json_each(?) j
       CROSS JOIN issued_templates t ON t.period_id = ? AND t.unit_id = j.value ->> 0
       CROSS JOIN issued_rows r ON r.template_id = t.id AND r.item_id = j.value ->> 1`,
  );
  const key = (itemId: number, unitId: number) => `${itemId}:${unitId}`;
  return (itemIds, periodId) => {
    const ids = JSON.stringify(itemIds);
    const reported = new Map(reports.all(periodId, ids).map((r) => [key(r.item_id as number, r.unit_id as number), reportValues(r)]));
    const lead = units.all(ids);
    const issued = new Map<string, FillValues>();
    const unparsed = new Map<string, [number, number]>();
    for (const u of lead) {
      const k = key(u.item_id, u.unit_id);
      if (reported.has(k) || issued.has(k) || unparsed.has(k)) continue;
      const fill = parsed(periodId, u.unit_id, u.item_id);
      if (fill) issued.set(k, fill);
      else unparsed.set(k, [u.unit_id, u.item_id]);
    }
    if (unparsed.size) {
      for (const r of sent.all(JSON.stringify([...unparsed.values()]), periodId)) issued.set(key(r.item_id, r.unit_id), (JSON.parse(r.snapshot) as RowSnapshot).fill);
    }
    const out = new Map<number, ItemUnits>(modes.all(ids).map((m) => [m.id, { assignMode: m.assign_mode === 'joint' ? 'joint' : 'lead', units: new Map() }]));
    for (const id of itemIds) if (!out.has(id)) out.set(id, { assignMode: 'lead', units: new Map() });
    for (const u of lead) {
      const k = key(u.item_id, u.unit_id);
      const values = reported.get(k) ?? issued.get(k);
      if (values) out.get(u.item_id)!.units.set(u.unit_id, { unitId: u.unit_id, unitName: u.name, values, reported: reported.has(k) });
    }
    return out;
  };
}
