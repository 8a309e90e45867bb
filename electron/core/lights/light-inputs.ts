import type { Database } from 'better-sqlite3';
import type { ItemKind, ItemStatus } from '../../../shared/contract/schemas/items';
import type { Comparator } from '../parse/quantity';
import { completionRatio, reportedInTargetUnit } from '../targets/ratio';
import { hasProblems, type LightItem } from './judge-light';
import { loadPeriodWindow, missedRounds, type PeriodWindow } from './period-window';

/** Which items to judge, and as of which period (default: all periods so far). */
export interface LightScope {
  ids?: readonly number[];
  kind?: ItemKind;
  asOfPeriodId?: number;
}

/** An item with what its light needs and what lists show next to it. */
export interface LightRow {
  id: number;
  kind: ItemKind;
  code: string;
  title: string;
  planId: number | null;
  status: ItemStatus;
  deadlineDate: string | null;
  input: LightItem;
}

interface ItemDb {
  id: number;
  kind: ItemKind;
  code: string;
  title: string;
  plan_id: number | null;
  status: ItemStatus;
  progress: number;
  problems: string;
  deadline_date: string | null;
  created_at: string;
  assign_mode: 'lead' | 'joint';
  plan_start: string | null;
  plan_end: string | null;
  project_stage: string | null;
  physical_rate: number | null;
  policy_stage: string | null;
  plan_issue_date: string | null;
  actual_issue_date: string | null;
  comparator: Comparator | null;
  target_value: number | null;
  baseline_value: number | null;
  actual_value: number | null;
  t_comparator: Comparator | null;
  t_value: number | null;
  t_raw: string | null;
  has_units: number;
  /** How many lead or responsible units the item has (each keeps its own report). */
  n_units: number;
  ext_count: number;
  ext_original: string | null;
}

/** A unit's report as the light reads it. */
export interface ReportBits {
  item_id: number;
  period_id: number;
  unit_id: number;
  /** 1 when the unit leads or is responsible for the item (a 配合 unit's report does not move it). */
  lead: number;
  status: ItemStatus | null;
  completion_ratio: number | null;
  completed_value: number | null;
  problems: string;
}

/** Approved extensions and the deadline before the first (the item's deadline is the approved one). */
const EXTENSION_COLUMNS = `(SELECT count(*) FROM item_extensions e WHERE e.item_id = i.id AND e.state = 'approved') AS ext_count,
      (SELECT e.prior_deadline_date FROM item_extensions e WHERE e.item_id = i.id AND e.state = 'approved' ORDER BY e.decided_at, e.id LIMIT 1) AS ext_original`;

function selectItems(db: Database, scope: LightScope): ItemDb[] {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (scope.kind) (where.push('i.kind = @kind'), (params.kind = scope.kind));
  if (scope.ids) (where.push('i.id IN (SELECT value FROM json_each(@ids))'), (params.ids = JSON.stringify(scope.ids)));
  const sql = `SELECT i.id, i.kind, i.code, i.title, i.plan_id, i.status, i.progress, i.problems, i.deadline_date, i.created_at,
      i.assign_mode, i.plan_start, i.plan_end, i.project_stage, i.physical_rate, i.policy_stage, i.plan_issue_date, i.actual_issue_date,
      i.comparator, i.target_value, i.baseline_value, i.actual_value,
      t.comparator AS t_comparator, t.value AS t_value, t.raw_text AS t_raw,
      EXISTS (SELECT 1 FROM item_units iu WHERE iu.item_id = i.id AND iu.role IN ('lead','resp')) AS has_units,
      (SELECT count(DISTINCT iu.unit_id) FROM item_units iu WHERE iu.item_id = i.id AND iu.role IN ('lead','resp')) AS n_units,
      ${EXTENSION_COLUMNS}
    FROM items i
    LEFT JOIN item_targets t ON t.id = (SELECT t2.id FROM item_targets t2 WHERE t2.item_id = i.id AND t2.scope = 'own' ORDER BY t2.sort, t2.id LIMIT 1)
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY i.kind, i.seq, i.id`;
  return db.prepare<[Record<string, unknown>], ItemDb>(sql).all(params);
}

function selectReports(db: Database, win: PeriodWindow, scope: LightScope): Map<number, ReportBits[]> {
  const out = new Map<number, ReportBits[]>();
  if (!win.periods.length) return out;
  const byIds = scope.ids ? 'AND item_id IN (SELECT value FROM json_each(@ids))' : '';
  const rows = db
    .prepare<[Record<string, unknown>], ReportBits>(
      `SELECT item_id, period_id, unit_id, status, completion_ratio, completed_value, problems,
         EXISTS (SELECT 1 FROM item_units iu WHERE iu.item_id = r.item_id AND iu.unit_id = r.unit_id AND iu.role IN ('lead','resp')) AS lead
       FROM reports r WHERE period_id IN (SELECT value FROM json_each(@periods)) ${byIds}`,
    )
    .all({ periods: JSON.stringify(win.periods.map((p) => p.id)), ids: JSON.stringify(scope.ids ?? []) });
  for (const r of rows) out.set(r.item_id, [...(out.get(r.item_id) ?? []), r]);
  return out;
}

/** What an upper item's local sub-items (分解) say about it. */
interface SubRollup {
  n: number;
  done: number;
  progress: number;
  problems: string;
}

