import { describe, expect, it } from 'vitest';
import { extractTargets, parseQuantity } from '../../../electron/core/parse/quantity';

describe('parseQuantity', () => {
  it.each([
    ['70 万人以上', { comparator: '>=', value: 700000, unit: '人', display: '70万人' }],
    ['2000万元', { comparator: null, value: 2000, unit: '万元', display: '2000万元' }],
    ['1.1 万亿元', { comparator: null, value: 110000000, unit: '万元', display: '1.1万亿元' }],
    ['800 亿元', { comparator: null, value: 8000000, unit: '万元', display: '800亿元' }],
    ['5000元', { comparator: null, value: 0.5, unit: '万元', display: '5000元' }],
    ['9%', { comparator: null, value: 9, unit: '%', display: '9%' }],
    ['增长 5.5% 以上', { comparator: '>=', value: 5.5, unit: '%', display: '5.5%' }],
    ['158.51 家', { comparator: null, value: 158.51, unit: '家', display: '158.51家' }],
    ['不低于 97.3%', { comparator: '>=', value: 97.3, unit: '%', display: '97.3%' }],
    ['约2000万', { comparator: '=', value: 20000000, unit: '', display: '2000万' }],
    ['超过42.5%', { comparator: '>', value: 42.5, unit: '%', display: '42.5%' }],
    ['不超过 3 个百分点', { comparator: '<=', value: 3, unit: '个百分点', display: '3个百分点' }],
    ['8% 左右', { comparator: '=', value: 8, unit: '%', display: '8%' }],
    ['７．７亿人次', { comparator: null, value: 770000000, unit: '人次', display: '7.7亿人次' }],
    ['突破 1.8 万家', { comparator: '>=', value: 18000, unit: '家', display: '1.8万家' }],
    ['100万千瓦', { comparator: null, value: 1000000, unit: '千瓦', display: '100万千瓦' }],
    ['1—2个', { comparator: '>=', value: 1, unit: '个', display: '1-2个' }],
    ['1,000 场以上', { comparator: '>=', value: 1000, unit: '场', display: '1,000场' }],
  ])('%s', (text, expected) => {
    expect(parseQuantity(text)).toEqual(expected);
  });

  it('passes numbers through and returns null without a number', () => {
    expect(parseQuantity(12.5)).toEqual({ comparator: null, value: 12.5, unit: '', display: '12.5' });
    expect(parseQuantity('长期坚持')).toBeNull();
    expect(parseQuantity('')).toBeNull();
    expect(parseQuantity(null)).toBeNull();
  });
});

describe('extractTargets', () => {
  it('labels each quantity with the words before it', () => {
    const targets = extractTargets('新增城镇就业 70 万人以上，社会消费品零售总额增长 5.5% 以上，空气优良比例不低于 97.3%。');
    expect(targets.map((t) => [t.label, t.comparator, t.value, t.unit])).toEqual([
      ['新增城镇就业', '>=', 700000, '人'],
      ['社会消费品零售总额增长', '>=', 5.5, '%'],
      ['空气优良比例', '>=', 97.3, '%'],
    ]);
    expect(targets[0].text).toBe('新增城镇就业 70 万人以上');
  });

  it('uses the following words when nothing precedes, and skips years, ordinals and bare numbers', () => {
    const targets = extractTargets('推动2000家以上工业企业实施技术改造。2025 中国产业转移发展对接活动，扎实推进第一批12项重大改革，制定“1+N”政策体系，8 英寸碳化硅。');
    expect(targets.map((t) => [t.label, t.value, t.unit])).toEqual([
      ['推动工业企业实施技术改造', 2000, '家'],
      ['扎实推进第一批', 12, '项'],
    ]);
  });

  it('reads money into 万元 and full-width digits', () => {
    const [target] = extractTargets('旅游总收入达到 １．１ 万亿元');
    expect(target).toMatchObject({ label: '旅游总收入', comparator: '>=', value: 110000000, unit: '万元', display: '1.1万亿元' });
  });
});
