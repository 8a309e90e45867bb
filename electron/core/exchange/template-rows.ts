import type { Database } from 'better-sqlite3';
import { listCode } from '../../../shared/contract/item-code';
import { ROLE_LABELS, type ItemStatus, type Role } from '../../../shared/contract/schemas/items';
import { targetText } from './list-columns';
import { reportValues, type FillValues, type RowSnapshot } from './template-fields';
import { decisionReader } from './template-extension';

interface UnitItemRow {
  id: number;
  uid: string;
  kind: string;
  code: string;
  title: string;
  content: string;
  deadline_text: string;
  status: ItemStatus;
  progress: number;
  progress_note: string;
  problems: string;
  actual_value: number | null;
  comparator: string | null;
  target_value: number | null;
  target_unit: string;
  plan_title: string;
  section_name: string;
  group_name: string;
  role_rank: number;
  lead: string | null;
  /** How many lead and responsible units the item has (several: each reports its own part). */
  reporters: number;
}

interface FirstTarget {
  label: string;
  comparator: string | null;
  value: number;
  unit: string;
}

const RANK_ROLE: Record<number, Role> = { 1: 'lead', 2: 'resp', 3: 'coop' };

/** An item a unit is sent, with what it is sent. */
export interface IssuedRow {
  itemId: number;
  uid: string;
  snapshot: RowSnapshot;
}

/** Units that lead or are responsible for (or, with `includeCoop`, cooperate on) some item, in directory order. */
export function unitsWithItems(db: Database, includeCoop: boolean): number[] {
  const roles = includeCoop ? "('lead','resp','coop')" : "('lead','resp')";
  return db.prepare(`SELECT DISTINCT u.id FROM item_units iu JOIN units u ON u.id = iu.unit_id WHERE iu.role IN ${roles} ORDER BY u.sort, u.id`).pluck().all() as number[];
}

function targetOf(db: Database, r: UnitItemRow): { text: string; unit: string } {
  const t = db.prepare<[number], FirstTarget>("SELECT label, comparator, value, unit FROM item_targets WHERE item_id = ? AND scope = 'own' ORDER BY sort, id LIMIT 1").get(r.id);
  if (t) return { text: `${t.label}${targetText(t.comparator, t.value, t.unit)}`, unit: t.unit };
  if (r.target_value !== null) return { text: targetText(r.comparator, r.target_value, r.target_unit), unit: r.target_unit };
  return { text: '', unit: '' };
}

function lastValue(db: Database, itemId: number, unitId: number): number | null {
  const r = db
    .prepare<[number, number], { v: number | null }>('SELECT completed_value AS v FROM reports WHERE item_id = ? AND unit_id = ? AND completed_value IS NOT NULL ORDER BY reported_at DESC, id DESC LIMIT 1')
    .get(itemId, unitId);
  return r?.v ?? null;
}

/** The item rows a unit's template holds (one per item, its strongest role): the one selection for the file and for every count shown before it. */
function unitItemRows(db: Database, unitId: number, includeCoop: boolean): UnitItemRow[] {
  const roles = includeCoop ? "('lead','resp','coop')" : "('lead','resp')";
  return db
    .prepare<[number], UnitItemRow>(
      `SELECT i.*, coalesce(p.title, '') AS plan_title, coalesce((SELECT name FROM sections WHERE id = i.section_id), '') AS section_name,
        min(CASE iu.role WHEN 'lead' THEN 1 WHEN 'resp' THEN 2 ELSE 3 END) AS role_rank,
        (SELECT group_concat(u.name, '、' ORDER BY l.sort) FROM item_units l JOIN units u ON u.id = l.unit_id WHERE l.item_id = i.id AND l.role = 'lead') AS lead,
        (SELECT count(DISTINCT l.unit_id) FROM item_units l WHERE l.item_id = i.id AND l.role IN ('lead','resp')) AS reporters
       FROM item_units iu JOIN items i ON i.id = iu.item_id LEFT JOIN plans p ON p.id = i.plan_id
       WHERE iu.unit_id = ? AND iu.role IN ${roles}
       GROUP BY i.id ORDER BY coalesce(p.sort, 1e9), i.plan_id, i.kind, i.seq, i.id`,
    )
    .all(unitId);
}