function selectSubRollups(db: Database, scope: LightScope): Map<number, SubRollup> {
  const byIds = scope.ids ? 'AND upper_item_id IN (SELECT value FROM json_each(@ids))' : '';
  const rows = db
    .prepare<[Record<string, unknown>], SubRollup & { upper_item_id: number }>(
      `SELECT upper_item_id, count(*) AS n, sum(status = 'done') AS done, avg(progress) AS progress,
         coalesce(group_concat(CASE WHEN trim(problems) <> '' THEN problems END, '；'), '') AS problems
       FROM items WHERE origin = 'local' AND upper_item_id IS NOT NULL ${byIds} GROUP BY upper_item_id`,
    )
    .all({ ids: JSON.stringify(scope.ids ?? []) });
  return new Map(rows.map((r) => [r.upper_item_id, r]));
}

/** Reports of the latest period (in the window) that has any for this item. */
function latestReports(reports: readonly ReportBits[], win: PeriodWindow): ReportBits[] {
  let best = -1;
  for (const r of reports) best = Math.max(best, win.order.get(r.period_id) ?? -1);
  return reports.filter((r) => win.order.get(r.period_id) === best);
}

function targetPercent(it: ItemDb, latest: readonly ReportBits[]): number {
  if (it.kind === 'indicator' && it.target_value !== null) {
    return (completionRatio(it.comparator, it.target_value, it.actual_value, it.baseline_value) ?? 0) * 100;
  }
  const values = latest.map((r) => r.completed_value).filter((v): v is number => v !== null);
  if (it.t_value === null || !values.length) return 0;
  const reported = it.assign_mode === 'joint' ? values.reduce((a, b) => a + b, 0) : Math.max(...values);
  const value = reportedInTargetUnit(reported, { value: it.t_value, rawText: it.t_raw ?? '' });
  return (completionRatio(it.t_comparator, it.t_value, value) ?? 0) * 100;
}

/**
 * Each lead or responsible unit's latest report, when every one of them has reported (an item shared
 * by several units combines their words: done only when all are, the lowest ratio — COMBINE_RULE).
 */
function everyUnitsLatest(it: ItemDb, reports: readonly ReportBits[], win: PeriodWindow): ReportBits[] | null {
  const latest = new Map<number, ReportBits>();
  for (const r of reports) {
    const had = latest.get(r.unit_id);
    if (r.lead && (!had || (win.order.get(r.period_id) ?? -1) > (win.order.get(had.period_id) ?? -1))) latest.set(r.unit_id, r);
  }
  return it.n_units > 0 && latest.size >= it.n_units ? [...latest.values()] : null;
}

function reportsDone(it: ItemDb, latest: readonly ReportBits[], units: readonly ReportBits[] | null): boolean {
  if (it.n_units > 0) return units !== null && units.every((r) => r.status === 'done');
  return latest.length > 0 && latest.every((r) => r.status === 'done');
}

function isDone(it: ItemDb, latest: readonly ReportBits[], units: readonly ReportBits[] | null): boolean {
  if (it.status === 'done' || it.progress >= 100) return true;
  if (reportsDone(it, latest, units)) return true;
  if (it.kind === 'policy') return it.policy_stage === '已出台' || it.actual_issue_date !== null;
  if (it.kind === 'project') return it.project_stage === '竣工';
  return false;
}

function startOf(it: ItemDb, deadline: string | null): string {
  const created = it.created_at.slice(0, 10);
  if (it.kind === 'project' && it.plan_start) return it.plan_start;
  if (!deadline) return created;
  const yearStart = `${deadline.slice(0, 4)}-01-01`;
  return created < yearStart ? created : yearStart;
}

/**
 * The rule's input for one item. An item broken down into local items is judged by them too:
 * done when they all are, progress at least their average, their problems its problems.
 */
function toInput(it: ItemDb, reports: readonly ReportBits[], win: PeriodWindow, sub: SubRollup | undefined): LightItem {
  const latest = latestReports(reports, win);
  const units = everyUnitsLatest(it, reports, win);
  const ratios = units ? [Math.min(...units.map((r) => r.completion_ratio ?? 0))] : it.n_units > 0 ? [] : latest.map((r) => r.completion_ratio ?? 0);
  const progress = Math.max(it.progress, ...ratios, it.kind === 'project' ? (it.physical_rate ?? 0) : 0, targetPercent(it, latest), sub?.progress ?? 0);
  const deadline = it.deadline_date ?? (it.kind === 'project' ? it.plan_end : it.kind === 'policy' ? it.plan_issue_date : null);
  const own = latest.length ? latest.map((r) => r.problems).filter(hasProblems).join('；') : it.problems;
  const problems = [own, sub?.problems ?? ''].filter(hasProblems).join('；');
  return {
    done: isDone(it, latest, units) || (sub !== undefined && sub.done === sub.n),
    suspended: it.status === 'suspended',
    progress: Math.min(100, Math.round(progress)),
    deadline,
    start: startOf(it, deadline),
    problems,
    // a broken-down item is reported through its local items, so it is never asked itself
    missedRounds: sub ? 0 : missedRounds(win, it.id, it.has_units === 1, it.created_at.slice(0, 10), reports),
    extension: it.ext_count > 0 ? { count: it.ext_count, original: it.ext_original } : undefined,
  };
}

/** Loads what the light rule needs for the items in scope, as of the scope's period. */
export function loadLightRows(db: Database, scope: LightScope, today: string): LightRow[] {
  const win = loadPeriodWindow(db, today, scope.asOfPeriodId, scope.ids);
  const reports = selectReports(db, win, scope);
  const subs = selectSubRollups(db, scope);
  return selectItems(db, scope).map((it) => ({
    id: it.id,
    kind: it.kind,
    code: it.code,
    title: it.title,
    planId: it.plan_id,
    status: it.status,
    deadlineDate: it.deadline_date,
    input: toInput(it, reports.get(it.id) ?? [], win, subs.get(it.id)),
  }));
}
