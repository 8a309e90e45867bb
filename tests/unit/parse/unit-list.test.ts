import { describe, expect, it } from 'vitest';
import { isJointPhrase, parseUnitCell, splitUnits } from '../../../electron/core/parse/unit-list';

describe('splitUnits', () => {
  it('splits on every separator and line breaks', () => {
    expect(splitUnits('省发展改革委、省商务厅，省财政厅,省民政厅；省国资委;省医保局/省机关事务局\n省体育局／省林业局\r\n省能源局｜省数据局')).toEqual([
      '省发展改革委', '省商务厅', '省财政厅', '省民政厅', '省国资委', '省医保局', '省机关事务局', '省体育局', '省林业局', '省能源局', '省数据局',
    ]);
  });

  it('strips a trailing 等 and role words, drops placeholders and duplicates', () => {
    expect(splitUnits('省住房城乡建设厅、省机关事务局等按职责分工负责')).toEqual(['省住房城乡建设厅', '省机关事务局']);
    expect(splitUnits('省商务厅等单位')).toEqual(['省商务厅']);
    expect(splitUnits('省商务厅牵头、省商务厅、无、/、—')).toEqual(['省商务厅']);
    expect(splitUnits('省工业和信息化厅（牵头）')).toEqual(['省工业和信息化厅']);
    expect(splitUnits('')).toEqual([]);
  });
});

describe('parseUnitCell', () => {
  it('reads 牵头 … 按职责分工负责 as lead and coop', () => {
    expect(parseUnitCell('省商务厅牵头，省文化和旅游厅、省广电局等按职责分工负责')).toEqual({
      lead: ['省商务厅'], resp: [], coop: ['省文化和旅游厅', '省广电局'], joint: false,
    });
  });

  it('reads a list with 按职责分工负责 as joint responsibility', () => {
    expect(parseUnitCell('省市场监管局、人民银行湖南省分行等按职责分工负责')).toEqual({
      lead: [], resp: ['省市场监管局', '人民银行湖南省分行'], coop: [], joint: true,
    });
    expect(parseUnitCell('省数据局、省财政厅按职能分工负责').joint).toBe(true);
  });

  it('reads 分别牵头, 牵头负责 and labelled cells', () => {
    expect(parseUnitCell('省发展改革委、省财政厅分别牵头').lead).toEqual(['省发展改革委', '省财政厅']);
    expect(parseUnitCell('省发展改革委、省财政厅牵头负责').lead).toEqual(['省发展改革委', '省财政厅']);
    expect(parseUnitCell('牵头单位：省发展改革委\n配合单位：省财政厅、省商务厅')).toEqual({
      lead: ['省发展改革委'], resp: [], coop: ['省财政厅', '省商务厅'], joint: false,
    });
    expect(parseUnitCell('责任单位:省林业局').resp).toEqual(['省林业局']);
  });

  it('puts a plain list in the column role and honours （牵头） marks', () => {
    expect(parseUnitCell('省国资委、省科技厅', 'coop').coop).toEqual(['省国资委', '省科技厅']);
    expect(parseUnitCell('省科技厅（牵头）、省教育厅', 'resp')).toEqual({ lead: ['省科技厅'], resp: ['省教育厅'], coop: [], joint: false });
    expect(parseUnitCell('省住房城乡建设厅等按职责分工负责', 'coop')).toEqual({ lead: [], resp: [], coop: ['省住房城乡建设厅'], joint: false });
    expect(isJointPhrase('按职责分工负责')).toBe(true);
  });
});
