import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/contract/errors';
import type { BulletinFacts } from '../../../shared/contract/schemas/bulletins';
import { ITEM_STATUSES, type ItemStatus } from '../../../shared/contract/schemas/items';
import { LIGHT_LEVEL_LABELS, LIGHT_LEVELS, lightLook, type LightLevel } from '../../../shared/contract/schemas/lights';
import { hasProblems } from '../lights/judge-light';
import { judgeItems, type LightScheme } from '../lights/lights';
import { createSettingsRepository } from '../repositories/settings-repository';
import { urgeFacts } from '../followup/urges';
import { listCodesOf } from '../repositories/list-codes';

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

/** The office's scheme, for how levels print (●红 …). */
function scheme(db: Database): LightScheme {
  return createSettingsRepository(db).settings().lightScheme;
}

/** How a stored light prints: a rule level (bad/warn/good/done) under the scheme, or a colour word kept as is. */
function lightLabel(db: Database, light: string): { label: string; bad: boolean; order: number } {
  if ((LIGHT_LEVELS as readonly string[]).includes(light)) {
    const level = light as LightLevel;
    return { label: `${lightLook(scheme(db), level).text}（${LIGHT_LEVEL_LABELS[level]}）`, bad: level === 'bad', order: LIGHT_LEVELS.indexOf(level) };
  }
  return { label: light, bad: /红|red/.test(light), order: 9 };
}

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

/** Lights of the items as of the period's end, by the light rule, when the period has no snapshot. */
function judgeScope(db: Database, period: PeriodRow, items: ScopeItem[], asOf: string): void {
  const verdicts = new Map(judgeItems(db, { ids: items.map((i) => i.id), asOfPeriodId: period.id }, asOf).map((r) => [r.id, r.verdict]));
  for (const i of items) {
    const v = verdicts.get(i.id);
    if (v) (i.light = v.level), (i.light_reason = v.reason);
  }
}

function reportProblems(db: Database, periodId: number): Map<number, string> {
  const rows = db
    .prepare<[number], { item_id: number; problems: string }>(
      "SELECT item_id, group_concat(problems, '；') AS problems FROM reports WHERE period_id = ? AND trim(problems) <> '' GROUP BY item_id",
    )
    .all(periodId);
  return new Map(rows.map((r) => [r.item_id, r.problems]));
}

/** Red-light items with their units and reasons: the problems reported this period, then the light's own reason. */
function laggingOf(db: Database, items: readonly ScopeItem[], problems: Map<number, string>): BulletinFacts['lagging'] {
  const lagging = items.filter((i) => i.light !== null && lightLabel(db, i.light).bad);
  // 编号 as the lists show it, read for the lagging items only (the scope may be every item).
  const codes = listCodesOf(db, lagging.map((i) => i.id));
  return lagging.map((i) => {
    const stated = problems.get(i.id) || (hasProblems(i.problems) ? i.problems.trim() : '');
    const reason = [stated, i.light_reason ?? ''].filter(Boolean).join('；') || '未说明原因';
    return {
      itemId: i.id,
      code: codes.get(i.id) ?? i.code,
      title: i.title,
      units: i.units ?? '',
      deadline: i.deadline_text || i.deadline_date || '',
      progress: i.status === 'done' ? 100 : i.progress,
      light: lightLabel(db, i.light ?? '').label,
      reason,
    };
  });
}

function lightCounts(db: Database, items: readonly ScopeItem[]): BulletinFacts['lights'] {
  const counts = new Map<string, number>();
  for (const i of items) if (i.light) counts.set(i.light, (counts.get(i.light) ?? 0) + 1);
  return [...counts]
    .map(([light, count]) => ({ light, label: lightLabel(db, light).label, count, order: lightLabel(db, light).order }))
    .sort((a, b) => a.order - b.order)
    .map(({ order: _o, ...rest }) => rest);
}

/**
 * The date a bulletin speaks of: the period's end, or today while the period has not ended —
 * never a date still to come.
 */
export function bulletinAsOf(period: Pick<PeriodRow, 'end_date'>, today: string): string {
  return today < period.end_date ? today : period.end_date;
}

/** The numbers of a period as of `today` (YYYY-MM-DD): progress, lights, lagging items, who reported, who is late, who is commended. */
export function gatherBulletinFacts(db: Database, periodId: number, today: string): BulletinFacts {
  const period = loadPeriod(db, periodId);
  const asOf = bulletinAsOf(period, today);
  const items = scopeItems(db, periodId);
  const fromSnapshot = items.some((i) => i.light !== null);
  if (!fromSnapshot) judgeScope(db, period, items, asOf);
  const byStatus = Object.fromEntries(ITEM_STATUSES.map((s) => [s, items.filter((i) => i.status === s).length])) as Record<ItemStatus, number>;
  const total = items.reduce((n, i) => n + (i.status === 'done' ? 100 : i.progress), 0);
  const lagging = laggingOf(db, items, reportProblems(db, periodId));
  const units = unitFacts(db, period, items, new Set(lagging.map((l) => l.itemId)));
  return {
    periodName: period.name,
    asOf,
    dueDate: period.due_date,
    duePassed: today > period.due_date,
    itemCount: items.length,
    byStatus,
    averageProgress: items.length ? Math.round((total / items.length) * 10) / 10 : 0,
    lightSource: fromSnapshot ? 'snapshot' : 'judged',
    lights: lightCounts(db, items),
    lagging,
    ...units,
    ...urgeFacts(db, period.start_date, period.end_date),
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
    lateUnits: ordered.filter((u) => reportedUnits.has(u) && !reports.some((r) => r.unit_id === u && r.reported_at.slice(0, 10) <= period.due_date)).map(name),
    commendedUnits: commended.map((u) => ({ name: name(u), itemCount: itemsOfUnit.get(u)!.size })),
  };
}
