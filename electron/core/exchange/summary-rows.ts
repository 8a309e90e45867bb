import type { Database } from 'better-sqlite3';
import type { ItemRow } from '../../../shared/contract/schemas/items';
import { LIGHT_LEVELS, lightLook, type LightLevel } from '../../../shared/contract/schemas/lights';
import type { SummaryQuery, SummaryResult, SummaryRow } from '../../../shared/contract/schemas/summary';
import { keptLights } from '../lights/kept-lights';
import { judgeItems } from '../lights/lights';
import { orderedPeriods } from '../lights/period-window';
import { createItemsRepository } from '../repositories/items-repository';
import { createSettingsRepository } from '../repositories/settings-repository';
import { loadPeriod } from '../services/bulletin-facts';
import { keptSummary, type KeptSummary } from './summary-kept';
import { remembered } from './summary-memo';
import { joined, scanSummary, type ReportLine } from './summary-scan';

/** Items the period concerns: those sent in a template or reported on; every item when there are none. */
function scopeIds(db: Database, periodId: number, reports: ReadonlyMap<number, unknown>): Set<number> | undefined {
  const issued = db
    .prepare('SELECT r.item_id FROM issued_rows r JOIN issued_templates t ON t.id = r.template_id WHERE t.period_id = ?')
    .pluck()
    .all(periodId) as number[];
  const ids = new Set([...issued, ...reports.keys()]);
  return ids.size ? ids : undefined;
}

/** Every unit's report of the period per item (or of some items), oldest first; the texts only when asked for. */
function reportsByItem(db: Database, periodId: number, texts: boolean, ids?: readonly number[]): Map<number, ReportLine[]> {
  const rows = db
    .prepare<[Record<string, unknown>], ReportLine>(
      `SELECT r.item_id, r.unit_id, u.name AS unit_name, r.status, r.completion_ratio,
         ${texts ? 'r.progress_text, r.problems, r.next_steps' : "'' AS progress_text, '' AS problems, '' AS next_steps"}
       FROM reports r JOIN units u ON u.id = r.unit_id WHERE r.period_id = @period ${ids ? 'AND r.item_id IN (SELECT value FROM json_each(@ids))' : ''}
       ORDER BY r.reported_at, r.id`,
    )
    .all(ids ? { period: periodId, ids: JSON.stringify(ids) } : { period: periodId });
  const out = new Map<number, ReportLine[]>();
  for (const r of rows) out.set(r.item_id, [...(out.get(r.item_id) ?? []), r]);
  return out;
}

/**
 * Lights as the bulletin reads them, for some items: the period's snapshot; else, while the newest period
 * runs, the kept lights (judged as of today, the same judgement); else the rule as of the period's end.
 * Only the items asked for are judged: the view asks for one page, or for every candidate under a light filter.
 */
function periodLights(db: Database, periodId: number, ids: readonly number[], asOf: string, today: string) {
  const levels = JSON.stringify(LIGHT_LEVELS);
  // a page reads its own items' snapshot rows; a light filter's thousands of candidates the whole period's
  const byIds = ids.length <= 1000;
  const snap = db
    .prepare<Record<string, unknown>, { item_id: number; light: string; reason: string }>(
      `SELECT item_id, light, reason FROM light_snapshots WHERE period_id = @period AND light IN (SELECT value FROM json_each(@levels))
       ${byIds ? 'AND item_id IN (SELECT value FROM json_each(@ids))' : ''}`,
    )
    .all({ period: periodId, levels, ids: JSON.stringify(byIds ? ids : []) });
  const snapped = snap.length > 0 || (byIds && Boolean(db.prepare('SELECT 1 FROM light_snapshots WHERE period_id = ? AND light IN (SELECT value FROM json_each(?)) LIMIT 1').get(periodId, levels)));
  const out = new Map<number, { level: LightLevel; reason: string }>(snap.map((s) => [s.item_id, { level: s.light as LightLevel, reason: s.reason }]));
  const rest = ids.filter((id) => !out.has(id));
  const newest = orderedPeriods(db).at(-1)?.id === periodId;
  if (rest.length && newest && asOf === today) for (const l of keptLights(db, today, { ids: rest })) out.set(l.id, { level: l.level, reason: l.reason });
  else if (rest.length) for (const r of judgeItems(db, { ids: rest, asOfPeriodId: periodId }, asOf)) out.set(r.id, r.verdict);
  return { lights: out, source: snapped && !rest.length ? ('snapshot' as const) : ('judged' as const) };
}