/** A unit named on some item, with how many rows its template would hold with and without 配合 items. */
export interface TemplateCount {
  unitId: number;
  unitName: string;
  /** Rows of its template as asked (includeCoop or not); 0: it gets no template. */
  rows: number;
  /** Items it only cooperates on (配合): in its template only with includeCoop. */
  coopOnly: number;
}

/** Every unit named on an item, in directory order, with the rows its template will hold — counted by the same selection that writes the file. */
export function templateCounts(db: Database, includeCoop: boolean): TemplateCount[] {
  const units = db.prepare<[], { id: number; name: string }>('SELECT DISTINCT u.id, u.name FROM item_units iu JOIN units u ON u.id = iu.unit_id ORDER BY u.sort, u.id').all();
  return units.map((u) => {
    const own = unitItemRows(db, u.id, false).length;
    const all = unitItemRows(db, u.id, true).length;
    return { unitId: u.id, unitName: u.name, rows: includeCoop ? all : own, coopOnly: all - own };
  });
}

/**
 * A unit's own latest report on each item, by item id. An item several units lead holds their
 * combined words (状态 by the rule, the lowest 完成比例, "甲：…；乙：…"): a unit sent that would
 * have to pick its own words out of everyone's, so it is sent its own last report instead.
 */
function ownLastReports(db: Database, unitId: number, itemIds: readonly number[]): Map<number, FillValues> {
  const rows = db
    .prepare<[number, string], Record<string, unknown>>(
      `SELECT r.* FROM reports r WHERE r.unit_id = ? AND r.item_id IN (SELECT value FROM json_each(?))
         AND r.id = (SELECT r2.id FROM reports r2 WHERE r2.item_id = r.item_id AND r2.unit_id = r.unit_id ORDER BY r2.reported_at DESC, r2.id DESC LIMIT 1)`,
    )
    .all(unitId, JSON.stringify(itemIds));
  return new Map(rows.map((r) => [r.item_id as number, reportValues(r)]));
}

/**
 * The items a unit is sent (one row per item, its strongest role), each with the snapshot of what it
 * is sent: the item's own values, or, on an item several units lead, the unit's own last report
 * (then `item` keeps the item's values at issue, which the returns' conflict check compares with).
 */
export function unitTemplateRows(db: Database, unitId: number, includeCoop: boolean): IssuedRow[] {
  const rows = unitItemRows(db, unitId, includeCoop);
  const decisionOf = decisionReader(db);
  const own = ownLastReports(db, unitId, rows.filter((r) => r.reporters > 1 && r.role_rank < 3).map((r) => r.id));
  return rows.map((r) => {
    const role = RANK_ROLE[r.role_rank];
    const target = targetOf(db, r);
    const mine = own.get(r.id);
    const ownValue = r.kind !== 'indicator' || mine ? lastValue(db, r.id, unitId) : null;
    const item: FillValues = { status: r.status, ratio: r.progress, value: r.kind === 'indicator' ? r.actual_value : ownValue, progressText: r.progress_note, problems: r.problems, nextSteps: '' };
    const snapshot: RowSnapshot = {
      identity: { code: listCode(r.code, r.section_name, r.group_name), plan: r.plan_title, title: r.title, content: r.content, lead: r.lead ?? '', role: ROLE_LABELS[role], deadline: r.deadline_text, target: target.text },
      fill: mine ? { ...mine, value: ownValue, nextSteps: '' } : item,
      ...(mine ? { item } : {}),
      role,
      kind: r.kind,
      targetUnit: target.unit,
      decision: decisionOf(r.id),
    };
    return { itemId: r.id, uid: r.uid, snapshot };
  });
}
