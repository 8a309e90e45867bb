import { describe, expect, it } from 'vitest';
import { isPinyinQuery, matchesPinyin, nameKeys, pinyinOf } from '../../../electron/core/names/pinyin';
import { byPinyin, unitMatches, unitPicker } from '../../../renderer/src/components/common/unit-options';

const unit = (id: number, name: string, aliases: string[] = []) => ({ id, name, aliases, pinyin: nameKeys(name, aliases) });

describe('pinyin of unit names', () => {
  it('gives full pinyin and initials, with government readings (分行 is fen hang)', () => {
    expect(pinyinOf('省发改委')).toEqual(['shengfagaiwei', 'sfgw']);
    expect(pinyinOf('中国人民银行湖南省分行')[0]).toBe('zhongguorenminyinhanghunanshengfenhang');
    expect(pinyinOf('长沙市人民政府')[1]).toBe('cssrmzf');
  });

  it('fgw finds 省发展改革委 by its short form 省发改委 (no alias needed), and full pinyin works too', () => {
    const keys = nameKeys('省发展改革委');
    expect(keys).toContain('省发改委');
    expect(nameKeys('省人力资源社会保障厅')).toContain('srst');
    expect(matchesPinyin('fgw', keys)).toBe(true);
    expect(matchesPinyin('FGW', keys)).toBe(true);
    expect(matchesPinyin('fazhangaige', keys)).toBe(true);
    expect(matchesPinyin('jyt', keys)).toBe(false);
    expect(isPinyinQuery('fgw')).toBe(true);
    expect(isPinyinQuery('消费')).toBe(false);
    expect(isPinyinQuery('f')).toBe(false);
  });

  it('pickers list units in pinyin order and find them by name, alias, initials or full pinyin', () => {
    const units = [unit(1, '省商务厅'), unit(2, '省发展改革委'), unit(3, '省财政厅'), unit(4, '省教育厅')];
    expect(byPinyin(units).map((u) => u.name)).toEqual(['省财政厅', '省发展改革委', '省教育厅', '省商务厅']);
    const { data, filter } = unitPicker(units);
    const found = (search: string) => filter({ options: data, search, limit: 50 }).map((o) => ('label' in o ? o.label : ''));
    expect(found('fgw')).toEqual(['省发展改革委']);
    expect(found('swt')).toEqual(['省商务厅']);
    expect(found('caizheng')).toEqual(['省财政厅']);
    expect(found('发改')).toEqual(['省发展改革委']);
    expect(found('发改委')).toEqual(['省发展改革委']);
    expect(found('厅')).toEqual(['省财政厅', '省教育厅', '省商务厅']);
    expect(unitMatches(units[1], '')).toBe(true);
  });
});
