import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { Dashboard, DashboardGroup, DashboardItem, DashboardQuerySchema } from '../../../shared/contract/schemas/dashboard';
import type { ItemKind } from '../../../shared/contract/schemas/items';
import { lightLook } from '../../../shared/contract/schemas/lights';
import { createSettingsRepository } from '../repositories/settings-repository';
import { daysBetween } from '../lights/judge-light';
import { keptLights, type KeptLight } from '../lights/kept-lights';
import { orderedPeriods } from '../lights/period-window';
import { compareLights } from '../lights/snapshot';
import { dashboardPeriod, deadlineTexts, kindCounts, leadUnits, planTitles, reportingRate } from './dashboard-queries';

type Query = z.output<typeof DashboardQuerySchema>;

const MAX_UNITS = 12;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function group(groups: Map<string, DashboardGroup>, key: string, id: number | null, name: string, r: KeptLight): void {
  const g = groups.get(key) ?? { id, name, total: 0, bad: 0, warn: 0, good: 0, done: 0 };
  g.total++;
  g[r.level]++;
  groups.set(key, g);
}

function byPlan(db: Database, rows: readonly KeptLight[]): DashboardGroup[] {
  const titles = planTitles(db);
  const groups = new Map<string, DashboardGroup>();
  for (const r of rows) group(groups, String(r.planId), r.planId, r.planId === null ? '未归入方案' : (titles.get(r.planId) ?? ''), r);
  return [...groups.values()];
}

function byUnit(rows: readonly KeptLight[], leads: Map<number, { id: number; name: string }[]>): DashboardGroup[] {
  const groups = new Map<string, DashboardGroup>();
  for (const r of rows) for (const u of leads.get(r.id) ?? []) group(groups, String(u.id), u.id, u.name, r);
  return [...groups.values()].sort((a, b) => b.total - a.total || b.bad - a.bad).slice(0, MAX_UNITS);
}

/** Overdue as the list filter counts it: deadline before today and status not 已完成. */
function dueTables(db: Database, rows: readonly KeptLight[], q: Query, today: string, soonDays: number, leads: Map<number, { name: string }[]>) {
  const until = addDays(today, soonDays);
  const overdue = rows.filter((r) => r.deadlineDate !== null && r.deadlineDate < today && r.status !== 'done');
  const soon = rows.filter((r) => r.deadlineDate !== null && r.deadlineDate >= today && r.deadlineDate <= until && r.status !== 'done');
  overdue.sort((a, b) => a.deadlineDate!.localeCompare(b.deadlineDate!) || a.id - b.id);
  soon.sort((a, b) => a.deadlineDate!.localeCompare(b.deadlineDate!) || a.id - b.id);
  const top = [...overdue.slice(0, q.top), ...soon.slice(0, q.top)];
  const texts = deadlineTexts(db, top.map((r) => r.id));
  const scheme = createSettingsRepository(db).settings().lightScheme;
  const item = (r: KeptLight, days: number): DashboardItem => ({
    id: r.id,
    code: r.code,
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
    overdue: { total: overdue.length, rows: overdue.slice(0, q.top).map((r) => item(r, daysBetween(r.deadlineDate!, today))) },
    dueSoon: { total: soon.length, days: soonDays, until, rows: soon.slice(0, q.top).map((r) => item(r, daysBetween(today, r.deadlineDate!))) },
  };
}

function changesOf(db: Database, period: Dashboard['period'], today: string, kind: ItemKind, rows: readonly KeptLight[]): Dashboard['changes'] {
  if (!period) return null;
  // Lights judged now are the lights as of the latest period: no need to judge them again.
  const latest = orderedPeriods(db).at(-1)?.id === period.id;
  const c = compareLights(db, period.id, today, kind, latest ? rows : undefined);
  return {
    previous: c.previous?.name ?? null,
    improved: c.improved.length,
    worsened: c.worsened.length,
    unchanged: c.unchanged,
    improvedItems: c.improved.slice(0, 5),
    worsenedItems: c.worsened.slice(0, 5),
  };
}

/** Everything 概览 shows, for one list kind and one period. */
export function getDashboard(db: Database, q: Query, today: string): Dashboard {
  const settings = createSettingsRepository(db).settings();
  const rows = keptLights(db, today, { kind: q.kind });
  const leads = leadUnits(db, q.kind);
  const period = dashboardPeriod(db, q.periodId);
  const lights = { bad: 0, warn: 0, good: 0, done: 0 };
  for (const r of rows) lights[r.level]++;
  return {
    today,
    scheme: settings.lightScheme,
    kind: q.kind,
    counts: kindCounts(db),
    lights,
    byPlan: byPlan(db, rows),
    byUnit: byUnit(rows, leads),
    withoutLead: rows.filter((r) => !leads.has(r.id)).length,
    ...dueTables(db, rows, q, today, settings.dueSoonDays, leads),
    period,
    reporting: period ? reportingRate(db, period.id) : null,
    changes: changesOf(db, period, today, q.kind, rows),
  };
}
