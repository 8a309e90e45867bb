import { describe, expect, it } from 'vitest';
import { layoutHeader } from '../../../electron/core/excel/styled/header-layout';
import { cellText, looksLikeFormula, sheetName } from '../../../electron/core/excel/styled/safe-text';
import { MAX_ROW_HEIGHT_PT, rowHeightPt, widthToFit, wrappedLines } from '../../../electron/core/excel/styled/text-metrics';

describe('multi-level header layout', () => {
  it('puts 责任单位 over 牵头/负责/配合 and lets single columns span both header rows', () => {
    const { depth, cells } = layoutHeader([['编号'], ['名称'], ['责任单位', '牵头'], ['责任单位', '负责'], ['责任单位', '配合'], ['完成时限']]);
    expect(depth).toBe(2);
    expect(cells).toContainEqual({ label: '责任单位', row: 0, col: 2, toRow: 0, toCol: 4 });
    expect(cells).toContainEqual({ label: '编号', row: 0, col: 0, toRow: 1, toCol: 0 });
    expect(cells).toContainEqual({ label: '配合', row: 1, col: 4, toRow: 1, toCol: 4 });
    expect(cells).toContainEqual({ label: '完成时限', row: 0, col: 5, toRow: 1, toCol: 5 });
  });

  it('does not merge two groups that only share a label at a lower level', () => {
    const { cells } = layoutHeader([['甲', '计划'], ['乙', '计划']]);
    expect(cells.filter((c) => c.row === 0).map((c) => [c.label, c.col, c.toCol])).toEqual([['甲', 0, 0], ['乙', 1, 1]]);
  });

  it('is one row when no column has a group', () => {
    expect(layoutHeader([['编号'], ['名称']]).depth).toBe(1);
  });
});

describe('CJK row heights', () => {
  const sentence = '突出就业优先导向，大规模开展职业技能培训，推动劳动者技能提升。'; // 30 characters

  it('counts wide characters at about two units, so 30 of them need two lines in a 40-wide column', () => {
    expect(wrappedLines(sentence, 80)).toBe(1);
    expect(wrappedLines(sentence, 40)).toBe(2);
    expect(wrappedLines(`${sentence}\n${sentence}`, 80)).toBe(2);
  });

  it('keeps Latin words and numbers whole when they fit', () => {
    expect(wrappedLines('2025-06-30 2025-06-30', 12)).toBe(2);
    expect(wrappedLines('', 10)).toBe(1);
  });

  it('grows the row with the tallest cell and never beyond Excel’s limit', () => {
    const one = rowHeightPt([{ text: '短', width: 10 }]);
    const three = rowHeightPt([{ text: '短', width: 10 }, { text: sentence, width: 24 }]);
    expect(three).toBeGreaterThan(one * 2);
    expect(rowHeightPt([{ text: sentence.repeat(100), width: 20 }])).toBe(MAX_ROW_HEIGHT_PT);
    expect(rowHeightPt([{ text: '', width: 10 }], 11, 3)).toBeGreaterThan(one * 2);
  });

  it('widens a column whose longest text would not fit the tallest row', () => {
    const long = sentence.repeat(15);
    const w = widthToFit([long, '短'], 30, 80);
    expect(w).toBeGreaterThan(30);
    expect(rowHeightPt([{ text: long, width: w }])).toBeLessThan(MAX_ROW_HEIGHT_PT);
    expect(widthToFit(['短'], 30, 80)).toBe(30);
  });
});

describe('safe cell text and sheet names', () => {
  it('drops characters XML forbids and keeps formula-looking text as text', () => {
    expect(cellText('a\u0001b\r\nc')).toBe('ab\nc');
    expect(cellText('=SUM(A1)')).toBe('=SUM(A1)');
    expect(looksLikeFormula('=1+1')).toBe(true);
    expect(looksLikeFormula('-3')).toBe(true);
    expect(looksLikeFormula('推进中')).toBe(false);
    expect(cellText('字'.repeat(40000))).toHaveLength(32767);
  });

  it('makes sheet names valid and unique', () => {
    expect(sheetName('省发展改革委/省商务厅[联合]', new Set())).toBe('省发展改革委省商务厅联合');
    expect(sheetName('填报表', new Set(['填报表']))).toBe('填报表(2)');
    expect(sheetName('很'.repeat(40), new Set())).toHaveLength(31);
  });
});
