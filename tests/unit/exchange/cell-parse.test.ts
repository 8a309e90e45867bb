import { describe, expect, it } from 'vitest';
import { parseRatio, parseStatus, parseValue } from '../../../electron/core/exchange/cell-parse';

describe('reading fill cells of a returned template', () => {
  it('reads 完成比例 from numbers and plain text silently, 约80% with a note, and refuses words', () => {
    expect(parseRatio(80)).toEqual({ value: 80 });
    expect(parseRatio('80%')).toEqual({ value: 80 });
    expect(parseRatio('８０')).toEqual({ value: 80 });
    expect(parseRatio(null)).toEqual({ value: null });
    const approx = parseRatio('约80%');
    expect(approx.value).toBe(80);
    expect(approx.warning).toContain('约80%');
    const word = parseRatio('过半');
    expect(word.value).toBeNull();
    expect(word.error).toContain('过半');
    expect(parseRatio(120).error).toContain('0—100');
  });

  it('reads 约2000万 as 2000万, never 0: 2000 when the target is in 万元, 20000000 otherwise', () => {
    const wan = parseValue('约2000万', '万元');
    expect(wan.value).toBe(2000);
    expect(wan.warning).toContain('约2000万');
    expect(parseValue('约2000万', '').value).toBe(20000000);
    expect(parseValue('约2000万元', '万元').value).toBe(2000);
    expect(parseValue('1.2万人', '人').value).toBe(12000);
    expect(parseValue(7200, '人')).toEqual({ value: 7200 });
    expect(parseValue('7,200', '人')).toEqual({ value: 7200 });
    expect(parseValue('尚未统计', '人').error).toContain('不是数字');
  });

  it('reads 状态 from the dropdown words and common synonyms', () => {
    expect(parseStatus('推进中')).toEqual({ value: 'in_progress' });
    expect(parseStatus('已完成')).toEqual({ value: 'done' });
    expect(parseStatus('进行中')).toMatchObject({ value: 'in_progress', warning: expect.stringContaining('推进中') });
    expect(parseStatus('')).toEqual({ value: null });
    expect(parseStatus('差不多了').error).toContain('不是可选的状态');
  });
});
