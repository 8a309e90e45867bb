import type { ItemKind } from '../../../shared/contract/schemas/items';

/** Pages in the order of the work (PRODUCT.md, "The screen"). */
export const ROUTES = [
  { path: 'overview', label: '概览' },
  { path: 'tasks', label: '任务清单', kind: 'task' as ItemKind },
  { path: 'projects', label: '项目清单', kind: 'project' as ItemKind },
  { path: 'policies', label: '政策清单', kind: 'policy' as ItemKind },
  { path: 'indicators', label: '指标', kind: 'indicator' as ItemKind },
  { path: 'dispatch', label: '调度填报' },
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
