import { describe, expect, it } from 'vitest';
import { daysBetween, expectedProgress, hasProblems, judgeLight, type LightContext, type LightItem } from '../../../electron/core/lights/judge-light';

const ctx: LightContext = { today: '2025-06-20', dueSoonDays: 15, missedRoundsRed: 2, lagTolerance: 0 };
const item = (over: Partial<LightItem> = {}): LightItem => ({
  done: false,
  suspended: false,
  progress: 50,
  deadline: '2025-12-31',
  start: '2025-01-01',
  problems: '',
  missedRounds: 0,
  ...over,
});

describe('judgeLight (default thresholds)', () => {
  it('is green when on schedule, and says how far from the deadline', () => {
    const v = judgeLight(item(), ctx);
    expect(v).toMatchObject({ level: 'good', rule: 'on_track' });
    expect(v.reason).toBe('按计划推进（距完成时限 194 天，进度 50%）');
  });

  it('is done when done, even when overdue or unreported', () => {
    expect(judgeLight(item({ done: true, deadline: '2025-01-31', missedRounds: 5 }), ctx)).toEqual({ level: 'done', rule: 'done', reason: '已完成' });
  });

  it('is red when the deadline has passed and the item is not done', () => {
    expect(judgeLight(item({ deadline: '2025-06-08' }), ctx)).toEqual({ level: 'bad', rule: 'overdue', reason: '逾期 12 天未完成' });
  });

  it('is not overdue on the deadline day itself', () => {
    expect(judgeLight(item({ deadline: '2025-06-20', progress: 100 }), ctx).level).not.toBe('bad');
  });

  it('is red after two rounds in a row without a report, and says how many', () => {
    expect(judgeLight(item({ missedRounds: 2 }), ctx)).toEqual({ level: 'bad', rule: 'missed', reason: '连续两期未报送' });
    expect(judgeLight(item({ missedRounds: 3 }), ctx).reason).toBe('连续三期未报送');
    expect(judgeLight(item({ missedRounds: 1 }), ctx).level).toBe('good');
  });

  it('is yellow when due soon and behind the time-proportional expectation', () => {
    // 2025-06-01 → 2025-06-30: 19 of 29 days elapsed → 66 % expected
    const v = judgeLight(item({ start: '2025-06-01', deadline: '2025-06-30', progress: 20 }), ctx);
    expect(v).toEqual({ level: 'warn', rule: 'behind', reason: '距完成时限 10 天，进度 20% 低于应有的 66%' });
  });

  it('is green when due soon but on pace, and yellow-free far from the deadline however slow', () => {
    expect(judgeLight(item({ start: '2025-06-01', deadline: '2025-06-30', progress: 70 }), ctx).level).toBe('good');
    expect(judgeLight(item({ deadline: '2025-07-31', progress: 0 }), ctx).level).toBe('good');
  });

  it('says 今天到期 on the deadline day', () => {
    expect(judgeLight(item({ deadline: '2025-06-20', progress: 40 }), ctx).reason).toBe('今天到期，进度 40% 低于应有的 100%');
  });

  it('is yellow when the latest report states problems, but not for 无 / 暂无', () => {
    expect(judgeLight(item({ problems: '征地拆迁进度滞后，资金缺口较大' }), ctx)).toEqual({
      level: 'warn',
      rule: 'problems',
      reason: '报送存在问题：征地拆迁进度滞后，资金缺口较大',
    });
    expect(judgeLight(item({ problems: '暂无' }), ctx).level).toBe('good');
    expect(judgeLight(item({ problems: ' 无。' }), ctx).level).toBe('good');
  });

  it('puts red before yellow: overdue with problems is red', () => {
    expect(judgeLight(item({ deadline: '2025-06-01', problems: '资金不足' }), ctx).rule).toBe('overdue');
  });

  it('keeps open-ended items (长期坚持) green unless unreported or with problems', () => {
    expect(judgeLight(item({ deadline: null, progress: 0 }), ctx)).toEqual({ level: 'good', rule: 'on_track', reason: '按计划推进' });
    expect(judgeLight(item({ deadline: null, missedRounds: 2 }), ctx).level).toBe('bad');
  });

  it('does not judge suspended items', () => {
    expect(judgeLight(item({ suspended: true, deadline: '2025-01-01' }), ctx)).toMatchObject({ level: 'good', rule: 'suspended' });
  });
});

describe('judgeLight thresholds are settings', () => {
  it('uses the due-soon window', () => {
    const late = item({ start: '2025-06-01', deadline: '2025-06-30', progress: 20 });
    expect(judgeLight(late, { ...ctx, dueSoonDays: 5 }).level).toBe('good');
    expect(judgeLight(late, { ...ctx, dueSoonDays: 10 }).level).toBe('warn');
  });

  it('uses the number of unreported rounds before red', () => {
    expect(judgeLight(item({ missedRounds: 2 }), { ...ctx, missedRoundsRed: 3 }).level).toBe('good');
    expect(judgeLight(item({ missedRounds: 1 }), { ...ctx, missedRoundsRed: 1 })).toMatchObject({ level: 'bad', reason: '连续一期未报送' });
  });

  it('tolerates a lag of a few points when asked to', () => {
    const slightly = item({ start: '2025-06-01', deadline: '2025-06-30', progress: 60 });
    expect(judgeLight(slightly, ctx).level).toBe('warn');
    expect(judgeLight(slightly, { ...ctx, lagTolerance: 10 }).level).toBe('good');
  });
});

describe('light helpers', () => {
  it('counts days and the expected progress', () => {
    expect(daysBetween('2025-06-20', '2025-06-08')).toBe(-12);
    expect(daysBetween('2024-12-31', '2025-01-01')).toBe(1);
    expect(expectedProgress('2025-01-01', '2025-12-31', '2025-07-02')).toBe(50);
    expect(expectedProgress('2025-07-01', '2025-12-31', '2025-06-01')).toBe(0);
    expect(expectedProgress('2025-06-01', '2025-06-01', '2025-06-01')).toBe(100);
  });

  it('tells a problem from a "none"', () => {
    for (const none of ['', '无', '暂无', '无问题', '—', '/', ' 无 ']) expect(hasProblems(none)).toBe(false);
    expect(hasProblems('资金不足')).toBe(true);
  });
});
