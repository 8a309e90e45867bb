import { describe, expect, it } from 'vitest';
import { completionRatio, formatQuantity, formatTarget, reportedInTargetUnit, targetMet, writtenScale } from '../../../electron/core/targets/ratio';
import { targetsOfText } from '../../../electron/core/targets/derive-targets';
import { parseQuantity } from '../../../electron/core/parse/quantity';

describe('completion ratio', () => {
  it('≥ target: value ÷ target (新增城镇就业 70 万人以上, 56 万人 reported → 80%)', () => {
    const t = parseQuantity('70 万人以上')!;
    const v = parseQuantity('56万人')!;
    expect(completionRatio(t.comparator, t.value, v.value)).toBe(0.8);
    expect(targetMet(t.comparator, t.value, v.value)).toBe(false);
    expect(completionRatio('>=', 700000, 770000)).toBe(1.1);
    expect(targetMet('>=', 700000, 770000)).toBe(true);
  });

  it('≤ target: within the limit is 1; above it, target ÷ value (or the way from the baseline)', () => {
    const t = parseQuantity('城镇调查失业率控制在5.5%以内')!;
    expect(t.comparator).toBe('<=');
    expect(completionRatio(t.comparator, t.value, 5.2)).toBe(1);
    expect(targetMet(t.comparator, t.value, 5.2)).toBe(true);
    expect(completionRatio(t.comparator, t.value, 6.6)).toBe(0.8333);
    expect(targetMet(t.comparator, t.value, 6.6)).toBe(false);
    // baseline 7%, target ≤ 5.5%, now 6.4%: 0.6 of the way down
    expect(completionRatio('<=', 5.5, 6.4, 7)).toBe(0.4);
    expect(completionRatio('<=', 5.5, 7.5, 7)).toBe(0);
  });

  it('a zero target is met or not', () => {
    expect(completionRatio('<=', 0, 0)).toBe(1);
    expect(completionRatio('<=', 0, 2)).toBe(0);
    expect(completionRatio('>=', 0, 3)).toBe(1);
  });

  it('nothing reported is no ratio', () => {
    expect(completionRatio('>=', 100, null)).toBeNull();
    expect(targetMet('>=', 100, null)).toBeNull();
  });
});

describe('reported values in the target unit', () => {
  it('knows the scale a target was written in', () => {
    expect(writtenScale(700000, '新增城镇就业70万人以上')).toBe(10000);
    expect(writtenScale(2000, '总投资2000万元')).toBe(1);
    expect(writtenScale(110000000, '1.1万亿元')).toBe(100000000);
    expect(writtenScale(9, '增长9%')).toBe(1);
  });

  it('reads 72 against 70 万人 as 72 万人, but 50000 as 50000 people', () => {
    const target = { value: 700000, rawText: '新增城镇就业70万人以上' };
    expect(reportedInTargetUnit(72, target)).toBe(720000);
    expect(reportedInTargetUnit(50000, target)).toBe(50000);
    expect(reportedInTargetUnit(5000, target)).toBe(5000);
  });

  it('writes quantities the way offices do', () => {
    expect(formatQuantity(700000, '人')).toBe('70万人');
    expect(formatQuantity(110000000, '万元')).toBe('1.1万亿元');
    expect(formatQuantity(25000, '万元')).toBe('2.5亿元');
    expect(formatQuantity(2000, '万元')).toBe('2000万元');
    expect(formatQuantity(9, '%')).toBe('9%');
    expect(formatTarget('>=', 700000, '人')).toBe('≥ 70万人');
    expect(formatTarget('<=', 5.5, '%')).toBe('≤ 5.5%');
  });
});

describe('targets of a task text', () => {
  it('finds labelled targets in canonical units, ≥ when the text states no comparator', () => {
    const ts = targetsOfText('稳就业', '突出就业优先导向，全年新增城镇就业70万人以上，新建项目总投资1.1万亿元。增选50家夜间文旅消费聚集示范区。');
    expect(ts.map((t) => [t.comparator, t.value, t.unit])).toEqual([
      ['>=', 700000, '人'],
      ['>=', 110000000, '万元'],
      ['>=', 50, '家'],
    ]);
    expect(ts[0].label).toContain('新增城镇就业');
  });

  it('finds nothing in a text without quantities', () => {
    expect(targetsOfText('完善消费政策', '实施提振消费专项行动，制定“1+N”政策体系。')).toEqual([]);
  });
});
