import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/contract/errors';
import type { BulletinFacts } from '../../../shared/contract/schemas/bulletins';
import { ITEM_STATUSES, type ItemStatus } from '../../../shared/contract/schemas/items';

/** A period row as the bulletin needs it. */
export interface PeriodRow {
  id: number;
  name: string;
  kind: string;
  start_date: string;
  end_date: string;
  due_date: string;
  closed: number;
}

interface ScopeItem {
  id: number;
  code: string;
  title: string;
  status: ItemStatus;
  progress: number;
  deadline_text: string;
  deadline_date: string | null;
  problems: string;
  units: string | null;
  light: string | null;
  light_reason: string | null;
}

/** Light words for snapshot values: the light rule's levels and plain colour words. */
const LIGHT_LABELS: Readonly<Record<string, { label: string; bad: boolean; order: number }>> = {
  bad: { label: '●红灯（逾期或严重滞后）', bad: true, order: 0 },
  red: { label: '●红灯', bad: true, order: 0 },
  红: { label: '●红灯', bad: true, order: 0 },
  warn: { label: '▲黄灯（需关注）', bad: false, order: 1 },
  yellow: { label: '▲黄灯', bad: false, order: 1 },
  黄: { label: '▲黄灯', bad: false, order: 1 },
  橙: { label: '▲橙灯', bad: false, order: 1 },
  good: { label: '○绿灯（正常推进）', bad: false, order: 2 },
  green: { label: '○绿灯', bad: false, order: 2 },
  绿: { label: '○绿灯', bad: false, order: 2 },
  蓝: { label: '◇蓝灯', bad: false, order: 2 },
  done: { label: '○已完成', bad: false, order: 3 },
};

const UNITS_OF_ITEM = `(SELECT group_concat(u.name, '、') FROM item_units iu JOIN units u ON u.id = iu.unit_id
  WHERE iu.item_id = i.id AND iu.role IN ('lead', 'resp'))`;

export function loadPeriod(db: Database, periodId: number): PeriodRow {
  const p = db.prepare<[number], PeriodRow>('SELECT * FROM periods WHERE id = ?').get(periodId);
  if (!p) throw new AppError('not_found', `调度期次（编号 ${periodId}）不存在`);
  return p;
}

/** Items of the period: those sent in its templates, else every task, project and policy. */
function scopeItems(db: Database, periodId: number): ScopeItem[] {
  const issued = (db.prepare('SELECT count(*) AS n FROM issued_templates WHERE period_id = ?').get(periodId) as { n: number }).n > 0;
  const scope = issued
    ? 'i.id IN (SELECT r.item_id FROM issued_rows r JOIN issued_templates t ON t.id = r.template_id WHERE t.period_id = @p)'
    : "i.kind IN ('task', 'project', 'policy')";
  return db
    .prepare<[{ p: number }], ScopeItem>(
      `SELECT i.id, i.code, i.title, i.status, i.progress, i.deadline_text, i.deadline_date, i.problems,
        ${UNITS_OF_ITEM} AS units, ls.light, ls.reason AS light_reason
       FROM items i LEFT JOIN light_snapshots ls ON ls.item_id = i.id AND ls.period_id = @p
       WHERE ${scope} ORDER BY i.kind, i.seq, i.id`,
    )
    .all({ p: periodId });
}

function reportProblems(db: Database, periodId: number): Map<number, string> {
  const rows = db
    .prepare<[number], { item_id: number; problems: string }>(
      "SELECT item_id, group_concat(problems, '；') AS problems FROM reports WHERE period_id = ? AND trim(problems) <> '' GROUP BY item_id",
    )
    .all(periodId);
  return new Map(rows.map((r) => [r.item_id, r.problems]));
}

function isLagging(i: ScopeItem, asOf: string, fromSnapshot: boolean): boolean {
  if (fromSnapshot) return LIGHT_LABELS[i.light ?? '']?.bad ?? false;
  return i.status !== 'done' && i.status !== 'suspended' && i.deadline_date !== null && i.deadline_date < asOf;
}

function laggingOf(items: readonly ScopeItem[], problems: Map<number, string>, asOf: string, fromSnapshot: boolean): BulletinFacts['lagging'] {
  return items
    .filter((i) => isLagging(i, asOf, fromSnapshot))
    .map((i) => {
      const stated = problems.get(i.id) || i.problems.trim();
      const overdue = i.deadline_date && i.deadline_date < asOf ? `已超过完成时限（${i.deadline_text || i.deadline_date}）` : '';
      const reason = [stated, fromSnapshot ? (i.light_reason ?? '') : overdue].filter(Boolean).join('；') || '未说明原因';
      return {
        itemId: i.id,
        code: i.code,
        title: i.title,
        units: i.units ?? '',
        deadline: i.deadline_text || i.deadline_date || '',
        progress: i.status === 'done' ? 100 : i.progress,
        light: fromSnapshot ? (LIGHT_LABELS[i.light ?? '']?.label ?? i.light ?? '') : '逾期未完成',
        reason,
      };
    });
}

