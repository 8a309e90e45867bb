import { ITEM_STATUSES, ROLES, type ItemKind, type ItemQuery, type ItemStatus, type Role } from '../../../shared/contract/schemas/items';
import { LIGHT_LEVELS, type LightLevel } from '../../../shared/contract/schemas/lights';

/** Pages in the order of the work (PRODUCT.md, "The screen"). */
export const ROUTES = [
  { path: 'overview', label: '概览' },
  { path: 'tasks', label: '任务清单', kind: 'task' as ItemKind },
  { path: 'projects', label: '项目清单', kind: 'project' as ItemKind },
  { path: 'policies', label: '政策清单', kind: 'policy' as ItemKind },
  { path: 'indicators', label: '指标', kind: 'indicator' as ItemKind },
  { path: 'dispatch', label: '调度填报' },
  { path: 'evaluation', label: '考评' },
  { path: 'import', label: '导入' },
  { path: 'export', label: '导出与打印' },
  { path: 'documents', label: '来文批示' },
  { path: 'units', label: '单位' },
  { path: 'settings', label: '设置' },
] as const;

export type RoutePath = (typeof ROUTES)[number]['path'];

/** Current route from the hash (#/tasks). */
export function currentRoute(): RoutePath {
  const p = location.hash.replace(/^#\/?/, '').split('?')[0];
  return (ROUTES.find((r) => r.path === p)?.path ?? 'overview') as RoutePath;
}

/**
 * Filters a link can put on a list page, in the hash's query string. The convention:
 * `#/tasks?plan=3&section=7&unit=12&role=lead&status=not_started,in_progress&from=2025-07-01&to=2025-07-30&overdue=1&light=bad,warn&q=消费`
 * - plan / section / unit: ids; role: lead | resp | coop (with unit: that unit in that role);
 * - status: item statuses, comma-separated; from / to: deadline range (yyyy-mm-dd, inclusive);
 * - overdue=1: deadline before today and not 已完成 (items:list `overdue`);
 * - light: light levels bad | warn | good | done, comma-separated (items:list `levels`, the kept lights);
 * - q: keyword;
 * - closure: pending (待办结确认) | closed (已办结).
 * Every key maps one-to-one onto an items:list input (see `listFiltersToQuery`).
 */
export interface ListFilters {
  plan?: number;
  section?: number;
  unit?: number;
  role?: Role;
  status?: ItemStatus[];
  from?: string;
  to?: string;
  overdue?: boolean;
  light?: LightLevel[];
  q?: string;
  closure?: 'pending' | 'closed';
}

const LIST_PATHS: Record<ItemKind, RoutePath> = { task: 'tasks', project: 'projects', policy: 'policies', indicator: 'indicators' };

/** The address of a filtered list: listHref('task', { overdue: true }) → #/tasks?overdue=1. */
export function listHref(kind: ItemKind, filters: ListFilters = {}): string {
  const q = new URLSearchParams();
  const put = (k: string, v: string | number | undefined) => v !== undefined && v !== '' && q.set(k, String(v));
  put('plan', filters.plan);
  put('section', filters.section);
  put('unit', filters.unit);
  put('role', filters.role);
  put('status', filters.status?.join(','));
  put('from', filters.from);
  put('to', filters.to);
  if (filters.overdue) q.set('overdue', '1');
  put('light', filters.light?.join(','));
  put('q', filters.q);
  put('closure', filters.closure);
  const s = q.toString();
  return `#/${LIST_PATHS[kind]}${s ? `?${s}` : ''}`;
}

function pick<T extends string>(raw: string | null, allowed: readonly T[]): T[] | undefined {
  const list = (raw ?? '').split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));
  return list.length ? list : undefined;
}

const id = (raw: string | null) => (raw && /^\d+$/.test(raw) ? Number(raw) : undefined);
const date = (raw: string | null) => (raw && /^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : undefined);

/** The filters in an address (default: the current one); unknown keys and bad values are dropped. */
export function parseListFilters(hash: string = location.hash): ListFilters {
  const at = hash.indexOf('?');
  const q = new URLSearchParams(at >= 0 ? hash.slice(at + 1) : '');
  const out: ListFilters = {
    plan: id(q.get('plan')),
    section: id(q.get('section')),
    unit: id(q.get('unit')),
    role: pick(q.get('role'), ROLES)?.[0],
    status: pick(q.get('status'), ITEM_STATUSES),
    from: date(q.get('from')),
    to: date(q.get('to')),
    overdue: q.get('overdue') === '1' ? true : undefined,
    light: pick(q.get('light'), LIGHT_LEVELS),
    q: q.get('q')?.trim() || undefined,
    closure: pick(q.get('closure'), ['pending', 'closed'] as const)?.[0],
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as ListFilters;
}

/** The items:list input for link filters. */
export function listFiltersToQuery(kind: ItemKind, f: ListFilters): ItemQuery {
  return {
    kind,
    planId: f.plan,
    sectionId: f.section,
    unitId: f.unit,
    role: f.role,
    statuses: f.status,
    deadlineFrom: f.from,
    deadlineTo: f.to,
    overdue: f.overdue,
    keyword: f.q,
    closure: f.closure,
    levels: f.light,
  };
}
