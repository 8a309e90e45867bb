import { describe, expect, it } from 'vitest';
import { listFiltersToQuery, listHref, parseListFilters } from '../../../renderer/src/app/routes';

describe('list links (listHref / parseListFilters)', () => {
  it('writes filtered list addresses', () => {
    expect(listHref('task', { overdue: true })).toBe('#/tasks?overdue=1');
    expect(listHref('project', { plan: 3 })).toBe('#/projects?plan=3');
    expect(listHref('task', { unit: 12, role: 'lead', status: ['not_started', 'in_progress'], from: '2025-07-15', to: '2025-07-30' })).toBe(
      '#/tasks?unit=12&role=lead&status=not_started%2Cin_progress&from=2025-07-15&to=2025-07-30',
    );
    expect(listHref('indicator')).toBe('#/indicators');
  });

  it('reads back what it wrote, dropping unknown keys and bad values', () => {
    const f = { plan: 3, unit: 12, role: 'lead' as const, status: ['in_progress' as const], overdue: true, light: ['bad' as const, 'warn' as const], q: '消费' };
    expect(parseListFilters(listHref('task', f))).toEqual(f);
    expect(parseListFilters('#/tasks?plan=x&role=boss&status=done,nope&from=2025-13&evil=1')).toEqual({ status: ['done'] });
    expect(parseListFilters('#/tasks')).toEqual({});
  });

  it('maps onto an items:list query', () => {
    expect(listFiltersToQuery('task', parseListFilters('#/tasks?overdue=1&plan=2'))).toMatchObject({ kind: 'task', overdue: true, planId: 2 });
  });
});
