import { describe, expect, it } from 'vitest';
import type { Period } from '../../../shared/contract/schemas/periods';
import { nextPeriodDraft, nextPeriodName, periodEnd } from '../../../renderer/src/components/dispatch/period-defaults';

const period = (name: string, kind: Period['kind'], startDate: string, endDate: string): Period => ({
  id: 1, name, kind, startDate, endDate, dueDate: endDate, closed: false, createdAt: '', issuedUnits: 0, reportedUnits: 0,
});

describe('the 开启新期次 form defaults', () => {
  it('numbers the next period after the highest of its year, and starts a new year at 第1期', () => {
    const list = [period('2025年第4期', '双周', '2025-06-02', '2025-06-15'), period('2025年第2期', '双周', '2025-05-05', '2025-05-18'), period('专项调度', '月', '2025-01-01', '2025-01-31')];
    expect(nextPeriodName(list, 2025)).toBe('2025年第5期');
    expect(nextPeriodName(list, 2026)).toBe('2026年第1期');
  });

  it('ends a round after 14 days, at the month end or at the quarter end', () => {
    expect(periodEnd('2025-06-16', '双周')).toBe('2025-06-29');
    expect(periodEnd('2025-02-01', '月')).toBe('2025-02-28');
    expect(periodEnd('2025-05-10', '季')).toBe('2025-06-30');
    expect(periodEnd('2025-12-01', '季')).toBe('2025-12-31');
  });

  it('starts the day after the newest period, keeps its kind, and is due the day after it ends', () => {
    const list = [period('2025年第4期', '双周', '2025-06-02', '2025-06-15')];
    expect(nextPeriodDraft(list, '2025-06-16')).toEqual({ name: '2025年第5期', kind: '双周', start: '2025-06-16', end: '2025-06-29', due: '2025-06-30' });
    expect(nextPeriodDraft([], '2026-11-28')).toEqual({ name: '2026年第1期', kind: '双周', start: '2026-11-28', end: '2026-12-11', due: '2026-12-12' });
    // A newest period long past: the next round starts today instead.
    expect(nextPeriodDraft(list, '2025-10-01').start).toBe('2025-10-01');
  });
});
