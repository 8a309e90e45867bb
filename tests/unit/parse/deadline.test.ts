import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../../../electron/core/parse/deadline';

const y2025 = { year: 2025 };

describe('parseDeadline', () => {
  it.each([
    ['2025年6月底前', '2025-06-30'],
    ['2025年6月30日', '2025-06-30'],
    ['2025年6月30日前', '2025-06-30'],
    ['6月30日', '2025-06-30'],
    ['6月底前', '2025-06-30'],
    ['2025年2月底', '2025-02-28'],
    ['2024年2月底', '2024-02-29'],
    ['2025.12', '2025-12-31'],
    ['2025-06', '2025-06-30'],
    ['2025/6/30', '2025-06-30'],
    ['2025-06-30', '2025-06-30'],
    ['2025.6.30', '2025-06-30'],
    ['20250630', '2025-06-30'],
    ['２０２５年６月底前', '2025-06-30'],
    ['全年', '2025-12-31'],
    ['年底前', '2025-12-31'],
    ['2026年底前', '2026-12-31'],
    ['2025年内', '2025-12-31'],
    ['一季度', '2025-03-31'],
    ['2025年第二季度', '2025-06-30'],
    ['三季度末', '2025-09-30'],
    ['Q4', '2025-12-31'],
    ['前三季度', '2025-09-30'],
    ['上半年', '2025-06-30'],
    ['2026年上半年', '2026-06-30'],
    ['下半年', '2025-12-31'],
    ['6月上旬', '2025-06-10'],
    ['6月中旬', '2025-06-20'],
    ['6月下旬', '2025-06-30'],
    ['2025年6月底前完成方案，12月底前建成', '2025-12-31'],
    ['2025-2027年', '2027-12-31'],
    ['2025', '2025-12-31'],
  ])('%s → %s', (text, date) => {
    expect(parseDeadline(text, y2025).date).toBe(date);
  });

  it('keeps the text as written', () => {
    expect(parseDeadline(' 全年 ', y2025)).toEqual({ text: '全年', date: '2025-12-31', ongoing: false });
    expect(parseDeadline('2025年6月\n底前', y2025).text).toBe('2025年6月底前');
  });

  it.each(['长期坚持', '持续推进', '常态化', '常态化推进'])('%s is open-ended: date null, text kept', (text) => {
    expect(parseDeadline(text, y2025)).toEqual({ text, date: null, ongoing: true });
  });

  it('reads Excel serials and Date cells (UTC)', () => {
    expect(parseDeadline(45838)).toEqual({ text: '2025年6月30日', date: '2025-06-30', ongoing: false });
    expect(parseDeadline(45838.75).date).toBe('2025-06-30');
    expect(parseDeadline(new Date(Date.UTC(2025, 11, 31)))).toEqual({ text: '2025年12月31日', date: '2025-12-31', ongoing: false });
    expect(parseDeadline(2025.12).date).toBe('2025-12-31');
  });

  it('refuses impossible dates and unknown text', () => {
    expect(parseDeadline('2025-02-30').date).toBeNull();
    expect(parseDeadline('2025年13月').date).toBeNull();
    expect(parseDeadline('尽快', y2025)).toEqual({ text: '尽快', date: null, ongoing: false });
    expect(parseDeadline('')).toEqual({ text: '', date: null, ongoing: false });
    expect(parseDeadline(null).date).toBeNull();
  });
});

describe('parseDeadline: dates as CSV files from other programs write them', () => {
  it.each([
    ['12/31/2025', '2025-12-31'],
    ['6/30/2025', '2025-06-30'],
    ['2025/12/31', '2025-12-31'],
    ['31/12/2025', '2025-12-31'],
    ['31.12.2025', '2025-12-31'],
    ['6/6/2025', '2025-06-06'],
  ])('%s → %s', (text, date) => {
    expect(parseDeadline(text, y2025).date).toBe(date);
  });

  it('leaves 05/06/2025 (May 6th or June 5th) unread rather than guess, and warns like any unknown text', () => {
    expect(parseDeadline('05/06/2025', y2025)).toEqual({ text: '05/06/2025', date: null, ongoing: false });
    expect(parseDeadline('2/30/2025', y2025).date).toBeNull();
  });
});