/** The page's lights kept for the period (keptSummary brought them up to date): from its snapshot when every one is. */
function keptPageLights(db: Database, periodId: number, ids: readonly number[]) {
  const params = { period: periodId, ids: JSON.stringify(ids), levels: JSON.stringify(LIGHT_LEVELS) };
  const rows = db
    .prepare<Record<string, unknown>, { item_id: number; light: LightLevel; reason: string }>(
      'SELECT item_id, light, reason FROM period_items WHERE period_id = @period AND item_id IN (SELECT value FROM json_each(@ids))',
    )
    .all(params);
  // an empty page is the snapshot's when the period has one
  const snapped = db
    .prepare<Record<string, unknown>, number>(
      `SELECT count(*) FROM (SELECT 1 FROM light_snapshots WHERE period_id = @period AND light IN (SELECT value FROM json_each(@levels))
       ${ids.length ? 'AND item_id IN (SELECT value FROM json_each(@ids))' : 'LIMIT 1'})`,
    )
    .pluck()
    .get(params)!;
  const lights = new Map(rows.map((r) => [r.item_id, { level: r.light, reason: r.reason }]));
  return { lights, source: snapped > 0 && snapped >= ids.length ? ('snapshot' as const) : ('judged' as const) };
}

function toRow(r: ItemRow, reps: readonly ReportLine[], light: SummaryRow['light']): SummaryRow {
  const one = reps.length === 1 ? reps[0] : null;
  return {
    id: r.id,
    uid: r.uid,
    kind: r.kind,
    code: r.code,
    plan: r.planTitle,
    title: r.title,
    lead: r.lead,
    deadlineText: r.deadlineText,
    deadlineDate: r.deadlineDate,
    light,
    units: reps.map((x) => x.unit_name),
    status: one?.status ?? r.status,
    ratio: one ? (one.completion_ratio ?? r.progress) : r.progress,
    progress: reps.length ? joined(reps, (x) => x.progress_text) : r.progressNote,
    problems: joined(reps, (x) => x.problems),
    next: joined(reps, (x) => x.next_steps),
  };
}

/**
 * The units the period's items concern (their roles and this period's reporters) for the unit filter's
 * list, and the items of `unitId` (any role, or reported by it). Bare ids, names from the small units table.
 */
function unitIndex(db: Database, ids: readonly number[], reports: ReadonlyMap<number, ReportLine[]>, unitId?: number) {
  const inScope = new Set(ids);
  const used = new Set<number>();
  const ofUnit = new Set<number>();
  for (const [item, unit] of db.prepare('SELECT item_id, unit_id FROM item_units').raw().iterate() as Iterable<[number, number]>) {
    if (!inScope.has(item)) continue;
    used.add(unit);
    if (unit === unitId) ofUnit.add(item);
  }
  for (const [item, reps] of reports)
    for (const r of reps) {
      used.add(r.unit_id);
      if (r.unit_id === unitId) ofUnit.add(item);
    }
  const names = db.prepare<[], { id: number; name: string }>('SELECT id, name FROM units').all();
  const units = names.filter((u) => used.has(u.id)).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return { units, ofUnit };
}

/** What the page is built from: the totals, the ids of the page, and what the filtering already read. */
interface Filtered extends KeptSummary {
  reports?: ReadonlyMap<number, ReportLine[]>;
  judged?: ReturnType<typeof periodLights> | null;
}

/**
 * The filtering that reads every report of the period and every item's bare columns: the keyword and
 * light filters need it; it is also the plain recomputation the kept rows (summary-kept.ts) must equal.
 */
