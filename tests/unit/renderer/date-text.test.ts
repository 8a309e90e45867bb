import { describe, expect, it } from 'vitest';
import { chineseDate, monthGrid, parseDateText } from '../../../renderer/src/components/common/date-text';

describe('dates typed the way an office writes them', () => {
  it('reads ISO, slashes, dots, 年月日 and eight digits as the same day', () => {
    for (const t of ['2025-06-30', '2025/6/30', '2025.6.30', '2025年6月30日', '2025年06月30号', ' 2025 年 6 月 30 日 ', '20250630', '２０２５－０６－３０']) {
      expect(parseDateText(t), t).toBe('2025-06-30');
    }
  });

  it('refuses what is not a whole calendar date', () => {
    for (const t of ['2025-02-30', '2025-13-01', '6/30/2025', '2025年6月', '明天', '', '2025-6-31']) expect(parseDateText(t), t).toBeNull();
    expect(parseDateText('2024-02-29')).toBe('2024-02-29');
  });

  it('shows ISO dates in Chinese and leaves other text alone', () => {
    expect(chineseDate('2025-06-30')).toBe('2025年6月30日');
    expect(chineseDate('2025-01-05')).toBe('2025年1月5日');
    expect(chineseDate('长期坚持')).toBe('长期坚持');
  });

  it('lays a month out Monday first: June 2025 starts on a Sunday', () => {
    const g = monthGrid(2025, 6);
    expect(g.slice(0, 7)).toEqual([null, null, null, null, null, null, '2025-06-01']);
    expect(g.filter(Boolean)).toHaveLength(30);
    expect(g.at(-1)).toBe('2025-06-30');
  });
});
