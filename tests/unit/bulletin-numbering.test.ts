import { describe, expect, it } from 'vitest';
import { chineseNumber, headingNumber } from '../../electron/core/services/bulletin-numbering';

describe('Chinese numbering of the bulletin', () => {
  it('writes numbers the way a 公文 does', () => {
    const cases: [number, string][] = [
      [1, '一'], [9, '九'], [10, '十'], [11, '十一'], [19, '十九'], [20, '二十'], [21, '二十一'], [99, '九十九'],
      [100, '一百'], [101, '一百零一'], [110, '一百一十'], [111, '一百一十一'], [120, '一百二十'], [1000, '一千'], [1005, '一千零五'], [2030, '二千零三十'],
    ];
    expect(cases.map(([n]) => chineseNumber(n))).toEqual(cases.map(([, s]) => s));
  });

  it('numbers every level: 一、（一）1.（1）, never （11）', () => {
    expect([headingNumber(1, 3), headingNumber(2, 11), headingNumber(3, 12), headingNumber(4, 2)]).toEqual(['三、', '（十一）', '12.', '（2）']);
    const seconds = Array.from({ length: 102 }, (_, i) => headingNumber(2, i + 1));
    expect(seconds.filter((s) => /\d/.test(s))).toEqual([]);
    expect(seconds.slice(9, 12)).toEqual(['（十）', '（十一）', '（十二）']);
    expect(seconds[101]).toBe('（一百零二）');
  });
});
