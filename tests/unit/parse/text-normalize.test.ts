import { describe, expect, it } from 'vitest';
import {
  chineseNumeralToNumber,
  collapseLineBreaks,
  normalizeCellText,
  parseNumbering,
  tidyMultiline,
  toHalfWidth,
} from '../../../electron/core/parse/text-normalize';

describe('text-normalize', () => {
  it('turns full-width forms and the ideographic space half-width', () => {
    expect(toHalfWidth('２０２５年６月　ＡＢｃ％')).toBe('2025年6月 ABc%');
  });

  it('collapses in-cell line breaks: tight between Chinese, a space between Latin words', () => {
    expect(collapseLineBreaks('推动增收\r\n减负')).toBe('推动增收减负');
    expect(collapseLineBreaks('AI\nchips')).toBe('AI chips');
    expect(normalizeCellText('  省发展\n改革委   牵头 ')).toBe('省发展改革委 牵头');
    expect(tidyMultiline(' 1.甲 \n\n 2.乙 ')).toBe('1.甲\n2.乙');
  });

  it.each([
    ['一、大力提振消费', 1, '一、', 1, '大力提振消费'],
    ['十二、其他', 1, '十二、', 12, '其他'],
    ['（一）大力提振消费', 2, '（一）', 1, '大力提振消费'],
    ['(二) 全力推进产业项目招引落地', 2, '(二)', 2, '全力推进产业项目招引落地'],
    ['1. 推动增收减负', 3, '1.', 1, '推动增收减负'],
    ['12、完善政策', 3, '12、', 12, '完善政策'],
    ['１．全角', 3, '１．', 1, '全角'],
    ['（1）做好申报', 4, '（1）', 1, '做好申报'],
    ['(10)做好申报', 4, '(10)', 10, '做好申报'],
    ['③第三项', 5, '③', 3, '第三项'],
  ])('parseNumbering(%s)', (text, level, label, value, rest) => {
    expect(parseNumbering(text)).toEqual({ level, label, value, rest });
  });

  it('does not read dates, bare numbers or plain text as numbering', () => {
    expect(parseNumbering('2025.12')).toBeNull();
    expect(parseNumbering('1')).toBeNull();
    expect(parseNumbering('推动增收减负')).toBeNull();
    expect(chineseNumeralToNumber('二十一')).toBe(21);
    expect(chineseNumeralToNumber('一百零五')).toBe(105);
    expect(chineseNumeralToNumber('大')).toBeNull();
  });
});