function lightCounts(items: readonly ScopeItem[]): BulletinFacts['lights'] {
  const counts = new Map<string, number>();
  for (const i of items) if (i.light) counts.set(i.light, (counts.get(i.light) ?? 0) + 1);
  return [...counts]
    .map(([light, count]) => ({ light, label: LIGHT_LABELS[light]?.label ?? light, count }))
    .sort((a, b) => (LIGHT_LABELS[a.light]?.order ?? 9) - (LIGHT_LABELS[b.light]?.order ?? 9));
}

/** The numbers of a period: progress, lights, lagging items, who reported and who is commended. */
export function gatherBulletinFacts(db: Database, periodId: number): BulletinFacts {
  const period = loadPeriod(db, periodId);
  const items = scopeItems(db, periodId);
  const fromSnapshot = items.some((i) => i.light !== null);
  const byStatus = Object.fromEntries(ITEM_STATUSES.map((s) => [s, items.filter((i) => i.status === s).length])) as Record<ItemStatus, number>;
  const total = items.reduce((n, i) => n + (i.status === 'done' ? 100 : i.progress), 0);
  const lagging = laggingOf(items, reportProblems(db, periodId), period.end_date, fromSnapshot);
  const units = unitFacts(db, period, items, new Set(lagging.map((l) => l.itemId)));
  return {
    periodName: period.name,
    asOf: period.end_date,
    itemCount: items.length,
    byStatus,
    averageProgress: items.length ? Math.round((total / items.length) * 10) / 10 : 0,
    lightSource: fromSnapshot ? 'snapshot' : 'overdue',
    lights: fromSnapshot ? lightCounts(items) : [{ light: 'overdue', label: '逾期未完成', count: lagging.length }],
    lagging,
    ...units,
  };
}

/** Item ids each unit answers for in the period: its template's rows, else its lead/responsible open items. */
function itemsOfUnits(db: Database, periodId: number, items: readonly ScopeItem[]): Map<number, Set<number>> {
  const out = new Map<number, Set<number>>();
  const templates = db.prepare<[number], { unit_id: number; id: number }>('SELECT unit_id, id FROM issued_templates WHERE period_id = ?').all(periodId);
  if (templates.length) {
    const rows = db.prepare<[number], { item_id: number }>('SELECT item_id FROM issued_rows WHERE template_id = ?');
    for (const t of templates) out.set(t.unit_id, new Set(rows.all(t.id).map((r) => r.item_id)));
    return out;
  }
  const open = new Set(items.filter((i) => i.status !== 'done' && i.status !== 'suspended').map((i) => i.id));
  const roles = db.prepare<[], { unit_id: number; item_id: number }>("SELECT unit_id, item_id FROM item_units WHERE role IN ('lead', 'resp')").all();
  for (const r of roles) {
    if (!open.has(r.item_id)) continue;
    if (!out.has(r.unit_id)) out.set(r.unit_id, new Set());
    out.get(r.unit_id)!.add(r.item_id);
  }
  return out;
}

/**
 * Who was expected to report (units sent a template, else lead/responsible units of open items),
 * who did not, and who to commend: reported every item by the due date with none lagging.
 */
function unitFacts(db: Database, period: PeriodRow, items: readonly ScopeItem[], lagging: ReadonlySet<number>) {
  const itemsOfUnit = itemsOfUnits(db, period.id, items);
  const reports = db.prepare<[number], { unit_id: number; item_id: number; reported_at: string }>('SELECT unit_id, item_id, reported_at FROM reports WHERE period_id = ?').all(period.id);
  const units = new Map(db.prepare<[], { id: number; name: string; sort: number }>('SELECT id, name, sort FROM units').all().map((u) => [u.id, u]));
  const ordered = [...itemsOfUnit.keys()].sort((a, b) => (units.get(a)?.sort ?? 0) - (units.get(b)?.sort ?? 0) || a - b);
  const name = (u: number) => units.get(u)?.name ?? '';
  const reportedUnits = new Set(reports.map((r) => r.unit_id));
  const onTime = new Set(reports.filter((r) => r.reported_at.slice(0, 10) <= period.due_date).map((r) => `${r.unit_id}:${r.item_id}`));
  const commended = ordered.filter((u) => {
    const own = [...itemsOfUnit.get(u)!];
    return own.length > 0 && own.every((i) => onTime.has(`${u}:${i}`) && !lagging.has(i));
  });
  return {
    expectedUnits: ordered.map(name),
    missingUnits: ordered.filter((u) => !reportedUnits.has(u)).map(name),
    commendedUnits: commended.map((u) => ({ name: name(u), itemCount: itemsOfUnit.get(u)!.size })),
  };
}
