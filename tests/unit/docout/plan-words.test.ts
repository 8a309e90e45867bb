import { describe, expect, it } from 'vitest';
import { placeName } from '../../../electron/core/docout/plan-draft';
import { partName, stripNumbering, unitsPhrase } from '../../../electron/core/docout/plan-outline';
import { titleLines } from '../../../electron/core/docx/title-lines';

describe('words of the 落实方案', () => {
  it('writes the units as the seed does: 牵头, then 等按职责分工负责, the deadline after a semicolon', () => {
    expect(unitsPhrase(['市发展改革局'], ['市商务局'], '')).toBe('（市发展改革局牵头，市商务局等按职责分工负责）');
    expect(unitsPhrase(['市发展改革局', '市商务局'], [], '')).toBe('（市发展改革局、市商务局牵头）');
    expect(unitsPhrase([], ['市财政局', '市审计局'], '')).toBe('（市财政局、市审计局等按职责分工负责）');
    expect(unitsPhrase(['市发展改革局'], ['市商务局'], '2025年12月底前')).toBe('（市发展改革局牵头，市商务局等按职责分工负责；完成时限：2025年12月底前）');
    expect(unitsPhrase([], [], '2025年6月30日')).toBe('（完成时限：2025年6月30日）');
    expect(unitsPhrase([], [], '')).toBe('');
  });

  it('names the place from the region, else from the office name', () => {
    expect(placeName({ name: '汨罗市七大攻坚工作专班办公室', level: '县', region: '湖南省岳阳市汨罗市', parentName: '' })).toBe('汨罗市');
    expect(placeName({ name: '岳阳市七大攻坚工作专班办公室', level: '市', region: '', parentName: '' })).toBe('岳阳市');
    expect(placeName({ name: '平江县攻坚办', level: '县', region: '湖南省岳阳市平江县', parentName: '' })).toBe('平江县');
    expect(placeName({ name: '攻坚办', level: '县', region: '', parentName: '' })).toBe('');
  });

  it('renumbers sections and names parts without 实施方案', () => {
    expect(stripNumbering('(二) 全力推进产业项目招引落地')).toBe('全力推进产业项目招引落地');
    expect(stripNumbering('（十二）优化营商环境')).toBe('优化营商环境');
    expect(stripNumbering('一、攻坚任务')).toBe('攻坚任务');
    expect(partName('内需扩量提效攻坚实施方案')).toBe('内需扩量提效攻坚');
    expect(partName('实施方案')).toBe('实施方案');
  });

  it('breaks a long title between words (after ” 》, before “ 《), an explicit line break wins', () => {
    expect(titleLines('汨罗市落实《湖南省实施“七大攻坚”总体方案》实施方案', 19)).toEqual(['汨罗市落实《湖南省实施“七大攻坚”', '总体方案》实施方案']);
    expect(titleLines('2025年第5期调度通报', 19)).toEqual(['2025年第5期调度通报']);
    expect(titleLines('汨罗市落实《总体方案》\n实施方案', 19)).toEqual(['汨罗市落实《总体方案》', '实施方案']);
    const noBreak = '一二三四五六七八九十一二三四五六七八九十一二三';
    expect(titleLines(noBreak, 19)).toEqual([noBreak]);
  });
});