function scanned(db: Database, q: SummaryQuery, asOf: string, today: string): Filtered {
  const { offset = 0, limit, ...filters } = q;
  const byLight = Boolean(q.levels?.length);
  // Filtering (and, under a light filter, judging every candidate) is remembered until the next write.
  const base = remembered(db, JSON.stringify({ filters, today }), () => {
    // Reported texts are read for every item only when the keyword searches them; else for the page.
    const reports = reportsByItem(db, q.periodId, Boolean(q.keyword?.trim()));
    const scan = scanSummary(db, q, scopeIds(db, q.periodId, reports), reports);
    const { units, ofUnit } = unitIndex(db, scan.scoped, reports, q.unitId);
    const unitIds = q.unitId === undefined ? scan.ids : scan.ids.filter((id) => ofUnit.has(id));
    const judged = byLight ? periodLights(db, q.periodId, unitIds, asOf, today) : null;
    const matched = judged ? unitIds.filter((id) => q.levels!.includes(judged.lights.get(id)?.level ?? 'good')) : unitIds;
    return { reports, total: scan.scoped.length, reported: scan.reported, units, matched, judged };
  });
  const { matched, reports } = base;
  return {
    ...base,
    matched: matched.length,
    matchedReported: matched.filter((id) => reports.has(id)).length,
    pageIds: matched.slice(offset, limit === undefined ? undefined : offset + limit),
    reports: q.keyword?.trim() ? reports : undefined,
  };
}

function filtered(db: Database, q: SummaryQuery, asOf: string, today: string, scan: boolean): Filtered {
  return (scan ? undefined : keptSummary(db, q, today)) ?? scanned(db, q, asOf, today);
}

/** The totals, units and page ids of `summaryRows` without the rows built (the tests compare both ways with it). */
export function summaryIds(db: Database, q: SummaryQuery, today: string, scan = false) {
  const period = loadPeriod(db, q.periodId);
  const { total, reported, matched, matchedReported, units, pageIds } = filtered(db, q, period.end_date < today ? period.end_date : today, today, scan);
  return { total, reported, matched, matchedReported, units, pageIds };
}

/**
 * The 汇总表 of a period: every item issued or reported in it, in the plan's order, with its light,
 * 完成时限, the units that reported and what they said; filtered by unit, light, status and keyword.
 * The page and the workbook export both read this. The kind, status and unit filters read the rows and
 * counts kept per period; the light and keyword filters scan the period (`scan` forces that for all).
 */
export function summaryRows(db: Database, q: SummaryQuery, today: string, scan = false): SummaryResult {
  const period = loadPeriod(db, q.periodId);
  const asOf = period.end_date < today ? period.end_date : today;
  const f = filtered(db, q, asOf, today, scan);
  const { pageIds } = f;
  const pageReports = f.reports ?? reportsByItem(db, q.periodId, true, pageIds);
  const { lights, source } = f.judged ?? (f.keptLights ? keptPageLights(db, q.periodId, pageIds) : periodLights(db, q.periodId, pageIds, asOf, today));
  const scheme = createSettingsRepository(db).settings().lightScheme;
  const repo = createItemsRepository(db);
  // the list's full rows of the page's ids only (no list query per kind, with its count and sort)
  const full = new Map(repo.byIds(pageIds).map((r) => [r.id, r]));
  const rows = pageIds.map((id) => {
    const v = lights.get(id) ?? { level: 'good' as const, reason: '' };
    const look = lightLook(scheme, v.level);
    return toRow(full.get(id)!, pageReports.get(id) ?? [], { level: v.level, color: look.color, text: look.text, mantine: look.mantine, reason: v.reason });
  });
  return {
    periodName: period.name,
    scheme,
    lightsAsOf: asOf,
    lightSource: source,
    total: f.total,
    reported: f.reported,
    matched: f.matched,
    matchedReported: f.matchedReported,
    units: f.units,
    rows,
  };
}
