import { describe, expect, it } from 'vitest';
import { codeTitle, headingNumber, listCode } from '../../../shared/contract/item-code';
import { isHierarchicalCode } from '../../../electron/core/parse/text-normalize';

describe('the 编号 a list shows', () => {
  it('gives a number inside a section its section number: 1 under （三） is 3-1, under 一、 is 1-1', () => {
    expect(listCode('1', '（三）加快科技成果转化')).toBe('3-1');
    expect(listCode('12', '（十二）强化要素保障')).toBe('12-12');
    expect(listCode('2', '一、稳增长')).toBe('1-2');
    expect(listCode('4', '（二）提高投资效益', '（1）推进重大项目')).toBe('2-1-4');
  });

  it('keeps a code that already says where it sits, and one outside a numbered section', () => {
    expect(listCode('3-1', '（三）加快科技成果转化')).toBe('3-1');
    expect(listCode('（一）1', '（一）大力提振消费')).toBe('（一）1');
    expect(listCode('1.2', '')).toBe('1.2');
    expect(listCode('7', '')).toBe('7');
    expect(listCode('7', '重点任务')).toBe('7');
    expect(listCode('', '（一）大力提振消费')).toBe('');
  });

  it('reads heading numbers written in Chinese or digits', () => {
    expect(headingNumber('（二十一）其他')).toBe(21);
    expect(headingNumber('第三部分 保障措施')).toBe(3);
    expect(headingNumber('２. 加强协调')).toBe(2);
    expect(headingNumber('大力提振消费')).toBeNull();
  });
});

describe('hierarchical codes are kept as written on import', () => {
  it.each(['3-1', '1.2', '2.1.3', '（一）1', '(二)3', '一、2', '3－1'])('%s is hierarchical', (code) => {
    expect(isHierarchicalCode(code)).toBe(true);
  });
  it.each(['7', '12', '1.', '一', '（一）', ''])('%s is not', (code) => {
    expect(isHierarchicalCode(code)).toBe(false);
  });
});

describe('an item named by its 编号 and title', () => {
  it('puts the 编号 before the title, and gives the title alone when there is none', () => {
    expect(codeTitle('2-1', '促消费活动')).toBe('2-1 促消费活动');
    expect(codeTitle('', '促消费活动')).toBe('促消费活动');
    expect(codeTitle(undefined, '促消费活动')).toBe('促消费活动');
  });
});
