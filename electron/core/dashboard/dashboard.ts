import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { Dashboard, DashboardItem, DashboardQuerySchema } from '../../../shared/contract/schemas/dashboard';
import type { ItemKind } from '../../../shared/contract/schemas/items';
import { lightLook } from '../../../shared/contract/schemas/lights';
import { listCodesOf } from '../repositories/list-codes';
import { createSettingsRepository } from '../repositories/settings-repository';
import { daysBetween } from '../lights/judge-light';
import { keptLights, refreshLights, type KeptLight } from '../lights/kept-lights';
import { orderedPeriods } from '../lights/period-window';
import { compareLights } from '../lights/snapshot';
import { dashboardPeriod, deadlineTexts, kindCounts, planTitles, reportingRate } from './dashboard-queries';
import { deadlineWindow, leadsOf, planGroups, unitGroups, withoutLeadCount } from './dashboard-kept';

type Query = z.output<typeof DashboardQuerySchema>;

const MAX_UNITS = 12;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Overdue as the list filter counts it: deadline before today and status not 已完成. */
function dueTables(db: Database, q: Query, today: string, soonDays: number) {
  const until = addDays(today, soonDays);
  const overdue = deadlineWindow(db, q.kind, null, today, true, q.top);
  const soon = deadlineWindow(db, q.kind, today, until, false, q.top);
  const top = [...overdue.rows, ...soon.rows];
  const texts = deadlineTexts(db, top.map((r) => r.id));
  const leads = leadsOf(db, top.map((r) => r.id));
  const codes = listCodesOf(db, top.map((r) => r.id));
  const scheme = createSettingsRepository(db).settings().lightScheme;
  const item = (r: KeptLight, days: number): DashboardItem => ({
    id: r.id,
    code: codes.get(r.id) ?? r.code,
    title: r.title,
    lead: (leads.get(r.id) ?? []).map((u) => u.name).join('、'),
    deadlineText: texts.get(r.id) ?? '',
    deadlineDate: r.deadlineDate!,
    days,
    progress: r.progress,
    level: r.level,
    light: lightLook(scheme, r.level).text,
    reason: r.reason,
  });
  return {
    overdue: { total: overdue.total, rows: overdue.rows.map((r) => item(r, daysBetween(r.deadlineDate!, today))) },
    dueSoon: { total: soon.total, days: soonDays, until, rows: soon.rows.map((r) => item(r, daysBetween(today, r.deadlineDate!))) },
  };
}

/** Light changes with their 编号 as the lists show them. */
function shownCodes<T extends { id: number; code: string }>(db: Database, rows: T[]): T[] {
  const codes = listCodesOf(db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, code: codes.get(r.id) ?? r.code }));
}

function changesOf(db: Database, period: Dashboard['period'], today: string, kind: ItemKind): Dashboard['changes'] {
  if (!period) return null;
  const all = orderedPeriods(db);
  const at = all.findIndex((p) => p.id === period.id);
  const earlier = db.prepare('SELECT 1 FROM light_snapshots WHERE period_id IN (SELECT value FROM json_each(?)) LIMIT 1').get(JSON.stringify(all.slice(0, at).map((p) => p.id)));
  // nothing to compare against: no need to read any light
  if (!earlier) return { previous: null, improved: 0, worsened: 0, unchanged: 0, improvedItems: [], worsenedItems: [] };
  // Kept lights are the lights as of the latest period: no need to judge them again.
  const latest = all.at(-1)?.id === period.id;
  const c = compareLights(db, period.id, today, kind, latest ? keptLights(db, today, { kind }) : undefined);
  return {
    previous: c.previous?.name ?? null,
    improved: c.improved.length,
    worsened: c.worsened.length,
    unchanged: c.unchanged,
    improvedItems: shownCodes(db, c.improved.slice(0, 5)),
    worsenedItems: shownCodes(db, c.worsened.slice(0, 5)),
  };
}

/** Everything 概览 shows, for one list kind and one period, from the kept lights. */
export function getDashboard(db: Database, q: Query, today: string): Dashboard {
  const settings = createSettingsRepository(db).settings();
  refreshLights(db, today);
  const period = dashboardPeriod(db, q.periodId);
  const byPlan = planGroups(db, q.kind, planTitles(db));
  const lights = { bad: 0, warn: 0, good: 0, done: 0 };
  for (const g of byPlan) for (const l of ['bad', 'warn', 'good', 'done'] as const) lights[l] += g[l];
  return {
    today,
    scheme: settings.lightScheme,
    kind: q.kind,
    counts: kindCounts(db),
    lights,
    byPlan,
    byUnit: unitGroups(db, q.kind, MAX_UNITS),
    withoutLead: withoutLeadCount(db, q.kind),
    ...dueTables(db, q, today, settings.dueSoonDays),
    period,
    reporting: period ? reportingRate(db, period.id) : null,
    changes: changesOf(db, period, today, q.kind),
  };
}
